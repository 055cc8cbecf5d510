package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// TestChainedTrustTags holds what a role session's transitive tags do to
// the target role's resource tags while its trust policy decides: the
// inherited value overrides the role's
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining).
func TestChainedTrustTags(t *testing.T) {
	t.Parallel()
	session2 := must(principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN: "arn:aws:iam::" + acctA + ":role/Role2", RoleID: "AROAEXAMPLE2", SessionName: "s2",
		InheritedTags: map[string]string{"Star": "1"},
	}))
	role3 := "arn:aws:iam::" + acctA + ":role/Role3"
	tests := []struct {
		name, action, resource, key, value, want string
		why                                      string
	}{
		{"differs: inherited wins", "sts:AssumeRole", role3, "aws:ResourceTag/star", "3", "1", "the inherited tag overrides the role's"},
		{"iam: key too", "sts:AssumeRole", role3, "iam:ResourceTag/Star", "3", "1", "iam:ResourceTag is the same tag"},
		{"equal: kept", "sts:AssumeRole", role3, "aws:ResourceTag/Star", "1", "1", "the values agree"},
		{"other tag: kept", "sts:AssumeRole", role3, "aws:ResourceTag/Moon", "3", "3", "no transitive tag names it"},
		{"tag session too", "sts:TagSession", role3, "aws:ResourceTag/Star", "3", "1", "authorized with the same call"},
		{"not a trust evaluation", "s3:GetObject", objA, "aws:ResourceTag/Star", "3", "3", "only the chained AssumeRole is affected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRequest(RequestInput{Principal: session2, Action: tc.action, Resource: tc.resource, Time: fixedTime,
				Context: must(condition.NewContext(map[string]condition.Value{tc.key: condition.StringValue(tc.value)}))})
			require.NoError(t, err)
			v, ok := r.Context().LookupKey(condition.NormalizeKey(tc.key))
			require.True(t, ok)
			assert.False(t, v.IsUnknown(), tc.why)
			assert.Equal(t, tc.want, v.String(), tc.why)
		})
	}
	// A session without transitive tags changes nothing.
	r, err := NewRequest(RequestInput{Principal: devAlice, Action: "sts:AssumeRole", Resource: role3, Time: fixedTime,
		Context: ctxOf(t, "aws:ResourceTag/Star", "3")})
	require.NoError(t, err)
	v, _ := r.Context().LookupKey("aws:resourcetag/star")
	assert.Equal(t, "3", v.String())
}
