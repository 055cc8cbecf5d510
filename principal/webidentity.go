package principal

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/iameval/iameval/condition"
)

// Claim names that carry session facts in a web identity token instead of
// becoming provider keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
const (
	// ClaimTags is the claim holding session tags; see [TagsClaim].
	ClaimTags = "https://aws.amazon.com/tags"
	// ClaimSourceIdentity is the claim holding the source identity.
	ClaimSourceIdentity = "https://aws.amazon.com/source_identity"
)

// The identity providers built into AWS, whose keys and
// aws:FederatedProvider value are their names (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
const (
	ProviderAmazon   = "www.amazon.com"
	ProviderCognito  = "cognito-identity.amazonaws.com"
	ProviderFacebook = "graph.facebook.com"
	ProviderGoogle   = "accounts.google.com"
)

// TagsClaim is the content of the https://aws.amazon.com/tags claim of a
// web identity token:
//
//	{"principal_tags": {"Email": ["user1@example.com"]}, "transitive_tag_keys": ["Email"]}
//
// The zero TagsClaim means the token has no tags claim.
type TagsClaim struct {
	// PrincipalTags maps each session tag key to its value, written as a
	// one-element list as in the token (session tags are single-valued).
	PrincipalTags map[string][]string
	// TransitiveTagKeys lists the session tags that are transitive.
	TransitiveTagKeys []string
}

// WebIdentityInput holds the facts of an AssumeRoleWithWebIdentity session
// for [NewWebIdentity].
type WebIdentityInput struct {
	// RoleARN is the role's ARN with its path. Required.
	RoleARN string
	// RoleID is the role's unique ID (AROA...); "" when unknown, which
	// leaves aws:userid absent.
	RoleID string
	// SessionName is the RoleSessionName parameter. Required.
	SessionName string
	// Provider names the identity provider in one of three forms: a
	// provider built into AWS (accounts.google.com, graph.facebook.com,
	// www.amazon.com, cognito-identity.amazonaws.com); an IAM OIDC provider
	// ARN arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH in the role's
	// account; or the bare HOST/PATH, meaning that OIDC provider in the
	// role's account. Required.
	Provider string
	// Claims are the token's claims: a string, or a list for a multivalued
	// key (Cognito amr). The claims named ClaimTags and ClaimSourceIdentity
	// are not allowed here; use TagsClaim and SourceIdentity.
	Claims map[string]condition.Value
	// SessionTags and TransitiveTagKeys are the session tags the token
	// carries, in the model every session kind shares (see
	// AssumedRoleInput). Give them here or as TagsClaim, not both.
	SessionTags       map[string]string
	TransitiveTagKeys []string
	// TagsClaim is the https://aws.amazon.com/tags claim, the same facts
	// as the token writes them.
	TagsClaim TagsClaim
	// SourceIdentity is the https://aws.amazon.com/source_identity claim,
	// or "".
	SourceIdentity string
	// RoleTags are the role's tags; the token's session tags override them.
	RoleTags map[string]string
	// Credentials describe the session's credentials: only IssueTime
	// applies (web identity sessions have no MFA keys).
	Credentials Credentials
}

// WebIdentity is a session created by sts:AssumeRoleWithWebIdentity, or,
// before the session exists, the holder of the token making that call.
// Build it with [NewWebIdentity].
type WebIdentity struct {
	roleSession
	provider  string // built-in name or OIDC provider ARN
	prefix    string // key prefix: built-in name or HOST/PATH
	assumeCtx condition.Context
	in        WebIdentityInput // the facts it was built from, for ForRole
}

// persistentClaims are the provider claims that remain keys of requests
// made with the session (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
var persistentClaims = setOf("amr", "aud", "sub", "app_id", "id", "user_id")

