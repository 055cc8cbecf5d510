package policy

import "github.com/iameval/iameval/internal/wildcard"

// actionText is the lower-case request action ("s3:getobject") copied
// into the prepared request itself. Matching compares Action entries with
// these bytes rather than with a separately allocated string, so that
// evaluating a request reads its action from the cache lines the request
// already occupies; with many requests in flight, a string of its own is
// one more cache miss per evaluation.
type actionText struct {
	n, svc uint8                // length of the text and of its service prefix; n is 0 when the action does not fit
	b      [actionTextSize]byte // the text
}

// actionTextSize makes an actionText 48 bytes, room for the common action
// names; longer ones are compared as strings.
const actionTextSize = 46

// set stores the lower-case action lower whose service prefix is
// lower[:svc], when it fits.
func (t *actionText) set(lower string, svc int) {
	if len(lower) > len(t.b) {
		*t = actionText{}
		return
	}
	t.n, t.svc = uint8(copy(t.b[:], lower)), uint8(svc)
}

// inline reports whether the action is held.
func (t *actionText) inline() bool { return t.n > 0 }

// is reports whether the action is full (lower case). The comparison of
// converted bytes with a string does not allocate.
func (t *actionText) is(full string) bool { return string(t.b[:t.n]) == full }

// serviceIs reports whether the service prefix is svc.
func (t *actionText) serviceIs(svc string) bool { return string(t.b[:t.svc]) == svc }

// nameHasPrefix reports whether the action name starts with p.
func (t *actionText) nameHasPrefix(p string) bool {
	name := t.b[t.svc+1 : t.n]
	return len(name) >= len(p) && string(name[:len(p)]) == p
}

// isAction reports whether the lower-case request action is full.
func (q *prepared) isAction(full string) bool {
	if q.text.inline() {
		return q.text.is(full)
	}
	return q.lower == full
}

// isService reports whether the lower-case service prefix is svc.
func (q *prepared) isService(svc string) bool {
	if q.text.inline() {
		return q.text.serviceIs(svc)
	}
	return q.service == svc
}

// nameMatches reports whether the lower-case action name matches g.
func (q *prepared) nameMatches(g wildcard.Pattern) bool {
	if prefix, ok := g.PrefixOnly(); ok && q.text.inline() {
		return q.text.nameHasPrefix(prefix)
	}
	return g.Match(q.name)
}
