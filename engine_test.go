package iameval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// engineCase is one request against one policy set.
type engineCase struct {
	name            string
	why             string
	p               principal.Principal
	action          string
	resource        string
	resourceAccount string
	ctx             []string
	set             docs
	want            Decision
	// missing, when non-nil, is the expected Explanation.MissingAllow.
	missing []policy.Type
	// reason: the explanation must carry a Reason (id_credentials_temp_request.md and invalid input).
	reason bool
}

func runEngineCases(t *testing.T, cases []engineCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ps := tc.set.build(t)
			r, err := NewRequest(RequestInput{
				Principal: tc.p, Action: tc.action, Resource: tc.resource,
				ResourceAccount: tc.resourceAccount, Context: ctxOf(t, tc.ctx...), Time: fixedTime,
			})
			require.NoError(t, err)
			got := Evaluate(ps, r)
			assert.Equal(t, tc.want, got, "Evaluate: %s", tc.why)
			x := Explain(ps, r)
			assert.Equal(t, got, x.Decision, "Explain must agree with Evaluate")
			if tc.missing != nil {
				if d := cmp.Diff(tc.missing, x.MissingAllow); d != "" {
					t.Errorf("MissingAllow mismatch (-want +got):\n%s\n%s", d, x)
				}
			}
			if tc.reason {
				assert.NotEmpty(t, x.Reason, "reason expected: %s", tc.why)
			}
			if t.Failed() {
				t.Logf("why: %s\n%s", tc.why, x)
			}
		})
	}
}

// Frequently used resources.
const (
	objA    = "arn:aws:s3:::bucket-a/report.csv" // an S3 object; no account in the ARN
	bucketA = "arn:aws:s3:::bucket-a"
	keyA    = "arn:aws:kms:us-east-1:" + acctA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
	roleA   = "arn:aws:iam::" + acctA + ":role/Target"
	roleB   = "arn:aws:iam::" + acctB + ":role/UpdateAPP"
)

