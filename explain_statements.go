package iameval

import (
	"fmt"
	"slices"
	"sort"

	"github.com/iameval/iameval/policy"
)

// litType maps a grant input to the policy type that supplies it.
func litType(l lits) policy.Type {
	switch l {
	case litID:
		return policy.Identity
	case litPB:
		return policy.PermissionsBoundary
	case litSP:
		return policy.Session
	}
	return policy.Resource
}

// satisfiedPaths returns the union of the inputs of every satisfied path.
func (c *collector) satisfiedPaths() lits {
	var u lits
	for _, p := range c.st.paths {
		if c.st.have&p == p {
			u |= p
		}
	}
	return u
}

// the allows of each SCP level and VPC endpoint policy.
func (c *collector) allowing() []StatementRef {
	need := c.satisfiedPaths()
	var out []StatementRef
	for _, rec := range c.records {
		if !rec.res.Applies || rec.res.Statement.Effect() != policy.Allow {
			continue
		}
		use := false
		switch rec.typ {
		case policy.Identity:
			use = need&litID != 0
		case policy.PermissionsBoundary:
			use = need&litPB != 0
		case policy.Session:
			use = need&litSP != 0
		case policy.Resource:
			switch rec.res.Principal {
			case policy.PrincipalDirect:
				use = need&litRPd != 0
			case policy.PrincipalIndirect:
				use = need&litRPi != 0
			case policy.PrincipalAccount:
				use = need&litRPa != 0
			}
		case policy.SCP, policy.VPCEndpoint:
			use = true
		}
		if use {
			out = append(out, ref(rec))
		}
	}
	return out
}

// missing from the closest combination path, then failed gates.
func (c *collector) missingAllow() []policy.Type {
	st := &c.st
	var missing lits
	found := false
	best := 0
	onlyRP := true
	for _, p := range st.paths {
		if p&litRP == 0 {
			onlyRP = false
		}
	}
	for _, p := range st.paths {
		if !st.sel.resource && !onlyRP && p&litRP != 0 {
			continue // no resource policy: only identity-side paths are real
		}
		m := p &^ st.have
		n := bitCount(m)
		if n == 0 {
			continue // satisfied path: the deny is a gate's
		}
		if !found || n <= best { // ties go to the later (more general) path
			found, best, missing = true, n, m
		}
	}
	if granted(st.paths, st.have) {
		missing = 0
	}
	set := map[policy.Type]bool{}
	for _, l := range []lits{litID, litPB, litSP, litRPd, litRPi, litRPa} {
		if missing&l != 0 {
			set[litType(l)] = true
		}
	}
	if !st.scpOK {
		set[policy.SCP] = true
	}
	if !st.vpceOK {
		set[policy.VPCEndpoint] = true
	}
	var out []policy.Type
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		if set[t] {
			out = append(out, t)
		}
	}
	return out
}

func bitCount(l lits) int {
	n := 0
	for ; l != 0; l &= l - 1 {
		n++
	}
	return n
}

// apply by how far matching got.
func (c *collector) closest(missing []policy.Type) []NearMiss {
	if len(missing) == 0 {
		return nil
	}
	// Gates: only the levels or endpoint policies that lacked an allow.
	failedLevel := map[int]bool{}
	failedVPCE := map[int]bool{}
	for _, n := range c.outcomes {
		switch n.typ {
		case policy.SCP:
			if !c.levelAllows(n.level) {
				failedLevel[n.level] = true
			}
		case policy.VPCEndpoint:
			if !n.out.Allow {
				failedVPCE[n.index] = true
			}
		}
	}
	var cands []recorded
	for _, rec := range c.records {
		if rec.res.Applies || rec.res.Statement.Effect() != policy.Allow || !slices.Contains(missing, rec.typ) {
			continue
		}
		if rec.typ == policy.SCP && !failedLevel[rec.level] || rec.typ == policy.VPCEndpoint && !failedVPCE[rec.index] {
			continue
		}
		cands = append(cands, rec)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].res.Failed > cands[j].res.Failed })
	if len(cands) > MaxClosest {
		cands = cands[:MaxClosest]
	}
	var out []NearMiss
	for _, rec := range cands {
		nm := NearMiss{
			StatementRef: ref(rec),
			Failed:       rec.res.Failed.String(),
			Detail:       rec.res.Detail,
			At:           position(failedAt(&rec.res)),
		}
		if len(rec.res.MissingKeys) > 0 {
			nm.MissingKeys = append([]string(nil), rec.res.MissingKeys...)
		}
		out = append(out, nm)
	}
	return out
}

// levelAllows reports whether some SCP policy of level allowed.
func (c *collector) levelAllows(level int) bool {
	for _, n := range c.outcomes {
		if n.typ == policy.SCP && n.level == level && n.out.Allow {
			return true
		}
	}
	return false
}

// ref builds the StatementRef of a recorded statement.
func ref(rec recorded) StatementRef {
	s := rec.res.Statement
	return StatementRef{
		PolicyID:   policyID(rec.slot),
		PolicyType: rec.typ,
		Level:      rec.level,
		Index:      s.Index(),
		Sid:        s.Sid(),
		Effect:     s.Effect(),
		Pos:        position(s.Pos()),
		End:        position(s.End()),
	}
}

// policyID is the policy's own id, else its place in the set
// ("identity[2]", "scp[0][1]"), as the scenario format names policies.
func policyID(s slot) string {
	if id := s.policy.ID(); id != "" {
		return id
	}
	switch s.typ {
	case policy.SCP, policy.RCP:
		return fmt.Sprintf("%s[%d][%d]", s.typ, s.level-1, s.index)
	case policy.PermissionsBoundary, policy.Resource:
		return s.typ.String()
	}
	return fmt.Sprintf("%s[%d]", s.typ, s.index)
}

func position(p policy.Position) Position {
	return Position{File: p.File, Line: p.Line, Column: p.Column}
}

// failedAt returns where the element that kept a statement from applying
// is written: the first failing condition clause's key when a Condition
// failed, else the key of the failed element (Action, Resource, ...).
func failedAt(res *policy.StatementResult) policy.Position {
	st := res.Statement
	if res.Failed == policy.PartCondition && res.Condition != nil {
		for _, c := range res.Condition.Clauses {
			if !c.Passed {
				return st.ClausePos(c.Index)
			}
		}
	}
	return st.ElementPos(res.Failed)
}
