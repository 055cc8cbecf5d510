package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// TestInitIsNewRequest: Request.Init, SetCaller and SetBoundary build in
// place the very Request that NewRequest, WithCaller and WithBoundary
// return, whatever the Request held before (a reused Request must not
// keep a part of the previous one: the split ARN of an earlier resource,
// the lower-cased action of an earlier action), and Init fails with
// NewRequest's error, leaving the zero Request, which matches no
// statement. Actions outside AWS's alphabet are errors, never requests
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
func TestInitIsNewRequest(t *testing.T) {
	user, err := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::111122223333:user/alice"})
	require.NoError(t, err)
	ctx, err := condition.NewContext(map[string]condition.Value{"aws:SourceIp": condition.StringValue("10.0.0.1")})
	require.NoError(t, err)
	inputs := []RequestInput{
		{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/key"}, // upper case: the remembered lowering
		{Action: "s3:getobject", Resource: "*"},                       // "*": no ARN parts may remain
		{Action: "iam:PassRole", Resource: "not-an-arn"},              // accepted, matched only by "*"
		{Action: "s3:Get\x00Object", Resource: "*"},                   // a control character: an error
		{Action: "s3", Resource: "*"},                                 // no colon: an error
		{Action: "ec2:RunInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Principal: user, Context: ctx, HasBoundary: true},
	}
	var reused Request
	for _, prev := range inputs {
		for _, in := range inputs {
			_ = reused.Init(prev) // dirty it (an invalid prev leaves it zero)
			want, wantErr := NewRequest(in)
			gotErr := reused.Init(in)
			if wantErr != nil {
				require.Error(t, gotErr, "%q", in.Action)
				assert.Equal(t, wantErr.Error(), gotErr.Error())
				assert.Equal(t, Request{}, reused, "a failed Init leaves the zero Request")
				continue
			}
			require.NoError(t, gotErr)
			assert.Equal(t, want, reused, "%q after %q", in.Action, prev.Action)

			wantCaller := want.WithCaller(user, ctx)
			reused.SetCaller(user, ctx)
			assert.Equal(t, wantCaller, reused)
			wantBoundary := wantCaller.WithBoundary(!in.HasBoundary)
			reused.SetBoundary(!in.HasBoundary)
			assert.Equal(t, wantBoundary, reused)
		}
	}
}
