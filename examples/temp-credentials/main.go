// Command temp-credentials plays the cases of the IAM User Guide page on granting permissions to create temporary
// credentials (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_enable-create.html).
//
// The IAM user alice needs no permission for GetSessionToken, but needs an
// identity-policy allow for GetFederationToken (whose resource is the
// federated-user ARN, so federate-managers.json limits her to names
// beginning with Manager) and for AssumeRole (which the role's trust policy
// must allow too; UpdateAPP lives in another account). Granting
// GetFederationToken lets alice hand out any subset of her own permissions,
// and no more. Every call is played with package sts and printed with its
// explanation; scenario.json holds the same cases in the scenario format.
package main

import (
	"embed"
	"fmt"
	"io"

	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

//go:embed policies/*.json
var policyFiles embed.FS

const (
	account      = "123456789012"
	otherAccount = "123123123123"
)

func main() { report.Main("temp-credentials", run) }

// policies are the documents of the seed, read from policies/.
type policies struct {
	federateAny, federateManagers, assumeUpdateApp *policy.Policy
	trust, trustOther                              *policy.Policy
	delegate, bobSession                           *policy.Policy
}

func loadPolicies() (*policies, error) {
	l := report.NewLoader(policyFiles)
	load := l.Load
	p := &policies{
		federateAny:      load("federate-any.json", "FederateAny", policy.Identity),
		federateManagers: load("federate-managers.json", "FederateManagers", policy.Identity),
		assumeUpdateApp:  load("assume-update-app.json", "AssumeUpdateAPP", policy.Identity),
		trust:            load("update-app-trust.json", "UpdateAPPTrust", policy.Resource),
		trustOther:       load("update-app-trust-other.json", "TrustOtherAccount", policy.Resource),
		delegate:         load("delegate.json", "Delegate", policy.Identity),
		bobSession:       load("bob-session.json", "BobSession", policy.Session),
	}
	return p, l.Err()
}

// alice returns the caller alice with the given identity policies.
func alice(user *principal.IAMUser, identity ...*policy.Policy) sts.Caller {
	c := sts.Caller{Principal: user}
	c.Policies.Identity = identity
	return c
}

func run(w io.Writer) ([]report.Decision, error) {
	p, err := loadPolicies()
	if err != nil {
		return nil, err
	}
	user, err := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + account + ":user/alice", ID: "AIDAEXAMPLEALICE"})
	if err != nil {
		return nil, err
	}
	out := report.New(w)

	out.Section("GetSessionToken needs no permission")
	res, err := sts.GetSessionToken(alice(user), sts.GetSessionTokenInput{})
	if err := out.Call("C1", "alice (no policies) calls sts:GetSessionToken", err, res); err != nil {
		return nil, err
	}

	out.Section("GetFederationToken needs an allow on the federated-user ARN")
	federations := []struct {
		id, title string
		identity  []*policy.Policy
		name      string
	}{
		{"C2", "alice (no policies) federates as Bob", nil, "Bob"},
		{"C3", "alice (Allow on *) federates as Bob", []*policy.Policy{p.federateAny}, "Bob"},
		{"C4", "alice (Allow on federated-user/Manager*) federates as ManagerJoe", []*policy.Policy{p.federateManagers}, "ManagerJoe"},
		{"C5", "alice (Manager*) federates as Bob", []*policy.Policy{p.federateManagers}, "Bob"},
		{"C6", "alice (Manager*) federates as managerjoe: ARNs compare case-sensitively", []*policy.Policy{p.federateManagers}, "managerjoe"},
	}
	for _, f := range federations {
		res, err := sts.GetFederationToken(alice(user, f.identity...), sts.GetFederationTokenInput{Name: f.name, Policy: p.bobSession})
		if err := out.Call(f.id, f.title, err, res); err != nil {
			return nil, err
		}
	}

	out.Section("AssumeRole across accounts needs both sides")
	role := func(name string, trust *policy.Policy) sts.Role {
		return sts.Role{ARN: "arn:aws:iam::" + otherAccount + ":role/" + name, TrustPolicy: trust}
	}
	assumptions := []struct {
		id, title string
		identity  []*policy.Policy
		role      sts.Role
	}{
		{"C7", "alice (Allow on role/UpdateAPP) assumes UpdateAPP, whose trust names her account", []*policy.Policy{p.assumeUpdateApp}, role("UpdateAPP", p.trust)},
		{"C8", "alice (no policies) assumes UpdateAPP: the identity side is missing", nil, role("UpdateAPP", p.trust)},
		{"C9", "alice assumes UpdateAPP, whose trust names another account", []*policy.Policy{p.assumeUpdateApp}, role("UpdateAPP", p.trustOther)},
		{"C10", "alice (Allow on role/UpdateAPP) assumes a role spelled UpdateApp", []*policy.Policy{p.assumeUpdateApp}, role("UpdateApp", p.trust)},
	}
	for _, a := range assumptions {
		res, err := sts.AssumeRole(alice(user, a.identity...), a.role, sts.AssumeRoleInput{RoleSessionName: "alice"})
		if err := out.Call(a.id, a.title, err, res); err != nil {
			return nil, err
		}
	}

	out.Section("Delegation: a federated user gets at most alice's permissions")
	bob, err := sts.GetFederationToken(alice(user, p.delegate), sts.GetFederationTokenInput{Name: "Bob", Policy: p.bobSession})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "  alice allows s3:* and sts:GetFederationToken; Bob's session policy allows s3:* and ec2:*.\n\n")
	if err := out.Request("C11", "Bob lists a bucket: inside alice's permissions", bob, "s3:ListBucket", "arn:aws:s3:::reports", nil, nil); err != nil {
		return nil, err
	}
	if err := out.Request("C12", "Bob describes VPCs: the session policy cannot add to alice's permissions", bob, "ec2:DescribeVpcs", "*", nil, nil); err != nil {
		return nil, err
	}
	return out.Decisions(), nil
}
