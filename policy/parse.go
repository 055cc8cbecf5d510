package policy

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/variables"
)

// The policy versions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html).
const (
	Version2012 = "2012-10-17" // policy variables are substituted
	Version2008 = "2008-10-17" // policy variables are plain text
)

// Parse reads, validates and compiles a policy document. On any problem it
// returns a nil *Policy and a [diag.ErrorList] holding every problem found and
// every warning, sorted by position, so that one run reports everything;
// errors.Is on it finds each problem's kind, [Error.IsWarning] tells the
// warnings apart and [diag.ErrorList.Split] separates them. For a valid
// document the warnings (findings that do not make the policy invalid)
// are in [Policy.Warnings].
//
// Positions are relative to s.File, starting at s.Base.
func Parse(src []byte, s Source) (*Policy, error) {
	return ParseString(string(src), s)
}

// ParseString is [Parse] for a document held in a string, which it does
// not copy: the policy's texts share its memory. A caller that has the
// text as a string, or reads it twice as package lint does, saves a copy
// of the document (issue 15).
func ParseString(src string, s Source) (*Policy, error) {
	pol, problems := parseString(src, s, false)
	if problems != nil {
		return nil, problems
	}
	return pol, nil
}

// CheckString reports the errors and the warnings [ParseString] finds in
// src, sorted by position, without keeping what it compiles: each
// condition clause is compiled to check its values and then dropped, so
// that checking a document of 100,000 condition keys does not hold
// 100,000 compiled clauses (issue 15). Package lint and iameval validate
// check documents with it.
func CheckString(src string, s Source) (errs, warns diag.ErrorList) {
	pol, problems := parseString(src, s, true)
	if problems != nil {
		return problems.Split()
	}
	return nil, pol.Warnings()
}

// parseString is ParseString; with checkOnly, condition clauses are not
// kept (see CheckString) and the statement index is not built. On any
// error it returns a nil policy and every problem and warning, sorted.
func parseString(src string, s Source, checkOnly bool) (*Policy, diag.ErrorList) {
	file := s.File
	if file == "" {
		file = s.Base.File
	}
	// The parser stays on the stack: nothing keeps a pointer to it.
	p := &parser{file: file, typ: s.Type, checkOnly: checkOnly}
	if int(s.Type) >= len(typeNames) {
		return nil, diag.ErrorList{{Pos: p.basePos(s.Base), Kind: ErrValue, Msg: fmt.Sprintf("unknown policy type %d", uint8(s.Type))}}
	}
	if errs := docTooLong(len(src), p.basePos(s.Base)); errs != nil {
		return nil, errs
	}
	base := s.Base
	base.File = file
	doc, err := jsonsrc.Parse(src, base)
	if err != nil {
		return nil, diag.ErrorList{jsonsrc.SyntaxProblem(err, file, ErrSyntax)}
	}
	p.doc = doc
	p.takeScratch()
	// The policy and its line table are allocated together.
	pl := &policyWithLines{Policy: Policy{typ: s.Type, file: file}}
	pol := &pl.Policy
	pol.lines = &pl.lines
	p.document(p.doc.Root(), pol)
	p.closeLimit()
	p.resolve(pl)
	// The walk is over: the next Parse reuses the bracket index and the
	// caches' storage.
	p.doc.Release()
	p.releaseScratch()
	if len(p.errs) > 0 {
		all := append(p.errs, p.warns...)
		all.Sort()
		return nil, all
	}
	if len(p.warns) > 0 {
		p.warns.Sort()
		warns := p.warns
		pol.warnings = &warns
	}
	pol.id = s.ID
	if !checkOnly {
		pol.idx = buildIndex(pol.stmts, s.Type.hasPrincipal(), indexMinStatements)
	}
	return pol, nil
}

// policyWithLines is a Policy with room for its line table, so that
// Parse allocates both at once.
type policyWithLines struct {
	Policy
	lines lineTable
	// starts holds the line starts of a document of a few lines, which
	// would otherwise keep the whole parsed document alive: the parser's
	// jsonsrc.Doc holds them inline (234 bytes a policy kept for 8).
	starts [4]int
}

