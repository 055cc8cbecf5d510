package principal

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/tagkey"
)

// roleSession holds what every role session shares: AssumeRole,
// AssumeRoleWithWebIdentity and AssumeRoleWithSAML sessions (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
type roleSession struct {
	partition, account                  string
	roleARN, roleID, roleName, rolePath string
	sessionName, sourceIdentity, arn    string
	tags, transitive                    map[string]string
	creds                               Credentials
	identity                            Identity
	ctx                                 condition.Context
}

// sessionFacts are the inputs of newRoleSession. Session tags and
// transitive keys are checked by the caller, everything else by
// newRoleSession; the *Field members name facts in errors as the scenario
// format spells them.
type sessionFacts struct {
	kind                Kind
	roleARN, roleID     string
	sessionName         string
	sessionNameField    string
	sourceIdentity      string
	sourceIdentityField string
	roleTags            map[string]string
	inherited           map[string]string // transitive tags from the calling session
	sessionTags         map[string]string // validated by the caller
	transitiveKeys      []string          // validated by the caller
	creds               Credentials
	mfa                 bool // whether the kind may carry MFA keys
}

// newRoleSession validates the shared facts and fills in everything but
// the context.
func newRoleSession(f sessionFacts) (roleSession, *Error) {
	k := f.kind
	e, p := parseEntity(f.roleARN, "role")
	if p != "" {
		return roleSession{}, fieldError(k, "roleArn", "%s", p)
	}
	if f.roleID != "" {
		if p := uniqueIDProblem(f.roleID, "AROA"); p != "" {
			return roleSession{}, fieldError(k, "roleId", "%s", p)
		}
	}
	if p := nameProblem("", f.sessionName, 2, 64); p != "" {
		return roleSession{}, fieldError(k, f.sessionNameField, "%s", p)
	}
	if f.sourceIdentity != "" {
		what := "source identity" // named unless the field is sourceIdentity itself
		if f.sourceIdentityField == "sourceIdentity" {
			what = ""
		}
		if p := nameProblem(what, f.sourceIdentity, 2, 64); p != "" {
			return roleSession{}, fieldError(k, f.sourceIdentityField, "%s", p)
		}
	}
	if p := tagsProblem(f.roleTags); p != "" {
		return roleSession{}, fieldError(k, "tags", "%s", p)
	}
	if fld, p := credentialsProblem(f.creds, true, f.mfa); p != "" {
		return roleSession{}, fieldError(k, fld, "%s", p)
	}
	s := roleSession{
		partition:      e.partition,
		account:        e.account,
		roleARN:        f.roleARN,
		roleID:         f.roleID,
		roleName:       e.name,
		rolePath:       e.path,
		sessionName:    f.sessionName,
		sourceIdentity: f.sourceIdentity,
		creds:          f.creds,
	}
	s.creds.Temporary = true
	s.arn = stsARN(e.partition, e.account, "assumed-role/"+e.name+"/"+f.sessionName)
	s.tags = overlay(f.roleTags, f.inherited, f.sessionTags)
	s.transitive = transitiveTags(f.inherited, f.sessionTags, f.transitiveKeys)
	s.identity = Identity{
		Account:       e.account,
		direct:        []string{s.arn},
		indirect:      []string{f.roleARN},
		Session:       true,
		ServiceLinked: strings.HasPrefix(e.path, "/aws-service-role/"),
	}
	if f.roleID != "" {
		s.identity.indirect = append(s.identity.indirect, f.roleID)
	}
	return s, nil
}

// transitiveTags returns the inherited transitive tags plus the session
// tags named by keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
func transitiveTags(inherited, session map[string]string, keys []string) map[string]string {
	if len(inherited) == 0 && len(keys) == 0 {
		return nil
	}
	out := maps.Clone(inherited)
	if out == nil {
		out = make(map[string]string, len(keys))
	}
	for _, k := range keys {
		if key, ok := tagkey.Lookup(session, k); ok {
			out[key] = session[key]
		}
	}
	return out
}

