package account

import (
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
)

// Query holds what a question adds to the loaded accounts.
type Query struct {
	// Context holds request-context keys the caller supplies (aws:SourceIp,
	// aws:RequestedRegion, s3:prefix ...); they are set on every request.
	Context condition.Context
	// ResourceAccount is the account that owns a resource whose ARN names
	// none (an S3 bucket or object). When empty it is the one account the
	// exports describe; with several, such a resource is an error.
	ResourceAccount string
	// ReportMissing also reports the principals (or actions) that are not
	// allowed but whose evaluation looked up context keys the request
	// lacked, with those keys: supplying them could change the decision.
	ReportMissing bool
	// Explain attaches the explanation (deciding statements) to each result.
	Explain bool
	// Time is the time of the requests; zero means now.
	Time time.Time
}

// Result is one answer of [Accounts.WhoCan] or [Accounts.Can].
type Result struct {
	// Principal is the user or role.
	Principal *Principal
	// Action and Resource are the request's.
	Action, Resource string
	// Decision is allowed, or (with Query.ReportMissing) the decision of a
	// request that depends on MissingKeys.
	Decision iameval.Decision
	// MissingKeys are the context keys the evaluation looked up and the
	// request lacked (only with Explain or ReportMissing).
	MissingKeys []string
	// Explanation is set with Query.Explain or ReportMissing.
	Explanation *iameval.Explanation
	// Unchecked, set by Can past CanBudget, counts the example
	// resources of the action that were not tried: the action was not
	// found allowed on those tried, and may be on one of these. Decision
	// is then that of the best tried (ImplicitDeny when none told).
	Unchecked int
}

// resourceAccount returns the account that owns resource.
func (a *Accounts) resourceAccount(resource string, q *Query) (string, error) {
	if x, ok := arn.Parse(resource); ok && arn.IsAccountID(x.Account) {
		return x.Account, nil
	}
	if q.ResourceAccount != "" {
		if !arn.IsAccountID(q.ResourceAccount) {
			return "", fmt.Errorf("resource account %q is not a 12-digit account ID", q.ResourceAccount)
		}
		return q.ResourceAccount, nil
	}
	if len(a.accounts) == 1 {
		return a.accounts[0], nil
	}
	return "", fmt.Errorf("%q names no account and the exports describe %d accounts: give the account that owns it (--resource-account)", resource, len(a.accounts))
}

// request builds the request of p's caller.
func (a *Accounts) request(p *Principal, action, resource, owner string, q *Query, when time.Time) (*iameval.Request, error) {
	return iameval.NewRequest(iameval.RequestInput{
		Principal: p.Caller, Action: action, Resource: resource,
		ResourceAccount: owner, Context: q.Context, Time: when,
	})
}

// decide evaluates one request and makes its result; ok is false when the
// result is not reported.
func (a *Accounts) decide(p *Principal, req *iameval.Request, ps *iameval.PolicySet, q *Query) (Result, bool) {
	r := Result{Principal: p, Action: req.Action(), Resource: req.Resource()}
	if !q.Explain && !q.ReportMissing {
		r.Decision = iameval.Evaluate(ps, req)
		return r, r.Decision == iameval.Allowed
	}
	if !q.ReportMissing && iameval.Evaluate(ps, req) != iameval.Allowed {
		return r, false
	}
	x := iameval.Explain(ps, req)
	r.Decision, r.MissingKeys, r.Explanation = x.Decision, x.MissingKeys, x
	return r, r.Decision == iameval.Allowed || len(r.MissingKeys) > 0
}

// grantSet is the services for which p's identity policies have an Allow
// statement that can hold for an action (policy.Policy.AllowServices),
// collected once: asking every policy for each service of the catalogue
// took 3 s for a user of 100,000 inline policies (issue 15).
type grantSet struct {
	every    bool
	services map[string]bool
}

// grantSet returns the services p's identity policies may grant.
func (p *Principal) grantSet() grantSet {
	g := grantSet{services: map[string]bool{}}
	for _, q := range p.Identity {
		g.every = q.AllowServices(func(s string) { g.services[s] = true }) || g.every
	}
	return g
}

// mayGrant reports whether an Allow statement of the set can hold for an
// action of service (lower case). Without one, and without a resource
// policy, no request of p to the service is allowed: only the fixed
// outcomes of STS need no policy, and they are never skipped.
func (g grantSet) mayGrant(service string) bool {
	return service == "sts" || g.every || g.services[service]
}

// mayAllow reports whether some identity policy of p may allow r, its
// conditions and variables aside (policy.Policy.MayAllow). Without such a
// policy, and without a resource policy, r is not allowed.
func (p *Principal) mayAllow(r *policy.Request) bool {
	for _, q := range p.Identity {
		if q.MayAllow(r) {
			return true
		}
	}
	return false
}

// serviceOf returns the lower-case service prefix of an action.
func serviceOf(action string) string {
	s, _, _ := strings.Cut(action, ":")
	return strings.ToLower(s)
}

// WhoCan returns every user and role (as a session of it) of the loaded
// accounts that is allowed action on resource, in ARN order. The
// resource's own policy takes part when one is loaded; for sts:AssumeRole
// on a role, that is the role's trust policy. The SCPs of each principal's
// account and the RCPs of the resource's account take part when an
// organization input places them.
//
// The error reports a request that cannot be built (an action that is not
// service:Name, a resource that is neither an ARN nor "*", an unknown
// resource account); the sequence then is nil.
func (a *Accounts) WhoCan(action, resource string, q Query) (iter.Seq[Result], error) {
	owner, err := a.resourceAccount(resource, &q)
	if err != nil {
		return nil, err
	}
	when := q.Time
	if when.IsZero() {
		when = time.Now()
	}
	// Check the request once, so that the sequence has no errors.
	for _, p := range a.principals {
		if p.Caller != nil {
			if _, err := a.request(p, action, resource, owner, &q, when); err != nil {
				return nil, err
			}
			break
		}
	}
	rp := a.ResourcePolicy(resource)
	rcp := a.org[owner].rcp
	prefilter, err := policy.NewRequest(policy.RequestInput{Action: action, Resource: resource})
	usePrefilter := rp == nil && serviceOf(action) != "sts" && err == nil
	return func(yield func(Result) bool) {
		for _, p := range a.principals {
			if p.Caller == nil || (usePrefilter && !p.mayAllow(&prefilter)) {
				continue
			}
			req, err := a.request(p, action, resource, owner, &q, when)
			if err != nil {
				continue
			}
			ps := p.set
			ps.Resource, ps.RCP = rp, rcp
			if r, ok := a.decide(p, req, &ps, &q); ok && !yield(r) {
				return
			}
		}
	}, nil
}
