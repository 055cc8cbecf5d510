package iameval

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// RequestInput describes one request to authorize. It is the input of
// [NewRequest].
type RequestInput struct {
	// Principal is the caller. Required.
	Principal principal.Principal
	// Action is the action being authorized, "service:Name" as AWS spells
	// it (s3:GetObject); matching ignores case.
	Action string
	// Resource is the ARN of the resource the action is authorized on, or
	// "*" for actions that take no resource.
	Resource string
	// ResourceAccount is the account that owns the resource. When empty it
	// is the account in the resource ARN; where the ARN has none (S3
	// buckets, "*") it is the principal's account; a principal without an
	// account (anonymous, service) then makes NewRequest fail.
	ResourceAccount string
	// Context holds the request-context keys supplied by the caller
	// (aws:SourceIp, s3:prefix, aws:RequestTag/K ...). They override the
	// keys the engine derives.
	Context condition.Context
	// Absent lists context keys the caller declares absent: each removes a
	// key the engine or the principal would otherwise derive (a scenario's
	// "context" entry whose value is an empty list). Keys ignore case.
	Absent []string
	// S3BlockPublicAccess holds the S3 Block Public Access settings of the
	// bucket owner's account, the bucket and the access point; nil when
	// none are on. With RestrictPublicBuckets, a public bucket policy
	// grants nothing to callers outside the bucket owner's account other
	// than AWS service principals.
	S3BlockPublicAccess *S3BlockPublicAccess
	// UnsuppliedAbsent makes the keys AWS sets on every request
	// (aws:SecureTransport, aws:SourceIp, aws:RequestedRegion,
	// aws:UserAgent) absent when Context does not give them, as the AWS
	// policy simulator takes them. By default such a key is unknown
	// ([condition.UnknownValue]): a condition on it makes an Allow
	// statement not apply and a Deny statement apply, and the
	// explanation names the key to supply.
	UnsuppliedAbsent bool
	// Time is the time of the request, the source of aws:CurrentTime and
	// aws:EpochTime. The zero Time means the time NewRequest is called.
	// It is also aws:TokenIssueTime for a principal on temporary
	// credentials whose issue time is not known.
	Time time.Time
	// IgnoreProtections decides the request as the IAM policy simulator
	// does, from the policies alone: it skips the refusals AWS enforces
	// whatever the policies say (changes to AWS managed policies,
	// service-linked roles, /aws-reserved/ roles, alias/aws/ KMS aliases;
	// see the package documentation), which the simulator does not model.
	// The zero value applies them, as AWS does.
	IgnoreProtections bool
}

// Request is a validated request with its request context derived once.
// It is immutable: build it with [NewRequest] and evaluate it against any
// number of policy sets, from any number of goroutines. The zero Request
// is not usable; [Evaluate] denies it.
type Request struct {
	// The fields Evaluate reads come first, so that they share cache
	// lines: with many requests in flight, each line is a cache miss.

	facts facts
	// preq is the request package policy matches statements against;
	// preqBoundary is the same request for a caller that has a permissions
	// boundary (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html: Deny with NotPrincipal).
	preq policy.Request
	// ctx is the request context: the caller's keys over the engine's over
	// the principal's, merged once so that a lookup is one table read.
	ctx          condition.Context
	preqBoundary policy.Request
	in           RequestInput
}

// Principal returns the caller.
func (r *Request) Principal() principal.Principal { return r.in.Principal }

// Action returns the action as given.
func (r *Request) Action() string { return r.in.Action }

// Resource returns the resource ARN, or "*".
func (r *Request) Resource() string { return r.in.Resource }

// ResourceAccount returns the account that owns the resource, as resolved by
// NewRequest.
func (r *Request) ResourceAccount() string { return r.in.ResourceAccount }

// Time returns the time of the request.
func (r *Request) Time() time.Time { return r.in.Time }

// Context returns the request context that policies see: the caller's keys
// over the keys the engine derives (aws:CurrentTime, aws:EpochTime,
// aws:ResourceAccount, aws:RequestedRegion, aws:ViaAWSService) over the
// principal's keys, merged into one immutable Context.
func (r *Request) Context() condition.Context { return r.ctx }

// Unsigned reports whether the request is the unsigned
// AssumeRoleWithWebIdentity or AssumeRoleWithSAML call of a token or
// assertion holder (or the sts:TagSession / sts:SetSourceIdentity
// authorized with it), which only the role's trust policy decides.
func (r *Request) Unsigned() bool { return r.facts.unsigned }

