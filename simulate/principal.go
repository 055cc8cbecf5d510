package simulate

import (
	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Principal is what [SimulatePrincipal] reads from an account for the
// PolicySourceArn of a SimulatePrincipalPolicy request: the caller and the
// policies AWS attaches to it.
type Principal struct {
	// Caller makes the simulated requests when CallerArn is not given: the
	// IAM user, or a session of the role.
	Caller principal.Principal
	// Identity holds the identity-based policies, in the order the
	// simulator lists them.
	Identity []SourcePolicy
	// Boundary is the permissions boundary, or nil; a
	// PermissionsBoundaryPolicyInputList entry replaces it, as in AWS.
	Boundary *SourcePolicy
	// SCP holds the SCP levels of the caller's account; the extension
	// parameter IamevalServiceControlPolicyInputList replaces them.
	SCP [][]*policy.Policy
	// Resource returns the resource-based policy of a resource (a role's
	// trust policy for a role ARN), or nil; used when the input has no
	// ResourcePolicy. May be nil.
	Resource func(resourceARN string) *SourcePolicy
	// RCP returns the RCP levels of an account, used when the input has
	// no IamevalResourceControlPolicyInputList. May be nil.
	RCP func(account string) [][]*policy.Policy
}

// SourcePolicy is a parsed policy of an account with what the simulator
// reports about it.
type SourcePolicy struct {
	// ID is its SourcePolicyId: the policy's name.
	ID string
	// Policy is the parsed policy.
	Policy *policy.Policy
	// Text is the policy text the statements' offsets point into, and
	// Offset the offset of Text's first byte in the statements' file, so
	// that StartPosition and EndPosition count lines and columns in Text.
	Text   string
	Offset int
}

// PrincipalSource finds the principal of a PolicySourceArn: a user or a
// role (simulated as a session of it). It returns an error for an ARN the
// account does not hold.
type PrincipalSource func(policySourceArn string) (*Principal, error)

// ParsePrincipalInput reads the JSON document of
// `aws iam simulate-principal-policy --cli-input-json`: the parameters of
// [ParseInput] with PolicySourceArn (required) and PolicyInputList
// optional. Its shape is checked here, its values by [SimulatePrincipal].
func ParsePrincipalInput(src []byte, file string) (*Input, error) {
	d, err := newDecoder(src, file)
	if err != nil {
		return nil, err
	}
	d.document(d.in.src.doc.Root(), true)
	d.closeLimit()
	d.errs.SortByPosition()
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return d.in, nil
}

// SimulatePrincipal answers a SimulatePrincipalPolicy request: the
// policies of the PolicySourceArn principal that source returns, plus
// PolicyInputList, evaluated like [Simulate]. Without CallerArn the caller
// is the principal itself (a role's session). Without ResourcePolicy each
// resource's policy comes from the principal's Resource function.
func SimulatePrincipal(in *Input, source PrincipalSource) (*Response, error) {
	if in == nil || source == nil {
		return nil, diag.ErrorList{{Kind: ErrMissing, Msg: "no input"}}
	}
	if in.PolicySourceArn == "" {
		return nil, diag.ErrorList{{Pos: in.src.of(simulatePrincipalOnlyKey), Path: simulatePrincipalOnlyKey, Kind: ErrMissing, Msg: "required parameter missing"}}
	}
	from, err := source(in.PolicySourceArn)
	if err != nil {
		return nil, diag.ErrorList{{Pos: in.src.of(simulatePrincipalOnlyKey), Path: simulatePrincipalOnlyKey, Kind: ErrValue, Msg: err.Error()}}
	}
	run := *in
	run.from = from
	return Simulate(&run)
}

// sourcePolicy records the statements' spans of an account policy and its
// SourcePolicyId.
func (c *compiler) sourcePolicy(sp SourcePolicy) *policy.Policy {
	if c.p.names == nil {
		c.p.names = map[string]string{}
	}
	c.p.names[sp.Policy.ID()] = sp.ID
	for _, s := range sp.Policy.Statements() {
		c.p.spans[stmtKey{sp.Policy.ID(), s.Index()}] = statementSpan(sp.Text, s.Pos().Offset-sp.Offset, s.End().Offset-sp.Offset)
	}
	return sp.Policy
}

// accountSet returns the policy set of one request of a
// SimulatePrincipalPolicy: the resource's policy and its account's RCPs
// from the account, unless the input gives them. Nil: the plan's set.
func (c *compiler) accountSet(resource, owner string) *iameval.PolicySet {
	from := c.in.from
	if from == nil {
		return nil
	}
	set := c.p.set
	if c.in.ResourcePolicy == "" && from.Resource != nil {
		if rp := from.Resource(resource); rp != nil {
			set.Resource = c.sourcePolicy(*rp)
		}
	}
	if len(c.in.ResourceControlPolicies) == 0 && from.RCP != nil {
		set.RCP = from.RCP(owner)
	}
	return &set
}
