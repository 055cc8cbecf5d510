package scenario

import (
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/principal"
)

// Keys of a CASE.
var caseKeys = []string{
	"name", "principal", "action", "resource", "resourceAccount",
	"context", "policies", "expect", "description", "s3BlockPublicAccess",
}

// defaults is what the file level gives every case.
type defaults struct {
	set          policySet
	principal    principal.Principal
	hasPrincipal bool // the file has a "principal" key (even a broken one)
	ok           bool // the file-level principal and policies loaded
}

// cases reads the list of CASEs at v; path is "cases" for a file object and
// "" for a bare array. A case with problems of its own is kept with them in
// [Case.Err], so that it reports as one error while the others run; the
// problems move from l.errs to l.caseErrs, leaving l.errs to the file.
func (l *loader) cases(v jsonsrc.Value, path string, d defaults) []*Case {
	var out []*Case
	for i, e := range l.doc.Elements(v) {
		p := index(path, i)
		before, problems := len(l.errs), l.count
		// The case's problems are a list of their own (see
		// diag.MaxErrors); the file's list goes on after it.
		fileList := l.list
		l.list = problemList{}
		c := l.readCase(e, p, d)
		last := l.closing()
		l.list = fileList
		if l.count > problems {
			if c == nil {
				c = &Case{Name: p, Pos: l.pos(e.Index), file: l.name}
			}
			c.Err = append(diag.ErrorList(nil), l.errs[before:]...)
			if last != nil {
				c.Err = append(c.Err, last)
			}
			c.Err.Sort()
			c.Policies, c.built = nil, false
			if l.each == nil {
				l.caseErrs = append(l.caseErrs, c.Err...)
			}
			l.errs = l.errs[:before]
		}
		switch {
		case c == nil:
		case l.each != nil:
			l.each(c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// readCase reads one CASE and builds its request. It returns nil when the
// case depends on a broken file-level value, and a case without a request
// when it has problems of its own (recorded in l.errs).
func (l *loader) readCase(v jsonsrc.Value, path string, d defaults) *Case {
	if !isObject(v) {
		l.typeError(v, path, "a case object")
		return nil
	}
	before := l.count
	f := l.fields(v, path, "a case", caseKeys...)
	c := &Case{Name: path, Pos: l.pos(v.Index), file: l.name}
	if m, ok := f["name"]; ok {
		if s, ok := l.nonEmptyStr(m.Value, join(path, "name")); ok {
			c.Name = s
		}
	}
	if m, ok := f["description"]; ok {
		c.Description, _ = l.str(m.Value, join(path, "description"))
	}
	c.Action = l.required(v, f, path, "action")
	c.Resource = l.required(v, f, path, "resource")
	if m, ok := f["resourceAccount"]; ok {
		c.ResourceAccount = l.account(m.Value, join(path, "resourceAccount"))
	}
	if m, ok := f["context"]; ok {
		c.Context, c.Absent, _ = l.context(m.Value, join(path, "context"))
	}
	if m, ok := f["expect"]; ok {
		c.Expect, c.HasExpect = l.expect(m.Value, join(path, "expect"))
	}
	if m, ok := f["s3BlockPublicAccess"]; ok {
		c.S3BlockPublicAccess = l.blockPublicAccess(m.Value, join(path, "s3BlockPublicAccess"))
	}
	set := policySet{}
	if m, ok := f["policies"]; ok {
		set, _ = l.policySet(m.Value, join(path, "policies"))
	}
	if m, ok := f["principal"]; ok {
		c.Principal, _ = l.casePrincipal(m.Value, join(path, "principal"))
	} else if d.hasPrincipal {
		c.Principal = d.principal
	} else {
		l.errorf(v.Index, path, ErrMissing, `missing "principal": give it in the case or at the top of the file`)
	}
	if l.count != before {
		return c
	}
	if c.Principal == nil {
		return nil // the file-level principal is broken
	}
	r, err := c.newRequest()
	if err != nil {
		l.errorf(v.Index, path, ErrValue, "invalid request: %v", err)
		return c
	}
	if !d.ok {
		return nil // the file-level principal or policies are broken
	}
	if l.accts != nil {
		// The accounts' policies for this request come first; the file's
		// and the case's keys replace them key by key.
		c.Policies = merge(policySet{set: *merge(l.accountSet(r), d.set)}, set)
	} else {
		c.Policies = merge(d.set, set)
	}
	if err := c.Policies.Validate(); err != nil {
		l.errorf(v.Index, path, ErrValue, "%v", err)
		return c
	}
	c.built = true
	if l.each != nil {
		c.first.Store(r) // run at once (see Case.first)
	}
	return c
}

// account reads an AWS account ID: exactly 12 decimal digits
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
func (l *loader) account(v jsonsrc.Value, path string) string {
	s, ok := l.str(v, path)
	if !ok {
		return ""
	}
	if len(s) != 12 || strings.Trim(s, "0123456789") != "" {
		l.errorf(v.Index, path, ErrValue, "expected a 12-digit account ID, found %q", s)
		return ""
	}
	return s
}

// required reads a required non-empty string key of a case.
func (l *loader) required(obj jsonsrc.Value, f map[string]jsonsrc.Member, path, key string) string {
	m, ok := f[key]
	if !ok {
		l.errorf(obj.Index, path, ErrMissing, "missing %q", key)
		return ""
	}
	s, _ := l.nonEmptyStr(m.Value, join(path, key))
	return s
}

// expect reads "expect": exactly one of the three EvalDecision values of
// the AWS policy simulator, spelled as they are.
func (l *loader) expect(v jsonsrc.Value, path string) (iameval.Decision, bool) {
	s, ok := l.str(v, path)
	if !ok {
		return 0, false
	}
	for _, d := range []iameval.Decision{iameval.Allowed, iameval.ExplicitDeny, iameval.ImplicitDeny} {
		if d.String() == s {
			return d, true
		}
	}
	l.errorf(v.Index, path, ErrValue, `expected "allowed", "explicitDeny" or "implicitDeny", found %q`, s)
	return 0, false
}