// NewWebIdentity validates in and returns the web identity session.
//
// Derived keys of the session (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html): those of every role session (see [NewAssumedRole]) except the
// MFA keys, with aws:PrincipalTag/K from the role tags overlaid by the
// token's tags; aws:FederatedProvider = the built-in provider name or the
// OIDC provider ARN; and the persisting provider keys PREFIX:amr, :aud,
// :sub, :app_id, :id, :user_id of the claims present, where PREFIX is the
// built-in name or HOST/PATH. For accounts.google.com, :aud is the azp
// claim when present, else aud. See [WebIdentity.AssumeContext] for the
// keys of the AssumeRoleWithWebIdentity call.
func NewWebIdentity(in WebIdentityInput) (*WebIdentity, error) {
	const k = KindWebIdentity
	if len(in.SessionTags) > 0 || len(in.TransitiveTagKeys) > 0 {
		if !in.TagsClaim.isZero() {
			return nil, fieldError(k, "sessionTags", "give session tags once: in SessionTags and TransitiveTagKeys, or in the %s claim, not both", ClaimTags)
		}
		in.TagsClaim = TagsClaimOf(in.SessionTags, in.TransitiveTagKeys)
		in.SessionTags, in.TransitiveTagKeys = nil, nil
	}
	tags, p := tagsClaimProblem(in.TagsClaim)
	if p != "" {
		return nil, fieldError(k, "claims", "%s: %s", ClaimTags, p)
	}
	s, err := newRoleSession(sessionFacts{
		kind:                k,
		roleARN:             in.RoleARN,
		roleID:              in.RoleID,
		sessionName:         in.SessionName,
		sessionNameField:    "sessionName",
		sourceIdentity:      in.SourceIdentity,
		sourceIdentityField: "claims",
		roleTags:            in.RoleTags,
		sessionTags:         tags,
		transitiveKeys:      in.TagsClaim.TransitiveTagKeys,
		creds:               in.Credentials,
	})
	if err != nil {
		return nil, err
	}
	w := &WebIdentity{roleSession: s, in: in}
	if w.provider, w.prefix, p = resolveOIDCProvider(in.Provider, s.partition, s.account); p != "" {
		return nil, fieldError(k, "provider", "%s", p)
	}
	w.identity.Provider = w.provider
	for _, name := range slices.Sorted(maps.Keys(in.Claims)) {
		if p := claimNameProblem(name); p != "" {
			return nil, fieldError(k, "claims", "%s", p)
		}
	}
	if _, ok := in.Claims["oaud"]; ok && w.prefix == ProviderGoogle {
		return nil, fieldError(k, "claims", "claim \"oaud\" is derived from aud for accounts.google.com")
	}
	claims := w.providerClaims(in.Claims)

	b := newKeyset()
	w.addKeys(b, false)
	b.str(condition.KeyFederatedProvider, w.provider)
	for _, name := range slices.Sorted(maps.Keys(claims)) {
		if persistentClaims[name] {
			b.value(w.prefix+":"+name, claims[name])
		}
	}
	if w.ctx, p = b.build(); p != "" {
		return nil, fieldError(k, "claims", "%s", p)
	}

	a := newKeyset()
	a.str(condition.KeyFederatedProvider, w.provider)
	for _, name := range slices.Sorted(maps.Keys(claims)) {
		a.value(w.prefix+":"+name, claims[name])
	}
	a.str(keyRoleSessionName, w.sessionName)
	a.requestTags(tags)
	a.list(keyTransitiveTagKeys, in.TagsClaim.TransitiveTagKeys)
	if w.sourceIdentity != "" {
		a.str(keySTSSourceIdentity, w.sourceIdentity)
	}
	a.resourceTags(in.RoleTags)
	if w.assumeCtx, p = a.build(); p != "" {
		return nil, fieldError(k, "claims", "%s", p)
	}
	return w, nil
}

// Keys of the assume calls (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
const (
	keyRoleSessionName   = "sts:RoleSessionName"
	keyTransitiveTagKeys = "sts:TransitiveTagKeys"
	keySTSSourceIdentity = "sts:SourceIdentity"
)

// providerClaims returns the claims as provider-key suffixes. For Google,
// :aud is the azp claim when present, else aud, and :oaud is aud
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
func (w *WebIdentity) providerClaims(in map[string]condition.Value) map[string]condition.Value {
	out := make(map[string]condition.Value, len(in)+1)
	for name, v := range in {
		out[name] = v
	}
	if w.prefix == ProviderGoogle {
		if aud, ok := in["aud"]; ok {
			out["oaud"] = aud
		}
		if azp, ok := in["azp"]; ok {
			out["aud"] = azp
		}
	}
	return out
}

