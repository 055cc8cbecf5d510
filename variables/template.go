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
	// Text kept literal (a malformed variable) is contiguous with the
	// literal text around it, so every literal part is a run of s and
	// shares its memory: lit is where the pending run starts.
	lit, pos := 0, 0
	for {
		i := strings.Index(s[pos:], "${")
		if i < 0 {
			break
		}
		i += pos
		j := strings.IndexByte(s[i+2:], '}')
		if j < 0 {
			warnings = append(warnings, "unclosed \"${\" is taken as literal text")
			break
		}
		end := i + 2 + j + 1
		p, warn := parseBody(s[i+2 : end-1])
		if warn != "" {
			warnings = append(warnings, warn)
		} else {
			if parts == nil {
				// Every "${" starts with a '$': counting the byte
				// (vectorised) bounds the variables left without
				// searching for the pair. A variable takes at least
				// four bytes ("${x}"), which bounds them too when
				// the text is mostly '$'.
				vars := min(strings.Count(s[i:], "$"), len(s[i:])/4+1)
				parts = make([]part, 0, 2*vars+1)
			}
			if i > lit {
				parts = append(parts, part{kind: literalText, text: s[lit:i]})
			}
			parts = append(parts, p)
			lit = end
		}
		pos = end
	}
	if parts != nil && lit < len(s) {
		parts = append(parts, part{kind: literalText, text: s[lit:]})
	}
	t.parts = parts // a valid variable was found, or nil
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

// OnlyKey returns the lower-case key of the template's one variable, and
// false when it has no variable or more than one. It does not allocate.
func (t Template) OnlyKey() (string, bool) {
	key, n := "", 0
	for _, p := range t.parts {
		if p.kind == variable {
			key = p.text
			n++
		}
	}
	return key, n == 1
}

// AllKeysSet reports whether l has a value for every variable key the
// template refers to, defaults aside: false exactly when [Template.Keys]
// lists a key that l lacks. It does not allocate.
func (t Template) AllKeysSet(l Lookup) bool {
	for _, p := range t.parts {
		if p.kind == variable {
			if l == nil {
				return false
			}
			if _, ok := l.LookupVariable(p.text); !ok {
				return false
			}
		}
	}
	return true
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

// MaxExpansion is the expansion budget: the most bytes one policy value
// may hold once its variables are expanded (for a pattern, once escaped).
// No value AWS evaluates comes near it: the largest policy AWS accepts is
// 32 KB (a KMS key policy), tag values are at most 256 characters and ARNs
// 2,048. It bounds the memory one evaluation takes however a policy
// repeats a variable and however long its value: past it the expansion
// stops and reports [OverBudget].
const MaxExpansion = 64 << 10

// Status says how an expansion ended.
type Status uint8

const (
	// Expanded: the text is complete.
	Expanded Status = iota
	// Unresolved: a variable has no value and no default
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html);
	// the policy value matches nothing.
	Unresolved
	// OverBudget: the text would be longer than MaxExpansion. What it
	// would match cannot be known; conditions fail closed on it.
	OverBudget
)

// AppendText appends the expanded text to dst. It reports false when a
// variable has no value and no default
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html),
// or when the text would exceed [MaxExpansion]; dst is then returned as it
// was. [Template.AppendTextStatus] tells the two apart.
func (t Template) AppendText(dst []byte, l Lookup) ([]byte, bool) {
	out, st := t.AppendTextStatus(dst, l)
	return out, st == Expanded
}

// AppendTextStatus is [Template.AppendText] reporting how the expansion
// ended; dst is returned as it was unless the status is Expanded.
func (t Template) AppendTextStatus(dst []byte, l Lookup) ([]byte, Status) {
	if t.parts == nil {
		return append(dst, t.raw...), Expanded
	}
	n := len(dst)
	for _, p := range t.parts {
		text := p.text
		if p.kind == variable {
			v, ok := lookup(l, p)
			if !ok {
				return dst[:n], Unresolved
			}
			text = v
		}
		if len(dst)-n+len(text) > MaxExpansion {
			return dst[:n], OverBudget
		}
		dst = append(dst, text...)
	}
	return dst, Expanded
}

// AppendPattern appends the expansion to dst as an escaped glob for
// internal/wildcard.MatchEscaped: the policy's own "*" and "?" remain
// wildcards, while variable values and ${*}, ${?}, ${$} are literal. It
// reports false, leaving dst as it was, when a variable has no value and
// no default or the pattern would exceed [MaxExpansion];
// [Template.AppendPatternStatus] tells the two apart.
func (t Template) AppendPattern(dst []byte, l Lookup) ([]byte, bool) {
	out, st := t.AppendPatternStatus(dst, l)
	return out, st == Expanded
}

// AppendPatternStatus is [Template.AppendPattern] reporting how the
// expansion ended; dst is returned as it was unless the status is
// Expanded.
func (t Template) AppendPatternStatus(dst []byte, l Lookup) ([]byte, Status) {
	n := len(dst)
	if t.parts == nil {
		return wildcard.AppendEscapePolicyText(dst, t.raw), Expanded
	}
	for _, p := range t.parts {
		// An escaped byte takes at most two bytes: checking twice the
		// length first keeps the buffer within twice the budget.
		var text string
		switch p.kind {
		case literalText, fixed:
			text = p.text
		case variable:
			v, ok := lookup(l, p)
			if !ok {
				return dst[:n], Unresolved
			}
			text = v
		}
		if len(dst)-n+len(text) > MaxExpansion {
			return dst[:n], OverBudget
		}
		if p.kind == literalText {
			dst = wildcard.AppendEscapePolicyText(dst, text)
		} else {
			dst = wildcard.AppendEscape(dst, text)
		}
		if len(dst)-n > 2*MaxExpansion {
			return dst[:n], OverBudget
		}
	}
	return dst, Expanded
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
