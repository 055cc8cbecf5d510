package condition

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// stringValue is a compiled String* policy value. It holds only what its
// kind needs, so that a clause of many values stays small: the template
// of a value that reads request keys, the fixed text or escaped glob of
// the others, or the text and shape of a compiled glob. The templates
// live in one allocation per clause (see compileString); a glob is its
// text and a 12-byte shape, kept in the value, rather than a Pattern of
// its own (which needed a second allocation per StringLike clause).
type stringValue struct {
	tmpl *variables.Template // dyn: expanded per request
	// text is the fixed text (StringEquals*, StringEqualsIgnoreCase*),
	// the fixed escaped glob (StringLike) when escd, or the text of the
	// fixed glob (StringLike) when neither dyn nor escd.
	text  string
	shape wildcard.Shape // of the fixed glob text, when neither dyn nor escd
	dyn   bool
	escd  bool
}

// compileString compiles the policy values of a String* clause. Variables
// are expanded per request only when the template reads request keys;
// everything else is expanded and compiled here. The templates of the
// values that read request keys share one allocation; the slice does not
// grow past its capacity, so the pointers into it stay valid.
//
// The values of a StringEquals* or StringEqualsIgnoreCase* clause without
// variables are their own fixed text: then compileString returns nil, and
// matchString compares the values themselves (issue 15: a compiled value
// is 40 bytes, most conditions are plain text).
func compileString(b Base, values []string, mode variables.Mode) ([]stringValue, []*ValueError) {
	like := b.Positive() == StringLike
	if !like && plainValues(values, mode) {
		return nil, nil
	}
	out := make([]stringValue, len(values))
	var warns []*ValueError
	var tmpls []variables.Template
	for i, v := range values {
		t, w := variables.Parse(v, mode)
		warns = appendTemplateWarnings(warns, i, w)
		sv := &out[i]
		switch {
		case isDynamic(t):
			if tmpls == nil {
				tmpls = make([]variables.Template, 0, len(values)-i)
			}
			tmpls = append(tmpls, t)
			sv.tmpl, sv.dyn = &tmpls[len(tmpls)-1], true
		case !like:
			sv.text = fixedText(t)
		case t.HasVariables():
			sv.text, sv.escd = fixedPattern(t), true
		default:
			sv.text, sv.shape = t.Raw(), wildcard.Compile(t.Raw()).Shape()
		}
	}
	return out, warns
}

// plainValues reports whether no value is read as a template in mode:
// variables.Parse returns every such value as its own text, without
// warnings.
func plainValues(values []string, mode variables.Mode) bool {
	if mode == variables.Literal {
		return true
	}
	for _, v := range values {
		if strings.Contains(v, "${") {
			return false
		}
	}
	return true
}

// matchString tests the request value s against the policy values with the
// positive form of base b (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
// vals are the compiled values, or nil for StringEquals* values that are
// all fixed text: then values are compared.
func matchString(b Base, vals []stringValue, values []string, s string, l Lookup) pairResult {
	r := noMatch
	switch b.Positive() {
	case StringEquals, StringEqualsIgnoreCase:
		fold := b.Positive() == StringEqualsIgnoreCase
		if vals == nil {
			for i, text := range values {
				if text == s || fold && strings.EqualFold(text, s) {
					return r.match(i)
				}
			}
			return r
		}
		for i := range vals {
			v := &vals[i]
			text := v.text
			if v.dyn {
				var buf [256]byte
				t, st := v.tmpl.AppendTextStatus(buf[:0], l)
				if st != variables.Expanded {
					r.noteStatus(i, st)
					continue
				}
				text = bytesString(t)
			}
			if text == s || fold && strings.EqualFold(text, s) {
				return r.match(i)
			}
		}
	case StringLike:
		for i := range vals {
			v := &vals[i]
			switch {
			case v.escd:
				if wildcard.MatchEscaped(v.text, s) {
					return r.match(i)
				}
			case !v.dyn:
				if v.shape.Of(v.text).Match(s) {
					return r.match(i)
				}
			default:
				var buf [256]byte
				p, st := v.tmpl.AppendPatternStatus(buf[:0], l)
				if st != variables.Expanded {
					r.noteStatus(i, st)
					continue
				}
				if wildcard.MatchEscaped(bytesString(p), s) {
					return r.match(i)
				}
			}
		}
	}
	return r
}
