// Command webidentity-tags examines a common answer that gives web-identity
// users per-user permissions by passing their email as Tags to
// AssumeRoleWithWebIdentity and keying the role's policy on
// aws:RequestTag/Email, against
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html.
//
// It shows why that cannot work (AssumeRoleWithWebIdentity has no Tags
// parameter, and aws:RequestTag describes the tags of the request being
// authorized, not of the session) and what does: the identity provider puts
// the email in the token's https://aws.amazon.com/tags claim, the trust
// policy allows sts:TagSession, and the role's policy reads
// aws:PrincipalTag/Email. Every decision is printed with its explanation.
// scenario.json next to this file holds the same cases in the scenario
// format (`iameval test scenario.json`).
package main

import (
	"embed"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

//go:embed policies/*.json
var policyFiles embed.FS

const (
	roleARN  = "arn:aws:iam::123456789012:role/WebApp"
	roleID   = "AROAEXAMPLEWEB000001"
	provider = "idp.example.com" // stands for arn:aws:iam::123456789012:oidc-provider/idp.example.com
)

func main() { report.Main("webidentity-tags", run) }

// policies are the documents of the seed, read from policies/.
type policies struct {
	trustCorrected, trustOneSub          *policy.Policy
	perEmail, perEmailRequestTag, folder *policy.Policy
}

func loadPolicies() (*policies, error) {
	l := report.NewLoader(policyFiles)
	load := l.Load
	p := &policies{
		trustCorrected:     load("trust-corrected.json", "WebAppTrust", policy.Resource),
		trustOneSub:        load("trust-one-sub.json", "TrustOneSub", policy.Resource),
		perEmail:           load("per-email.json", "PerEmail", policy.Identity),
		perEmailRequestTag: load("per-email-request-tag.json", "PerEmailRequestTag", policy.Identity),
		folder:             load("per-user-folder.json", "PerUserFolder", policy.Identity),
	}
	return p, l.Err()
}

// token returns user's web identity token: sub and aud claims, and the
// email as a session tag in the tags claim when email is not "".
func token(sub, email string) sts.WebIdentityToken {
	t := sts.WebIdentityToken{
		Provider: provider,
		Claims: map[string]condition.Value{
			"sub": condition.StringValue(sub),
			"aud": condition.StringValue("app-client"),
		},
	}
	if email != "" {
		t.Tags = principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {email}}}
	}
	return t
}

// webApp returns the WebApp role with a trust policy and one permission
// policy.
func webApp(trust, permissions *policy.Policy) sts.Role {
	r := sts.Role{ARN: roleARN, ID: roleID, TrustPolicy: trust}
	if permissions != nil {
		r.Policies.Identity = []*policy.Policy{permissions}
	}
	return r
}

