package principal

import (
	"iter"
	"slices"

	"github.com/iameval/iameval/condition"
)

// Principal is the caller of a request. The concrete types are [*Root],
// [*IAMUser], [*FederatedUser], [*AssumedRole], [*WebIdentity], [*SAML],
// [*Service] and [*Anonymous]; the interface is sealed, so a switch over
// those types is exhaustive. Values are immutable and safe for concurrent
// use.
type Principal interface {
	// Kind returns which kind of caller this is.
	Kind() Kind
	// ARN returns the caller ARN AWS reports (GetCallerIdentity): the
	// session ARN for role sessions, the service name for a service
	// principal and "" for an anonymous caller.
	ARN() string
	// Account returns the caller's account ID: for role sessions the role's
	// account; "" for anonymous callers and service principals.
	Account() string
	// Identity returns the facts used to match Principal and NotPrincipal
	// elements and to select policies, as a copy: its names are read
	// through methods, so the principal cannot be changed through it.
	Identity() Identity
	// Context returns the request-context keys AWS derives for requests made
	// by this principal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
	Context() condition.Context

	sealed()
}

// RoleSession is a session of an IAM role: [*AssumedRole], [*WebIdentity]
// or [*SAML].
type RoleSession interface {
	Principal
	// RoleARN returns the ARN of the session's role, with its path.
	RoleARN() string
	// RoleID returns the role's unique ID (AROA...), or "" when unknown.
	RoleID() string
	// RoleName returns the role's name, without path.
	RoleName() string
	// SessionName returns the role session name.
	SessionName() string
	// SourceIdentity returns the session's source identity, or "".
	SourceIdentity() string
	// Tags returns the session's principal tags (a new map).
	Tags() map[string]string
	// TransitiveTags returns the session tags that pass on to a chained
	// role session (a new map, nil when there are none).
	TransitiveTags() map[string]string
}

// Federated is a session created by an unsigned call with a token or
// assertion from an identity provider: [*WebIdentity] or [*SAML].
type Federated interface {
	RoleSession
	// Provider returns the name a trust policy's Federated element must
	// give for the provider: a built-in provider name or the IAM provider
	// ARN.
	Provider() string
	// AssumeContext returns the request-context keys of the unsigned
	// AssumeRoleWithWebIdentity or AssumeRoleWithSAML call, read by the
	// role's trust policy.
	AssumeContext() condition.Context
	// ForRole returns the same token or assertion holder asking for
	// another role: the claims or attributes are kept, the role's ARN is
	// roleARN, and the facts of the old role (its ID, its tags, the account
	// a bare OIDC provider host resolves in) are dropped or re-derived. An
	// error says why the token cannot be presented for that role.
	ForRole(roleARN string) (Federated, error)
}

// Identity holds the facts that Principal and NotPrincipal elements match
// and that decide which policies apply. The zero Identity is an anonymous
// caller without the Anonymous flag; constructors never return it.
type Identity struct {
	// Account is the caller's account ID ("" for anonymous callers and
	// service principals). A Principal element naming the account (or its
	// root ARN) matches every principal of the account.
	Account string
	// direct holds the caller itself: its own ARN (user, session,
	// federated-user or root ARN) and its own unique ID (AIDA...) when
	// known; see [Identity.DirectNames].
	direct []string
	// indirect holds what stands behind a session: the role ARN (with
	// path) and role ID of a role session; the ARN (and ID, when known) of
	// the IAM user that called GetFederationToken; see
	// [Identity.IndirectNames].
	indirect []string
	// Service is the service principal name (case-sensitive), or "".
	Service string
	// Provider is, for web identity and SAML sessions, the name a trust
	// policy's Federated element matches: a built-in provider name
	// (accounts.google.com) or an IAM provider ARN.
	Provider string
	// Anonymous is true for an unsigned request.
	Anonymous bool
	// Root is true for the account root user.
	Root bool
	// Session is true for role sessions and federated users.
	Session bool
	// ServiceLinked is true for sessions of a service-linked role: the
	// role's path begins /aws-service-role/, or, for a session given by its
	// ARN alone (arn:aws:sts::A:assumed-role/ROLE/SESSION, which carries no
	// path), the role's name begins with [ServiceLinkedRolePrefix].
	ServiceLinked bool
}

// IsDirect reports whether name is one of the caller's own names: its ARN
// (user, session, federated-user or root ARN) or its unique ID.
func (id Identity) IsDirect(name string) bool { return slices.Contains(id.direct, name) }

// IsIndirect reports whether name names what stands behind a session: the
// role (ARN or ID) of a role session, the IAM user (ARN or ID) that called
// GetFederationToken.
func (id Identity) IsIndirect(name string) bool { return slices.Contains(id.indirect, name) }

// HasDirect reports whether the caller has names of its own (every caller
// but anonymous and service principals).
func (id Identity) HasDirect() bool { return len(id.direct) > 0 }

// HasIndirect reports whether something stands behind the caller (a role,
// or the IAM user behind a federated user).
func (id Identity) HasIndirect() bool { return len(id.indirect) > 0 }

// DirectNames returns the caller's own names, in the order [IsDirect]
// reads them. The identity's own list is not handed out, so it cannot be
// changed through the result.
func (id Identity) DirectNames() iter.Seq[string] { return slices.Values(id.direct) }

// IndirectNames returns the names of what stands behind the caller; see
// [Identity.IsIndirect].
func (id Identity) IndirectNames() iter.Seq[string] { return slices.Values(id.indirect) }

// ServiceLinkedRolePrefix begins the name of every service-linked role
// (AWSServiceRoleForAutoScaling, AWSServiceRoleForElasticLoadBalancing,
// ...; https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
// [Parse] recognises a service-linked role's session ARN by it, since the
// ARN has no path; an AssumedRole built from a role ARN is service-linked
// only when that ARN carries the /aws-service-role/ path.
const ServiceLinkedRolePrefix = "AWSServiceRoleFor"
