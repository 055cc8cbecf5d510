package account

import (
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
)

// CanBudget is the most policy evaluations (identity policies times
// example resources decided) one [Accounts.Can] query without a resource
// spends looking for an example resource that allows an action: a user
// of 30,000 inline policies that allow an action only under a condition
// that fails took minutes, each of their 30,000 example resources decided
// against every policy (issue 15). One action may spend a tenth of it.
// Past either an action's examples are no longer tried, and an action
// not found allowed by then is reported as not decided
// ([Result.Unchecked]), not left out. 20,000,000 is a few seconds; a
// user at AWS's quotas (20 managed policies and 10 groups of 10, some
// 18,000 example resources) spends far less.
const CanBudget = 20_000_000

// Can returns the actions among actions (typically every action of the
// catalogue) that p is allowed, in the order given.
//
// With a resource, each action is evaluated on it, the resource's own
// policy taking part. Without one (resource ""), an action is reported
// when it is allowed on some resource: on "*" or on one of the resources
// that p's identity-based Allow statements name for the action's service
// (their Resource entries, taken as written, as example resources), the
// first such resource being the result's Resource. For sts:AssumeRole
// every loaded role is tried too. The resource policy loaded for an example
// resource (a role's trust policy) takes part; grants that only a
// resource policy of an unnamed resource would give are not found, and
// an entry with policy variables is tried as written.
func (a *Accounts) Can(p *Principal, resource string, actions []string, q Query) (iter.Seq[Result], error) {
	return a.can(p, resource, actions, q, CanBudget)
}

// can is Can with the budget given (tests lower it).
func (a *Accounts) can(p *Principal, resource string, actions []string, q Query, budget int) (iter.Seq[Result], error) {
	when := q.Time
	if when.IsZero() {
		when = time.Now()
	}
	if resource != "" {
		owner, err := a.resourceAccount(resource, &q)
		if err != nil {
			return nil, err
		}
		ps := a.PolicySet(p, resource, owner)
		grants := p.grantSet()
		return func(yield func(Result) bool) {
			if p.Caller == nil {
				return
			}
			for _, action := range actions {
				if ps.Resource == nil && !grants.mayGrant(serviceOf(action)) {
					continue
				}
				req, err := a.request(p, action, resource, owner, &q, when)
				if err != nil {
					continue
				}
				if r, ok := a.decide(p, req, ps, &q); ok && !yield(r) {
					return
				}
			}
		}, nil
	}
	if q.ResourceAccount != "" {
		if _, err := a.resourceAccount("*", &q); err != nil {
			return nil, err
		}
	}
	witnesses := exampleResources(p.Identity)
	return func(yield func(Result) bool) {
		if p.Caller == nil {
			return
		}
		ps := p.set
		ps.RCP = a.org[p.Account].rcp
		grants := p.grantSet()
		// spent counts the policies evaluated, one per identity policy
		// and example resource decided (see CanBudget).
		spent, cost := 0, len(p.Identity)+1
		for _, action := range actions {
			service := serviceOf(action)
			if service != "sts" && !grants.mayGrant(service) {
				continue // no identity Allow for the service; resource policies are not consulted here
			}
			var best Result
			found := false
			cands := witnesses.forService(service)
			if strings.EqualFold(action, "sts:AssumeRole") {
				cands = append(cands, a.roleARNs...)
			}
			// identityMay says whether an identity Allow of p may grant
			// the action: policy.Policy.MayAllow leaves the resource
			// out, so it is asked once for the action, not once per
			// example resource (issue 15: a user of 100,000 inline
			// policies asked every policy for each of 100,000 examples).
			identityMay, asked := false, false
			unchecked := 0
			// One action may spend a tenth of the budget, so that a
			// costly one leaves the others theirs.
			stop := min(budget, spent+budget/10)
			for k, res := range cands {
				rp := a.ResourcePolicy(res)
				if rp == nil && service != "sts" {
					// Without a resource policy only an identity Allow
					// can grant: skip resources none can match.
					if asked && !identityMay {
						continue
					}
					pre, err := policy.NewRequest(policy.RequestInput{Action: action, Resource: res})
					if err != nil {
						continue
					}
					if !asked {
						identityMay, asked = p.mayAllow(&pre), true
					}
					if !identityMay {
						continue
					}
				}
				if spent >= stop {
					// Only what needs an evaluation counts: the
					// examples the identity side rules out do not.
					unchecked = len(cands) - k
					break
				}
				owner := ""
				if x, ok := arn.Parse(res); !ok || !arn.IsAccountID(x.Account) {
					owner = q.ResourceAccount
				}
				req, err := a.request(p, action, res, owner, &q, when)
				if err != nil {
					continue
				}
				ps.Resource = rp
				spent += cost
				r, ok := a.decide(p, req, &ps, &q)
				if r.Decision == iameval.Allowed {
					best, found = r, true
					break
				}
				if ok && !found {
					best, found = r, true // depends on a missing key
				}
			}
			if unchecked > 0 && best.Decision != iameval.Allowed {
				// Not decided: an example left untried may allow it.
				if !found {
					best = Result{Principal: p, Action: action, Decision: iameval.ImplicitDeny}
				}
				best.Unchecked, found = unchecked, true
			}
			if found && !yield(best) {
				return
			}
		}
	}, nil
}

// witnesses are the example resources of a principal's Allow statements,
// by the service segment of their ARN ("*" for any service).
type witnesses map[string][]string

// exampleResources collects the Resource entries of the Allow statements
// of ps.
func exampleResources(ps []*policy.Policy) witnesses {
	w := witnesses{}
	seen := map[string]bool{"*": true}
	for _, p := range ps {
		for _, s := range p.Statements() {
			if s.Effect() != policy.Allow {
				continue
			}
			entries, not := s.Resources()
			if not {
				continue // NotResource: "*" stands for what it leaves
			}
			for _, e := range entries {
				if seen[e] {
					continue
				}
				seen[e] = true
				svc := "*"
				if parts, ok := arn.Split(e); ok && !strings.ContainsAny(parts[2], "*?") {
					svc = strings.ToLower(parts[2])
				}
				w[svc] = append(w[svc], e)
			}
		}
	}
	for k := range w {
		slices.Sort(w[k])
	}
	return w
}

// forService returns "*" and the example resources for a service.
func (w witnesses) forService(service string) []string {
	out := make([]string, 0, 1+len(w[service])+len(w["*"]))
	out = append(out, "*")
	out = append(out, w[service]...)
	return append(out, w["*"]...)
}
