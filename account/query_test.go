package account

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
)

// whoCan collects the ARNs WhoCan reports.
func whoCan(t *testing.T, a *Accounts, action, resource string, q Query) []string {
	t.Helper()
	seq, err := a.WhoCan(action, resource, q)
	require.NoError(t, err)
	var out []string
	for r := range seq {
		out = append(out, r.Principal.ARN)
	}
	return out
}

// Each case follows the evaluation logic of
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
func TestWhoCan(t *testing.T) {
	a := loadTestdata(t)
	tests := []struct {
		name, action, resource string
		want                   []string
	}{
		{"inline and AWS managed grants", "s3:GetObject", "arn:aws:s3:::reports/a.csv",
			[]string{"arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:user/alice"}},
		{"a group's Deny wins over the group's managed Allow", "s3:DeleteBucket", "arn:aws:s3:::reports",
			[]string{"arn:aws:iam::111122223333:role/admin"}},
		// A role's trust policy is the resource policy of sts:AssumeRole
		// on it; in the same account it must allow
		// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
		{"trust policy decides who assumes a role", "sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy",
			[]string{"arn:aws:iam::111122223333:user/ops/bob"}},
		// The boundary limits bob to sts:AssumeRole although AssumeDeploy
		// allows s3:ListBucket
		// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
		{"the boundary limits", "s3:ListBucket", "arn:aws:s3:::reports",
			[]string{"arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:user/alice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, whoCan(t, a, tt.action, tt.resource, Query{})); diff != "" {
				t.Errorf("who can (-want +got):\n%s", diff)
			}
		})
	}
}

// A resource policy loaded for the resource takes part: it grants a user
// of the account directly (same-account resource policies suffice,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html).
func TestWhoCanResourcePolicy(t *testing.T) {
	a := loadTestdata(t, func(l *Loader) {
		l.AddResourcePolicies("rp.json", []byte(`{"arn:aws:s3:::shared": {"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/ops/bob\"},\"Action\":\"s3:GetBucketLocation\",\"Resource\":\"arn:aws:s3:::shared\"}]}"}}`))
	})
	got := whoCan(t, a, "s3:GetBucketLocation", "arn:aws:s3:::shared", Query{})
	assert.Equal(t, []string{"arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/ops/bob"}, got)
}

// ReportMissing adds the principals whose decision depends on a key the
// request lacks; supplying the key decides them.
func TestWhoCanMissingKeys(t *testing.T) {
	a := loadTestdata(t, func(l *Loader) {
		l.AddExport("ip.json", []byte(`{"UserDetailList": [{"UserName": "carol", "UserId": "AIDAEXAMPLECAROL0001", "Arn": "arn:aws:iam::111122223333:user/carol",
 "UserPolicyList": [{"PolicyName": "FromOffice", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}}]}]}`))
	})
	seq, err := a.WhoCan("s3:GetObject", "arn:aws:s3:::other/x", Query{ReportMissing: true})
	require.NoError(t, err)
	var missing []string
	for r := range seq {
		if r.Decision != iameval.Allowed {
			missing = append(missing, r.Principal.Name+":"+r.MissingKeys[0])
		}
	}
	assert.Equal(t, []string{"carol:aws:SourceIp"}, missing)
	ctx, err := condition.NewContext(map[string]condition.Value{"aws:sourceip": condition.StringValue("203.0.113.9")})
	require.NoError(t, err)
	assert.Contains(t, whoCan(t, a, "s3:GetObject", "arn:aws:s3:::other/x", Query{Context: ctx}), "arn:aws:iam::111122223333:user/carol")
}

// A resource whose ARN names no account belongs to the export's one
// account, else to the account given; with several accounts it is an
// error.
func TestWhoCanResourceAccount(t *testing.T) {
	a := loadTestdata(t, func(l *Loader) {
		l.AddExport("o.json", []byte(`{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::444455556666:user/u"}]}`))
	})
	_, err := a.WhoCan("s3:GetObject", "arn:aws:s3:::b/k", Query{})
	require.ErrorContains(t, err, "names no account and the exports describe 2 accounts")
	_, err = a.WhoCan("s3:GetObject", "arn:aws:s3:::b/k", Query{ResourceAccount: "111122223333"})
	require.NoError(t, err)
}

