package account

import (
	"iter"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
)

// Step is a role reached by [Accounts.Reach] and how.
type Step struct {
	// Role is the role reached.
	Role *Principal
	// Path lists the ARNs from the starting principal to Role: the start,
	// then each role assumed in turn.
	Path []string
}

// Reach returns the roles that p can become through chains of
// sts:AssumeRole, each with a shortest path, nearest first (then in ARN
// order). A step from a principal to a role needs both its identity side
// (identity policies, boundary, SCPs) and the role's trust policy to
// allow sts:AssumeRole on the role
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html);
// from a role, the caller is a session of it (role chaining). Session
// tags and session policies are not modelled: each session carries the
// role's tags.
func (a *Accounts) Reach(p *Principal, q Query) iter.Seq[Step] {
	when := q.Time
	if when.IsZero() {
		when = time.Now()
	}
	return func(yield func(Step) bool) {
		if p.Caller == nil {
			return
		}
		type node struct {
			p    *Principal
			path []string
		}
		seen := map[*Principal]bool{p: true}
		frontier := []node{{p, []string{p.ARN}}}
		// Each step is decided on a request built in one reused builder:
		// a chain of 5,000 roles decides 12.5 million of them, and
		// building each anew was most of the time (issue 15).
		var b iameval.RequestBuilder
		for len(frontier) > 0 {
			var next []node
			for _, n := range frontier {
				// A role whose trust policy has no Allow for this caller
				// and sts:AssumeRole, conditions left out, cannot be
				// assumed (every path of the role-trust rule needs it):
				// it is skipped without a request.
				pre, preErr := policy.NewRequest(policy.RequestInput{Principal: n.p.Caller, Action: "sts:AssumeRole", Resource: "*"})
				for _, r := range a.principals {
					if r.Kind != KindRole || seen[r] {
						continue
					}
					if preErr == nil && r.Trust != nil && !r.Trust.MayAllow(&pre) {
						continue
					}
					b.Reset()
					req, err := b.Build(iameval.RequestInput{
						Principal: n.p.Caller, Action: "sts:AssumeRole", Resource: r.ARN,
						ResourceAccount: r.Account, Context: q.Context, Time: when,
					})
					if err != nil {
						continue
					}
					ps := n.p.set
					ps.Resource, ps.RCP = r.Trust, a.org[r.Account].rcp
					if iameval.Evaluate(&ps, req) != iameval.Allowed {
						continue
					}
					seen[r] = true
					path := append(append([]string(nil), n.path...), r.ARN)
					if !yield(Step{Role: r, Path: path}) {
						return
					}
					next = append(next, node{r, path})
				}
			}
			frontier = next
		}
	}
}
