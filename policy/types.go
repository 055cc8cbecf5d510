package policy

import "fmt"

// Type is where a policy is attached, which decides the elements a policy
// may use (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html). The zero Type is Identity.
type Type uint8

// The policy types.
const (
	Identity            Type = iota // identity-based policy of a user, group or role
	Session                         // session policy passed to AssumeRole* or GetFederationToken
	PermissionsBoundary             // permissions boundary of a user or role
	Resource                        // resource-based policy: bucket, key, queue or role trust policy
	SCP                             // service control policy
	RCP                             // resource control policy
	VPCEndpoint                     // VPC endpoint policy
)

var typeNames = [...]string{
	Identity:            "identity",
	Session:             "session",
	PermissionsBoundary: "permissionsBoundary",
	Resource:            "resource",
	SCP:                 "scp",
	RCP:                 "rcp",
	VPCEndpoint:         "vpcEndpoint",
}

// String returns the name of t as the scenario format spells it
// ("identity", "permissionsBoundary", "scp", ...).
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// MarshalText returns the name of t, as [Type.String] does; it fails for a
// value that is not one of the declared types.
func (t Type) MarshalText() ([]byte, error) {
	if int(t) >= len(typeNames) {
		return nil, fmt.Errorf("invalid policy type %d", uint8(t))
	}
	return []byte(typeNames[t]), nil
}

// UnmarshalText sets t from a name produced by [Type.MarshalText].
func (t *Type) UnmarshalText(b []byte) error {
	for i, n := range typeNames {
		if n == string(b) {
			*t = Type(i)
			return nil
		}
	}
	return fmt.Errorf("unknown policy type %q", b)
}

// hasPrincipal reports whether statements of type t name principals.
func (t Type) hasPrincipal() bool {
	return t == Resource || t == RCP || t == VPCEndpoint
}

// Effect is the Effect element of a statement. The zero Effect is Allow.
type Effect uint8

// The two effects (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html).
const (
	Allow Effect = iota
	Deny
)

// String returns "Allow" or "Deny".
func (e Effect) String() string {
	switch e {
	case Allow:
		return "Allow"
	case Deny:
		return "Deny"
	}
	return fmt.Sprintf("Effect(%d)", uint8(e))
}

// MarshalText returns "Allow" or "Deny".
func (e Effect) MarshalText() ([]byte, error) {
	if e > Deny {
		return nil, fmt.Errorf("invalid effect %d", uint8(e))
	}
	return []byte(e.String()), nil
}

// UnmarshalText sets e from "Allow" or "Deny" (case-sensitive, as in a
// policy).
func (e *Effect) UnmarshalText(b []byte) error {
	switch string(b) {
	case "Allow":
		*e = Allow
	case "Deny":
		*e = Deny
	default:
		return fmt.Errorf("expected \"Allow\" or \"Deny\", found %q", b)
	}
	return nil
}

// Part names the element of a statement that matching got to. The order of
// the constants is the order in which [Policy.Eval] checks the elements, so
// StatementResult.Failed tells how far matching got. The zero Part,
// PartNone, means that nothing failed.
type Part uint8

// The parts of a statement, in matching order.
const (
	PartNone      Part = iota // nothing failed: the statement applies
	PartPrincipal             // Principal or NotPrincipal
	PartAction                // Action or NotAction
	PartResource              // Resource or NotResource
	PartCondition             // Condition
)

var partNames = [...]string{
	PartNone:      "",
	PartPrincipal: "Principal",
	PartAction:    "Action",
	PartResource:  "Resource",
	PartCondition: "Condition",
}

// String returns the element name ("Principal", "Action", "Resource",
// "Condition"), or "" for PartNone.
func (p Part) String() string {
	if int(p) < len(partNames) {
		return partNames[p]
	}
	return fmt.Sprintf("Part(%d)", uint8(p))
}

// MarshalText returns the element name, as [Part.String] does.
func (p Part) MarshalText() ([]byte, error) {
	if int(p) >= len(partNames) {
		return nil, fmt.Errorf("invalid part %d", uint8(p))
	}
	return []byte(partNames[p]), nil
}

// PrincipalMatch tells how the Principal or NotPrincipal element of a
// statement matched the caller (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). When several
// entries match, the strongest way is reported: direct before indirect
// before account. The zero value, PrincipalNotApplicable, is for policy
// types without a Principal element.
type PrincipalMatch uint8

// How a principal element matched.
const (
	// PrincipalNotApplicable: the policy type has no Principal element
	// (identity, session, boundary and SCP policies).
	PrincipalNotApplicable PrincipalMatch = iota
	// PrincipalNone: the element does not cover the caller.
	PrincipalNone
	// PrincipalDirect: the caller itself is named (its ARN, unique ID,
	// service name or identity provider), or "*"; also an account entry
	// when the caller is that account's root user, and a NotPrincipal
	// statement that applies.
	PrincipalDirect
	// PrincipalIndirect: the role of a role session, or the IAM user that
	// created a federated user, is named.
	PrincipalIndirect
	// PrincipalAccount: the caller's account is named (an account ID or
	// the account's root ARN), an account grant.
	PrincipalAccount
)

var principalMatchNames = [...]string{
	PrincipalNotApplicable: "notApplicable",
	PrincipalNone:          "none",
	PrincipalDirect:        "direct",
	PrincipalIndirect:      "indirect",
	PrincipalAccount:       "account",
}

// String returns "notApplicable", "none", "account", "indirect" or "direct".
func (m PrincipalMatch) String() string {
	if int(m) < len(principalMatchNames) {
		return principalMatchNames[m]
	}
	return fmt.Sprintf("PrincipalMatch(%d)", uint8(m))
}

// MarshalText returns the name of m, as [PrincipalMatch.String] does.
func (m PrincipalMatch) MarshalText() ([]byte, error) {
	if int(m) >= len(principalMatchNames) {
		return nil, fmt.Errorf("invalid principal match %d", uint8(m))
	}
	return []byte(principalMatchNames[m]), nil
}