func TestCan(t *testing.T) {
	a := loadTestdata(t)
	actions := []string{"iam:CreateUser", "s3:DeleteBucket", "s3:GetObject", "s3:PutObject", "sts:AssumeRole"}
	tests := []struct {
		name, principal, resource string
		want                      []string
	}{
		{"some resource", "arn:aws:iam::111122223333:user/alice", "", []string{"s3:GetObject", "s3:PutObject"}},
		{"on a resource", "arn:aws:iam::111122223333:user/alice", "arn:aws:s3:::reports", []string{"s3:GetObject", "s3:PutObject"}},
		{"boundary", "arn:aws:iam::111122223333:user/ops/bob", "", []string{"sts:AssumeRole"}},
		// deploy's only grant is sts:AssumeRole on role/admin: found
		// through the Resource entry, not on "*".
		{"example resource", "arn:aws:iam::111122223333:role/deploy", "", []string{"sts:AssumeRole"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := a.Principal(tt.principal)
			require.True(t, ok)
			seq, err := a.Can(p, tt.resource, actions, Query{})
			require.NoError(t, err)
			var got []string
			for r := range seq {
				got = append(got, r.Action)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("can (-want +got):\n%s", diff)
			}
		})
	}
}

// Role chaining: bob assumes deploy, whose session assumes admin
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
func TestReach(t *testing.T) {
	a := loadTestdata(t)
	bob, _ := a.Principal("arn:aws:iam::111122223333:user/ops/bob")
	var got [][]string
	for s := range a.Reach(bob, Query{}) {
		got = append(got, s.Path)
	}
	want := [][]string{
		{"arn:aws:iam::111122223333:user/ops/bob", "arn:aws:iam::111122223333:role/deploy"},
		{"arn:aws:iam::111122223333:user/ops/bob", "arn:aws:iam::111122223333:role/deploy", "arn:aws:iam::111122223333:role/admin"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reach (-want +got):\n%s", diff)
	}
	alice, _ := a.Principal("arn:aws:iam::111122223333:user/alice")
	for s := range a.Reach(alice, Query{}) {
		t.Errorf("alice reaches %s, but no trust policy names her", s.Role.ARN)
	}
}

// A bucket policy, loaded under the bucket's ARN as get-bucket-policy
// gives it, governs the bucket's objects: its Deny removes alice's
// s3:GetObject on reports/a.csv, and its Allow grants bob, whose own
// policies do not. A policy loaded for the object itself wins over the
// bucket's (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html).
func TestWhoCanBucketPolicyGovernsObjects(t *testing.T) {
	bucketPolicy := `{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"},` +
		`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/ops/bob"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}`
	a := loadTestdata(t, func(l *Loader) {
		l.AddResourcePolicies("rp.json", []byte(`{"arn:aws:s3:::reports": `+bucketPolicy+`}`))
	})
	got := whoCan(t, a, "s3:GetObject", "arn:aws:s3:::reports/a.csv", Query{})
	assert.Equal(t, []string{"arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:user/ops/bob"}, got)
	assert.Same(t, a.ResourcePolicy("arn:aws:s3:::reports"), a.ResourcePolicy("arn:aws:s3:::reports/a.csv"))
	assert.Nil(t, a.ResourcePolicy("arn:aws:s3:::reportsX/a.csv"), "another bucket")
	assert.Nil(t, a.ResourcePolicy("arn:aws:s3:us-east-1:111122223333:accesspoint/reports"), "not an object ARN")

	own := loadTestdata(t, func(l *Loader) {
		l.AddResourcePolicies("rp.json", []byte(`{"arn:aws:s3:::reports": `+bucketPolicy+`, "arn:aws:s3:::reports/a.csv": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}}`))
	})
	assert.NotSame(t, own.ResourcePolicy("arn:aws:s3:::reports"), own.ResourcePolicy("arn:aws:s3:::reports/a.csv"), "the object's own policy")
}
