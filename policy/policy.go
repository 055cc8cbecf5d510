package policy

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
)

// Policy is a parsed, validated and compiled policy document. It is
// immutable and safe for concurrent use. Only [Parse] creates one.
//
// Its fields are few and small: a scenario or an account may hold
// hundreds of thousands of policies (issue 15).
type Policy struct {
	id       string // Source.ID
	docID    string // the document's Id element
	typ      Type
	version  versionCode
	file     string
	stmts    []Statement     // carved from one slab, so that they cost one allocation and no slice of pointers
	warnings *diag.ErrorList // nil when there are none
	idx      index
	lines    *lineTable // positions of statements, see Statement.position
}

// versionCode is a policy's Version element: one of the two AWS accepts,
// or none.
type versionCode uint8

const (
	noVersion versionCode = iota
	version2012
	version2008
)

// versionOf returns the code of a Version AWS accepts; any other text is
// an error of the document, which then has no Policy.
func versionOf(text string) versionCode {
	switch text {
	case Version2012:
		return version2012
	case Version2008:
		return version2008
	}
	return noVersion
}

// ID returns the policy's name for explanations, Source.ID ("" when the
// caller gave none).
func (p *Policy) ID() string { return p.id }

// DocumentID returns the document's Id element, "" when absent. It never
// affects a decision.
func (p *Policy) DocumentID() string { return p.docID }

// Type returns where the policy is attached.
func (p *Policy) Type() Type { return p.typ }

// File returns the file name positions refer to ("" for unnamed input).
func (p *Policy) File() string { return p.file }

// Version returns the Version element, "" when absent (which behaves as
// 2008-10-17: policy variables are plain text).
func (p *Policy) Version() string {
	switch p.version {
	case version2012:
		return Version2012
	case version2008:
		return Version2008
	}
	return ""
}

// Statements returns the statements in document order. The slice is a
// copy; the statements themselves are immutable.
func (p *Policy) Statements() []*Statement {
	out := make([]*Statement, len(p.stmts))
	for i := range p.stmts {
		out[i] = &p.stmts[i]
	}
	return out
}

// HasAllow reports whether the policy has an Allow statement. It does not
// allocate.
func (p *Policy) HasAllow() bool {
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect == Allow {
			return true
		}
	}
	return false
}

// Warnings returns findings that AWS accepts but that are likely mistakes,
// sorted by position; nil when there are none. The slice is a copy.
func (p *Policy) Warnings() diag.ErrorList {
	if p.warnings == nil {
		return nil
	}
	return append(diag.ErrorList(nil), *p.warnings...)
}

// Statement is one compiled statement of a [Policy]. It is immutable.
type Statement struct {
	policy *Policy
	sid    string
	// index, effect and hasCond share one word: a policy cannot have
	// 2^31 statements, as each takes far more than a byte of memory.
	index   int32
	effect  Effect
	hasCond bool // a non-empty Condition element
	// off, endOff and elemOff are offsets into the document text, which
	// fit in an int32 (see maxDocument): as ints they would make a
	// statement 152 bytes rather than 128, and W3's statement slab the
	// 4 KiB size class rather than 3.375 KiB.
	off    int32 // of the opening brace in the document text; see lineTable
	endOff int32 // of the closing brace

	principal *principalSet // nil: no Principal or NotPrincipal element
	actions   actionSet
	resources resourceSet
	cond      condition.Block

	// elemOff holds, by Part, where the Principal/NotPrincipal, Action/
	// NotAction, Resource/NotResource and Condition keys are written (the
	// statement's own offset for an absent element); clauseOff points to
	// where the key of each condition clause is written, cond.Len()
	// offsets in Block order (see clauseOffsets), int32s like the others
	// (half the parser's position slab): a pointer rather than a slice
	// keeps a statement small (128 bytes). They are offsets into the
	// document text, turned into positions only when asked for (see
	// lineTable), so that a statement stays small.
	elemOff [PartCondition]int32 // by Part - 1: PartNone has no element

	clauseOff *int32
}

