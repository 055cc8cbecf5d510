package simulate

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval"
)

// TestMirrorSimulator checks the two views of a request AWS refuses
// whatever the policies say (changing an AWS managed policy,
// access_policies_managed-vs-inline.md): by default iameval refuses it as
// AWS does; MirrorSimulator decides from the policies alone, as the IAM
// policy simulator, which does not model the refusal, would.
func TestMirrorSimulator(t *testing.T) {
	t.Parallel()
	in := func(mirror bool) *Input {
		return &Input{
			PolicyInputList: []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`},
			ActionNames:     []string{"iam:CreatePolicyVersion"},
			ResourceArns:    []string{"arn:aws:iam::aws:policy/AdministratorAccess"},
			CallerArn:       "arn:aws:iam::111122223333:user/admin",
			MirrorSimulator: mirror,
		}
	}
	assert.Equal(t, iameval.ImplicitDeny, only(t, simulateOK(t, in(false))).EvalDecision, "AWS refuses changes to AWS managed policies")
	assert.Equal(t, iameval.Allowed, only(t, simulateOK(t, in(true))).EvalDecision, "the simulator decides from the policies alone")
}