func TestEvaluateFixedOutcomes(t *testing.T) {
	t.Parallel()
	denyAll := deny("*", "*")
	allowAll := allow("*", "*")
	runEngineCases(t, []engineCase{
		{name: "GetCallerIdentity despite explicit deny", why: "id_credentials_temp_request.md: sts:GetCallerIdentity by any signed caller is allowed, even against an explicit deny",
			p: alice, action: "sts:GetCallerIdentity", resource: "*", set: docs{identity: []string{denyAll}}, want: Allowed, reason: true},
		{name: "GetCallerIdentity by federated user", why: "id_credentials_temp_request.md, API_GetFederationToken.html: federated users may call GetCallerIdentity",
			p: fedBob, action: "sts:GetCallerIdentity", resource: "*", want: Allowed, reason: true},
		{name: "GetCallerIdentity by anonymous caller", why: "id_credentials_temp_request.md: GetCallerIdentity is for signed callers only; an anonymous request has no identity to report",
			p: anon, action: "sts:GetCallerIdentity", resource: "*", resourceAccount: acctA, want: ImplicitDeny},
		{name: "C1 GetSessionToken without policies", why: "id_credentials_temp_request.md: GetSessionToken needs no permission",
			p: alice, action: "sts:GetSessionToken", resource: "*", want: Allowed, reason: true},
		{name: "GetSessionToken despite explicit deny", why: "id_credentials_temp_request.md: policies cannot prevent GetSessionToken",
			p: alice, action: "sts:GetSessionToken", resource: "*", set: docs{identity: []string{denyAll}}, want: Allowed},
		{name: "GetSessionToken by root", why: "id_credentials_temp_request.md: GetSessionToken by an IAM user or root is allowed",
			p: rootA, action: "sts:GetSessionToken", resource: "*", want: Allowed},
		{name: "role session cannot GetSessionToken", why: "id_credentials_temp_request.md, API_AssumeRole.html: role sessions cannot call GetSessionToken",
			p: devAlice, action: "sts:GetSessionToken", resource: "*", set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "role session cannot GetFederationToken", why: "id_credentials_temp_request.md, API_AssumeRole.html: role sessions cannot call GetFederationToken",
			p: devAlice, action: "sts:GetFederationToken", resource: "arn:aws:sts::" + acctA + ":federated-user/Bob",
			set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "web identity session cannot GetFederationToken", why: "id_credentials_temp_request.md: every role session kind, web identity included",
			p: webUser1, action: "sts:GetFederationToken", resource: "arn:aws:sts::" + acctA + ":federated-user/Bob",
			set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "federated user cannot call IAM", why: "id_credentials_temp_request.md, API_GetFederationToken.html: no IAM API calls for federated users",
			p: fedBob, action: "iam:ListUsers", resource: "*", set: docs{identity: []string{allowAll}, session: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "B10 federated user cannot AssumeRole", why: "reference_policies_variables.md, id_credentials_temp_request.md: federated users may call no STS operation but GetCallerIdentity",
			p: fedBob, action: "sts:AssumeRole", resource: roleA,
			set: docs{identity: []string{allowAll}, session: []string{allowAll}, resource: rallow(`"*"`, "sts:AssumeRole", "")}, want: ImplicitDeny, reason: true},
		{name: "GetSessionToken credentials without MFA cannot call IAM", why: "id_credentials_temp_request.md, API_GetSessionToken.html: IAM only when MFA was included",
			p: aliceGST, action: "iam:ListUsers", resource: "*", set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "GetSessionToken credentials with MFA call IAM", why: "id_credentials_temp_request.md, API_GetSessionToken.html: with MFA the IAM restriction does not apply",
			p: aliceGSTMFA, action: "iam:ListUsers", resource: "*", set: docs{identity: []string{allowAll}}, want: Allowed},
		{name: "GetSessionToken credentials cannot GetFederationToken", why: "id_credentials_temp_request.md, API_GetSessionToken.html: STS only AssumeRole and GetCallerIdentity",
			p: aliceGSTMFA, action: "sts:GetFederationToken", resource: "arn:aws:sts::" + acctA + ":federated-user/Bob",
			set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "GetSessionToken credentials cannot GetSessionToken again", why: "id_credentials_temp_request.md, API_GetSessionToken.html: STS only AssumeRole and GetCallerIdentity",
			p: aliceGST, action: "sts:GetSessionToken", resource: "*", want: ImplicitDeny, reason: true},
		{name: "GetSessionToken credentials may AssumeRole", why: "id_credentials_temp_request.md, API_GetSessionToken.html: AssumeRole stays available; policies decide",
			p: aliceGST, action: "sts:AssumeRole", resource: roleA,
			set: docs{identity: []string{allow("sts:AssumeRole", roleA)}, resource: rallow(aws(acctA), "sts:AssumeRole", "")}, want: Allowed},
		{name: "GetSessionToken credentials may TagSession within AssumeRole", why: "id_credentials_temp_request.md, API_GetSessionToken.html: sts:TagSession is authorized as part of the AssumeRole call on the role, not a separate STS operation",
			p: aliceGST, action: "sts:TagSession", resource: roleA,
			set: docs{identity: []string{allow("sts:TagSession", roleA)}, resource: rallow(aws(acctA), "sts:TagSession", "")}, want: Allowed},
		{name: "GetSessionToken credentials may SetSourceIdentity within AssumeRole", why: "id_credentials_temp_request.md, API_GetSessionToken.html, id_credentials_temp_control-access_monitor.md: sts:SetSourceIdentity is authorized as part of the AssumeRole call",
			p: aliceGST, action: "sts:SetSourceIdentity", resource: roleA,
			set: docs{identity: []string{allow("sts:SetSourceIdentity", roleA)}, resource: rallow(aws(acctA), "sts:SetSourceIdentity", "")}, want: Allowed},
		{name: "GetSessionToken credentials cannot TagSession on a federated user", why: "id_credentials_temp_request.md, API_GetSessionToken.html: outside AssumeRole, TagSession belongs to GetFederationToken, which these credentials cannot call",
			p: aliceGST, action: "sts:TagSession", resource: "arn:aws:sts::" + acctA + ":federated-user/Bob",
			set: docs{identity: []string{allowAll}}, want: ImplicitDeny, reason: true},
		{name: "root cannot AssumeRole", why: "id_credentials_temp_request.md: STS refuses AssumeRole by the root user",
			p: rootA, action: "sts:AssumeRole", resource: roleA, set: docs{resource: rallow(aws(acctA), "sts:AssumeRole", "")}, want: ImplicitDeny, reason: true},
		{name: "IAM user cannot make the web identity call", why: "AssumeRoleWithWebIdentity is unsigned: only the token holder makes it (id_credentials_temp_request.md)",
			p: alice, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{identity: []string{allowAll}, resource: rallow(aws(alice.ARN()), "sts:AssumeRoleWithWebIdentity", "")}, want: ImplicitDeny, reason: true},
		{name: "web identity principal cannot make the SAML call", why: "AssumeRoleWithSAML needs a SAML assertion holder (id_credentials_temp_request.md)",
			p: webUser1, action: "sts:AssumeRoleWithSAML", resource: webAppRole,
			set: docs{resource: rallow(`"*"`, "sts:AssumeRoleWithSAML", "")}, want: ImplicitDeny, reason: true},
	})
}

func TestEvaluateExplicitDeny(t *testing.T) {
	t.Parallel()
	get := allow("s3:GetObject", "*")
	runEngineCases(t, []engineCase{
		{name: "identity deny beats identity allow", why: "reference_policies_evaluation-logic.md: an applicable Deny in any policy denies",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get, deny("s3:*", "*")}}, want: ExplicitDeny},
		{name: "boundary deny", why: "reference_policies_evaluation-logic.md: the boundary is a selected policy",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, boundary: deny("s3:GetObject", "*")}, want: ExplicitDeny},
		{name: "session policy deny", why: "reference_policies_evaluation-logic.md: session policies are selected for role sessions",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, session: []string{deny("s3:GetObject", "*")}}, want: ExplicitDeny},
		{name: "resource deny naming the caller", why: "reference_policies_evaluation-logic.md: a resource-policy Deny applies when its principal matches",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, resource: rdeny(aws(alice.ARN()), "s3:GetObject", objA)}, want: ExplicitDeny},
		{name: "resource deny naming someone else", why: "reference_policies_evaluation-logic.md: a resource-policy Deny needs its principal part to match",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, resource: rdeny(aws(bobB.ARN()), "s3:GetObject", objA)}, want: Allowed},
		{name: "resource deny naming the role covers its sessions", why: "reference_policies_evaluation-logic.md: role-ARN entries cover sessions",
			p: devAlice, action: "s3:GetObject", resource: objA,
			set: docs{identity: []string{get}, resource: rdeny(aws("arn:aws:iam::"+acctA+":role/team/Dev"), "s3:GetObject", objA)}, want: ExplicitDeny},
		{name: "resource deny naming the account covers members", why: "reference_policies_evaluation-logic.md: account entries cover members",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, resource: rdeny(aws(acctA), "s3:GetObject", objA)}, want: ExplicitDeny},
		{name: "deny with NotPrincipal always denies a caller with a boundary", why: "reference_policies_elements_notprincipal.md, access_policies_boundaries.md: Deny+NotPrincipal denies users with a boundary whatever the list says",
			p: alice, action: "s3:GetObject", resource: objA,
			set: docs{identity: []string{get}, boundary: allow("*", "*"),
				resource: stmt(`"Effect":"Deny","NotPrincipal":{"AWS":["` + alice.ARN() + `","` + acctA + `"]},"Action":"s3:GetObject","Resource":"` + objA + `"`)},
			want: ExplicitDeny},
		{name: "deny with NotPrincipal exempts a fully listed caller without boundary", why: "reference_policies_elements_notprincipal.md: the caller is exempt when every identity (user ARN, account) is listed",
			p: alice, action: "s3:GetObject", resource: objA,
			set: docs{identity: []string{get},
				resource: stmt(`"Effect":"Deny","NotPrincipal":{"AWS":["` + alice.ARN() + `","` + acctA + `"]},"Action":"s3:GetObject","Resource":"` + objA + `"`)},
			want: Allowed},
		{name: "deny in a VPC endpoint policy", why: "reference_policies_evaluation-logic.md: VPC endpoint policies are selected policies",
			p: alice, action: "s3:GetObject", resource: objA,
			set: docs{identity: []string{get}, vpce: []string{rdeny(`"*"`, "s3:GetObject", "*")}}, want: ExplicitDeny},
		{name: "deny beats a direct resource grant", why: "reference_policies_evaluation-logic.md: an explicit deny is checked first; no grant overrides it",
			p: alice, action: "s3:GetObject", resource: objA,
			set: docs{identity: []string{deny("s3:GetObject", "*")}, resource: rallow(aws(alice.ARN()), "s3:GetObject", objA)}, want: ExplicitDeny},
	})
}

