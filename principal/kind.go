package principal

import "strconv"

// Kind says which kind of caller a [Principal] is. The zero Kind is
// KindAnonymous.
type Kind uint8

// The kinds of principal, one per concrete type. Their String values are the
// "type" names of the scenario format's principal object.
const (
	KindAnonymous     Kind = iota // an unsigned request: *Anonymous
	KindRoot                      // the account root user: *Root
	KindIAMUser                   // an IAM user: *IAMUser
	KindFederatedUser             // a GetFederationToken session: *FederatedUser
	KindAssumedRole               // an AssumeRole session: *AssumedRole
	KindWebIdentity               // an AssumeRoleWithWebIdentity session: *WebIdentity
	KindSAML                      // an AssumeRoleWithSAML session: *SAML
	KindService                   // an AWS service principal: *Service
	kindCount
)

var kindNames = [kindCount]string{
	KindAnonymous:     "Anonymous",
	KindRoot:          "Root",
	KindIAMUser:       "IAMUser",
	KindFederatedUser: "FederatedUser",
	KindAssumedRole:   "AssumedRole",
	KindWebIdentity:   "WebIdentity",
	KindSAML:          "SAML",
	KindService:       "Service",
}

// String returns the scenario format (go doc ./scenario) type name of k ("IAMUser",
// "AssumedRole", ...), or "Kind(N)" for a value outside the enumeration.
func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsRoleSession reports whether k is a role session: AssumeRole,
// AssumeRoleWithWebIdentity or AssumeRoleWithSAML. Values of these kinds
// implement [RoleSession].
func (k Kind) IsRoleSession() bool {
	return k == KindAssumedRole || k == KindWebIdentity || k == KindSAML
}
