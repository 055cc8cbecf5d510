package simulate

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// plan is a checked Input, ready to evaluate. It holds the actions and
// resources, not their product: each request is built when it is
// evaluated (see plan.pair), so that memory does not grow with the number
// of results.
type plan struct {
	set   iameval.PolicySet
	spans map[stmtKey]span

	actions, resources []string
	defaultResources   bool                // ResourceArns was not given: ["*"]
	caller             principal.Principal // nil: the default caller of each resource's account
	callerArn          string              // CallerArn, for messages
	owner              string
	ctx                condition.Context
	when               time.Time
	mirror             bool
	defaults           map[string]principal.Principal // default callers by ARN
	start, end         int                            // the results to produce, by index in the product
	names              map[string]string              // policy ID -> SourcePolicyId, for account policies
	c                  *compiler                      // builds each request's own policy set (accountSet)
	warn               warner                         // IamevalWarnings, with the last action's check
}

// stmtKey names a statement by its policy's SourcePolicyId and its index.
type stmtKey struct {
	id    string
	index int
}

// pair is one simulated request: an action on a resource.
type pair struct {
	action, resource string
	req              *iameval.Request
	cross            bool               // the caller's account does not own the resource
	set              *iameval.PolicySet // the request's own policy set; nil: the plan's
}

// compiler turns an Input into a plan, collecting problems.
type compiler struct {
	in    *Input
	src   *source
	errs  diag.ErrorList
	limit diag.Limit // keeps the first diag.MaxErrors problems
	p     *plan
}

