package simulate

import (
	"maps"
	"slices"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
)

// Simulate evaluates every action of in on every resource, as
// SimulateCustomPolicy does, and returns the response. It checks in first:
// on any problem it returns a nil Response and an [ErrorList] holding every
// problem, positioned in the document when in came from [ParseInput].
func Simulate(in *Input) (*Response, error) {
	if in == nil {
		return nil, ErrorList{{Kind: ErrMissing, Msg: "no input"}}
	}
	p, errs := in.compile()
	if err := errs.err(); err != nil {
		return nil, err
	}
	resp := &Response{EvaluationResults: make([]EvaluationResult, 0, len(p.pairs))}
	for _, q := range p.pairs {
		resp.EvaluationResults = append(resp.EvaluationResults, p.result(q))
	}
	return resp, nil
}

// result evaluates one request and reports it in the simulator's shape.
func (p *plan) result(q pair) EvaluationResult {
	set := &p.set
	if q.set != nil {
		set = q.set
	}
	x := iameval.Explain(set, q.req)
	matched := p.matched(x.Deciding)
	missing := x.MissingKeys
	if missing == nil {
		missing = []string{}
	}
	r := EvaluationResult{
		EvalActionName:       q.action,
		EvalResourceName:     q.resource,
		EvalDecision:         x.Decision,
		MatchedStatements:    matched,
		MissingContextValues: missing,
		IamevalWarnings:      catalogWarnings(q.action, q.resource),
	}
	if x.AllowedByOrganizations != nil {
		r.OrganizationsDecisionDetail = &OrganizationsDecisionDetail{AllowedByOrganizations: *x.AllowedByOrganizations}
	}
	if x.AllowedByPermissionsBoundary != nil {
		r.PermissionsBoundaryDecisionDetail = &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: *x.AllowedByPermissionsBoundary}
	}
	var details map[string]iameval.Decision
	if q.cross {
		details = typeDecisions(x.Types)
	}
	if q.resource == "*" {
		r.EvalDecisionDetails = details
		return r
	}
	if details == nil {
		details = map[string]iameval.Decision{}
	}
	r.EvalDecisionDetails = details
	var resourceDetails map[string]iameval.Decision
	if q.cross {
		resourceDetails = maps.Clone(details)
	}
	r.MissingContextValues = []string{}
	r.ResourceSpecificResults = []ResourceSpecificResult{{
		EvalResourceName:                  q.resource,
		EvalResourceDecision:              x.Decision,
		MatchedStatements:                 slices.Clone(matched),
		MissingContextValues:              slices.Clone(missing),
		EvalDecisionDetails:               resourceDetails,
		PermissionsBoundaryDecisionDetail: r.PermissionsBoundaryDecisionDetail.clone(),
	}}
	return r
}

// matched converts the deciding statements of an explanation.
func (p *plan) matched(refs []iameval.StatementRef) []Statement {
	out := make([]Statement, 0, len(refs))
	for _, ref := range refs {
		sp := p.spans[stmtKey{ref.PolicyID, ref.Index}]
		id := ref.PolicyID
		if n, ok := p.names[id]; ok {
			id = n
		}
		out = append(out, Statement{
			SourcePolicyID:   id,
			SourcePolicyType: sourceType(ref.PolicyType),
			StartPosition:    sp.start,
			EndPosition:      sp.end,
		})
	}
	return out
}

// typeDecisions gives each consulted policy type's decision for a
// cross-account request. The resource side always has an entry: without a
// resource policy it did not allow.
func typeDecisions(types []iameval.TypeDetail) map[string]iameval.Decision {
	m := map[string]iameval.Decision{SourceResourcePolicy: iameval.ImplicitDeny}
	for _, t := range types {
		m[sourceType(t.Type)] = t.Decision
	}
	return m
}

// sourceType returns the SourcePolicyType of a policy type.
func sourceType(t policy.Type) string {
	switch t {
	case policy.PermissionsBoundary:
		return SourcePermissionsBoundaryPolicy
	case policy.Resource:
		return SourceResourcePolicy
	case policy.SCP:
		return SourceServiceControlPolicy
	case policy.RCP:
		return SourceResourceControlPolicy
	}
	return SourceIAMPolicy
}
