package scenario

import (
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// policySource is the text a policy was parsed from. Coverage reads it to
// list the condition clauses of statements whose Condition no case
// evaluated, which the compiled policy does not expose.
type policySource struct {
	text string       // the document text given to policy.Parse
	base int          // offset of text[0] in file
	file string       // the file positions refer to
	doc  *jsonsrc.Doc // positions in file (zero base); nil: parse text itself
}

// keepSource remembers the source of p.
func (l *loader) keepSource(p *policy.Policy, src *policySource) {
	if l.sources == nil {
		l.sources = map[*policy.Policy]*policySource{}
	}
	l.sources[p] = src
}

// writtenClause is one condition clause as written in a policy.
type writtenClause struct {
	operator string // canonical spelling
	key      string
	pos      diag.Position // of the condition key
}

// clauses lists the condition clauses of s in the order package policy
// compiles them, which is the Index of condition.ClauseResult: operator
// by operator, then key by key, in source order (an operator without keys
// adds none). It returns nil when the statement's text cannot be read.
func (src *policySource) clauses(s *policy.Statement, posDoc *jsonsrc.Doc) []writtenClause {
	start, end := s.Pos().Offset-src.base, s.End().Offset-src.base+1
	if posDoc == nil || start < 0 || end > len(src.text) || start >= end {
		return nil
	}
	d, err := jsonsrc.Parse(src.text[start:end], diag.Position{})
	if err != nil {
		return nil
	}
	var out []writtenClause
	for _, el := range d.Members(d.Root()) {
		if el.Key != "Condition" {
			continue
		}
		for _, om := range d.Members(el.Value) {
			op, err := condition.ParseOperator(om.Key)
			if err != nil {
				return nil // the policy would not have parsed
			}
			for _, km := range d.Members(om.Value) {
				p := posDoc.Pos(s.Pos().Offset + km.KeyIndex)
				p.File = src.file
				out = append(out, writtenClause{operator: op.String(), key: km.Key, pos: p})
			}
		}
		break // a repeated element would not have parsed
	}
	return out
}

// posDoc returns the document that turns offsets of src into positions.
func (src *policySource) posDoc() *jsonsrc.Doc {
	if src.doc != nil {
		return src.doc
	}
	d, err := jsonsrc.Parse(src.text, diag.Position{})
	if err != nil {
		return nil
	}
	return d
}