// parser holds the state of one Parse call.
//
// While walking, positions are byte offsets into the document text kept in
// diag.Position.Offset; resolve turns them all into file positions in one pass
// at the end.
type parser struct {
	doc  *jsonsrc.Doc
	file string
	typ  Type
	// checkOnly: the policy is only checked (CheckString), so condition
	// clauses are compiled for their problems and not kept.
	checkOnly bool
	mode      variables.Mode
	errs      diag.ErrorList
	warns     diag.ErrorList
	// limit keeps the first diag.MaxErrors problems and counts the
	// rest; omittedErrs says an error is among those left out. errCount
	// counts the errors, kept or not.
	limit       diag.Limit
	omittedErrs bool
	errCount    int
	// stmtErrs is the length of errs when the statement being parsed
	// began, and principalErrs says its Principal or NotPrincipal had an
	// error (see rcpRules).
	stmtErrs      int
	principalErrs bool
	// skipped holds the indexes of the elements of the Statement array
	// that are not objects, which make a statement's index in the policy
	// differ from its index in the array (see checkSids).
	skipped []int
	// stmtList reports that Statement is an array.
	stmtList bool

	// items holds the entries of the Action or Resource element being
	// compiled (see actions) when it has a few: a stack array of them
	// would be cleared for every element, 320 bytes each time.
	items [8]strItem
	// condOps holds the operators of the Condition element being
	// compiled (see operators) and condTexts holds the text of a key's
	// values (see keyValues): on condition's stack they would be cleared
	// for every element, about 400 bytes each time.
	condOps   [4]jsonsrc.Member
	condTexts [8]string
	// lastOp is one more than the index in opNames of the operator
	// parsed last, 0 before the first (see parseOperator).
	lastOp int
	// arena holds lower-cased action text; see lower.
	arena []byte
	// opNames and clauses cache parsed operators and compiled clauses;
	// opIndex finds an operator once there are more than scanLimit, and
	// clauseTable finds a clause (see newClause).
	opNames     []opName
	opIndex     map[string]int
	clauses     []cachedClause
	clauseTable []int32 // open addressing: 1 + the index in clauses, or 0
	clauseSeed  maphash.Seed
	// clauseBodies carves the compiled forms of the clauses of a policy
	// of more than one statement (see newClause).
	clauseBodies condition.Clauses
	// scratch is where the caches' storage came from and goes back to
	// (see takeScratch).
	scratch *parseScratch
	// textBuf holds the text of the values of a condition key too long
	// for condTexts (see keyValues).
	textBuf []string
	// Slabs from which statements and entries are carved, to allocate
	// them in a few blocks rather than one by one.
	stmtSlab []Statement
	actSlab  []actionEntry
	resSlab  []resourceEntry
	prinSlab []principalSet // see newPrincipalSet
	// actCarved, resCarved and prinCarved count the entries and
	// principal sets carved so far, which size the next slab.
	actCarved, resCarved, prinCarved int
	// exact: the document has one statement, whose entry lists get
	// slabs of their own length (see reserve).
	exact      bool
	posSlab    []int32            // the clause offsets of statements (see maxDocument), see condition
	clauseSlab []condition.Clause // the clauses of statements, see condition
	// lastActions and lastResources are the few elements compiled without
	// problems that were last shared or compiled, which an element with
	// the same text shares.
	lastActions   lastList[actionEntry]
	lastResources lastList[resourceEntry]
	lastBlocks    lastBlocks // operator blocks, likewise

	// miscased holds the paths of elements written with the wrong case
	// (Statement[0].Effect for "effect"), so that they are not also
	// reported as missing; see noteMiscased.
	miscased map[string]struct{}
}

// basePos returns the position a document starts at.
func (p *parser) basePos(b diag.Position) diag.Position {
	b.File = p.file
	if b.Line == 0 {
		b.Line = 1
	}
	if b.Column == 0 {
		b.Column = 1
	}
	return b
}