// sessionTagsProblem checks the session tags and transitive keys set by an
// assume call: valid tags, no key equal (ignoring case) to an inherited
// transitive tag, transitive keys naming session tags, none repeated
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// It returns the field at fault, "sessionTags" or "transitiveTagKeys", and
// the problem.
func sessionTagsProblem(tags, inherited map[string]string, transitive []string) (field, problem string) {
	if p := tagsProblem(tags); p != "" {
		return "sessionTags", p
	}
	if len(inherited) > 0 {
		for _, k := range slices.Sorted(maps.Keys(tags)) {
			if prev, ok := tagkey.Lookup(inherited, k); ok {
				return "sessionTags", fmt.Sprintf("session tag %q repeats the inherited transitive tag %q", k, prev)
			}
		}
	}
	seen := make(map[string]bool, len(transitive))
	for _, k := range transitive {
		if _, ok := tagkey.Lookup(tags, k); !ok {
			return "transitiveTagKeys", fmt.Sprintf("transitive tag key %q names no session tag", k)
		}
		lk := strings.ToLower(k)
		if seen[lk] {
			return "transitiveTagKeys", fmt.Sprintf("transitive tag key %q is repeated", k)
		}
		seen[lk] = true
	}
	return "", ""
}

// addKeys writes the keys every role session has (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): aws:PrincipalArn = the role ARN,
// aws:PrincipalAccount, aws:PrincipalType = AssumedRole, aws:userid =
// ROLEID:SESSION when the role ID is known, aws:PrincipalTag/K,
// aws:PrincipalIsAWSService = false, aws:SourceIdentity and the credential
// keys (MFA keys only when mfaKeys).
func (s *roleSession) addKeys(b *keyset, mfaKeys bool) {
	b.str(condition.KeyPrincipalArn, s.roleARN)
	b.str(condition.KeyPrincipalAccount, s.account)
	b.str(condition.KeyPrincipalType, "AssumedRole")
	if s.roleID != "" {
		b.str(condition.KeyUserID, s.roleID+":"+s.sessionName)
	}
	b.principalTags(s.tags)
	b.str(condition.KeyPrincipalIsAWSService, "false")
	if s.sourceIdentity != "" {
		b.str(condition.KeySourceIdentity, s.sourceIdentity)
	}
	s.creds.add(b, true, mfaKeys)
}

// ARN returns the session ARN
// arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION (no role path).
func (s *roleSession) ARN() string { return s.arn }

// Account returns the role's account ID.
func (s *roleSession) Account() string { return s.account }

// Partition returns the ARN partition.
func (s *roleSession) Partition() string { return s.partition }

// RoleARN returns the role ARN with its path.
func (s *roleSession) RoleARN() string { return s.roleARN }

// RoleID returns the role's unique ID (AROA...), or "" when unknown.
func (s *roleSession) RoleID() string { return s.roleID }

// RoleName returns the role name, without path.
func (s *roleSession) RoleName() string { return s.roleName }

// RolePath returns the role's path ("/" when it has none).
func (s *roleSession) RolePath() string { return s.rolePath }

// SessionName returns the role session name.
func (s *roleSession) SessionName() string { return s.sessionName }

// SourceIdentity returns the session's source identity, or "".
func (s *roleSession) SourceIdentity() string { return s.sourceIdentity }

// Tags returns the principal tags: role tags overlaid by inherited
// transitive tags and session tags, keys compared ignoring case (a new map).
func (s *roleSession) Tags() map[string]string { return maps.Clone(s.tags) }

// TransitiveTags returns the tags a chained AssumeRole inherits: the
// inherited transitive tags and the session tags marked transitive (a new
// map, nil when there are none).
func (s *roleSession) TransitiveTags() map[string]string { return maps.Clone(s.transitive) }

// Credentials returns the credential facts (Temporary is always true).
func (s *roleSession) Credentials() Credentials { return s.creds }

// Identity returns the session ARN as the direct identity and the role ARN
// (with path) and role ID, when known, as the indirect one.
func (s *roleSession) Identity() Identity { return s.identity }

// Context returns the keys derived for requests made with the session.
func (s *roleSession) Context() condition.Context { return s.ctx }

func (s *roleSession) sealed() {}