// fail records a problem with the parameter at path.
func (c *compiler) fail(path string, kind error, format string, args ...any) {
	pos := c.src.of(path)
	if c.limit.Keep(pos.Offset) {
		c.errs = append(c.errs, &diag.Error{Pos: pos, Path: path, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
}

// add records a problem, unless diag.MaxErrors are kept already.
func (c *compiler) add(e *diag.Error) {
	if c.limit.Keep(e.Pos.Offset) {
		c.errs = append(c.errs, e)
	}
}

// problems returns the problems, ended by the one that counts those left
// out (see diag.MaxErrors).
func (c *compiler) problems() diag.ErrorList {
	if n, first := c.limit.Omitted(); n > 0 {
		return append(c.errs, diag.TooMany(c.src.pos(first), n, false))
	}
	return c.errs
}

// compile checks every parameter and builds the requests to evaluate. It
// reports every problem it finds.
func (in *Input) compile() (*plan, diag.ErrorList) {
	c := &compiler{in: in, src: in.src, p: &plan{spans: map[stmtKey]span{}}}
	if in.PolicySourceArn != "" && in.from == nil {
		c.fail(simulatePrincipalOnlyKey, ErrUnknownKey, "%s belongs to simulate-principal-policy: run it with SimulatePrincipal over an account (iameval simulate-principal --account EXPORT)", simulatePrincipalOnlyKey)
	}
	c.policies()
	ctx, when := c.context()
	caller := c.caller()
	owner := c.owner()
	actions := c.actions()
	resources := c.resources()
	c.resourceHandling(resources)
	if in.MaxItems < 0 || in.MaxItems > 1000 {
		c.fail(keyMaxItems, ErrValue, "must be an integer from 1 to 1000, not %d", in.MaxItems)
	}
	if len(c.errs) > 0 {
		return nil, c.problems()
	}
	if !in.Time.IsZero() {
		when = in.Time
	}
	if when.IsZero() {
		when = time.Now()
	}
	p := c.p
	p.actions, p.resources, p.caller, p.owner, p.ctx, p.when = actions, resources, caller, owner, ctx, when
	p.mirror, p.defaults = in.MirrorSimulator, map[string]principal.Principal{}
	p.defaultResources, p.callerArn = len(in.ResourceArns) == 0, in.CallerArn
	p.c = c
	c.page(len(actions) * len(resources))
	c.checkRequests()
	if len(c.errs) > 0 {
		return nil, c.problems()
	}
	return p, nil
}

// page checks Marker and sets the results to produce: MaxItems of them
// from the one Marker names, or all. A Marker is the index of the next
// result, as Run returns it; AWS's markers are opaque, so a client only
// gives back what it was given.
func (c *compiler) page(total int) {
	p := c.p
	p.start, p.end = 0, total
	if m := c.in.Marker; m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n <= 0 || n >= total || strconv.Itoa(n) != m {
			c.fail(keyMarker, ErrValue, "%+q is not a Marker of this input: give the Marker of the previous response, or leave it out", m)
			return
		}
		p.start = n
	}
	if c.in.MaxItems > 0 {
		p.end = min(total, p.start+c.in.MaxItems)
	}
}

// policies parses every policy string into the policy set.
func (c *compiler) policies() {
	in, set := c.in, &c.p.set
	if in.from != nil {
		for _, sp := range in.from.Identity {
			set.Identity = append(set.Identity, c.sourcePolicy(sp))
		}
		if in.from.Boundary != nil && len(in.PermissionsBoundaryPolicyInputList) == 0 {
			set.PermissionsBoundary = c.sourcePolicy(*in.from.Boundary)
		}
		if len(in.ServiceControlPolicies) == 0 {
			set.SCP = in.from.SCP
		}
	}
	for i, text := range in.PolicyInputList {
		if p := c.policy(index(keyPolicyInputList, i), keyPolicyInputList+"."+strconv.Itoa(i+1), text, policy.Identity); p != nil {
			set.Identity = append(set.Identity, p)
		}
	}
	switch n := len(in.PermissionsBoundaryPolicyInputList); {
	case n > 1:
		c.fail(index(keyBoundaryInputList, 1), ErrValue, "a principal has at most one permissions boundary; %d are given", n)
	case n == 1:
		set.PermissionsBoundary = c.policy(index(keyBoundaryInputList, 0), policyIDBoundary, in.PermissionsBoundaryPolicyInputList[0], policy.PermissionsBoundary)
	}
	if in.ResourcePolicy != "" {
		set.Resource = c.policy(keyResourcePolicy, policyIDResource, in.ResourcePolicy, policy.Resource)
	}
	if in.from == nil || len(in.ServiceControlPolicies) > 0 {
		set.SCP = c.levels(keySCPInputList, in.ServiceControlPolicies, policy.SCP)
	}
	set.RCP = c.levels(keyRCPInputList, in.ResourceControlPolicies, policy.RCP)
}

// levels parses the organization levels of an extension parameter.
func (c *compiler) levels(key string, levels [][]string, t policy.Type) [][]*policy.Policy {
	var out [][]*policy.Policy
	for l, level := range levels {
		lp := index(key, l)
		if len(level) == 0 {
			c.fail(lp, ErrValue, "an organization level has at least one policy attached")
			continue
		}
		var ps []*policy.Policy
		for i, text := range level {
			id := key + "." + strconv.Itoa(l+1) + "." + strconv.Itoa(i+1)
			if p := c.policy(index(lp, i), id, text, t); p != nil {
				ps = append(ps, p)
			}
		}
		out = append(out, ps)
	}
	return out
}

// policy parses one policy string, positioning its problems in the
// document, and records where the simulator says its statements are.
func (c *compiler) policy(path, id, text string, t policy.Type) *policy.Policy {
	if i, r := badPolicyChar(text); i >= 0 {
		c.add(&diag.Error{Pos: c.src.inString(path, text, i), Path: path, Kind: ErrPolicy,
			Msg: fmt.Sprintf("%s: character %U is not allowed in a policy document: AWS accepts tab, line feed, carriage return and U+0020 to U+00FF", id, r)})
		return nil
	}
	p, err := policy.Parse([]byte(text), policy.Source{ID: id, Type: t})
	if err != nil {
		var list diag.ErrorList
		if !errors.As(err, &list) {
			c.fail(path, ErrPolicy, "%s: %v", id, err)
			return nil
		}
		errs, _ := list.Split() // the simulator reports no warnings
		for _, e := range errs {
			msg := e.Msg
			if e.Path != "" {
				msg = e.Path + ": " + msg
			}
			c.add(&diag.Error{Pos: c.src.inString(path, text, e.Pos.Offset), Path: path, Kind: ErrPolicy,
				Msg: fmt.Sprintf("%s:%d:%d: %s", id, e.Pos.Line, e.Pos.Column, msg), Cause: e})
		}
		return nil
	}
	for _, s := range p.Statements() {
		c.p.spans[stmtKey{id, s.Index()}] = statementSpan(text, s.Pos().Offset, s.End().Offset)
	}
	return p
}

// badPolicyChar returns the byte index and value of the first character
// the IAM API does not accept in a policy document, or -1.
func badPolicyChar(text string) (int, rune) {
	for i, r := range text {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xFF) {
			continue
		}
		return i, r
	}
	return -1, 0
}
