// Command federation-userid gives each GetFederationToken user an S3 home
// folder through ${aws:userid}, because ${aws:username} does not exist for
// federated users, as the AWS knowledge-center article
// https://repost.aws/knowledge-center/iam-policy-variables-federated does
// (the values of the variables:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
//
// An IAM user token-app mints federated users with GetFederationToken
// (package sts), passing a session policy; each federated user's requests
// are then decided by token-app's identity policies intersected with that
// session policy. The program shows the variable at work, the article's
// s3:prefix mistake (the prefix is relative to the bucket), what happens
// without a session policy, how bucket policies naming the federated user or
// token-app differ, that a federated user cannot assume roles, and why
// federated-user names must be unique. Every decision is printed with its
// explanation; scenario.json holds the same cases in the scenario format.
package main

import (
	"embed"
	"errors"
	"fmt"
	"io"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

//go:embed policies/*.json
var policyFiles embed.FS

const (
	account = "123456789012"
	bucket  = "arn:aws:s3:::TESTBUCKET"
)

func main() { report.Main("federation-userid", run) }

// policies are the documents of the seed, read from policies/. The home
// folder documents serve both as token-app's identity policies and as the
// session policies passed to GetFederationToken, as the article requires.
type policies struct {
	federate                      *policy.Policy
	article, corrected, username  [2]*policy.Policy // identity, session
	bucketToBob, bucketToTokenApp *policy.Policy
	reportsTrust                  *policy.Policy
}

func loadPolicies() (*policies, error) {
	l := report.NewLoader(policyFiles)
	load := l.Load
	both := func(file, id string) [2]*policy.Policy {
		return [2]*policy.Policy{load(file, id, policy.Identity), load(file, id+"Session", policy.Session)}
	}
	p := &policies{
		federate:         load("federate.json", "Federate", policy.Identity),
		article:          both("home-folder-article.json", "HomeFolderArticle"),
		corrected:        both("home-folder.json", "HomeFolder"),
		username:         both("home-folder-username.json", "HomeFolderUsername"),
		bucketToBob:      load("bucket-to-bob.json", "BucketToBob", policy.Resource),
		bucketToTokenApp: load("bucket-to-token-app.json", "BucketToTokenApp", policy.Resource),
		reportsTrust:     load("reports-trust.json", "ReportsTrust", policy.Resource),
	}
	return p, l.Err()
}

// iamUser returns an IAM user of the account.
func iamUser(name, id string) (*principal.IAMUser, error) {
	return principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + account + ":user/" + name, ID: id})
}

func run(w io.Writer) ([]report.Decision, error) {
	p, err := loadPolicies()
	if err != nil {
		return nil, err
	}
	tokenApp, err := iamUser("token-app", "AIDAEXAMPLETOKENAPP")
	if err != nil {
		return nil, err
	}
	other, err := iamUser("other", "AIDAEXAMPLEOTHER")
	if err != nil {
		return nil, err
	}
	out := report.New(w)

	// federate has user call GetFederationToken for name with the home
	// folder document home as identity policy and, when withSession, as
	// session policy.
	federate := func(id, title string, user *principal.IAMUser, name string, home [2]*policy.Policy, withSession bool) (*sts.Result, error) {
		caller := sts.Caller{Principal: user}
		caller.Policies.Identity = []*policy.Policy{p.federate, home[0]}
		in := sts.GetFederationTokenInput{Name: name}
		if withSession {
			in.Policy = home[1]
		}
		res, err := sts.GetFederationToken(caller, in)
		if id != "" {
			return res, out.Call(id, title, err, res)
		}
		return res, err
	}

	out.Section("token-app mints the federated user Bob (article policies)")
	bob, err := federate("B9", "token-app calls sts:GetFederationToken on federated-user/Bob", tokenApp, "Bob", p.article, true)
	if err != nil {
		return nil, err
	}
	if bob == nil {
		return nil, errors.New("B9: token-app was refused, so there is no federated user Bob")
	}
	userid, _ := bob.Principal.Context().LookupVariable(condition.NormalizeKey(condition.KeyUserID))
	fmt.Fprintf(w, "  Bob is %s, aws:userid = %s; aws:username is absent.\n\n", bob.Principal.ARN(), userid)

	out.Section("Bob's home folder through ${aws:userid}")
	if err := out.Request("B1", "Bob reads TESTBUCKET/123456789012:Bob/r.txt", bob, "s3:GetObject", bucket+"/"+account+":Bob/r.txt", nil, nil); err != nil {
		return nil, err
	}
	if err := out.Request("B2", "Bob reads Alice's TESTBUCKET/123456789012:Alice/r.txt", bob, "s3:GetObject", bucket+"/"+account+":Alice/r.txt", nil, nil); err != nil {
		return nil, err
	}
	prefix := map[string]string{"s3:prefix": account + ":Bob/"}
	if err := out.Request("B3", "Bob lists his prefix under the article's condition TESTBUCKET/${aws:userid}/*", bob, "s3:ListBucket", bucket, nil, prefix); err != nil {
		return nil, err
	}
	fixed, err := federate("", "", tokenApp, "Bob", p.corrected, true)
	if err != nil {
		return nil, err
	}
	if err := out.Request("B4", "Bob lists his prefix under the corrected condition ${aws:userid}/*", fixed, "s3:ListBucket", bucket, nil, prefix); err != nil {
		return nil, err
	}
	byName, err := federate("", "", tokenApp, "Bob", p.username, true)
	if err != nil {
		return nil, err
	}
	if err := out.Request("B5", "policies written with ${aws:username}: Bob reads TESTBUCKET/Bob/r.txt", byName, "s3:GetObject", bucket+"/Bob/r.txt", nil, nil); err != nil {
		return nil, err
	}

	out.Section("Without a session policy")
	bare, err := federate("", "", tokenApp, "Bob", p.corrected, false)
	if err != nil {
		return nil, err
	}
	own := bucket + "/" + account + ":Bob/r.txt"
	if err := out.Request("B6", "Bob reads his folder: the identity path grants nothing", bare, "s3:GetObject", own, nil, nil); err != nil {
		return nil, err
	}
	if err := out.Request("B7", "a bucket policy names federated-user/Bob: a direct grant", bare, "s3:GetObject", own, p.bucketToBob, nil); err != nil {
		return nil, err
	}
	if err := out.Request("B8", "a bucket policy names user/token-app: limited by the session policy", bare, "s3:GetObject", own, p.bucketToTokenApp, nil); err != nil {
		return nil, err
	}

	out.Section("What a federated user cannot do, and why names must be unique")
	// The Reports role trusts the whole account, Bob's included; STS
	// refuses a federated user before reading it.
	reports := sts.Role{ARN: "arn:aws:iam::" + account + ":role/Reports", TrustPolicy: p.reportsTrust}
	_, err = sts.AssumeRole(sts.Caller{Principal: bob.Principal, Policies: bob.Policies}, reports, sts.AssumeRoleInput{RoleSessionName: "Bob"})
	if err := out.Call("B10", "Bob calls sts:AssumeRole", err, nil); err != nil {
		return nil, err
	}
	impostor, err := federate("", "", other, "Bob", p.corrected, true)
	if err != nil {
		return nil, err
	}
	if err := out.Request("B11", "user/other federates as Bob and reads Bob's folder", impostor, "s3:GetObject", own, nil, nil); err != nil {
		return nil, err
	}
	return out.Decisions(), nil
}