// forget makes r a request that Evaluate and Explain deny, as the zero
// Request is (they check the policy request's principal first), without
// clearing all of it: a RequestBuilder does so on every Reset, and build
// sets every field again (a failed build clears r).
func (r *Request) forget() {
	r.preq.SetCaller(nil, nil)
	r.in.Principal = nil
}

// errNoPrincipal and the other request errors are returned by NewRequest.
var (
	errNoPrincipal = errors.New("principal is required")
	errNoResource  = errors.New(`resource is required: an ARN, or "*" for an action without resource-level permissions`)
)

// NewRequest validates in and derives everything that does not depend on
// the policies: the resource account, the request context (caller keys over engine keys
// over principal keys, merged once) and the
// facts the decision algorithm reads. It fails when the principal is nil,
// the action is not "service:Name" in AWS's alphabet
// ([policy.CheckRequestAction]), the resource is neither "*" nor an ARN,
// the resource, principal ARN or a context key holds a control or format
// character or is not UTF-8, or no resource account can be determined.
//
// For a WebIdentity or SAML principal making its unsigned
// AssumeRoleWithWebIdentity / AssumeRoleWithSAML call (or sts:TagSession /
// sts:SetSourceIdentity on its own role, authorized in the same call) the
// principal-derived keys are those of the call (AssumeContext), not of the
// session that does not exist yet.
func NewRequest(in RequestInput) (*Request, error) {
	r := &Request{}
	if err := r.build(in, nil, false); err != nil {
		return nil, err
	}
	return r, nil
}

// build is NewRequest into r. With a non-nil merge, the request context is
// built in merge's storage ([condition.Builder.Borrow]) and is valid until
// merge is reset: [RequestBuilder] passes its own. keysChecked says that
// every key of in.Context passed the checks of checkInputText already.
func (r *Request) build(in RequestInput, merge *condition.Builder, keysChecked bool) error {
	if in.Principal == nil {
		return errNoPrincipal
	}
	if v := reflect.ValueOf(in.Principal); v.Kind() == reflect.Pointer && v.IsNil() {
		return errNoPrincipal // a typed nil would panic on its first method call
	}
	// policy.NewRequest checks the action ([policy.CheckRequestAction])
	// and lower-cases it once for the policies and for the facts below;
	// the caller and the context are added once derived (SetCaller).
	// The request is built in place: it is a few hundred bytes to copy.
	if err := r.preq.Init(policy.RequestInput{Action: in.Action, Resource: in.Resource}); err != nil {
		return err
	}
	preq := &r.preq
	service, name := preq.LowerAction()
	if err := checkInputText(&in, keysChecked); err != nil {
		return err
	}
	var res arn.ARN
	hasARN := false
	switch in.Resource {
	case "":
		return errNoResource
	case "*":
	default:
		// policy.NewRequest split the resource already.
		p, ok := preq.ResourceARN()
		res = arn.ARN{Partition: p[1], Service: p[2], Region: p[3], Account: p[4], Resource: p[5]}
		if !ok || res.Partition == "" || res.Service == "" || res.Resource == "" {
			return fmt.Errorf("resource %q is not an ARN (arn:partition:service:region:account:resource) or \"*\"", in.Resource)
		}
		hasARN = true
	}
	if in.ResourceAccount == "" && arn.IsAccountID(res.Account) {
		// Resources AWS owns (arn:aws:iam::aws:policy/...) carry "aws" in
		// the account field: no account owns them, so they fall back to the
		// principal's account like resources whose ARN has none.
		in.ResourceAccount = res.Account
	}
	if in.ResourceAccount == "" {
		in.ResourceAccount = in.Principal.Account()
	}
	if in.ResourceAccount == "" {
		return fmt.Errorf("resource account unknown: %q names no account and the %s principal has none; give the resource account (resourceAccount in scenario files)", in.Resource, in.Principal.Kind())
	}
	if in.Time.IsZero() {
		in.Time = time.Now()
	}

	// Every field of r is set below (in, facts, ctx, preq, preqBoundary):
	// r need not be cleared first, which a RequestBuilder's reused request
	// would pay for on every call.
	r.in = in
	deriveFacts(&r.facts, in.Principal, service, name, in.Resource, res, hasARN, in.ResourceAccount)
	r.facts.restrictPublic = restrictPublicApplies(in.S3BlockPublicAccess, &r.facts, res, hasARN)

	matchAs := in.Principal
	// The principal-derived keys: those of keysOf.Context() when keysOf
	// is not nil (principal.SetContext sets them without building that
	// context when it can), else derived.
	keysOf := in.Principal
	var derived condition.Context
	if fed, ok := in.Principal.(principal.Federated); ok {
		if r.facts.unsigned {
			if in.Resource != fed.RoleARN() {
				// The token is presented for another role: the trust
				// policy sees that role's facts, not those of the role
				// the principal was described with.
				other, err := fed.ForRole(in.Resource)
				if err != nil {
					return fmt.Errorf("the %s principal cannot ask for role %s: %w", in.Principal.Kind(), in.Resource, err)
				}
				fed = other
			}
			// The token holder is not a session yet: it has no ARN, no
			// account and only the identity provider to be named by.
			derived, keysOf = fed.AssumeContext(), nil
			matchAs = &asPrincipal{Principal: fed, ctx: derived,
				id: principal.Identity{Provider: fed.Provider()}}
		} else if id := in.Principal.Identity(); id.Provider != "" {
			// A signed web identity or SAML session is a role session: a
			// Federated entry names the provider only for the unsigned call
			// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
			noProvider := id
			noProvider.Provider = ""
			matchAs = &asPrincipal{Principal: in.Principal, arn: in.Principal.ARN(),
				account: in.Principal.Account(), ctx: in.Principal.Context(), id: noProvider}
		}
	}
	temporary := !r.facts.unsigned && onTemporaryCredentials(in.Principal)
	region := res.Region
	if region == "" {
		region = globalRegion(service)
	}
	ctx, err := requestContext(merge, in.Context, keysOf, derived, in.Absent, in.UnsuppliedAbsent, temporary, in.Time, in.ResourceAccount, region)
	if err != nil {
		return err
	}
	if rs, ok := in.Principal.(principal.RoleSession); ok && r.facts.rp == rpRoleTrust && !r.facts.unsigned {
		if ctx, err = chainedTrustTags(ctx, rs.TransitiveTags()); err != nil {
			return err
		}
	}
	r.ctx = ctx
	if !r.facts.fixed && !in.IgnoreProtections {
		if why := protected(service, name, res, hasARN, ctx); why != "" {
			r.facts.fixed, r.facts.fixedDecision, r.facts.fixedReason = true, ImplicitDeny, why
		}
	}

	r.preq.SetCaller(matchAs, r.ctx)
	// The boundary's request differs only in HasBoundary: a copy shares
	// the lower-cased action and split resource.
	r.preqBoundary = r.preq
	r.preqBoundary.SetBoundary(true)
	return nil
}

