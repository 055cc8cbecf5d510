package account

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
)

// Every problem of an export is reported with its file, line and column;
// nothing is silently dropped (a missing managed policy would otherwise be
// an empty policy and deny where AWS allows, or miss a Deny).
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"syntax", "{\n  \"UserDetailList\": [\n}", []string{"e.json:3:1: invalid JSON"}},
		{"not an export", `{"Users": []}`, []string{"e.json:1:1: not an account export"}},
		{"wrong type", `{"UserDetailList": {}}`, []string{"e.json:1:20: UserDetailList: expected a list of users"}},
		{"missing managed policy", `{"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
 "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
 "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::111122223333:policy/Gone"}]}]}`,
			[]string{"e.json:3:44: managed policy arn:aws:iam::111122223333:policy/Gone: no export holds it"}},
		{"unknown AWS managed policy", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
 "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/NoSuchPolicy"}]}]}`,
			[]string{"e.json:2:44: managed policy arn:aws:iam::aws:policy/NoSuchPolicy: no export holds it and it is not a known AWS managed policy"}},
		{"missing group", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u", "GroupList": ["nope"]}]}`,
			[]string{`e.json:1:96: group "nope" of arn:aws:iam::111122223333:user/u is in no export's GroupDetailList`}},
		{"invalid inline policy", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
 "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*"}]}}]}]}`,
			[]string{"e.json:2:99: Statement[0]: missing \"Resource\""}},
		{"invalid URL-encoded policy", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
 "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%7D"}]}]}`,
			[]string{"e.json:2:59: in policy arn:aws:iam::111122223333:user/u#p at line 1, column 1 of its text"}},
		{"ARN does not match name", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/v"}]}`,
			[]string{`e.json:1:46: UserDetailList[0].Arn: "arn:aws:iam::111122223333:user/v" is not the ARN of user "u"`}},
		{"no trust policy", `{"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r"}]}`,
			[]string{`e.json:1:21: RoleDetailList[0]: missing "AssumeRolePolicyDocument"`}},
		{"no default version", `{"Policies": [{"PolicyName": "P", "Arn": "arn:aws:iam::111122223333:policy/P", "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": false, "Document": {}}]}]}`,
			[]string{"e.json:1:101: Policies[0].PolicyVersionList: no default version"}},
		{"duplicate key", `{"UserDetailList": [], "UserDetailList": []}`, []string{`e.json:1:24: UserDetailList: "UserDetailList" is repeated`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLoader(Options{AWSManaged: testManaged})
			l.AddExport("e.json", []byte(tt.src))
			_, err := l.Load()
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// Pages of one export and exports of two accounts load together; an
// entity given twice is an error naming both places.
func TestLoadMerges(t *testing.T) {
	page1 := `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u", "GroupList": ["g"]}], "IsTruncated": true, "Marker": "m"}`
	page2 := `{"GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws:iam::111122223333:group/g"}]}`
	other := `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::444455556666:user/u"}]}`
	l := NewLoader(Options{})
	l.AddExport("p1.json", []byte(page1))
	l.AddExport("p2.json", []byte(page2))
	l.AddExport("o.json", []byte(other))
	a, err := l.Load()
	require.NoError(t, err)
	assert.Equal(t, []string{"111122223333", "444455556666"}, a.Accounts())
	assert.Len(t, a.Principals(), 2)

	l = NewLoader(Options{})
	l.AddExport("p1.json", []byte(page1))
	l.AddExport("again.json", []byte(page1))
	l.AddExport("p2.json", []byte(page2))
	_, err = l.Load()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "again.json:1:21: arn:aws:iam::111122223333:user/u is given twice (first at p1.json:1:21)")
}

// An input's own problems carry account's kinds; a problem inside a policy
// document keeps policy's, so errors.Is tells them apart.
func TestLoadErrorKinds(t *testing.T) {
	tests := []struct {
		name, src string
		kind, not error
	}{
		{"syntax", "{\n  \"UserDetailList\": [\n}", ErrSyntax, policy.ErrSyntax},
		{"wrong type", `{"UserDetailList": {}}`, ErrType, policy.ErrType},
		{"no trust policy", `{"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r"}]}`, ErrMissing, policy.ErrMissing},
		{"duplicate key", `{"UserDetailList": [], "UserDetailList": []}`, ErrDuplicateKey, policy.ErrDuplicateKey},
		{"ARN does not match name", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/v"}]}`, ErrValue, policy.ErrValue},
		{"invalid inline policy", `{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
 "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*"}]}}]}]}`, policy.ErrMissing, ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLoader(Options{AWSManaged: testManaged})
			l.AddExport("e.json", []byte(tt.src))
			_, err := l.Load()
			assert.ErrorIs(t, err, tt.kind)
			assert.NotErrorIs(t, err, tt.not)
		})
	}
}
