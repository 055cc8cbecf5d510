package condition

import (
	"errors"
	"unsafe"

	"github.com/iameval/iameval/variables"
)

// noValues is a Lookup with no keys, used to expand templates that hold only
// the fixed variables ${*}, ${?} and ${$}.
type noValues struct{}

func (noValues) LookupVariable(string) (string, bool) { return "", false }

// isDynamic reports whether t reads request keys, so that it must be
// expanded per request. Templates whose only variables are ${*}, ${?} and
// ${$} expand to fixed text at compile time. A template reads a key
// exactly when a nil Lookup does not set all its keys, which tells
// without collecting them.
func isDynamic(t variables.Template) bool {
	return t.HasVariables() && !t.AllKeysSet(nil)
}

// fixedText returns the expansion of a template that reads no request keys.
func fixedText(t variables.Template) string {
	if !t.HasVariables() {
		return t.Raw()
	}
	s, _ := t.Expand(noValues{})
	return s
}

// fixedPattern returns the escaped glob (for wildcard.MatchEscaped) of a
// template that reads no request keys.
func fixedPattern(t variables.Template) string {
	b, _ := t.AppendPattern(nil, noValues{})
	return string(b)
}

// appendTemplateWarnings turns the warnings of variables.Parse for policy
// value i into value warnings.
func appendTemplateWarnings(dst []*ValueError, i int, warnings []string) []*ValueError {
	for _, w := range warnings {
		dst = append(dst, &ValueError{Index: i, Err: errors.New(w)})
	}
	return dst
}

// bytesString views b as a string without copying. The caller must not
// modify b while the string is in use; it is used only for the expansion
// buffers of a single pair test.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// stringBytes views s as a byte slice without copying. The slice must not
// be modified.
func stringBytes(s string) []byte {
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
