package principal_test

import (
	"fmt"
	"slices"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// Example derives the context of a role session given as an ARN string and
// as an object with its role path and ID.
func Example() {
	p, err := principal.Parse("arn:aws:sts::123456789012:assumed-role/Dev/alice")
	if err != nil {
		fmt.Println(err)
		return
	}
	arn, _ := p.Context().LookupVariable("aws:principalarn")
	_, hasUserID := p.Context().LookupVariable("aws:userid")
	fmt.Println(p.Kind(), arn, hasUserID)

	r, err := principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN:     "arn:aws:iam::123456789012:role/teams/Dev",
		RoleID:      "AROAEXAMPLEDEV",
		SessionName: "alice",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	arn, _ = r.Context().LookupVariable("aws:principalarn")
	userID, _ := r.Context().LookupVariable("aws:userid")
	fmt.Println(r.ARN())
	fmt.Println(arn, userID)
	// Output:
	// AssumedRole arn:aws:iam::123456789012:role/Dev false
	// arn:aws:sts::123456789012:assumed-role/Dev/alice
	// arn:aws:iam::123456789012:role/teams/Dev AROAEXAMPLEDEV:alice
}

func ExampleParse() {
	for _, s := range []string{
		"arn:aws:iam::123456789012:user/division/alice",
		"lambda.amazonaws.com",
		"*",
		"arn:aws:iam::123456789012:role/Dev",
	} {
		p, err := principal.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %q\n", p.Kind(), p.ARN())
	}
	// Output:
	// IAMUser "arn:aws:iam::123456789012:user/division/alice"
	// Service "lambda.amazonaws.com"
	// Anonymous ""
	// principal "arn:aws:iam::123456789012:role/Dev": a role is not a caller: give its session arn:aws:sts::123456789012:assumed-role/ROLE/SESSION, or an AssumedRole object to keep the role path and ID
}

// ExampleNewFederatedUser shows that a GetFederationToken session has
// aws:userid = ACCOUNT:NAME and no aws:username.
func ExampleNewFederatedUser() {
	f, err := principal.NewFederatedUser(principal.FederatedUserInput{
		Name:    "Bob",
		UserARN: "arn:aws:iam::123456789012:user/token-app",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	userID, _ := f.Context().LookupVariable("aws:userid")
	_, hasUsername := f.Context().LookupVariable("aws:username")
	fmt.Println(f.ARN())
	fmt.Println(userID, hasUsername)
	fmt.Println(slices.Collect(f.Identity().IndirectNames()))
	// Output:
	// arn:aws:sts::123456789012:federated-user/Bob
	// 123456789012:Bob false
	// [arn:aws:iam::123456789012:user/token-app]
}

// ExampleNewWebIdentity shows that a bare OIDC host stands for the
// provider ARN in the role's account, and the token's tags claim becomes
// principal tags of the session and request tags of the assume call.
func ExampleNewWebIdentity() {
	w, err := principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN:     "arn:aws:iam::123456789012:role/WebApp",
		RoleID:      "AROAEXAMPLEWEB",
		SessionName: "user1",
		Provider:    "idp.example.com",
		Claims: map[string]condition.Value{
			"sub": condition.StringValue("SUB1"),
			"aud": condition.StringValue("app-client"),
		},
		TagsClaim: principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {"user1@example.com"}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Provider())
	for _, k := range []string{"idp.example.com:sub", "aws:PrincipalTag/Email"} {
		v, _ := w.Context().LookupVariable(condition.NormalizeKey(k))
		fmt.Println(k, "=", v)
	}
	tagKeys, _ := w.AssumeContext().LookupKey("aws:tagkeys")
	fmt.Println("aws:TagKeys =", tagKeys)
	// Output:
	// arn:aws:iam::123456789012:oidc-provider/idp.example.com
	// idp.example.com:sub = SUB1
	// aws:PrincipalTag/Email = user1@example.com
	// aws:TagKeys = [Email]
}

func ExampleNameQualifier() {
	fmt.Println(principal.NameQualifier("https://example.com/saml", "123456789012", "MySAMLIdP"))
	// Output:
	// 1uAJanUnBc2XeUkHURMht+xam2c=
}

// ExampleNewSAML lists the keys of a SAML session: saml:namequalifier is
// derived from the issuer and the provider ARN, and saml:sub persists.
func ExampleNewSAML() {
	m, err := principal.NewSAML(principal.SAMLInput{
		RoleARN:  "arn:aws:iam::123456789012:role/SSO",
		Provider: "arn:aws:iam::123456789012:saml-provider/MySAMLIdP",
		Attributes: map[string]condition.Value{
			"sub":                              condition.StringValue("alice"),
			"iss":                              condition.StringValue("https://example.com/saml"),
			principal.AttributeRoleSessionName: condition.StringValue("alice"),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m.Context().Each(func(k string, v condition.Value) {
		fmt.Println(k, "=", v)
	})
	// Output:
	// aws:principalaccount = 123456789012
	// aws:principalarn = arn:aws:iam::123456789012:role/SSO
	// aws:principalisawsservice = false
	// aws:principaltype = AssumedRole
	// saml:namequalifier = 1uAJanUnBc2XeUkHURMht+xam2c=
	// saml:sub = alice
}
