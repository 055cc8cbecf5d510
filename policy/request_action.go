package policy

import (
	"fmt"
	"unicode/utf8"
)

// CheckRequestAction reports why action cannot be the action of a request,
// or nil. A request names one action as "service:Name" in the alphabet of
// the Service Authorization Reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html):
// the service prefix is ASCII letters, digits and '-' (AWS spells it in
// lower case; matching ignores case), the action name ASCII letters,
// digits, '-' and '_'. Anything else — a wildcard, a blank, a control,
// format or non-ASCII character such as a zero-width space or the Kelvin
// sign — names no AWS action: it is refused rather than decided, since a
// wildcard Allow would match it while a literal Deny of the action it
// imitates would not.
func CheckRequestAction(action string) error {
	colon := -1
	for i := 0; i < len(action); i++ {
		c := action[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
		case c == '_' && colon >= 0:
		case c == ':' && colon < 0:
			colon = i
		case c == '*' || c == '?':
			return fmt.Errorf("action %+q is not of the form service:Name: a request names one action, without wildcards", action)
		default:
			return fmt.Errorf("action %+q is not of the form service:Name: %s at byte %d is outside AWS's action alphabet (ASCII letters, digits, '-', '_')", action, quoteByteAt(action, i), i)
		}
	}
	if colon <= 0 || colon == len(action)-1 {
		return fmt.Errorf("action %+q is not of the form service:Name", action)
	}
	return nil
}

// quoteByteAt quotes the character that starts at byte i of s for an error
// message, escaping what is not printable.
func quoteByteAt(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x (not UTF-8)", s[i])
	}
	return fmt.Sprintf("%+q", r)
}