// checkInputText applies [checkText] to the strings of in that policies
// match as text: the resource, the principal's ARN, the context keys and
// the keys declared absent; and that no context value exceeds the
// expansion budget ([checkValueSize]). With keysChecked, the caller has
// checked the context keys and values already.
func checkInputText(in *RequestInput, keysChecked bool) error {
	if err := checkText("resource", in.Resource); err != nil {
		return err
	}
	if err := checkText("resource account", in.ResourceAccount); err != nil {
		return err
	}
	if _, user := in.Principal.(*principal.IAMUser); !user {
		// Every IAM user's ARN passed principal's own checks (partition,
		// account digits, printable ASCII path, a name of [\w+=,.@-]):
		// it is plain ASCII.
		if err := checkText("principal ARN", in.Principal.ARN()); err != nil {
			return err
		}
	}
	if keysChecked {
		return checkAbsent(in.Absent)
	}
	// The keys are checked in table order, which needs no sorting; only
	// when one is wrong are they walked again in key order, so that the
	// error names the same key on every run.
	var keyErr error
	check := func(k string, v condition.Value) {
		if keyErr == nil {
			keyErr = checkText("context key", k)
		}
		if keyErr == nil {
			keyErr = checkValueSize(k, v)
		}
	}
	in.Context.EachUnsorted(check)
	if keyErr != nil {
		keyErr = nil
		in.Context.Each(check)
		return keyErr
	}
	return checkAbsent(in.Absent)
}

// checkAbsent applies [checkText] to the keys declared absent.
func checkAbsent(absent []string) error {
	for _, k := range absent {
		if err := checkText("absent context key", k); err != nil {
			return err
		}
	}
	return nil
}