// resolve converts the document offsets of every error and warning into
// file positions with a single forward scan of the text. Statements keep
// their offsets: pol.lines positions them when asked, with the same
// arithmetic (see lineTable.pos).
func (p *parser) resolve(pl *policyWithLines) {
	pol := &pl.Policy
	ps := make([]*diag.Position, 0, len(p.errs)+len(p.warns))
	for _, e := range p.errs {
		ps = append(ps, &e.Pos)
	}
	for _, e := range p.warns {
		ps = append(ps, &e.Pos)
	}
	if !slices.IsSortedFunc(ps, cmpOffset) {
		slices.SortStableFunc(ps, cmpOffset)
	}
	start := p.doc.Pos(0)
	src := p.doc.Src()
	starts := p.doc.LineStarts()
	if len(starts) <= len(pl.starts) {
		starts = pl.starts[:copy(pl.starts[:], starts)]
	}
	start.File = p.file // the lineTable's positions name it
	*pol.lines = lineTable{src: src, start: start, ascii: p.doc.ASCII(), starts: starts, bom: int32(p.doc.BOMColumns())}
	if len(ps) == 0 {
		return
	}
	off, line, col := 0, start.Line, start.Column
	nl := nextNewline(src, 0) // the first newline at or after off
	ascii := p.doc.ASCII()    // then columns count bytes
	bom := p.doc.BOMColumns() // columns the first line does not count
	for _, q := range ps {
		target := min(max(q.Offset, 0), len(src))
		if target > off {
			for nl < target {
				line, col, off = line+1, 1, nl+1
				nl = nextNewline(src, off)
			}
			if ascii {
				col += target - off
			} else {
				col += utf8.RuneCountInString(src[off:target])
			}
			off = target
		}
		c := col
		if line == start.Line && bom > 0 {
			c = max(c-bom, 1)
		}
		*q = diag.Position{File: p.file, Offset: start.Offset + target, Line: line, Column: c}
	}
}

// nextNewline returns the offset of the first newline in src at or after
// i, or len(src).
func nextNewline(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// cmpOffset orders positions by offset.
func cmpOffset(a, b *diag.Position) int { return a.Offset - b.Offset }

// errorf records a problem that makes the policy invalid.
func (p *parser) errorf(offset int, at *path, kind error, format string, args ...any) {
	if p.keepError(offset) {
		p.errs = append(p.errs, &diag.Error{Pos: diag.Position{Offset: offset}, Path: at.String(), Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
}

// errorAt records a problem that makes the policy invalid at a formatted
// path.
func (p *parser) errorAt(offset int, at string, kind error, format string, args ...any) {
	if p.keepError(offset) {
		p.errs = append(p.errs, &diag.Error{Pos: diag.Position{Offset: offset}, Path: at, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
}

// keepError counts one more error and reports whether it is kept (see
// diag.MaxErrors); one left out still makes the policy invalid.
func (p *parser) keepError(offset int) bool {
	p.errCount++
	if p.limit.Keep(offset) {
		return true
	}
	p.omittedErrs = true
	return false
}

// warnf records a finding that AWS accepts.
func (p *parser) warnf(offset int, at *path, kind error, format string, args ...any) {
	if p.limit.Keep(offset) {
		p.warns = append(p.warns, &diag.Error{Pos: diag.Position{Offset: offset}, Path: at.String(), Kind: diag.AsWarning(kind), Msg: fmt.Sprintf(format, args...)})
	}
}

// warnAt records a finding that AWS accepts at a formatted path.
func (p *parser) warnAt(offset int, at string, kind error, format string, args ...any) {
	if p.limit.Keep(offset) {
		p.warns = append(p.warns, &diag.Error{Pos: diag.Position{Offset: offset}, Path: at, Kind: diag.AsWarning(kind), Msg: fmt.Sprintf(format, args...)})
	}
}

// closeLimit ends the problems with the one that counts those left out
// (diag.TooMany): an error when an error was left out, else a warning.
func (p *parser) closeLimit() {
	n, first := p.limit.Omitted()
	if n == 0 {
		return
	}
	last := diag.TooMany(diag.Position{Offset: first}, n, !p.omittedErrs)
	if p.omittedErrs {
		p.errs = append(p.errs, last)
	} else {
		p.warns = append(p.warns, last)
	}
}

// noteMiscased records that the element at path (Statement[0].Effect) is
// written with the wrong case. A set keeps missingf's look-up constant
// time however many statements are miscased.
func (p *parser) noteMiscased(path string) {
	if p.miscased == nil {
		p.miscased = make(map[string]struct{})
	}
	p.miscased[path] = struct{}{}
}

// missingf reports a missing element, unless one of names is present with
// the wrong case, which was reported already.
func (p *parser) missingf(offset int, at *path, names []string, format string, args ...any) {
	if len(p.miscased) > 0 {
		for _, n := range names {
			c := at.Child(n)
			if _, ok := p.miscased[c.String()]; ok {
				return
			}
		}
	}
	p.errorf(offset, at, ErrMissing, format, args...)
}

// typeError reports that v is not of the expected shape.
func (p *parser) typeError(v jsonsrc.Value, at *path, want string) {
	p.errorf(v.Index, at, ErrType, "expected %s, found %s", want, p.describe(v))
}

// describe names the JSON type of v for messages; see
// [jsonsrc.Doc.Describe].
func (p *parser) describe(v jsonsrc.Value) string { return p.doc.Describe(v) }