func TestEvaluateOrganizations(t *testing.T) {
	t.Parallel()
	get := allow("s3:GetObject", "*")
	rcpDenyGet := rdeny(`"*"`, "s3:GetObject", "*")
	runEngineCases(t, []engineCase{
		{name: "SCP deny", why: "reference_policies_evaluation-logic.md: SCPs of a member account apply",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, scp: [][]string{{fullAccess, deny("s3:*", "*")}}}, want: ExplicitDeny},
		{name: "every SCP level allows", why: "reference_policies_evaluation-logic.md: each level needs an applicable Allow",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, scp: [][]string{{fullAccess}, {allow("s3:*", "*")}}}, want: Allowed},
		{name: "one SCP level without allow", why: "reference_policies_evaluation-logic.md: a level without allow is an implicit deny naming scp",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, scp: [][]string{{fullAccess}, {allow("ec2:*", "*")}}},
			want: ImplicitDeny, missing: []policy.Type{policy.SCP}},
		{name: "SCP allow grants nothing", why: "reference_policies_evaluation-logic.md: SCPs only limit; the identity allow is still needed",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{scp: [][]string{{fullAccess}}}, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "SCPs govern the member account's root user", why: "reference_policies_evaluation-logic.md: SCPs apply to every signed caller of a member account, root included",
			p: rootA, action: "s3:GetObject", resource: objA, set: docs{scp: [][]string{{deny("s3:*", "*"), fullAccess}}}, want: ExplicitDeny},
		{name: "SCP gate for the root user", why: "reference_policies_evaluation-logic.md: the root user also needs every level to allow",
			p: rootA, action: "s3:GetObject", resource: objA, set: docs{scp: [][]string{{allow("ec2:*", "*")}}}, want: ImplicitDeny, missing: []policy.Type{policy.SCP}},
		{name: "service-linked role is exempt from SCPs", why: "reference_policies_evaluation-logic.md: SCPs do not apply to service-linked roles",
			p: slr, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, scp: [][]string{{deny("*", "*")}}}, want: Allowed},
		{name: "service principal is not governed by SCPs", why: "reference_policies_evaluation-logic.md: SCPs govern principals of the member account; a service principal has none",
			p: lambdaSvc, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(`{"Service":"lambda.amazonaws.com"}`, "s3:GetObject", objA), scp: [][]string{{deny("*", "*")}}}, want: Allowed},
		{name: "anonymous caller is not governed by SCPs", why: "reference_policies_evaluation-logic.md: SCPs need a caller account",
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "s3:GetObject", objA), scp: [][]string{{deny("*", "*")}}}, want: Allowed},
		{name: "empty SCP level is invalid", why: "reference_policies_evaluation-logic.md: a level without policy cannot exist; invalid input denies with a reason",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, scp: [][]string{{fullAccess}, {}}}, want: ImplicitDeny, reason: true},
		{name: "RCP deny on s3", why: "reference_policies_evaluation-logic.md: RCPs of the resource owner govern s3",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, rcp: [][]string{{rcpFullAccess, rcpDenyGet}}}, want: ExplicitDeny},
		{name: "RCP level without RCPFullAWSAccess still allows", why: "reference_policies_evaluation-logic.md, scenario format (go doc ./scenario): RCPFullAWSAccess is always attached; a level omitting it behaves the same",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, rcp: [][]string{{rdeny(`"*"`, "s3:PutObject", "*")}}}, want: Allowed},
		{name: "RCPs do not govern ec2", why: "reference_policies_evaluation-logic.md: RCPs apply only to services on the RCP table",
			p: alice, action: "ec2:RunInstances", resource: "*", set: docs{identity: []string{allow("ec2:*", "*")}, rcp: [][]string{{rdeny(`"*"`, "ec2:RunInstances", "*")}}}, want: Allowed},
		{name: "RCPs do not apply to service-linked roles", why: "reference_policies_evaluation-logic.md: service-linked roles are exempt from RCPs",
			p: slr, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, rcp: [][]string{{rcpDenyGet}}}, want: Allowed},
		{name: "RCPs apply to outsiders", why: "reference_policies_evaluation-logic.md: RCPs apply to every other caller, outsiders included",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{identity: []string{get}, resource: rallow(aws(acctB), "s3:GetObject", objA), rcp: [][]string{{rcpDenyGet}}}, want: ExplicitDeny},
		{name: "RCPs apply to anonymous callers", why: "reference_policies_evaluation-logic.md: RCPs apply to every caller",
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "s3:GetObject", objA), rcp: [][]string{{rcpDenyGet}}}, want: ExplicitDeny},
		{name: "RCPs apply to the root user", why: "reference_policies_evaluation-logic.md: RCPs apply to root users",
			p: rootA, action: "s3:GetObject", resource: objA, set: docs{rcp: [][]string{{rcpDenyGet}}}, want: ExplicitDeny},
		{name: "RCPs do not govern AWS managed KMS keys", why: "reference_policies_evaluation-logic.md, KMS resource-control-policies.md: RCPs do not apply to AWS managed keys",
			p: alice, action: "kms:Decrypt", resource: "arn:aws:kms:us-east-1:" + acctA + ":alias/aws/s3",
			set: docs{identity: []string{allow("kms:*", "*")}, rcp: [][]string{{rdeny(`"*"`, "kms:Decrypt", "*")}}}, want: Allowed},
	})
}