// requestContext merges the layers of the request context into one
// Context: caller keys win over the keys the engine derives for every
// request (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), which win over the
// principal-derived keys. Merging once here makes every lookup during
// evaluation a single table read. A non-nil b is reset and keeps the
// context (Borrow); else the context has its own storage.
func requestContext(b *condition.Builder, caller condition.Context, keysOf principal.Principal, derived condition.Context, absent []string, unsuppliedAbsent, temporary bool, t time.Time, resourceAccount, region string) (condition.Context, error) {
	borrow := b != nil
	if borrow {
		b.Reset() // its storage is reused: no need to size it
	} else {
		n := derived.Len()
		if keysOf != nil {
			n = keysOf.Context().Len()
		}
		b = new(condition.Builder)
		if caller.Len() <= largeCallerContext {
			n += caller.Len()
		}
		b.Grow(n + len(absent) + 10)
	}
	if !unsuppliedAbsent {
		// First, so that every later layer that gives one of these
		// keys a value wins.
		markUnknown(b, caller, absent)
	}
	if keysOf != nil {
		principal.SetContext(b, keysOf)
	} else {
		b.SetAll(derived)
	}
	ts := formatTime(t)
	if temporary && keysOf != nil {
		derived = keysOf.Context()
	}
	if temporary && !hasKey(derived, keyTokenIssueTime) {
		// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html: aws:TokenIssueTime is present for
		// every principal on temporary credentials. When the principal's
		// facts do not say when the token was issued, it was issued no
		// later than the request: take the request time.
		b.SetString(keyTokenIssueTime, ts.rfc3339)
	}
	b.SetString(keyCurrentTime, ts.rfc3339)
	b.SetString(keyEpochTime, ts.epoch)
	b.SetString(keyResourceAccount, resourceAccount)
	b.SetString(keyViaAWSService, "false")
	if region != "" {
		b.SetString(keyRequestedRegion, region)
	}
	for _, k := range absent {
		b.Delete(k)
	}
	if !borrow && caller.Len() > largeCallerContext {
		// The caller's keys win over all the others: the others are
		// built alone and laid under them, rather than every caller key
		// recorded in b (issue 15: a context of 1,000,000 keys).
		base, err := b.Context()
		if err != nil {
			return condition.Context{}, err
		}
		return condition.Overlay(caller, base), nil
	}
	b.SetAll(caller)
	if borrow {
		return b.Borrow()
	}
	return b.Context()
}

// largeCallerContext is the number of caller keys above which
// requestContext lays the caller's context over the other keys with
// [condition.Overlay] instead of setting each in the Builder.
const largeCallerContext = 64

// hasKey reports whether c holds the normalized key.
func hasKey(c condition.Context, key string) bool {
	_, ok := c.LookupKey(key)
	return ok
}

// timeStrings are the texts of a request time that the context holds.
type timeStrings struct {
	unix           int64
	rfc3339, epoch string
}

// lastTime caches the texts of the last request time: requests come in
// bursts within one second, and formatting costs two allocations.
var lastTime atomic.Pointer[timeStrings]

// formatTime returns t as aws:CurrentTime (RFC 3339, UTC, whole seconds)
// and aws:EpochTime spell it.
func formatTime(t time.Time) *timeStrings {
	u := t.Unix()
	if ts := lastTime.Load(); ts != nil && ts.unix == u {
		return ts
	}
	ts := &timeStrings{unix: u, rfc3339: t.UTC().Format(time.RFC3339), epoch: strconv.FormatInt(u, 10)}
	lastTime.Store(ts)
	return ts
}

// onTemporaryCredentials reports whether a signed principal uses temporary
// security credentials: every role session and federated user, and an IAM
// user or root user whose credentials say so (GetSessionToken, console).
func onTemporaryCredentials(p principal.Principal) bool {
	switch v := p.(type) {
	case principal.RoleSession, *principal.FederatedUser:
		return true
	case *principal.IAMUser:
		return v.Credentials().Temporary
	case *principal.Root:
		return v.Credentials().Temporary || v.AssumedRoot()
	}
	return false
}

// The normalized keys requestContext derives, lowered once rather than for
// every request.
var (
	keyCurrentTime     = condition.NormalizeKey(condition.KeyCurrentTime)
	keyEpochTime       = condition.NormalizeKey(condition.KeyEpochTime)
	keyResourceAccount = condition.NormalizeKey(condition.KeyResourceAccount)
	keyViaAWSService   = condition.NormalizeKey(condition.KeyViaAWSService)
	keyRequestedRegion = condition.NormalizeKey(condition.KeyRequestedRegion)
	keyTokenIssueTime  = condition.NormalizeKey(condition.KeyTokenIssueTime)
)

// asPrincipal presents a principal to policy matching with other facts:
// the token holder of an unsigned AssumeRoleWith* call (no ARN, no account,
// named only by its identity provider) or a signed web identity / SAML
// session (no Federated match). Embedding the principal keeps its kind.
type asPrincipal struct {
	principal.Principal
	arn, account string
	id           principal.Identity
	ctx          condition.Context
}

func (p *asPrincipal) ARN() string                  { return p.arn }
func (p *asPrincipal) Account() string              { return p.account }
func (p *asPrincipal) Identity() principal.Identity { return p.id }
func (p *asPrincipal) Context() condition.Context   { return p.ctx }
