package simulate

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// SimulatePrincipalPolicy simulates the policies attached to
// PolicySourceArn plus PolicyInputList; a given boundary replaces the
// principal's (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
func TestSimulatePrincipal(t *testing.T) {
	text := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	p, err := policy.Parse([]byte(text), policy.Source{ID: "arn:aws:iam::111122223333:user/u#Read"})
	require.NoError(t, err)
	bText := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}`
	b, err := policy.Parse([]byte(bText), policy.Source{ID: "B", Type: policy.PermissionsBoundary})
	require.NoError(t, err)
	u, err := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::111122223333:user/u"})
	require.NoError(t, err)
	source := func(arn string) (*Principal, error) {
		if arn != u.ARN() {
			return nil, errors.New("no such principal")
		}
		return &Principal{Caller: u, Identity: []SourcePolicy{{ID: "Read", Policy: p, Text: text}}, Boundary: &SourcePolicy{ID: "B", Policy: b, Text: bText}}, nil
	}
	tests := []struct {
		name, doc string
		want      iameval.Decision
		wantErr   string
	}{
		{"boundary limits", `{"PolicySourceArn": "arn:aws:iam::111122223333:user/u", "ActionNames": ["s3:GetObject"]}`, iameval.ImplicitDeny, ""},
		{"a given boundary replaces it", `{"PolicySourceArn": "arn:aws:iam::111122223333:user/u", "ActionNames": ["s3:GetObject"],
			"PermissionsBoundaryPolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"]}`, iameval.Allowed, ""},
		{"unknown principal", `{"PolicySourceArn": "arn:aws:iam::111122223333:user/x", "ActionNames": ["s3:GetObject"]}`, iameval.ImplicitDeny, "in.json:1:21: PolicySourceArn: no such principal"},
		{"PolicySourceArn required", `{"ActionNames": ["s3:GetObject"]}`, iameval.ImplicitDeny, "in.json:1:1: PolicySourceArn: required parameter missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := ParsePrincipalInput([]byte(tt.doc), "in.json")
			var resp *Response
			if err == nil {
				resp, err = SimulatePrincipal(in, source)
			}
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, resp.EvaluationResults[0].EvalDecision)
		})
	}
	// The same document is not a simulate-custom-policy input.
	_, err = ParseInput([]byte(`{"PolicySourceArn": "arn:aws:iam::111122223333:user/u", "PolicyInputList": [], "ActionNames": ["s3:GetObject"]}`), "in.json")
	require.ErrorContains(t, err, "simulate-principal")
}
