package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

func TestElementAndClausePositions(t *testing.T) {
	t.Parallel()
	src := lines(
		`{"Version": "2012-10-17", "Statement": [{`,
		`  "Effect": "Allow",`,
		`  "Principal": {"AWS": "111122223333"},`,
		`  "NotAction": "s3:Delete*",`,
		`  "Condition": {"StringEquals": {"aws:PrincipalTag/team": "data"},`,
		`                "Bool": {"aws:SecureTransport": "true"}}`,
		`}]}`)
	p, err := Parse([]byte(src), Source{File: "trust.json", Type: Resource})
	require.NoError(t, err)
	s := p.Statements()[0]
	tests := []struct {
		got  diag.Position
		line int
		col  int
		why  string
	}{
		{s.ElementPos(PartPrincipal), 3, 3, "the Principal key"},
		{s.ElementPos(PartAction), 4, 3, "the NotAction key stands for the action part"},
		{s.ElementPos(PartResource), 1, 41, "a trust policy has no Resource: the statement itself"},
		{s.ElementPos(PartCondition), 5, 3, "the Condition key"},
		{s.ElementPos(PartNone), 1, 41, "nothing failed: the statement"},
		{s.ClausePos(0), 5, 34, "the first clause's condition key"},
		{s.ClausePos(1), 6, 26, "the second clause's condition key"},
		{s.ClausePos(7), 5, 3, "out of range: the Condition element"},
	}
	for _, tc := range tests {
		assert.Equal(t, "trust.json", tc.got.File, tc.why)
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{tc.got.Line, tc.got.Column}, tc.why)
	}
}