// resolveOIDCProvider returns the Federated name (built-in name or OIDC
// provider ARN) and the key prefix of provider p for a role in the given
// partition and account.
func resolveOIDCProvider(p, partition, account string) (federated, prefix, problem string) {
	switch p {
	case ProviderAmazon, ProviderCognito, ProviderFacebook, ProviderGoogle:
		return p, p, ""
	case "":
		return "", "", "missing: give a built-in provider name, an OIDC provider ARN or HOST/PATH"
	}
	if strings.HasPrefix(p, "arn:") {
		a, problem := parseARN(p, "iam")
		if problem != "" {
			return "", "", problem
		}
		hostPath, ok := strings.CutPrefix(a.Resource, "oidc-provider/")
		if !ok {
			return "", "", fmt.Sprintf("%q is not an OIDC provider ARN (arn:%s:iam::%s:oidc-provider/HOST/PATH)", p, partition, account)
		}
		if problem := hostPathProblem(hostPath); problem != "" {
			return "", "", problem
		}
		if a.Partition != partition || a.Account != account {
			return "", "", fmt.Sprintf("%q is not in the role's account %s: a role trusts identity providers of its own account", p, account)
		}
		return p, hostPath, ""
	}
	if problem := hostPathProblem(p); problem != "" {
		return "", "", problem
	}
	return iamARN(partition, account, "oidc-provider/"+p), p, ""
}

// hostPathProblem checks the HOST/PATH of an OIDC provider: the provider
// URL without https://.
func hostPathProblem(s string) string {
	switch {
	case s == "":
		return "OIDC provider HOST/PATH is empty"
	case strings.Contains(s, "://"):
		return fmt.Sprintf("OIDC provider %q: give HOST/PATH without the URL scheme", s)
	case strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") || strings.Contains(s, "//"):
		return fmt.Sprintf("OIDC provider %q: HOST/PATH has an empty segment", s)
	}
	for i := range len(s) {
		if s[i] <= ' ' || s[i] >= 0x7f || s[i] == ':' {
			return fmt.Sprintf("OIDC provider %q: HOST/PATH may contain only printable ASCII without spaces or colons", s)
		}
	}
	return ""
}

// claimNameProblem checks a claim name of WebIdentityInput.Claims.
func claimNameProblem(name string) string {
	switch name {
	case "":
		return "empty claim name"
	case ClaimTags:
		return fmt.Sprintf("claim %q goes in TagsClaim", name)
	case ClaimSourceIdentity:
		return fmt.Sprintf("claim %q goes in SourceIdentity", name)
	}
	return ""
}

// tagsClaimProblem checks the tags claim and returns its session tags.
func tagsClaimProblem(c TagsClaim) (map[string]string, string) {
	if len(c.PrincipalTags) == 0 {
		if len(c.TransitiveTagKeys) > 0 {
			return nil, "transitive_tag_keys without principal_tags"
		}
		return nil, ""
	}
	tags := make(map[string]string, len(c.PrincipalTags))
	for _, k := range slices.Sorted(maps.Keys(c.PrincipalTags)) {
		vs := c.PrincipalTags[k]
		if len(vs) != 1 {
			return nil, fmt.Sprintf("principal_tags %q has %d values; a session tag has exactly one", k, len(vs))
		}
		tags[k] = vs[0]
	}
	if _, p := sessionTagsProblem(tags, nil, c.TransitiveTagKeys); p != "" {
		return nil, p
	}
	return tags, ""
}

// Kind returns KindWebIdentity.
func (w *WebIdentity) Kind() Kind { return KindWebIdentity }

// Provider returns the identity provider as a trust policy's Federated
// element names it, and as aws:FederatedProvider carries it: the built-in
// provider name or the OIDC provider ARN (never the bare HOST/PATH).
func (w *WebIdentity) Provider() string { return w.provider }

// KeyPrefix returns the prefix of the provider keys: the built-in provider
// name or the OIDC provider's HOST/PATH.
func (w *WebIdentity) KeyPrefix() string { return w.prefix }

// AssumeContext returns the keys of the unsigned AssumeRoleWithWebIdentity
// call, read by the role's trust policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html): aws:FederatedProvider; every claim as PREFIX:claim (for
// Google also :oaud = the aud claim, and :aud = azp when present);
// sts:RoleSessionName; aws:RequestTag/K and aws:TagKeys for the tags claim;
// sts:TransitiveTagKeys; sts:SourceIdentity; and aws:ResourceTag/K and
// iam:ResourceTag/K for the role's tags. No aws:PrincipalArn,
// aws:PrincipalAccount or aws:userid: no AWS principal exists yet.
func (w *WebIdentity) AssumeContext() condition.Context { return w.assumeCtx }

// ForRole returns the holder of the same token asking for roleARN (see
// [Federated]): the role ID and role tags are unknown for the other role,
// and a bare HOST/PATH provider stands for the OIDC provider in that role's
// account.
func (w *WebIdentity) ForRole(roleARN string) (Federated, error) {
	in := w.in
	in.RoleARN, in.RoleID, in.RoleTags = roleARN, "", nil
	return NewWebIdentity(in)
}