func TestEvaluateVPCEndpoint(t *testing.T) {
	t.Parallel()
	get := allow("s3:GetObject", "*")
	vAllow := rallow(`"*"`, "s3:GetObject", "*")
	runEngineCases(t, []engineCase{
		{name: "endpoint allows", why: "reference_policies_evaluation-logic.md: the endpoint policy on the path allows",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, vpce: []string{vAllow}}, want: Allowed},
		{name: "endpoint does not allow", why: "reference_policies_evaluation-logic.md: an endpoint without allow blocks, naming vpcEndpoint",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, vpce: []string{rallow(`"*"`, "s3:PutObject", "*")}},
			want: ImplicitDeny, missing: []policy.Type{policy.VPCEndpoint}},
		{name: "every endpoint must allow", why: "reference_policies_evaluation-logic.md: each endpoint policy on the path must allow",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, vpce: []string{vAllow, rallow(`"*"`, "s3:PutObject", "*")}},
			want: ImplicitDeny, missing: []policy.Type{policy.VPCEndpoint}},
		{name: "endpoint grants nothing", why: "reference_policies_evaluation-logic.md: an endpoint policy is a boundary, not a grant",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{vpce: []string{vAllow}}, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "endpoint policy naming another principal", why: "reference_policies_evaluation-logic.md: the endpoint policy's Principal must cover the caller",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, vpce: []string{rallow(aws(bobB.ARN()), "s3:GetObject", "*")}},
			want: ImplicitDeny, missing: []policy.Type{policy.VPCEndpoint}},
	})
}

func TestEvaluateSameAccountPrincipalTable(t *testing.T) {
	t.Parallel()
	nothing := allow("ec2:DescribeVpcs", "*") // allows something else only
	get := allow("s3:GetObject", "*")
	role := "arn:aws:iam::" + acctA + ":role/team/Dev"
	session := "arn:aws:sts::" + acctA + ":assumed-role/Dev/alice"
	fedARN := "arn:aws:sts::" + acctA + ":federated-user/Bob"
	tokenApp := "arn:aws:iam::" + acctA + ":user/token-app"
	res := func(p string) string { return rallow(aws(p), "s3:GetObject", objA) }
	runEngineCases(t, []engineCase{
		// IAM user ARN: identity and boundary ignored.
		{name: "user ARN: no identity allow needed", why: "reference_policies_evaluation-logic.md table, IAM user ARN: implicit deny in identity policy ignored",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{resource: res(alice.ARN())}, want: Allowed},
		{name: "check 1: user ARN despite boundary", why: "reference_policies_evaluation-logic.md checks: a bucket policy naming user/alice allows although her boundary allows nothing",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{boundary: nothing, resource: res(alice.ARN())}, want: Allowed},
		{name: "user unique ID named", why: "reference_policies_elements_principal.md: the unique ID names the user directly",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{boundary: nothing, resource: res("AIDAEXAMPLEALICE")}, want: Allowed},
		// Role ARN: identity ignored, boundary and session limit.
		{name: "role ARN: no identity allow needed", why: "reference_policies_evaluation-logic.md table, role ARN: implicit deny in identity policy ignored",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{resource: res(role)}, want: Allowed},
		{name: "role ARN: boundary limits", why: "reference_policies_evaluation-logic.md table, role ARN: boundary limits (RPi ∧ PB ∧ SP)",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{boundary: nothing, resource: res(role)},
			want: ImplicitDeny, missing: []policy.Type{policy.PermissionsBoundary}},
		{name: "check 2: role ARN, session policy omits the action", why: "reference_policies_evaluation-logic.md checks: naming role/Dev does not help a session whose session policy omits the action",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{session: []string{nothing}, resource: res(role)},
			want: ImplicitDeny, missing: []policy.Type{policy.Session}},
		{name: "role ID named", why: "reference_policies_elements_principal.md: the role's unique ID covers its sessions like the role ARN",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{resource: res("AROAEXAMPLEDEV")}, want: Allowed},
		// Role-session ARN: nothing limits.
		{name: "check 3: session ARN despite session policy and boundary", why: "reference_policies_evaluation-logic.md checks: naming assumed-role/Dev/alice allows; boundary and session policy ignored",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{boundary: nothing, session: []string{nothing}, resource: res(session)}, want: Allowed},
		{name: "other session of the role not covered", why: "reference_policies_elements_principal.md: a session ARN names that session only",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{resource: res("arn:aws:sts::" + acctA + ":assumed-role/Dev/carol")},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		// Federated-user ARN: nothing limits.
		{name: "B7 federated-user ARN without session policy", why: "reference_policies_variables.md, reference_policies_evaluation-logic.md table: a direct grant to the federated user needs no session policy",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{resource: res(fedARN)}, want: Allowed},
		{name: "federated-user ARN despite boundary", why: "reference_policies_evaluation-logic.md table, federated-user ARN: boundary ignored",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{boundary: nothing, session: []string{nothing}, resource: res(fedARN)}, want: Allowed},
		// IAM user who federated: identity ignored, boundary and session limit.
		{name: "federating user named, session allows", why: "reference_policies_evaluation-logic.md table, federating IAM user: identity ignored, session policy allows",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{session: []string{get}, resource: res(tokenApp)}, want: Allowed},
		{name: "B8 federating user named, no session policy", why: "reference_policies_variables.md, reference_policies_evaluation-logic.md: indirect grant limited by the (missing) session policy",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{resource: res(tokenApp)},
			want: ImplicitDeny, missing: []policy.Type{policy.Session}},
		{name: "federating user named, boundary limits", why: "reference_policies_evaluation-logic.md table, federating IAM user: boundary limits",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{session: []string{get}, boundary: nothing, resource: res(tokenApp)},
			want: ImplicitDeny, missing: []policy.Type{policy.PermissionsBoundary}},
		// Account named: an account grant needs the identity allow.
		{name: "check 4: account named, no identity allow", why: "reference_policies_evaluation-logic.md checks: a bucket policy naming account A with no identity allow gives implicitDeny",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{resource: res(acctA)},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "account named with identity allow", why: "reference_policies_evaluation-logic.md: same account, ID ∧ PB ∧ SP",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, resource: res(acctA)}, want: Allowed},
		{name: "account root ARN names the account", why: "reference_policies_elements_principal.md: arn:aws:iam::A:root is an account grant, not root-only",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{resource: res("arn:aws:iam::" + acctA + ":root")},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		// Resource without policy.
		{name: "no resource policy: identity allows", why: "reference_policies_evaluation-logic.md: same account, resource without policy: ID ∧ PB ∧ SP",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}}, want: Allowed},
		{name: "no resource policy: boundary blocks", why: "reference_policies_evaluation-logic.md: the boundary limits identity grants",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, boundary: nothing},
			want: ImplicitDeny, missing: []policy.Type{policy.PermissionsBoundary}},
		{name: "no resource policy: nothing allows", why: "reference_policies_evaluation-logic.md: default deny",
			p: alice, action: "s3:GetObject", resource: objA, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "role session without session policy", why: "reference_policies_evaluation-logic.md: a role session without session policy has SP true",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}}, want: Allowed},
		{name: "several session policies are unioned", why: "reference_policies_evaluation-logic.md: any session policy allowing suffices",
			p: devAlice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, session: []string{nothing, get}}, want: Allowed},
		{name: "B6 federated user without session policy", why: "reference_policies_variables.md, reference_policies_evaluation-logic.md: a federated user without session policy has no identity-side permissions",
			p: fedBob, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}}, want: ImplicitDeny, missing: []policy.Type{policy.Session}},
		{name: "session policies of an IAM user are ignored", why: "reference_policies_evaluation-logic.md: not a session principal, SP true; only sessions have session policies",
			p: alice, action: "s3:GetObject", resource: objA, set: docs{identity: []string{get}, session: []string{nothing}}, want: Allowed},
		{name: "root user needs no identity policy", why: "reference_policies_evaluation-logic.md: root has full access by default",
			p: rootA, action: "s3:GetObject", resource: objA, want: Allowed},
		{name: "root user: identity policies ignored", why: "reference_policies_evaluation-logic.md, scenario format (go doc ./scenario): identity is ignored for the root user",
			p: rootA, action: "s3:GetObject", resource: objA, set: docs{identity: []string{deny("*", "*")}}, want: Allowed},
	})
}

