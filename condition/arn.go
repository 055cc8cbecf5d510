package condition

import (
	"errors"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// arnValue is a compiled Arn* policy value: six component globs, fixed or
// expanded per request.
type arnValue struct {
	tmpl  variables.Template // dyn: expanded per request, then split
	dyn   bool
	ok    bool                // the fixed value has six components
	parts [6]wildcard.Pattern // fixed, plain globs (when !escd)
	esc   [6]string           // fixed, escaped globs (when escd)
	escd  bool
}

// errNotARN is the warning for a policy value with fewer than six
// components: it matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
var errNotARN = errors.New("value has fewer than six colon-separated components: it matches no ARN")

// splitEscaped splits the escaped glob s at its first five colons; a colon
// right after a backslash is escaped and not a separator.
func splitEscaped(s string) ([6]string, bool) {
	var parts [6]string
	n, start := 0, 0
	for i := 0; i < len(s) && n < 5; i++ {
		switch s[i] {
		case '\\':
			i++
		case ':':
			parts[n] = s[start:i]
			n++
			start = i + 1
		}
	}
	if n < 5 {
		return [6]string{}, false
	}
	parts[5] = s[start:]
	return parts, true
}

// compileARN compiles the policy values of an Arn* clause and warns about
// fixed values that can never match. ArnEquals and
// ArnLike are the same operator: every component is a glob
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func compileARN(values []string, mode variables.Mode) ([]arnValue, []*ValueError) {
	out := make([]arnValue, len(values))
	var warns []*ValueError
	for i, v := range values {
		t, w := variables.Parse(v, mode)
		warns = appendTemplateWarnings(warns, i, w)
		av := arnValue{tmpl: t}
		switch {
		case isDynamic(t):
			av.dyn = true
		case t.HasVariables():
			av.esc, av.ok = splitEscaped(fixedPattern(t))
			av.escd = true
		default:
			var parts [6]string
			parts, av.ok = arn.Split(t.Raw())
			for k, p := range parts {
				av.parts[k] = wildcard.Compile(p)
			}
		}
		if !av.dyn && !av.ok {
			warns = append(warns, &ValueError{Index: i, Err: errNotARN})
		}
		out[i] = av
	}
	return out, warns
}

// matchARN tests the request ARN s against the policy values, component by
// component, so that * never crosses a colon between components.
func matchARN(vals []arnValue, s string, l Lookup) pairResult {
	req, ok := arn.Split(s)
	if !ok {
		return badRequest
	}
	r := noMatch
	for i := range vals {
		v := &vals[i]
		if v.dyn {
			var buf [256]byte
			p, st := v.tmpl.AppendPatternStatus(buf[:0], l)
			if st != variables.Expanded {
				r.noteStatus(i, st)
				continue
			}
			esc, ok := splitEscaped(bytesString(p))
			if ok && matchEscapedParts(&esc, &req) {
				return r.match(i)
			}
			continue
		}
		if !v.ok {
			continue
		}
		if v.escd {
			if matchEscapedParts(&v.esc, &req) {
				return r.match(i)
			}
			continue
		}
		if matchParts(&v.parts, &req) {
			return r.match(i)
		}
	}
	return r
}

func matchParts(p *[6]wildcard.Pattern, req *[6]string) bool {
	for k := range p {
		if !p[k].Match(req[k]) {
			return false
		}
	}
	return true
}

func matchEscapedParts(p, req *[6]string) bool {
	for k := range p {
		if !wildcard.MatchEscaped(p[k], req[k]) {
			return false
		}
	}
	return true
}
