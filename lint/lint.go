package lint

import (
	"slices"

	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// Check validates the policy document src of type s.Type and returns
// every finding, sorted by position: the grammar errors and warnings of
// [policy.Parse] and the findings of this package's checks, together, so
// that one run reports everything. Checks that need a statement to be
// readable skip what cannot be read (package policy reports it). Positions
// are relative to s.File, starting at s.Base, as in policy.Parse.
func Check(src []byte, s policy.Source) []Finding {
	// One copy of the document serves both readings.
	return CheckString(string(src), s)
}

// CheckString is [Check] for a document held in a string, which it does
// not copy: a caller that read the document as bytes can convert it once
// and let the bytes go (issue 15).
//
// At most [diag.MaxErrors] findings are kept; past them, the last finding
// (TOO_MANY_FINDINGS, with the severity of the gravest left out) counts
// the rest.
func CheckString(text string, s policy.Source) []Finding {
	var out []Finding
	var left omission
	errs, warns := policy.CheckString(text, s)
	for _, e := range errs {
		if o := omitted(e); o != nil {
			left.add(o.Count, Error, e.Pos)
			continue
		}
		out = append(out, fromPolicy(e))
	}
	for _, w := range warns {
		if o := omitted(w); o != nil {
			left.add(o.Count, Warning, w.Pos)
			continue
		}
		if f, keep := fromPolicyWarning(w); keep {
			out = append(out, f)
		}
	}
	out, left = lintFindings(text, s, out, left)
	if left.count > 0 {
		out = append(out, left.finding())
	}
	sortFindings(out)
	return out
}

// lintFindings runs this package's checks on text, read leniently, and
// returns out with their findings appended, unsorted, and left with the
// findings past diag.MaxErrors added.
func lintFindings(text string, s policy.Source, out []Finding, left omission) ([]Finding, omission) {
	d := readDocument(text, s)
	if d == nil {
		return out, left
	}
	c := checker{doc: d, cat: catalog.Default(), out: out, left: left}
	c.run()
	return c.out, c.left
}

// checker runs the checks over one document and collects findings.
type checker struct {
	doc *document
	cat *catalog.Catalog // nil: no checks against the catalogue
	out []Finding
	// left counts the findings past diag.MaxErrors, which are not kept.
	left omission
	// matched holds the actions each Action entry text matches (see
	// matchActions).
	matched map[string]*entryActions
	// serviceKeys caches serviceSupports.
	serviceKeys map[serviceKey]bool
	// typeServices holds the service segment of each ARN format of a
	// resource type, "" for a placeholder (see typeNamesService).
	typeServices map[*catalog.ResourceType][]string
	// near holds the "did you mean" of each unknown name asked (see
	// suggest).
	near map[string]string
}

// add records a finding at it with the severity of code's rule.
func (c *checker) add(code string, at item, msg, fix string) {
	c.addSev(code, rules[code].Severity, at, msg, fix)
}

// addSev records a finding with an explicit severity.
func (c *checker) addSev(code string, sev Severity, at item, msg, fix string) {
	if c.full() {
		c.left.add(1, sev, c.doc.pos(at.off))
		return
	}
	if len(c.out) == cap(c.out) {
		// Doubled rather than grown by a quarter as append grows large
		// slices: a document of 3,000,000 findings copied them 20 times.
		c.out = slices.Grow(c.out, max(len(c.out), 16))
	}
	c.out = append(c.out, Finding{Code: code, Severity: sev, Pos: c.doc.pos(at.off), Path: at.fullPath(), Message: msg, Fix: fix})
}

// full reports whether the findings kept have reached diag.MaxErrors:
// later ones are only counted, so checks need not word them.
func (c *checker) full() bool { return len(c.out) >= diag.MaxErrors }

// run runs every check.
func (c *checker) run() {
	c.checkVersion()
	for _, s := range c.doc.stmts {
		c.checkGrants(s)
		c.checkRedundantEntries(s)
		c.checkCatalog(s)
	}
	c.checkRedundantStatements()
}

// checkVersion reports a missing Version (an RCP without one is already
// an error of package policy).
func (c *checker) checkVersion() {
	if c.doc.hasVer || c.doc.typ == policy.RCP {
		return
	}
	c.add(codeMissingVersion, item{off: c.doc.rootOff},
		"the policy has no \"Version\": policy variables such as ${aws:username} are read as plain text",
		"add \"Version\": \"2012-10-17\"")
}
