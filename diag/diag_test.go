package diag

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

var errKind = errors.New("invalid value")

func TestPositionString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		why  string
		pos  Position
		want string
	}{
		{"file, line and column, as compilers print them", Position{File: "p.json", Offset: 9, Line: 2, Column: 3}, "p.json:2:3"},
		{"an unnamed source is <input>", Position{Line: 1, Column: 1}, "<input>:1:1"},
		{"a problem with the whole file has no line", Position{File: "p.json"}, "p.json"},
		{"the zero Position is an unnamed, unknown place", Position{}, "<input>"},
	} {
		assert.Equal(t, tc.want, tc.pos.String(), tc.why)
		assert.Equal(t, "> "+tc.want, string(tc.pos.AppendText([]byte("> "))), "AppendText: %s", tc.why)
	}
}

func TestErrorText(t *testing.T) {
	t.Parallel()
	at := Position{File: "p.json", Offset: 9, Line: 2, Column: 3}
	for _, tc := range []struct {
		why  string
		err  *Error
		want string
	}{
		{"position, path and message", &Error{Pos: at, Path: "Statement[0].Effect", Kind: errKind, Msg: `expected "Allow" or "Deny"`}, `p.json:2:3: Statement[0].Effect: expected "Allow" or "Deny"`},
		{"no path for the document", &Error{Pos: at, Kind: errKind, Msg: "empty"}, "p.json:2:3: empty"},
		{"a warning says so after the position", &Error{Pos: at, Path: "Sid", Kind: AsWarning(errKind), Msg: "repeated"}, "p.json:2:3: warning: Sid: repeated"},
		{"a value built in Go has no position to print", &Error{Path: "ActionNames[2]", Kind: errKind, Msg: "empty"}, "ActionNames[2]: empty"},
		{"a whole-file problem prints the file", &Error{Pos: Position{File: "p.json"}, Kind: errKind, Msg: "cannot read"}, "p.json: cannot read"},
		{"an unnamed source with a line prints <input>", &Error{Pos: Position{Line: 1, Column: 4}, Kind: errKind, Msg: "x"}, "<input>:1:4: x"},
	} {
		assert.Equal(t, tc.want, tc.err.Error(), tc.why)
	}
}

func TestKindsAreFound(t *testing.T) {
	t.Parallel()
	cause := &Error{Pos: Position{Line: 2, Column: 1}, Kind: errKind, Msg: "inner"}
	errOuter := errors.New("invalid policy")
	outer := &Error{Pos: Position{File: "in.json", Line: 3, Column: 5}, Kind: errOuter, Msg: "outer", Cause: cause}
	warn := &Error{Kind: AsWarning(errKind), Msg: "w"}
	list := ErrorList{outer, warn}

	assert.ErrorIs(t, list, errOuter, "a list finds each problem's kind")
	assert.ErrorIs(t, list, errKind, "and the kind of a problem's Cause")
	assert.ErrorIs(t, list, ErrWarning, "and a warning's mark")
	assert.ErrorIs(t, warn, errKind, "a warning keeps its kind")
	assert.NotErrorIs(t, outer, ErrWarning, "an error is not a warning")
	assert.True(t, warn.IsWarning())
	assert.False(t, outer.IsWarning())
	var got *Error
	assert.True(t, errors.As(error(list), &got), "errors.As finds an *Error in a list")
	assert.Same(t, outer, got)
}

func TestListOrder(t *testing.T) {
	t.Parallel()
	mk := func(file string, off int, path, msg string) *Error {
		return &Error{Pos: Position{File: file, Offset: off, Line: 1, Column: off + 1}, Path: path, Kind: errKind, Msg: msg}
	}
	found := func() ErrorList {
		return ErrorList{mk("b.json", 0, "", "b"), mk("a.json", 7, "Z", "2"), mk("a.json", 7, "A", "1"), mk("a.json", 3, "", "x")}
	}
	paths := func(l ErrorList) []string {
		var out []string
		for _, e := range l {
			out = append(out, e.Pos.File+"@"+e.Path+e.Msg)
		}
		return out
	}

	l := found()
	l.Sort()
	assert.Equal(t, []string{"a.json@x", "a.json@A1", "a.json@Z2", "b.json@b"}, paths(l), "Sort: file, offset, then path and message")

	l = found()
	l.SortByPosition()
	assert.Equal(t, []string{"a.json@x", "a.json@Z2", "a.json@A1", "b.json@b"}, paths(l), "SortByPosition: ties keep the order found")
}

func TestListHelpers(t *testing.T) {
	t.Parallel()
	e1 := &Error{Pos: Position{Line: 1, Column: 1}, Kind: errKind, Msg: "one"}
	w := &Error{Pos: Position{Line: 2, Column: 1}, Kind: AsWarning(errKind), Msg: "two"}
	assert.NoError(t, ErrorList(nil).Err(), "an empty list is no error")
	assert.Equal(t, "no errors", ErrorList{}.Error())
	assert.Equal(t, "<input>:1:1: one", ErrorList{e1}.Error())
	assert.Equal(t, "<input>:1:1: one\n<input>:2:1: warning: two", ErrorList{e1, w}.Error(), "one problem per line")
	errs, warns := ErrorList{w, e1}.Split()
	assert.Equal(t, ErrorList{e1}, errs)
	assert.Equal(t, ErrorList{w}, warns)
}
