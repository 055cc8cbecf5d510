package principal

import "github.com/iameval/iameval/condition"

// RootInput holds the facts of an account root user for [NewRoot].
type RootInput struct {
	// Account is the account ID (12 digits). Required.
	Account string
	// Partition is the ARN partition; "" means "aws".
	Partition string
	// AssumedRoot marks a root session created by sts:AssumeRoot. It adds
	// aws:AssumedRoot = true and implies temporary credentials.
	AssumedRoot bool
	// Credentials describe the request's credentials; the zero value is
	// long-term access keys without MFA.
	Credentials Credentials
}

// Root is the root user of an account. Build it with [NewRoot] or [Parse].
type Root struct {
	partition, account, arn string
	assumedRoot             bool
	creds                   Credentials
	identity                Identity
	ctx                     condition.Context
}

// NewRoot validates in and returns the root user of in.Account.
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:PrincipalArn = arn:aws:iam::ACCOUNT:root, aws:PrincipalAccount,
// aws:PrincipalType = Account, aws:userid = ACCOUNT,
// aws:PrincipalIsAWSService = false, aws:AssumedRoot for AssumeRoot
// sessions, and the credential keys of temporary credentials.
func NewRoot(in RootInput) (*Root, error) {
	const k = KindRoot
	partition := in.Partition
	if partition == "" {
		partition = "aws"
	}
	if p := partitionProblem(partition); p != "" {
		return nil, fieldError(k, "partition", "%s", p)
	}
	if p := accountProblem(in.Account); p != "" {
		return nil, fieldError(k, "account", "%s", p)
	}
	temporary := in.Credentials.Temporary || in.AssumedRoot
	if f, p := credentialsProblem(in.Credentials, temporary, true); p != "" {
		return nil, fieldError(k, f, "%s", p)
	}
	r := &Root{
		partition:   partition,
		account:     in.Account,
		arn:         rootARN(partition, in.Account),
		assumedRoot: in.AssumedRoot,
		creds:       in.Credentials,
	}
	r.creds.Temporary = temporary
	r.identity = Identity{Account: r.account, direct: []string{r.arn}, Root: true}

	b := newKeyset()
	b.str(condition.KeyPrincipalArn, r.arn)
	b.str(condition.KeyPrincipalAccount, r.account)
	b.str(condition.KeyPrincipalType, "Account")
	b.str(condition.KeyUserID, r.account)
	b.str(condition.KeyPrincipalIsAWSService, "false")
	if in.AssumedRoot {
		b.str(keyAssumedRoot, "true")
	}
	r.creds.add(b, temporary, true)
	ctx, p := b.build()
	if p != "" {
		return nil, fieldError(k, "account", "%s", p)
	}
	r.ctx = ctx
	return r, nil
}

// keyAssumedRoot is set on root sessions created by sts:AssumeRoot.
const keyAssumedRoot = "aws:AssumedRoot"

// Kind returns KindRoot.
func (r *Root) Kind() Kind { return KindRoot }

// ARN returns arn:PARTITION:iam::ACCOUNT:root.
func (r *Root) ARN() string { return r.arn }

// Account returns the account ID.
func (r *Root) Account() string { return r.account }

// Partition returns the ARN partition.
func (r *Root) Partition() string { return r.partition }

// AssumedRoot reports whether this is an sts:AssumeRoot session.
func (r *Root) AssumedRoot() bool { return r.assumedRoot }

// Credentials returns the credential facts (Temporary is true for
// AssumeRoot sessions).
func (r *Root) Credentials() Credentials { return r.creds }

// Identity returns the root ARN as the direct identity, with Root set.
func (r *Root) Identity() Identity { return r.identity }

// Context returns the keys derived for the root user.
func (r *Root) Context() condition.Context { return r.ctx }

func (r *Root) sealed() {}
