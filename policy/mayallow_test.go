package policy

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMayAllow: a trust policy may allow alice sts:AssumeRole when an
// Allow statement's Principal and Action elements hold for her, whatever
// its condition (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
func TestMayAllow(t *testing.T) {
	t.Parallel()
	r := newRequest(t, alice(t), "sts:AssumeRole", "arn:aws:iam::111122223333:role/r", nil)
	for _, tc := range []struct {
		name, stmts string
		want        bool
	}{
		{"her ARN", `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}`, true},
		{"her account", `{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}`, true},
		{"everyone", `{"Effect": "Allow", "Principal": "*", "Action": "sts:*"}`, true},
		{"a condition that fails is left out", `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}`, true},
		{"another user", `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"}, "Action": "sts:AssumeRole"}`, false},
		{"another account", `{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole"}`, false},
		{"a service", `{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}`, false},
		{"another action", `{"Effect": "Allow", "Principal": "*", "Action": "sts:TagSession"}`, false},
		{"NotPrincipal naming her", `{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}`, false},
		{"only a Deny", `{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}`, false},
	} {
		p := mustParse(t, Resource, `{"Version": "2012-10-17", "Statement": [`+tc.stmts+`]}`)
		assert.Equal(t, tc.want, p.MayAllow(r), tc.name)
	}
	assert.False(t, mustParse(t, Resource, okTrust).MayAllow(&Request{}), "a request not built by NewRequest")
}

const okTrust = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*"}]}`

// TestMayAllowCoversEval: whenever an Allow statement of a random policy
// applies to a request, MayAllow says it may: it is a sound filter.
func TestMayAllowCoversEval(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	allowed := 0
	for range 300 {
		p, src := randomTypedPolicy(t, rng)
		for range 20 {
			ctx := map[string]string{"aws:SecureTransport": strconv.FormatBool(rng.IntN(2) == 0)}
			r := newRequest(t, pick(rng, randCallers)(t), pick(rng, randReqActions), pick(rng, randReqResources), ctx)
			e, err := r.env()
			require.NoError(t, err)
			if p.evalLinear(&e)&effAllow != 0 {
				allowed++
				require.True(t, p.MayAllow(r), "an Allow applies, MayAllow must say so\npolicy %s\nrequest %s %s", src, r.Action(), r.Resource())
			}
		}
	}
	assert.Greater(t, allowed, 300, "enough requests an Allow applies to")
}

// TestGranteesCoverMayAllow: whenever MayAllow says an Allow of a random
// policy may apply, Grantees covers the caller, so that an index built
// from Grantees never hides a role that trusts the caller.
func TestGranteesCoverMayAllow(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	may := 0
	for range 300 {
		p, src := randomTypedPolicy(t, rng)
		g := p.Grantees()
		for range 20 {
			r := newRequest(t, pick(rng, randCallers)(t), pick(rng, randReqActions), pick(rng, randReqResources), nil)
			if !p.MayAllow(r) {
				continue
			}
			may++
			e, err := r.env()
			require.NoError(t, err)
			require.True(t, g.Covers(&e.id), "MayAllow holds, Grantees must cover the caller\npolicy %s\ncaller %v", src, e.id)
		}
	}
	assert.Greater(t, may, 300, "enough requests MayAllow holds for")
}

// TestGrantees: what a trust policy's Allow statements name, by kind;
// Deny statements name no one who could be allowed.
func TestGrantees(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Resource, `{"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/x", "111122223333", "arn:aws:iam::444455556666:root"]}, "Action": "sts:AssumeRole"},
		{"Effect": "Allow", "Principal": {"Federated": "accounts.google.com", "Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"},
		{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]}`)
	assert.Equal(t, Grantees{
		Names:     []string{"arn:aws:iam::111122223333:role/x"},
		Accounts:  []string{"111122223333", "444455556666"},
		Providers: []string{"accounts.google.com"},
		Services:  []string{"ec2.amazonaws.com"},
	}, p.Grantees())
	for _, anyone := range []string{
		`{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}`,
		`{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}`,
		`{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}`,
	} {
		p := mustParse(t, Resource, `{"Version": "2012-10-17", "Statement": [`+anyone+`]}`)
		assert.True(t, p.Grantees().Anyone, anyone)
	}
}

// TestMayAllowService: an Allow statement names the service, has "*" or
// is NotAction; a Deny does not count, nor does another service
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
func TestMayAllowService(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, stmts string
		want        bool
	}{
		{"the service", `{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:GetObject"], "Resource": "*"}`, true},
		{"every action", `{"Effect": "Allow", "Action": "*", "Resource": "*"}`, true},
		{"NotAction", `{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}`, true},
		{"another service", `{"Effect": "Allow", "Action": "s3express:*", "Resource": "*"}`, false},
		{"a Deny", `{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}`, false},
	} {
		p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [`+tc.stmts+`]}`)
		assert.Equal(t, tc.want, p.MayAllowService("s3"), tc.name)
		want := false
		for _, s := range p.Statements() {
			want = want || s.Effect() == Allow && s.MayMatchService("s3")
		}
		assert.Equal(t, want, p.MayAllowService("s3"), "%s: as its statements say", tc.name)
	}
}

// TestAllowServicesAgreesWithMayAllowService: on random policies, the
// services AllowServices names (or every one, when it says so) are those
// MayAllowService holds for.
func TestAllowServicesAgreesWithMayAllowService(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 12))
	services := []string{"s3", "ec2", "iam", "sts", "kms", "dynamodb", "s3express"}
	checked := 0
	for range 300 {
		p, src := randomTypedPolicy(t, rng)
		named := map[string]bool{}
		every := p.AllowServices(func(s string) { named[s] = true })
		for _, svc := range services {
			require.Equal(t, p.MayAllowService(svc), every || named[svc], "service %s of policy %s", svc, src)
			checked++
		}
	}
	assert.Greater(t, checked, 1000)
}
