// Package report prints and keeps the decisions the example programs show:
// each seed case with its outcome and the explanations behind it. It is
// shared by the examples only.
package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/sts"
)

// Decision is one decision a program shows, named after its seed case.
type Decision struct {
	// ID is the seed case: "reference_policies_elements_action.md", "B2", ...
	ID string
	// Title says what is asked.
	Title string
	// Decision is the outcome: for an STS call, allowed when the call
	// succeeded, else the refusal's decision.
	Decision iameval.Decision
	// Explanations say why: every action an STS call was authorized as, or
	// the one that refused it; for a request, its explanation.
	Explanations []*iameval.Explanation
}

// Report prints decisions as they are made and keeps them.
type Report struct {
	w         io.Writer
	decisions []Decision
}

// New returns a Report that prints to w.
func New(w io.Writer) *Report { return &Report{w: w} }

// Decisions returns the decisions recorded so far, in order.
func (r *Report) Decisions() []Decision { return r.decisions }

// Section prints a heading.
func (r *Report) Section(title string) {
	fmt.Fprintf(r.w, "== %s ==\n\n", title)
}

// Add prints d with its explanations and records it.
func (r *Report) Add(d Decision) {
	r.decisions = append(r.decisions, d)
	fmt.Fprintf(r.w, "%s  %s\n    => %s\n", d.ID, d.Title, d.Decision)
	for _, x := range d.Explanations {
		for line := range strings.SplitSeq(strings.TrimRight(x.String(), "\n"), "\n") {
			fmt.Fprintf(r.w, "    %s\n", line)
		}
	}
	fmt.Fprintln(r.w)
}

// Call records the outcome of an STS call: allowed with the explanation of
// every action it was authorized as, or the refusal. Invalid input is a
// mistake of this program and is returned.
func (r *Report) Call(id, title string, err error, res *sts.Result) error {
	var denied *sts.DeniedError
	switch {
	case err == nil:
		r.Add(Decision{ID: id, Title: title, Decision: iameval.Allowed, Explanations: res.Checks})
	case errors.As(err, &denied):
		r.Add(Decision{ID: id, Title: title, Decision: denied.Explanation.Decision, Explanations: []*iameval.Explanation{denied.Explanation}})
	default:
		return fmt.Errorf("%s: %w", id, err)
	}
	return nil
}

// Request records a later request of the session res created, decided by
// the session's own policies and the resource policy of the target (nil
// when it has none), with the context keys the request carries.
func (r *Report) Request(id, title string, res *sts.Result, action, resource string, target *policy.Policy, keys map[string]string) error {
	if res == nil {
		return fmt.Errorf("%s: no session: the STS call that creates it was refused", id)
	}
	values := make(map[string]condition.Value, len(keys))
	for k, v := range keys {
		values[k] = condition.StringValue(v)
	}
	ctx, err := condition.NewContext(values)
	if err != nil {
		return fmt.Errorf("%s: %w", id, err)
	}
	q, err := iameval.NewRequest(iameval.RequestInput{Principal: res.Principal, Action: action, Resource: resource, Context: ctx})
	if err != nil {
		return fmt.Errorf("%s: %w", id, err)
	}
	ps := res.Policies
	ps.Resource = target
	x := iameval.Explain(&ps, q)
	r.Add(Decision{ID: id, Title: title, Decision: x.Decision, Explanations: []*iameval.Explanation{x}})
	return nil
}