// clauseOffsets returns where the key of each condition clause is
// written, in Block order.
func (s *Statement) clauseOffsets() []int32 {
	if s.clauseOff == nil {
		return nil
	}
	return unsafe.Slice(s.clauseOff, s.cond.Len())
}

// position returns the file position of the document offset off.
func (s *Statement) position(off int) diag.Position {
	if s.policy == nil || s.policy.lines == nil {
		return diag.Position{}
	}
	return s.policy.lines.pos(off)
}

// Index returns the 0-based position of the statement in its policy.
func (s *Statement) Index() int { return int(s.index) }

// Sid returns the statement's Sid, "" when absent. It never affects a
// decision (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
func (s *Statement) Sid() string { return s.sid }

// Resources returns the entries of the statement's Resource or NotResource
// element as written (not reports NotResource), or nil when it has
// neither. Analyses use them as example resources a statement covers.
func (s *Statement) Resources() (entries []string, not bool) {
	if !s.resources.present {
		return nil, false
	}
	out := make([]string, len(s.resources.entries()))
	ents := s.resources.entries()
	for i := range ents {
		out[i] = ents[i].text
	}
	return out, s.resources.not
}

// MayMatchService reports whether the statement's Action or NotAction
// element can hold for some action of the service (a lower-case prefix
// such as "s3"): it names the service, has a "*" entry or is NotAction.
// Analyses use it to skip statements that cannot bear on a service.
func (s *Statement) MayMatchService(service string) bool {
	return s.actions.mayMatchService(service)
}

// Effect returns Allow or Deny.
func (s *Statement) Effect() Effect { return s.effect }

// ElementPos returns where the element that part names is written: the
// key of Principal or NotPrincipal, Action or NotAction, Resource or
// NotResource, or Condition. For an absent element, and for PartNone, it
// is the statement's position.
func (s *Statement) ElementPos(part Part) diag.Position {
	if part > PartNone && int(part) <= len(s.elemOff) {
		return s.position(int(s.elemOff[part-1]))
	}
	return s.position(int(s.off))
}

// ClausePos returns where the condition key of clause i (in the order of
// the statement's condition.Block, which is the order of
// condition.Trace.Clauses[].Index) is written; the Condition element's
// position when i is out of range.
func (s *Statement) ClausePos(i int) diag.Position {
	if offs := s.clauseOffsets(); i >= 0 && i < len(offs) {
		return s.position(int(offs[i]))
	}
	return s.ElementPos(PartCondition)
}

// Pos returns the position of the statement's opening brace, from which
// package simulate derives the policy simulator's StartPosition.
func (s *Statement) Pos() diag.Position { return s.position(int(s.off)) }

// End returns the position of the statement's closing brace (the last
// character of the statement, inclusive), from which package simulate
// derives the policy simulator's EndPosition.
func (s *Statement) End() diag.Position { return s.position(int(s.endOff)) }

// maxDocument is the length of the longest document Parse accepts: a
// statement keeps offsets into the text as int32 (see Statement). AWS
// caps policies far below it (6,144 characters for a managed policy,
// 20 KB for an S3 bucket policy); a longer text gets an error rather
// than offsets that wrap.
const maxDocument = math.MaxInt32

// docTooLong returns the error for a document of n bytes when n is past
// maxDocument, at pos, the position where the document starts; nil when
// not.
func docTooLong(n int, pos diag.Position) diag.ErrorList {
	if n <= maxDocument {
		return nil
	}
	return diag.ErrorList{{Pos: pos, Kind: ErrValue, Msg: fmt.Sprintf("document of %d bytes is longer than the %d bytes a policy may have", n, maxDocument)}}
}

// Policy returns the policy the statement belongs to.
func (s *Statement) Policy() *Policy { return s.policy }
