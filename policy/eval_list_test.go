package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/internal/outcome"
	"github.com/iameval/iameval/principal"
)

// summarise is what evalPolicies must return, computed from the outcome
// of each policy evaluated on its own.
func summarise(ps []*Policy, r *Request) outcome.Bits {
	sum := outcome.AllAllow
	for _, p := range ps {
		o := p.eval(r, nil)
		if o&effDeny != 0 {
			return sum&^outcome.AllAllow | outcome.Deny
		}
		if o&effAllow != 0 {
			sum |= outcome.AnyAllow
		} else {
			sum &^= outcome.AllAllow
		}
	}
	return sum
}

// TestEvalPoliciesMatchesEval checks that evaluating a list of policies
// with one reading of the request gives the outcomes of evaluating them
// one by one. The lists mix policies without a Principal element (the
// caller's identity is then not read) and VPC endpoint policies whose
// Principal element names one caller
// (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html),
// in every order, so that a list that reads the identity late, or not
// at all, is caught.
func TestEvalPoliciesMatchesEval(t *testing.T) {
	t.Parallel()
	const allowAny = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}`
	const allowAlice = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:*", "Resource": "*"}]}`
	const denyAlice = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
	  {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "*"}]}`
	const allowGet = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}`
	pool := []*Policy{
		mustParse(t, VPCEndpoint, allowAny), mustParse(t, VPCEndpoint, allowAlice),
		mustParse(t, VPCEndpoint, denyAlice), mustParse(t, VPCEndpoint, allowGet), nil,
	}
	callers := []principal.Principal{alice(t), callerOtherUser(t), callerRoot(t), callerAnonymous(t)}
	var requests []*Request
	for _, who := range callers {
		for _, a := range []string{"s3:GetObject", "s3:PutObject", "ec2:RunInstances"} {
			for _, res := range []string{"arn:aws:s3:::b/k", "*"} {
				requests = append(requests, newRequest(t, who, a, res, nil))
			}
		}
	}
	requests = append(requests, &Request{}, nil) // not built: every policy's outcome is empty
	// Every list of up to three policies of the pool, with repetition.
	lists := [][]*Policy{nil}
	for range 3 {
		for _, l := range lists {
			if len(l) < 3 {
				for _, p := range pool {
					lists = append(lists, append(append([]*Policy(nil), l...), p))
				}
			}
		}
	}
	require.Greater(t, len(lists), len(pool)*len(pool)*len(pool))
	for _, r := range requests {
		for _, l := range lists {
			if !assert.Equal(t, summarise(l, r), evalPolicies(l, r), "list %v", l) {
				return
			}
		}
	}
}