func run(w io.Writer) ([]report.Decision, error) {
	p, err := loadPolicies()
	if err != nil {
		return nil, err
	}
	out := report.New(w)

	out.Section("Why the answer's Tags parameter cannot work")
	fmt.Fprintf(w, "  AssumeRoleWithWebIdentity takes %s.\n", fieldNames(reflect.TypeFor[sts.AssumeRoleWithWebIdentityInput]()))
	fmt.Fprintf(w, "  There is no Tags parameter: session tags come only from the token's %s claim,\n", principal.ClaimTags)
	fmt.Fprintf(w, "  which the identity provider must issue. (AssumeRole, by contrast, takes %s.)\n\n",
		fieldNames(reflect.TypeFor[sts.AssumeRoleInput]()))

	out.Section("The token is exchanged for a session (corrected trust policy)")
	assume := func(id, title string, trust, permissions *policy.Policy, tok sts.WebIdentityToken, session string) (*sts.Result, error) {
		res, err := sts.AssumeRoleWithWebIdentity(webApp(trust, permissions), sts.AssumeRoleWithWebIdentityInput{RoleSessionName: session, Token: tok})
		if id != "" {
			if err := out.Call(id, title, err, res); err != nil {
				return nil, err
			}
		} else if err != nil {
			return nil, err
		}
		return res, nil
	}
	user1, err := assume("A11", "user1's tagged token, trust allows sts:AssumeRoleWithWebIdentity and sts:TagSession",
		p.trustCorrected, p.perEmail, token("SUB1", "user1@example.com"), "user1")
	if err != nil {
		return nil, err
	}
	user2, err := assume("", "", p.trustCorrected, p.perEmail, token("SUB2", "user2@example.com"), "user2")
	if err != nil {
		return nil, err
	}
	untagged, err := assume("", "", p.trustCorrected, p.perEmail, token("SUB1", ""), "user1")
	if err != nil {
		return nil, err
	}
	shouting, err := assume("", "", p.trustCorrected, p.perEmail, token("SUB1", "USER1@example.com"), "user1")
	if err != nil {
		return nil, err
	}

	out.Section("Per-user permissions through aws:PrincipalTag/Email (policy PerEmail)")
	steps := []struct {
		id, title string
		res       *sts.Result
		action    string
	}{
		{"A1", "user1 creates a VPC", user1, "ec2:CreateVpc"},
		{"A2", "user1 describes VPCs", user1, "ec2:DescribeVpcs"},
		{"A3", "user2 describes VPCs", user2, "ec2:DescribeVpcs"},
		{"A4", "user2 creates a VPC: no statement for user2", user2, "ec2:CreateVpc"},
		{"A5", "a token without a tags claim: the tag is absent", untagged, "ec2:DescribeVpcs"},
		{"A6", "Email USER1@example.com: tag values are case-sensitive", shouting, "ec2:CreateVpc"},
	}
	for _, s := range steps {
		if err := out.Request(s.id, s.title, s.res, s.action, "*", nil, nil); err != nil {
			return nil, err
		}
	}

	out.Section("The answer's policy keyed on aws:RequestTag/Email (policy PerEmailRequestTag)")
	user1Original, err := assume("", "", p.trustCorrected, p.perEmailRequestTag, token("SUB1", "user1@example.com"), "user1")
	if err != nil {
		return nil, err
	}
	user2Original, err := assume("", "", p.trustCorrected, p.perEmailRequestTag, token("SUB2", "user2@example.com"), "user2")
	if err != nil {
		return nil, err
	}
	if err := out.Request("A7", "user1 describes VPCs: the request carries no tags", user1Original, "ec2:DescribeVpcs", "*", nil, nil); err != nil {
		return nil, err
	}
	forged := map[string]string{"aws:RequestTag/Email": "user1@example.com"}
	if err := out.Request("A8", "user2 creates a VPC tagged Email=user1@example.com: request tags are the caller's choice", user2Original, "ec2:CreateVpc", "*", nil, forged); err != nil {
		return nil, err
	}

	out.Section("The answer's trust policy (condition on one sub, no sts:TagSession)")
	if _, err := assume("A9", "user2 (sub SUB2) presents a token: one sub admits one user",
		p.trustOneSub, p.perEmail, token("SUB2", ""), "user2"); err != nil {
		return nil, err
	}
	if _, err := assume("A10", "user1 presents a tagged token: tagged tokens need sts:TagSession",
		p.trustOneSub, p.perEmail, token("SUB1", "user1@example.com"), "user1"); err != nil {
		return nil, err
	}

	out.Section("Per-user data without an IAM user per person (policy PerUserFolder)")
	folders, err := assume("", "", p.trustCorrected, p.folder, token("SUB1", "user1@example.com"), "user1")
	if err != nil {
		return nil, err
	}
	reads := []struct{ id, title, key string }{
		{"A12", "user1 reads app-data/SUB1/x through ${idp.example.com:sub}", "SUB1/x"},
		{"A13", "user1 reads another user's folder app-data/SUB2/x", "SUB2/x"},
		{"A14", "user1 reads app-data/user1@example.com/x through ${aws:PrincipalTag/Email}", "user1@example.com/x"},
	}
	for _, r := range reads {
		if err := out.Request(r.id, r.title, folders, "s3:GetObject", "arn:aws:s3:::app-data/"+r.key, nil, nil); err != nil {
			return nil, err
		}
	}
	return out.Decisions(), nil
}

// fieldNames lists the exported fields of a struct type.
func fieldNames(t reflect.Type) string {
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, ", ")
}
