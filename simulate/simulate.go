package simulate

import (
	"maps"
	"slices"
	"strconv"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// Simulate evaluates every action of in on every resource, as
// SimulateCustomPolicy does, and returns the response. It checks in first:
// on any problem it returns a nil Response and a [diag.ErrorList] holding every
// problem, positioned in the document when in came from [ParseInput].
//
// With MaxItems the response holds at most that many results, from Marker
// on, and says with IsTruncated and Marker where the next page starts, as
// the IAM API does; without MaxItems it holds every result, as the AWS CLI
// prints them after following every Marker. The response holds its
// results in memory: use [Run] to handle them one at a time.
func Simulate(in *Input) (*Response, error) {
	resp := &Response{EvaluationResults: []EvaluationResult{}}
	page, err := Run(in, func(r *EvaluationResult) error {
		resp.EvaluationResults = append(resp.EvaluationResults, *r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	resp.IsTruncated, resp.Marker = page.IsTruncated, page.Marker
	return resp, nil
}

// Page says where the results [Run] produced stop: IsTruncated is true
// when MaxItems cut them short, and Marker is then the Marker that asks
// for the next page.
type Page struct {
	IsTruncated bool
	Marker      string
}

// Run evaluates in as [Simulate] does, but hands each EvaluationResult to
// emit as soon as it is decided and keeps none, so that memory does not
// grow with the number of actions times resources: each request is built
// when its turn comes. Results come in the order of [Response]. emit must
// not keep r, which Run reuses; an error from emit stops Run and is
// returned.
//
// Every problem of the input, including those of the requests (checked
// for every action and every resource before the first result), is
// reported before emit is first called. A request that is invalid only as
// the combination of its action and resource is reported when its turn
// comes, as a [diag.ErrorList] after the results before it.
func Run(in *Input, emit func(r *EvaluationResult) error) (Page, error) {
	if in == nil {
		return Page{}, diag.ErrorList{{Kind: ErrMissing, Msg: "no input"}}
	}
	p, errs := in.compile()
	errs.SortByPosition()
	if err := errs.Err(); err != nil {
		return Page{}, err
	}
	var r EvaluationResult
	for k := p.start; k < p.end; k++ {
		q, e := p.pair(k/len(p.resources), k%len(p.resources))
		if e != nil {
			e.Pos = in.src.of(e.Path)
			return Page{}, diag.ErrorList{e}
		}
		r = p.result(q)
		if err := emit(&r); err != nil {
			return Page{}, err
		}
	}
	if p.end < len(p.actions)*len(p.resources) {
		return Page{IsTruncated: true, Marker: strconv.Itoa(p.end)}, nil
	}
	return Page{}, nil
}

// result evaluates one request and reports it in the simulator's shape.
func (p *plan) result(q pair) EvaluationResult {
	set := &p.set
	if q.set != nil {
		set = q.set
	}
	x := iameval.Explain(set, q.req)
	matched := p.matched(x.Deciding)
	missing := x.MissingKeys
	if missing == nil {
		missing = []string{}
	}
	r := EvaluationResult{
		EvalActionName:       q.action,
		EvalResourceName:     q.resource,
		EvalDecision:         x.Decision,
		MatchedStatements:    matched,
		MissingContextValues: missing,
		IamevalWarnings:      p.warn.warnings(q.action, q.resource),
	}
	if x.AllowedByOrganizations != nil {
		r.OrganizationsDecisionDetail = &OrganizationsDecisionDetail{AllowedByOrganizations: *x.AllowedByOrganizations}
	}
	if x.AllowedByPermissionsBoundary != nil {
		r.PermissionsBoundaryDecisionDetail = &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: *x.AllowedByPermissionsBoundary}
	}
	var details map[string]iameval.Decision
	if q.cross {
		details = typeDecisions(x.Types)
	}
	if q.resource == "*" {
		r.EvalDecisionDetails = details
		return r
	}
	if details == nil {
		details = map[string]iameval.Decision{}
	}
	r.EvalDecisionDetails = details
	var resourceDetails map[string]iameval.Decision
	if q.cross {
		resourceDetails = maps.Clone(details)
	}
	r.MissingContextValues = []string{}
	r.ResourceSpecificResults = []ResourceSpecificResult{{
		EvalResourceName:                  q.resource,
		EvalResourceDecision:              x.Decision,
		MatchedStatements:                 slices.Clone(matched),
		MissingContextValues:              slices.Clone(missing),
		EvalDecisionDetails:               resourceDetails,
		PermissionsBoundaryDecisionDetail: r.PermissionsBoundaryDecisionDetail.clone(),
	}}
	return r
}

// matched converts the deciding statements of an explanation.
func (p *plan) matched(refs []iameval.StatementRef) []Statement {
	out := make([]Statement, 0, len(refs))
	for _, ref := range refs {
		sp := p.spans[stmtKey{ref.PolicyID, ref.Index}]
		id := ref.PolicyID
		if n, ok := p.names[id]; ok {
			id = n
		}
		out = append(out, Statement{
			SourcePolicyID:   id,
			SourcePolicyType: sourceType(ref.PolicyType),
			StartPosition:    sp.start,
			EndPosition:      sp.end,
		})
	}
	return out
}

// typeDecisions gives each consulted policy type's decision for a
// cross-account request. The resource side always has an entry: without a
// resource policy it did not allow.
func typeDecisions(types []iameval.TypeDetail) map[string]iameval.Decision {
	m := map[string]iameval.Decision{SourceResourcePolicy: iameval.ImplicitDeny}
	for _, t := range types {
		m[sourceType(t.Type)] = t.Decision
	}
	return m
}

// sourceType returns the SourcePolicyType of a policy type.
func sourceType(t policy.Type) string {
	switch t {
	case policy.PermissionsBoundary:
		return SourcePermissionsBoundaryPolicy
	case policy.Resource:
		return SourceResourcePolicy
	case policy.SCP:
		return SourceServiceControlPolicy
	case policy.RCP:
		return SourceResourceControlPolicy
	}
	return SourceIAMPolicy
}
