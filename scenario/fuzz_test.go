package scenario_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/scenario"
)

// FuzzLoad checks that Load never panics, that every problem it reports is
// positioned inside the input with a line and column that agree with the
// offset, and that a file that loads also runs.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"testdata/scenarios", sharedConformance} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(exampleScenario))
	f.Add([]byte(`[{"principal": "*", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}]`))
	f.Add([]byte("\uFEFF[{\"principal\": \"*\", \"action\": \"s3:GetObject\", \"resource\": \"*\", \"expect\": \"x\"}]"))
	f.Add([]byte(`{"cases": [], "policies": {"identity": ["{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\"}}"]}}`))
	noFiles := func(path string) ([]byte, error) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := scenario.Load("f.json", src, noFiles)
		if err != nil {
			var list diag.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %v", err)
			}
			for _, e := range list {
				checkPosition(t, src, e)
			}
			if file == nil {
				t.Fatalf("Load returned no File with its error")
			}
		}
		// A file with problems still runs: one result per case, plus one
		// for the problems outside any case.
		rep := file.Run()
		want := len(file.Cases)
		if len(file.Errors) > 0 {
			want++
		}
		if len(rep.Results) != want || rep.Passed+rep.Failed+rep.Errors != want {
			t.Fatalf("report has %d results (%d+%d+%d) for %d cases and %d file problems", len(rep.Results), rep.Passed, rep.Failed, rep.Errors, len(file.Cases), len(file.Errors))
		}
		if (err == nil) != (rep.Errors == 0) {
			t.Fatalf("Load error %v but %d error results", err, rep.Errors)
		}
	})
}

// checkPosition fails when e is not positioned inside src.
func checkPosition(t *testing.T, src []byte, e *diag.Error) {
	t.Helper()
	p := e.Pos
	if p.File != "f.json" {
		t.Fatalf("%v: file %q, want f.json", e, p.File)
	}
	if p.Offset < 0 || p.Offset > len(src) {
		t.Fatalf("%v: offset %d outside the input (%d bytes)", e, p.Offset, len(src))
	}
	if !utf8.Valid(src) {
		return // line and column are only defined for text
	}
	before := string(src[:p.Offset])
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	if line == 1 && strings.HasPrefix(before, "\uFEFF") {
		col-- // a byte-order mark at the start of a file takes no column
	}
	if p.Line != line || p.Column != col {
		t.Fatalf("%v: line %d column %d, but offset %d is at %d:%d", e, p.Line, p.Column, p.Offset, line, col)
	}
}
