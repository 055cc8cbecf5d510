package principal

import (
	"strconv"
	"time"

	"github.com/iameval/iameval/condition"
)

// Credentials describes the credentials a request is signed with, as far as
// the request context shows them (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
// The zero Credentials means long-term access keys without MFA for a root
// user or IAM user, and temporary credentials without MFA and without a
// known issue time for every session kind.
type Credentials struct {
	// Temporary marks temporary credentials of a root user or IAM user:
	// GetSessionToken, console sign-in, service-forwarded calls. It adds
	// aws:MultiFactorAuthPresent (and aws:TokenIssueTime when IssueTime is
	// set). Sessions (federated users and role sessions) always use
	// temporary credentials and ignore the field.
	Temporary bool
	// IssueTime is when the temporary credentials were issued:
	// aws:TokenIssueTime, formatted as RFC 3339 in UTC. AWS always knows it;
	// the library cannot invent it, so with the zero time the key is absent
	// (a request context may still supply it).
	IssueTime time.Time
	// MFA is true when MFA authenticated the temporary credentials:
	// aws:MultiFactorAuthPresent = true. Not allowed for federated users,
	// web identity and SAML sessions, which AWS gives no MFA keys or only
	// "false".
	MFA bool
	// MFAAge is the time since MFA authentication: aws:MultiFactorAuthAge in
	// whole seconds, present whenever MFA is true. It needs MFA.
	MFAAge time.Duration
}

// credentialsProblem checks c for a principal whose credentials are
// temporary (temporary) and whose kind may carry MFA (mfa). It returns the
// rejected field and the problem, or two empty strings.
func credentialsProblem(c Credentials, temporary, mfa bool) (field, problem string) {
	switch {
	case c.MFAAge < 0:
		return "mfaAge", "must not be negative"
	case c.MFAAge != 0 && !c.MFA:
		return "mfaAge", "needs mfa"
	case !temporary && !c.IssueTime.IsZero():
		return "issueTime", "needs temporary credentials: long-term access keys have no aws:TokenIssueTime"
	case !temporary && c.MFA:
		return "mfa", "needs temporary credentials: requests signed with long-term access keys have no aws:MultiFactorAuthPresent"
	case !mfa && c.MFA:
		return "mfa", "not available for this kind of principal"
	}
	return "", ""
}

// add writes the credential keys: aws:TokenIssueTime when temporary and
// known; aws:MultiFactorAuthPresent when temporary and mfaKeys; and
// aws:MultiFactorAuthAge when MFA was used.
func (c Credentials) add(b *keyset, temporary, mfaKeys bool) {
	if !temporary {
		return
	}
	if !c.IssueTime.IsZero() {
		b.str(condition.KeyTokenIssueTime, c.IssueTime.UTC().Format(time.RFC3339))
	}
	if !mfaKeys {
		return
	}
	b.str(condition.KeyMultiFactorAuthPresent, strconv.FormatBool(c.MFA))
	if c.MFA {
		b.str(condition.KeyMultiFactorAuthAge, strconv.FormatInt(int64(c.MFAAge/time.Second), 10))
	}
}
