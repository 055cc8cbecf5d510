package iameval

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Accounts used throughout the tests.
const (
	acctA = "111122223333" // the caller's account
	acctB = "444455556666" // another account
)

// fixedTime is the request time of every test request.
var fixedTime = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// must returns v or panics; test fixtures only.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Principals of the tests.
var (
	alice = must(principal.NewIAMUser(principal.IAMUserInput{
		ARN: "arn:aws:iam::" + acctA + ":user/alice", ID: "AIDAEXAMPLEALICE",
		Tags: map[string]string{"team": "analytics"},
	}))
	aliceGST = must(principal.NewIAMUser(principal.IAMUserInput{
		ARN: "arn:aws:iam::" + acctA + ":user/alice", ID: "AIDAEXAMPLEALICE",
		Credentials: principal.Credentials{Temporary: true},
	}))
	aliceGSTMFA = must(principal.NewIAMUser(principal.IAMUserInput{
		ARN: "arn:aws:iam::" + acctA + ":user/alice", ID: "AIDAEXAMPLEALICE",
		Credentials: principal.Credentials{Temporary: true, MFA: true, MFAAge: time.Minute},
	}))
	bobB  = must(principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctB + ":user/bob"}))
	rootA = must(principal.NewRoot(principal.RootInput{Account: acctA}))
	rootB = must(principal.NewRoot(principal.RootInput{Account: acctB}))
	// devAlice is a session "alice" of role Dev (path /team/).
	devAlice = must(principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN: "arn:aws:iam::" + acctA + ":role/team/Dev", RoleID: "AROAEXAMPLEDEV", SessionName: "alice",
	}))
	// slr is a session of a service-linked role.
	slr = must(principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN:     "arn:aws:iam::" + acctA + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
		RoleID:      "AROAEXAMPLESLR",
		SessionName: "ElasticLoadBalancing",
	}))
	// fedBob is federated user Bob created by IAM user token-app.
	fedBob = must(principal.NewFederatedUser(principal.FederatedUserInput{
		Name: "Bob", UserARN: "arn:aws:iam::" + acctA + ":user/token-app",
	}))
	lambdaSvc = must(principal.NewService("lambda.amazonaws.com"))
	anon      = principal.NewAnonymous()
	// webUser1 is a web identity session of role WebApp.
	webUser1 = must(principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN: "arn:aws:iam::" + acctA + ":role/WebApp", RoleID: "AROAEXAMPLEWEB", SessionName: "user1",
		Provider: "idp.example.com",
		Claims: map[string]condition.Value{
			"sub": condition.StringValue("SUB1"), "aud": condition.StringValue("app-client"),
		},
		TagsClaim: principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {"user1@example.com"}}},
	}))
	webUser2 = must(principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN: "arn:aws:iam::" + acctA + ":role/WebApp", RoleID: "AROAEXAMPLEWEB", SessionName: "user2",
		Provider: "idp.example.com",
		Claims: map[string]condition.Value{
			"sub": condition.StringValue("SUB2"), "aud": condition.StringValue("app-client"),
		},
	}))
	samlAlice = must(principal.NewSAML(principal.SAMLInput{
		RoleARN: "arn:aws:iam::" + acctA + ":role/SSO", RoleID: "AROAEXAMPLESSO", SessionName: "alice@corp.example",
		Provider: "arn:aws:iam::" + acctA + ":saml-provider/Corp",
		Attributes: map[string]condition.Value{
			"sub": condition.StringValue("alice"), "sub_type": condition.StringValue("persistent"),
			"aud": condition.StringValue("https://signin.aws.amazon.com/saml"),
			"iss": condition.StringValue("https://idp.corp.example"),
		},
	}))
)

const (
	oidcProviderARN = "arn:aws:iam::" + acctA + ":oidc-provider/idp.example.com"
	webAppRole      = "arn:aws:iam::" + acctA + ":role/WebApp"
)

// parsePolicy parses doc as a policy of type t with the given id.
func parsePolicy(tb testing.TB, t policy.Type, id, doc string) *policy.Policy {
	tb.Helper()
	p, err := policy.Parse([]byte(doc), policy.Source{ID: id, Type: t, File: id + ".json"})
	require.NoError(tb, err, "policy %s", id)
	return p
}

