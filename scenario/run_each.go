package scenario

import (
	"slices"

	"github.com/iameval/iameval/diag"
)

// RunEach loads the scenario file at path as [Files.Load] does and runs
// each case as soon as it is read, with [Case.RunBrief] (with [Case.Run]
// when full), handing emit the results in the order [File.Run] reports
// them: the file's own problems first, as one error result, then one
// result per case. A case is not kept once it has run, so that memory
// does not grow with the number of cases: a file of 100,000 cases held
// every principal and request (5 KB a case) before running the first
// (issue 15). The File returned holds the file's title, warnings and
// problems ([File.Errors]) but no cases.
func (f *Files) RunEach(path string, full bool, emit func(Result)) *File {
	text, err := f.readText(path)
	if err != nil {
		file := &File{Name: path, Errors: diag.ErrorList{readError(path, err)}}
		emit(fileErrorResult(path, file.Errors))
		return file
	}
	run := (*Case).RunBrief
	if full {
		run = (*Case).Run
	}
	l := &loader{walker: walker{name: path}, open: f.ReadFile, openText: f.readText}
	started := false
	l.each = func(c *Case) {
		if !started {
			started = true
			// The file's own problems are all known once its cases are
			// reached: they come first.
			if len(l.errs) > 0 {
				errs := slices.Clone(l.problems())
				errs.Sort()
				emit(fileErrorResult(path, errs))
			}
		}
		emit(run(c))
		if f.Meter != nil {
			f.Meter.m.measure(l.sources, c)
		}
	}
	file, _ := l.load(text)
	if !started && len(file.Errors) > 0 {
		emit(fileErrorResult(path, file.Errors))
	}
	return file
}
