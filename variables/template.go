package variables

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// Mode decides whether "${" starts a variable.
type Mode uint8

const (
	// Substitute is the behaviour of "Version": "2012-10-17" policies:
	// ${...} is a policy variable.
	Substitute Mode = iota
	// Literal is the behaviour of "Version": "2008-10-17" policies and of
	// policies without a Version: ${...} is ordinary text.
	Literal
)

// Lookup supplies variable values. Keys are passed in lower case.
// Implementations report false for absent keys and for multivalued keys,
// which cannot be used as variables.
type Lookup interface {
	LookupVariable(key string) (string, bool)
}

// partKind says what a template part is.
type partKind uint8

const (
	literalText partKind = iota // policy text, wildcards keep their meaning
	variable                    // ${key} or ${key, 'default'}
	fixed                       // ${*}, ${?} or ${$}: a literal character
)

type part struct {
	kind       partKind
	text       string // literalText: the text; fixed: the character; variable: the key in lower case
	name       string // variable: the key as written, for messages
	def        string // variable: the default
	hasDefault bool
}

// Template is a parsed policy value. The zero Template is the empty
// literal. A Template is immutable and safe for concurrent use.
type Template struct {
	raw   string
	parts []part // nil when the template is a plain literal
}

// Parse parses s under mode m. It never fails: text that is not a
// well-formed variable stays literal, and the returned warnings say where
// (an unclosed "${", an empty "${}", a malformed default).
func Parse(s string, m Mode) (Template, []string) {
	t := Template{raw: s}
	if m == Literal || !strings.Contains(s, "${") {
		return t, nil
	}
	var warnings []string
	var parts []part
	lit := strings.Builder{}
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{kind: literalText, text: lit.String()})
			lit.Reset()
		}
	}
	rest := s
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			lit.WriteString(rest)
			break
		}
		lit.WriteString(rest[:i])
		body := rest[i+2:]
		j := strings.IndexByte(body, '}')
		if j < 0 {
			warnings = append(warnings, "unclosed \"${\" is taken as literal text")
			lit.WriteString(rest[i:])
			break
		}
		p, warn := parseBody(body[:j])
		if warn != "" {
			warnings = append(warnings, warn)
			lit.WriteString(rest[i : i+2+j+1])
		} else {
			flush()
			parts = append(parts, p)
		}
		rest = body[j+1:]
	}
	flush()
	for _, p := range parts {
		if p.kind != literalText {
			t.parts = parts
			break
		}
	}
	return t, warnings
}

// parseBody parses what stands between "${" and "}".
func parseBody(body string) (part, string) {
	switch body {
	case "*", "?", "$":
		return part{kind: fixed, text: body}, ""
	}
	key, def, hasDefault := body, "", false
	if k, d, ok := strings.Cut(body, ","); ok {
		key = k
		d = strings.TrimSpace(d)
		if len(d) < 2 || d[0] != '\'' || d[len(d)-1] != '\'' || strings.Count(d, "'") != 2 {
			return part{}, "malformed default in \"${" + body + "}\": expected ${key, 'default'}; taken as literal text"
		}
		def, hasDefault = d[1:len(d)-1], true
	}
	key = strings.TrimSpace(key)
	if key == "" || strings.ContainsAny(key, " \t\n'${") {
		return part{}, "\"${" + body + "}\" is not a variable name; taken as literal text"
	}
	return part{kind: variable, text: strings.ToLower(key), name: key, def: def, hasDefault: hasDefault}, ""
}

// Raw returns the text the template was parsed from.
func (t Template) Raw() string { return t.raw }

// HasVariables reports whether the template refers to any variable or
// fixed character. When it does not, its value is [Template.Raw].
func (t Template) HasVariables() bool { return t.parts != nil }

// Keys returns the lower-case keys of the variables the template refers
// to, in order of appearance.
func (t Template) Keys() []string {
	var keys []string
	for _, p := range t.parts {
		if p.kind == variable {
			keys = append(keys, p.text)
		}
	}
	return keys
}

// Names returns the keys of the variables the template refers to as the
// policy wrote them, in order of appearance: for messages such as "missing
// context key aws:PrincipalTag/team", where [Template.Keys] would say
// "aws:principaltag/team".
func (t Template) Names() []string {
	var names []string
	for _, p := range t.parts {
		if p.kind == variable {
			names = append(names, p.name)
		}
	}
	return names
}

// AppendText appends the expanded text to dst. It reports false when a
// variable has no value and no default (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html); dst is then
// returned as it was.
func (t Template) AppendText(dst []byte, l Lookup) ([]byte, bool) {
	if t.parts == nil {
		return append(dst, t.raw...), true
	}
	n := len(dst)
	for _, p := range t.parts {
		switch p.kind {
		case literalText, fixed:
			dst = append(dst, p.text...)
		case variable:
			v, ok := lookup(l, p)
			if !ok {
				return dst[:n], false
			}
			dst = append(dst, v...)
		}
	}
	return dst, true
}

// AppendPattern appends the expansion to dst as an escaped glob for
// internal/wildcard.MatchEscaped: the policy's own "*" and "?" remain
// wildcards, while variable values and ${*}, ${?}, ${$} are literal. It
// reports false, leaving dst as it was, when a variable has no value and
// no default.
func (t Template) AppendPattern(dst []byte, l Lookup) ([]byte, bool) {
	n := len(dst)
	if t.parts == nil {
		return wildcard.AppendEscapePolicyText(dst, t.raw), true
	}
	for _, p := range t.parts {
		switch p.kind {
		case literalText:
			dst = wildcard.AppendEscapePolicyText(dst, p.text)
		case fixed:
			dst = wildcard.AppendEscape(dst, p.text)
		case variable:
			v, ok := lookup(l, p)
			if !ok {
				return dst[:n], false
			}
			dst = wildcard.AppendEscape(dst, v)
		}
	}
	return dst, true
}

// Expand returns the expanded text, or false when a variable has no value
// and no default. It allocates; the request path uses [Template.AppendText].
func (t Template) Expand(l Lookup) (string, bool) {
	if t.parts == nil {
		return t.raw, true
	}
	b, ok := t.AppendText(nil, l)
	return string(b), ok
}

// lookup resolves one variable, falling back to its default.
func lookup(l Lookup, p part) (string, bool) {
	if l != nil {
		if v, ok := l.LookupVariable(p.text); ok {
			return v, true
		}
	}
	return p.def, p.hasDefault
}
