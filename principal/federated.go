package principal

import (
	"maps"

	"github.com/iameval/iameval/condition"
)

// FederatedUserInput holds the facts of a GetFederationToken session for
// [NewFederatedUser].
type FederatedUserInput struct {
	// Account is the account ID. Optional when UserARN is given (it is the
	// user's account); otherwise required.
	Account string
	// Partition is the ARN partition; "" means the partition of UserARN,
	// or "aws".
	Partition string
	// Name is the Name parameter of GetFederationToken (2 to 32 characters
	// of [\w+=,.@-]). Required.
	Name string
	// UserARN is the IAM user (or, discouraged, the root user) that called
	// GetFederationToken; "" when unknown. A Principal element naming it
	// matches the federated user indirectly (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
	UserARN string
	// UserID is the unique ID (AIDA...) of that IAM user, when known.
	UserID string
	// UserTags are the calling IAM user's tags.
	UserTags map[string]string
	// SessionTags are the Tags passed to GetFederationToken; they override
	// user tags with the same key ignoring case.
	SessionTags map[string]string
	// Credentials describe the session's credentials: only IssueTime
	// applies (federated users have aws:MultiFactorAuthPresent = false).
	Credentials Credentials
}

// FederatedUser is a session created by GetFederationToken. Build it with
// [NewFederatedUser] or [Parse].
type FederatedUser struct {
	partition, account, arn, name, userARN, userID string
	tags                                           map[string]string
	creds                                          Credentials
	identity                                       Identity
	ctx                                            condition.Context
}

// NewFederatedUser validates in and returns the federated user.
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): aws:PrincipalArn = arn:aws:sts::ACCOUNT:federated-user/NAME,
// aws:PrincipalAccount, aws:PrincipalType = FederatedUser, aws:userid =
// ACCOUNT:NAME, aws:PrincipalTag/K for the user's tags overlaid by the
// session tags, aws:PrincipalIsAWSService = false,
// aws:MultiFactorAuthPresent = false, and aws:TokenIssueTime when known.
// There is no aws:username.
func NewFederatedUser(in FederatedUserInput) (*FederatedUser, error) {
	const k = KindFederatedUser
	f := &FederatedUser{partition: in.Partition, account: in.Account, name: in.Name, userID: in.UserID}
	if in.UserARN != "" {
		partition, account, p := callerOfFederation(in.UserARN)
		if p != "" {
			return nil, fieldError(k, "userArn", "%s", p)
		}
		if f.account == "" {
			f.account = account
		} else if f.account != account {
			return nil, fieldError(k, "userArn", "account %s differs from the federated user's account %s: GetFederationToken issues credentials in the caller's account", account, f.account)
		}
		if f.partition == "" {
			f.partition = partition
		} else if f.partition != partition {
			return nil, fieldError(k, "userArn", "partition %s differs from partition %s", partition, f.partition)
		}
		f.userARN = in.UserARN
	}
	if f.partition == "" {
		f.partition = "aws"
	}
	if p := partitionProblem(f.partition); p != "" {
		return nil, fieldError(k, "partition", "%s", p)
	}
	if p := accountProblem(f.account); p != "" {
		return nil, fieldError(k, "account", "%s", p)
	}
	if p := nameProblem("", f.name, 2, 32); p != "" {
		return nil, fieldError(k, "name", "%s", p)
	}
	if f.userID != "" {
		if f.userARN == "" {
			return nil, fieldError(k, "userId", "needs userArn")
		}
		if p := uniqueIDProblem(f.userID, "AIDA"); p != "" {
			return nil, fieldError(k, "userId", "%s", p)
		}
	}
	if p := tagsProblem(in.UserTags); p != "" {
		return nil, fieldError(k, "userTags", "%s", p)
	}
	if p := tagsProblem(in.SessionTags); p != "" {
		return nil, fieldError(k, "tags", "%s", p)
	}
	if fld, p := credentialsProblem(in.Credentials, true, false); p != "" {
		return nil, fieldError(k, fld, "%s", p)
	}
	f.creds = in.Credentials
	f.creds.Temporary = true
	f.tags = overlay(in.UserTags, in.SessionTags)
	f.arn = stsARN(f.partition, f.account, "federated-user/"+f.name)
	f.identity = Identity{Account: f.account, direct: []string{f.arn}, Session: true}
	if f.userARN != "" {
		f.identity.indirect = []string{f.userARN}
		if f.userID != "" {
			f.identity.indirect = append(f.identity.indirect, f.userID)
		}
	}

	b := newKeyset()
	b.str(condition.KeyPrincipalArn, f.arn)
	b.str(condition.KeyPrincipalAccount, f.account)
	b.str(condition.KeyPrincipalType, "FederatedUser")
	b.str(condition.KeyUserID, f.account+":"+f.name)
	b.principalTags(f.tags)
	b.str(condition.KeyPrincipalIsAWSService, "false")
	f.creds.add(b, true, true)
	ctx, p := b.build()
	if p != "" {
		return nil, fieldError(k, "tags", "%s", p)
	}
	f.ctx = ctx
	return f, nil
}

// callerOfFederation parses the ARN of the caller of GetFederationToken:
// an IAM user or the root user (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
func callerOfFederation(s string) (partition, account, problem string) {
	if a, p := parseARN(s, "iam"); p == "" && a.Resource == "root" {
		return a.Partition, a.Account, ""
	}
	e, p := parseEntity(s, "user")
	if p != "" {
		return "", "", p + "; the caller of GetFederationToken is an IAM user (or the root user)"
	}
	return e.partition, e.account, ""
}

// Kind returns KindFederatedUser.
func (f *FederatedUser) Kind() Kind { return KindFederatedUser }

// ARN returns arn:PARTITION:sts::ACCOUNT:federated-user/NAME.
func (f *FederatedUser) ARN() string { return f.arn }

// Account returns the account ID.
func (f *FederatedUser) Account() string { return f.account }

// Partition returns the ARN partition.
func (f *FederatedUser) Partition() string { return f.partition }

// Name returns the Name given to GetFederationToken.
func (f *FederatedUser) Name() string { return f.name }

// UserARN returns the ARN of the IAM user that called GetFederationToken,
// or "" when unknown.
func (f *FederatedUser) UserARN() string { return f.userARN }

// UserID returns the unique ID of the IAM user that called
// GetFederationToken, or "" when unknown.
func (f *FederatedUser) UserID() string { return f.userID }

// Tags returns the principal tags: user tags overlaid by session tags (a
// new map).
func (f *FederatedUser) Tags() map[string]string { return maps.Clone(f.tags) }

// Credentials returns the credential facts (Temporary is always true).
func (f *FederatedUser) Credentials() Credentials { return f.creds }

// Identity returns the federated-user ARN as the direct identity and the
// calling IAM user, when known, as the indirect one.
func (f *FederatedUser) Identity() Identity { return f.identity }

// Context returns the keys derived for the federated user.
func (f *FederatedUser) Context() condition.Context { return f.ctx }

func (f *FederatedUser) sealed() {}
