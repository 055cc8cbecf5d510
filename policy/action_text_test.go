package policy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestActionMatchingLongNames checks that actions too long for the inline
// copy of the request action (actionText) match exactly as short ones do:
// literal entries, prefix globs, general globs and other services, for
// both sides of the size limit.
func TestActionMatchingLongNames(t *testing.T) {
	t.Parallel()
	for _, n := range []int{actionTextSize - 10, actionTextSize - 3, actionTextSize - 2, actionTextSize + 1, actionTextSize + 20} {
		name := "Do" + strings.Repeat("X", n-len("svc:Do"))
		action := "svc:" + name
		p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
		  {"Sid": "Exact", "Effect": "Allow", "Action": "SVC:`+strings.ToLower(name)+`", "Resource": "*"},
		  {"Sid": "Prefix", "Effect": "Deny", "Action": "svc:Do*", "Resource": "*"}]}`)
		q := newRequest(t, alice(t), action, "*", nil)
		assert.Equal(t, len(q.prep.lower) <= actionTextSize, q.prep.text.inline(), "length %d: inline copy only when it fits", len(action))
		assert.Equal(t, Outcome{Allow: true, Deny: true}, p.Eval(q, nil), "length %d: reference_policies_elements_action.md actions match ignoring case", len(action))
		assert.Equal(t, Outcome{Allow: true, Deny: true}, p.Eval(q, &recorder{}), "length %d: explain agrees", len(action))

		other := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
		  {"Effect": "Allow", "Action": ["svc:`+name+`X", "svc:Do?"], "Resource": "*"},
		  {"Effect": "Allow", "Action": "svcx:`+name+`", "Resource": "*"},
		  {"Effect": "Deny", "Action": "svc:Do*Y", "Resource": "*"}]}`)
		assert.Equal(t, Outcome{}, other.Eval(q, nil), "length %d: longer name, other service, other glob: no match", len(action))
	}
}