// docs is a compact description of a PolicySet: JSON documents per type.
type docs struct {
	identity []string
	session  []string
	boundary string
	resource string
	scp      [][]string
	rcp      [][]string
	vpce     []string
}

// build parses every document; ids are "identity[0]", "scp[1][0]", ...
func (d docs) build(tb testing.TB) *PolicySet {
	tb.Helper()
	ps := &PolicySet{}
	for i, s := range d.identity {
		ps.Identity = append(ps.Identity, parsePolicy(tb, policy.Identity, fmt.Sprintf("identity[%d]", i), s))
	}
	for i, s := range d.session {
		ps.Session = append(ps.Session, parsePolicy(tb, policy.Session, fmt.Sprintf("session[%d]", i), s))
	}
	if d.boundary != "" {
		ps.PermissionsBoundary = parsePolicy(tb, policy.PermissionsBoundary, "permissionsBoundary", d.boundary)
	}
	if d.resource != "" {
		ps.Resource = parsePolicy(tb, policy.Resource, "resource", d.resource)
	}
	for l, level := range d.scp {
		var ps2 []*policy.Policy
		for i, s := range level {
			ps2 = append(ps2, parsePolicy(tb, policy.SCP, fmt.Sprintf("scp[%d][%d]", l, i), s))
		}
		ps.SCP = append(ps.SCP, ps2)
	}
	for l, level := range d.rcp {
		var ps2 []*policy.Policy
		for i, s := range level {
			ps2 = append(ps2, parsePolicy(tb, policy.RCP, fmt.Sprintf("rcp[%d][%d]", l, i), s))
		}
		ps.RCP = append(ps.RCP, ps2)
	}
	for i, s := range d.vpce {
		ps.VPCEndpoint = append(ps.VPCEndpoint, parsePolicy(tb, policy.VPCEndpoint, fmt.Sprintf("vpcEndpoint[%d]", i), s))
	}
	return ps
}

// joinN joins fmt.Sprintf(format, i) for i from 0 to n-1 with commas:
// the members or statements of a generated document.
func joinN(n int, format string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(format, i)
	}
	return strings.Join(parts, ",")
}

// stmt builds a one-statement policy document from statement JSON members.
func stmt(members string) string {
	return `{"Version":"2012-10-17","Statement":[{` + members + `}]}`
}

// allow and deny build one-statement identity-style documents.
func allow(action, resource string) string {
	return stmt(`"Effect":"Allow","Action":"` + action + `","Resource":"` + resource + `"`)
}

func deny(action, resource string) string {
	return stmt(`"Effect":"Deny","Action":"` + action + `","Resource":"` + resource + `"`)
}

// rallow builds a one-statement resource policy allowing principal (a JSON
// value) the action; resource "" omits the Resource element (trust policy).
func rallow(principalJSON, action, resource string) string {
	m := `"Effect":"Allow","Principal":` + principalJSON + `,"Action":"` + action + `"`
	if resource != "" {
		m += `,"Resource":"` + resource + `"`
	}
	return stmt(m)
}

func rdeny(principalJSON, action, resource string) string {
	m := `"Effect":"Deny","Principal":` + principalJSON + `,"Action":"` + action + `"`
	if resource != "" {
		m += `,"Resource":"` + resource + `"`
	}
	return stmt(m)
}

// aws returns the JSON principal {"AWS": v}.
func aws(v string) string { return `{"AWS":"` + v + `"}` }

// fullAccess is FullAWSAccess / RCPFullAWSAccess.
const (
	fullAccess    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	rcpFullAccess = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
)

// ctxOf builds a caller context from key/value pairs.
func ctxOf(tb testing.TB, kv ...string) condition.Context {
	tb.Helper()
	m := map[string]condition.Value{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = condition.StringValue(kv[i+1])
	}
	c, err := condition.NewContext(m)
	require.NoError(tb, err)
	return c
}

// newReq builds a request at fixedTime.
func newReq(tb testing.TB, p principal.Principal, action, resource string) *Request {
	tb.Helper()
	r, err := NewRequest(RequestInput{Principal: p, Action: action, Resource: resource, Time: fixedTime})
	require.NoError(tb, err)
	return r
}