func TestEvaluateResourcePolicyRequired(t *testing.T) {
	t.Parallel()
	kmsAll := allow("kms:*", "*")
	keyPolicy := func(p string) string { return rallow(aws(p), "kms:*", "*") }
	runEngineCases(t, []engineCase{
		{name: "key policy enables IAM policies", why: "reference_policies_evaluation-logic.md KMS: RPa ∧ ID ∧ PB ∧ SP",
			p: alice, action: "kms:Decrypt", resource: keyA, set: docs{identity: []string{kmsAll}, resource: keyPolicy(acctA)}, want: Allowed},
		{name: "key policy names account, no identity allow", why: "reference_policies_evaluation-logic.md KMS: the account entry needs the identity allow",
			p: alice, action: "kms:Decrypt", resource: keyA, set: docs{resource: keyPolicy(acctA)}, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "no key policy", why: "reference_policies_evaluation-logic.md KMS: the resource policy must allow; identity alone is not enough",
			p: alice, action: "kms:Decrypt", resource: keyA, set: docs{identity: []string{kmsAll}}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "key policy without the account", why: "reference_policies_evaluation-logic.md KMS: identity policies work only when the key policy names the account",
			p: alice, action: "kms:Decrypt", resource: keyA, set: docs{identity: []string{kmsAll}, resource: keyPolicy(acctB)},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "key policy names the user despite boundary", why: "reference_policies_evaluation-logic.md KMS: RPd needs nothing else",
			p: alice, action: "kms:Decrypt", resource: keyA, set: docs{boundary: allow("ec2:*", "*"), resource: keyPolicy(alice.ARN())}, want: Allowed},
		{name: "root needs the key policy", why: "reference_policies_evaluation-logic.md KMS: even the root user needs the key policy to allow",
			p: rootA, action: "kms:Decrypt", resource: keyA, set: docs{resource: keyPolicy(acctB)}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "root allowed by the account entry", why: "reference_policies_evaluation-logic.md: for the root user RPa counts as direct",
			p: rootA, action: "kms:Decrypt", resource: keyA, set: docs{resource: keyPolicy(acctA)}, want: Allowed},
		{name: "kms action without a key", why: "resource-policy table: kms:CreateKey on * has no key policy",
			p: alice, action: "kms:CreateKey", resource: "*", set: docs{identity: []string{kmsAll}}, want: Allowed},
		// Role trust policies.
		{name: "trust names the user, boundary blocks", why: "reference_policies_evaluation-logic.md role trust: the caller's boundary always applies",
			p: alice, action: "sts:AssumeRole", resource: roleA, set: docs{boundary: allow("s3:*", "*"), resource: rallow(aws(alice.ARN()), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.PermissionsBoundary}},
		{name: "trust names the user", why: "reference_policies_evaluation-logic.md role trust, id_credentials_temp_request.md: a trust statement naming the caller's own ARN suffices",
			p: alice, action: "sts:AssumeRole", resource: roleA, set: docs{resource: rallow(aws(alice.ARN()), "sts:AssumeRole", "")}, want: Allowed},
		{name: "trust names the account, identity allows", why: "reference_policies_evaluation-logic.md role trust: RPa ∧ ID ∧ SP",
			p: alice, action: "sts:AssumeRole", resource: roleA, set: docs{identity: []string{allow("sts:AssumeRole", roleA)}, resource: rallow(aws(acctA), "sts:AssumeRole", "")}, want: Allowed},
		{name: "trust names the account, no identity allow", why: "reference_policies_evaluation-logic.md role trust, id_credentials_temp_request.md: an account entry needs the identity allow",
			p: alice, action: "sts:AssumeRole", resource: roleA, set: docs{resource: rallow(aws(acctA), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "identity allow without trust", why: "reference_policies_evaluation-logic.md role trust: the trust policy must allow",
			p: alice, action: "sts:AssumeRole", resource: roleA, set: docs{identity: []string{allow("sts:AssumeRole", "*")}},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "chaining: trust names the caller's role, session policy omits", why: "reference_policies_evaluation-logic.md role trust, id_credentials_temp_request.md: naming the caller's role is subject to its session policy",
			p: devAlice, action: "sts:AssumeRole", resource: roleA,
			set:  docs{session: []string{allow("s3:*", "*")}, resource: rallow(aws("arn:aws:iam::"+acctA+":role/team/Dev"), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Session}},
		{name: "chaining: trust names the caller's role", why: "reference_policies_evaluation-logic.md role trust: RPi ∧ SP with no session policy",
			p: devAlice, action: "sts:AssumeRole", resource: roleA,
			set: docs{resource: rallow(aws("arn:aws:iam::"+acctA+":role/team/Dev"), "sts:AssumeRole", "")}, want: Allowed},
		{name: "TagSession needs its own trust statement", why: "id_credentials_temp_request.md: sts:TagSession is authorized against the trust policy",
			p: alice, action: "sts:TagSession", resource: roleA, set: docs{identity: []string{allow("sts:*", "*")}, resource: rallow(aws(alice.ARN()), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
	})
}

func TestEvaluateCrossAccount(t *testing.T) {
	t.Parallel()
	get := allow("s3:GetObject", "*")
	res := func(p string) string { return rallow(aws(p), "s3:GetObject", objA) }
	runEngineCases(t, []engineCase{
		{name: "both sides allow", why: "reference_policies_evaluation-logic.md cross-account: (RPd ∨ RPi ∨ RPa) ∧ ID ∧ PB ∧ SP",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{identity: []string{get}, resource: res(bobB.ARN())}, want: Allowed},
		{name: "resource names the user, no identity allow", why: "reference_policies_evaluation-logic.md cross-account: no grant bypasses the caller's side",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{resource: res(bobB.ARN())},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "resource names the caller's account", why: "reference_policies_evaluation-logic.md cross-account: an account grant with the identity allow",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{identity: []string{get}, resource: res(acctB)}, want: Allowed},
		{name: "no resource policy", why: "reference_policies_evaluation-logic.md cross-account: the resource owner must allow",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{identity: []string{get}},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "boundary limits even a direct grant", why: "reference_policies_evaluation-logic.md cross-account: PB always applies",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set:  docs{identity: []string{get}, boundary: allow("ec2:*", "*"), resource: res(bobB.ARN())},
			want: ImplicitDeny, missing: []policy.Type{policy.PermissionsBoundary}},
		{name: "session ARN grant still needs the session policy", why: "reference_policies_evaluation-logic.md cross-account: SP applies to every grant across accounts",
			p: devAlice, action: "s3:GetObject", resource: "arn:aws:s3:::bucket-b/x", resourceAccount: acctB,
			set:  docs{identity: []string{get}, session: []string{allow("ec2:*", "*")}, resource: rallow(aws(devAlice.ARN()), "s3:GetObject", "*")},
			want: ImplicitDeny, missing: []policy.Type{policy.Session}},
		{name: "cross-account root user", why: "reference_policies_evaluation-logic.md: the root user's identity side is allowed; the resource policy must name the account",
			p: rootB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{resource: res(acctB)}, want: Allowed},
		{name: "account A grant does not cover account B", why: "reference_policies_elements_principal.md: an account entry names only that account",
			p: bobB, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{identity: []string{get}, resource: res(acctA)},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "C7 cross-account AssumeRole", why: "id_credentials_temp_request.md: both sides allow",
			p: alice, action: "sts:AssumeRole", resource: roleB,
			set: docs{identity: []string{allow("sts:AssumeRole", roleB)}, resource: rallow(aws(acctA), "sts:AssumeRole", "")}, want: Allowed},
		{name: "C8 no identity allow", why: "id_credentials_temp_request.md: identity side missing",
			p: alice, action: "sts:AssumeRole", resource: roleB, set: docs{resource: rallow(aws(acctA), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "C9 trust without the caller's account", why: "id_credentials_temp_request.md: trust side missing",
			p: alice, action: "sts:AssumeRole", resource: roleB,
			set:  docs{identity: []string{allow("sts:AssumeRole", roleB)}, resource: rallow(aws("999988887777"), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "C10 role name spelling", why: "id_credentials_temp_request.md: ARNs compare case-sensitively",
			p: alice, action: "sts:AssumeRole", resource: "arn:aws:iam::" + acctB + ":role/UpdateApp",
			set:  docs{identity: []string{allow("sts:AssumeRole", roleB)}, resource: rallow(aws(acctA), "sts:AssumeRole", "")},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
	})
}

func TestEvaluateAnonymousAndService(t *testing.T) {
	t.Parallel()
	runEngineCases(t, []engineCase{
		{name: "public bucket", why: `reference_policies_evaluation-logic.md anonymous: an Allow with a "*" principal`,
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{resource: rallow(`"*"`, "s3:GetObject", objA)}, want: Allowed},
		{name: "public bucket, AWS star", why: `reference_policies_elements_principal.md: {"AWS":"*"} is equivalent to "*"`,
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{resource: rallow(aws("*"), "s3:GetObject", objA)}, want: Allowed},
		{name: "account grant does not cover anonymous", why: "reference_policies_elements_principal.md: only * names an anonymous caller",
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{resource: rallow(aws(acctA), "s3:GetObject", objA)},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "anonymous without resource policy", why: "reference_policies_evaluation-logic.md anonymous: nothing else can grant",
			p: anon, action: "s3:GetObject", resource: objA, resourceAccount: acctA, set: docs{identity: []string{allow("*", "*")}},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "anonymous caller cannot AssumeRole despite a * trust policy", why: "id_credentials_temp_request.md: AssumeRole callers are IAM users and role sessions; STS needs signed requests",
			p: anon, action: "sts:AssumeRole", resource: roleA, resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "sts:AssumeRole", "")}, want: ImplicitDeny, reason: true},
		{name: "anonymous caller cannot TagSession", why: "id_credentials_temp_request.md: TagSession is part of a signed AssumeRole call",
			p: anon, action: "sts:TagSession", resource: roleA, resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "sts:TagSession", "")}, want: ImplicitDeny, reason: true},
		{name: "anonymous caller cannot use KMS despite a * key policy", why: "KMS requires signed requests; reference_policies_variables.md names S3, SNS and SQS for anonymous callers",
			p: anon, action: "kms:Decrypt", resource: "arn:aws:kms:us-east-1:" + acctA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab", resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "kms:Decrypt", "*")}, want: ImplicitDeny, reason: true},
		{name: "anonymous caller may publish to a public SNS topic", why: "reference_policies_variables.md: SNS accepts anonymous requests",
			p: anon, action: "sns:Publish", resource: "arn:aws:sns:us-east-1:" + acctA + ":alerts", resourceAccount: acctA,
			set: docs{resource: rallow(`"*"`, "sns:Publish", "*")}, want: Allowed},
		{name: "AssumeRole needs a role ARN", why: "API_AssumeRole.html: the resource of AssumeRole is the role ARN; a * resource names no trust policy",
			p: alice, action: "sts:AssumeRole", resource: "*",
			set: docs{identity: []string{allow("*", "*")}}, want: ImplicitDeny, reason: true},
		{name: "service principal named", why: "reference_policies_evaluation-logic.md service principal: RPd",
			p: lambdaSvc, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(`{"Service":"lambda.amazonaws.com"}`, "s3:GetObject", objA)}, want: Allowed},
		{name: "other service principal named", why: "reference_policies_elements_principal.md: service names match exactly",
			p: lambdaSvc, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(`{"Service":"ec2.amazonaws.com"}`, "s3:GetObject", objA)}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "service principal and account grant", why: "reference_policies_evaluation-logic.md service principal: only a direct grant counts",
			p: lambdaSvc, action: "s3:GetObject", resource: objA, resourceAccount: acctA,
			set: docs{resource: rallow(aws(acctA), "s3:GetObject", objA)}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
	})
}

func TestEvaluateUnsignedWebIdentity(t *testing.T) {
	t.Parallel()
	correctedTrust := stmt(`"Effect":"Allow","Principal":{"Federated":"` + oidcProviderARN + `"},` +
		`"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],` +
		`"Condition":{"StringEquals":{"idp.example.com:aud":"app-client"}}`)
	subTrust := stmt(`"Effect":"Allow","Principal":{"Federated":"` + oidcProviderARN + `"},` +
		`"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"idp.example.com:sub":"SUB1"}}`)
	perEmail := stmt(`"Effect":"Allow","Action":["ec2:CreateVpc","ec2:DescribeVpcs"],"Resource":"*",` +
		`"Condition":{"StringEquals":{"aws:PrincipalTag/Email":"user1@example.com"}}`)
	runEngineCases(t, []engineCase{
		{name: "A11 corrected trust", why: "id_session-tags.md: Federated principal and :aud condition admit the token",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole, set: docs{resource: correctedTrust}, want: Allowed},
		{name: "A9 one sub admits one user", why: "id_session-tags.md: the trust condition on sub SUB1 refuses SUB2",
			p: webUser2, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole, set: docs{resource: subTrust},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "A9 the admitted user", why: "id_session-tags.md: sub SUB1 matches",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole, set: docs{resource: subTrust}, want: Allowed},
		{name: "A10 tags need sts:TagSession", why: "id_session-tags.md: a trust policy allowing only AssumeRoleWithWebIdentity refuses TagSession",
			p: webUser1, action: "sts:TagSession", resource: webAppRole, set: docs{resource: subTrust},
			want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "TagSession with corrected trust", why: "id_session-tags.md: TagSession allowed in the same trust statement",
			p: webUser1, action: "sts:TagSession", resource: webAppRole, set: docs{resource: correctedTrust}, want: Allowed},
		{name: "identity policies do not take part", why: "scenario format, PRINCIPAL (go doc ./scenario): only the trust policy decides the unsigned call",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{identity: []string{deny("*", "*")}, boundary: deny("*", "*"), resource: correctedTrust}, want: Allowed},
		{name: "SCPs do not apply to the unsigned call", why: "id_credentials_temp_request.md: the unsigned calls have no caller account, so no SCP",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{scp: [][]string{{deny("*", "*")}}, resource: correctedTrust}, want: Allowed},
		{name: "RCPs apply to the unsigned call", why: "id_credentials_temp_request.md: RCPs of the role owner apply to the assume calls",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{rcp: [][]string{{rdeny(`"*"`, "sts:AssumeRoleWithWebIdentity", "*")}}, resource: correctedTrust}, want: ExplicitDeny},
		{name: "trust naming the role does not admit the token holder", why: "reference_policies_elements_principal.md: the token holder is named only by its provider",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{resource: rallow(aws(webAppRole), "sts:AssumeRoleWithWebIdentity", "")}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "trust naming the account does not admit the token holder", why: "id_credentials_temp_request.md: the unsigned call has no caller account",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{resource: rallow(aws(acctA), "sts:AssumeRoleWithWebIdentity", "")}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "other provider", why: "reference_policies_elements_principal.md: the Federated entry must name the caller's provider",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{resource: rallow(`{"Federated":"accounts.google.com"}`, "sts:AssumeRoleWithWebIdentity", "")}, want: ImplicitDeny, missing: []policy.Type{policy.Resource}},
		{name: "trust deny on the provider", why: "reference_policies_evaluation-logic.md: a trust-policy Deny matching the provider denies",
			p: webUser1, action: "sts:AssumeRoleWithWebIdentity", resource: webAppRole,
			set: docs{resource: `{"Version":"2012-10-17","Statement":[` +
				`{"Effect":"Allow","Principal":{"Federated":"` + oidcProviderARN + `"},"Action":"sts:AssumeRoleWithWebIdentity"},` +
				`{"Effect":"Deny","Principal":{"Federated":"` + oidcProviderARN + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"idp.example.com:sub":"SUB1"}}}]}`},
			want: ExplicitDeny},
		{name: "SAML call", why: "API_AssumeRoleWithSAML.html: Federated saml-provider and SAML:aud condition",
			p: samlAlice, action: "sts:AssumeRoleWithSAML", resource: "arn:aws:iam::" + acctA + ":role/SSO",
			set: docs{resource: stmt(`"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::` + acctA + `:saml-provider/Corp"},` +
				`"Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}`)},
			want: Allowed},
		{name: "A1 signed session uses its principal tag", why: "id_session-tags.md: the token's tag is aws:PrincipalTag/Email of the session",
			p: webUser1, action: "ec2:CreateVpc", resource: "*", set: docs{identity: []string{perEmail}}, want: Allowed},
		{name: "A5-like: user2 has no Email tag", why: "id_session-tags.md, reference_policies_elements_principal.md: StringEquals on an absent tag is false",
			p: webUser2, action: "ec2:CreateVpc", resource: "*", set: docs{identity: []string{perEmail}}, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "signed session is not matched by Federated", why: "reference_policies_elements_principal.md: a Federated entry names the IdP of the AssumeRoleWith* call, not later requests",
			p: webUser1, action: "s3:GetObject", resource: objA,
			set: docs{resource: rallow(`{"Federated":"`+oidcProviderARN+`"}`, "s3:GetObject", objA)}, want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "TagSession on another role is the session's own request", why: "scenario format, PRINCIPAL (go doc ./scenario): on another role TagSession is role chaining",
			p: webUser1, action: "sts:TagSession", resource: roleA,
			set: docs{resource: rallow(aws(webAppRole), "sts:TagSession", "")}, want: Allowed},
	})
}

func TestEvaluateSeedC(t *testing.T) {
	t.Parallel()
	fed := func(n string) string { return "arn:aws:sts::" + acctA + ":federated-user/" + n }
	managers := allow("sts:GetFederationToken", fed("Manager*"))
	runEngineCases(t, []engineCase{
		{name: "C2 no policy", why: "id_credentials_temp_request.md: default deny", p: alice, action: "sts:GetFederationToken", resource: fed("Bob"),
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
		{name: "C3 allow on *", why: "id_credentials_temp_request.md", p: alice, action: "sts:GetFederationToken", resource: fed("Bob"),
			set: docs{identity: []string{allow("sts:GetFederationToken", "*")}}, want: Allowed},
		{name: "C4 glob", why: "id_credentials_temp_request.md: Manager* matches ManagerJoe", p: alice, action: "sts:GetFederationToken", resource: fed("ManagerJoe"),
			set: docs{identity: []string{managers}}, want: Allowed},
		{name: "C5 outside the glob", why: "id_credentials_temp_request.md", p: alice, action: "sts:GetFederationToken", resource: fed("Bob"),
			set: docs{identity: []string{managers}}, want: ImplicitDeny},
		{name: "C6 case-sensitive", why: "id_credentials_temp_request.md: ARN matching is case-sensitive", p: alice, action: "sts:GetFederationToken", resource: fed("managerjoe"),
			set: docs{identity: []string{managers}}, want: ImplicitDeny},
		{name: "C11 delegated within the user's permissions", why: "id_credentials_temp_request.md: identity ∩ session",
			p: fedBob, action: "s3:ListBucket", resource: bucketA,
			set: docs{identity: []string{stmt(`"Effect":"Allow","Action":["s3:*","sts:GetFederationToken"],"Resource":"*"`)},
				session: []string{stmt(`"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"`)}}, want: Allowed},
		{name: "C12 delegation capped by the user", why: "id_credentials_temp_request.md: the session policy cannot add permissions",
			p: fedBob, action: "ec2:DescribeVpcs", resource: "*",
			set: docs{identity: []string{stmt(`"Effect":"Allow","Action":["s3:*","sts:GetFederationToken"],"Resource":"*"`)},
				session: []string{stmt(`"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"`)}},
			want: ImplicitDeny, missing: []policy.Type{policy.Identity}},
	})
}
