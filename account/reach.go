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
	// then each role assumed in turn. Steps share the storage of their
	// common beginnings, so that a chain of n roles costs n ARNs, not n²
	// (issue 15): Path is read-only, and appending to it copies it.
	// It is nil for a role not decided.
	Path []string
	// Undecided says Reach stopped at ReachBudget before it could tell
	// whether Role can be reached: it may be. Such steps come last.
	Undecided bool
}

// ReachBudget is the most steps (a caller and a role whose trust policy
// may allow it, decided on a request) one [Accounts.Reach] decides: 2,500
// roles reached and 2,500 that trust anyone only under a condition that
// fails took 15 s, each reached role trying each of the others (issue
// 15). Past it, Reach yields every role not reached as undecided
// ([Step.Undecided]). 2,000,000 is a few seconds.
const ReachBudget = 2_000_000

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
	return a.reach(p, q, true, ReachBudget)
}

// reach is Reach with the budget given; without indexed, each step tries
// every role (tests compare the two).
func (a *Accounts) reach(p *Principal, q Query, indexed bool, budget int) iter.Seq[Step] {
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
			path []string // its Path, with the room to extend it (see extend)
			// extended says a step from this node has written past
			// path's length, in the storage they share: the next step
			// copies.
			extended bool
		}
		// extend returns n's path with arn appended: in n's own storage
		// for n's first step (each place of it is written once, by the
		// line of first steps), in a copy for the others.
		extend := func(n *node, arn string) []string {
			if n.extended {
				return append(append(make([]string, 0, len(n.path)+1), n.path...), arn)
			}
			n.extended = true
			return append(n.path, arn)
		}
		seen := map[*Principal]bool{p: true}
		frontier := []node{{p: p, path: []string{p.ARN}}}
		// Each step is decided on a request built in one reused builder:
		// a chain of 5,000 roles decides 12.5 million of them, and
		// building each anew was most of the time (issue 15).
		var b iameval.RequestBuilder
		// Only the roles whose trust policy names the caller, or no
		// one in particular, are tried (see trustIndex).
		var index *trustIndex
		if indexed {
			index = newTrustIndex(a.principals)
		}
		var cands []int32
		decided := 0 // steps decided, up to budget
		for len(frontier) > 0 {
			var next []node
			for i := range frontier {
				n := &frontier[i]
				// A role whose trust policy has no Allow for this caller
				// and sts:AssumeRole, conditions left out, cannot be
				// assumed (every path of the role-trust rule needs it):
				// it is skipped without a request.
				pre, preErr := policy.NewRequest(policy.RequestInput{Principal: n.p.Caller, Action: "sts:AssumeRole", Resource: "*"})
				if preErr == nil && index != nil {
					id := n.p.Caller.Identity()
					cands = index.candidates(&id, cands)
				} else {
					cands = cands[:0]
					for i := range a.principals {
						cands = append(cands, int32(i))
					}
				}
				for _, i := range cands {
					r := a.principals[i]
					if r.Kind != KindRole || seen[r] {
						continue
					}
					if preErr == nil && r.Trust != nil && !r.Trust.MayAllow(&pre) {
						continue
					}
					if decided == budget {
						// Every role not reached may still be.
						for _, r := range a.principals {
							if r.Kind == KindRole && !seen[r] && !yield(Step{Role: r, Undecided: true}) {
								return
							}
						}
						return
					}
					decided++
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
					path := extend(n, r.ARN)
					if !yield(Step{Role: r, Path: path[:len(path):len(path)]}) {
						return
					}
					next = append(next, node{p: r, path: path})
				}
			}
			if index != nil {
				index.dropReached(a.principals, seen)
			}
			frontier = next
		}
	}
}
