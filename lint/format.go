package lint

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/iameval/iameval/internal/workflow"
)

// Format is an output format of [Write].
type Format string

// The output formats.
const (
	Text   Format = "text"   // one "file:line:col: severity: path: message [CODE]" line per finding
	JSON   Format = "json"   // one JSON object with every finding and a count per severity
	SARIF  Format = "sarif"  // SARIF 2.1.0, for code-scanning tools
	GitHub Format = "github" // GitHub Actions workflow commands (::error file=…,line=…,col=…::)
)

// Formats lists the formats, in the order usage texts show them.
var Formats = []Format{Text, JSON, SARIF, GitHub}

// Write writes the findings in format f.
func Write(w io.Writer, f Format, fs []Finding) error {
	switch f {
	case Text:
		return writeText(w, fs)
	case JSON:
		return writeJSON(w, fs)
	case SARIF:
		return writeSARIF(w, fs)
	case GitHub:
		return writeGitHub(w, fs)
	}
	return fmt.Errorf("unknown format %q", string(f))
}

// writeText writes one line per finding, and "  fix: ..." under it when
// a fix is known.
func writeText(w io.Writer, fs []Finding) error {
	// Written through a buffer line by line, not built whole first: the
	// report of 3,000,000 findings is 400 MB of text (issue 15).
	bw := bufio.NewWriterSize(w, 64<<10)
	var line []byte
	for i := range fs {
		line = append(fs[i].appendText(line[:0]), '\n')
		if fs[i].Fix != "" {
			line = append(line, "\tfix: "...)
			line = append(line, fs[i].Fix...)
			line = append(line, '\n')
		}
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// jsonFinding is a finding as the JSON format writes it.
type jsonFinding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix,omitempty"`
	Link     string   `json:"link,omitempty"`
}

// writeJSON writes {"findings": [...], "counts": {"ERROR": n, ...}}.
func writeJSON(w io.Writer, fs []Finding) error {
	out := struct {
		Findings []jsonFinding  `json:"findings"`
		Counts   map[string]int `json:"counts"`
	}{Findings: make([]jsonFinding, 0, len(fs)), Counts: map[string]int{}}
	n := Count(fs)
	for s := Suggestion; s <= Error; s++ {
		out.Counts[s.String()] = n[s]
	}
	for i := range fs {
		f := &fs[i]
		out.Findings = append(out.Findings, jsonFinding{
			File: fileName(f.Pos.File), Line: f.Pos.Line, Column: f.Pos.Column,
			Severity: f.Severity, Code: f.Code, Path: f.Path, Message: f.Message, Fix: f.Fix,
			Link: rules[f.Code].Link,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// fileName returns the file name findings print, "<input>" for none.
func fileName(f string) string {
	if f == "" {
		return "<input>"
	}
	return f
}

// writeGitHub writes one workflow command per finding: ::error for
// errors, ::warning for security and other warnings, ::notice for
// suggestions
// (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
func writeGitHub(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for i := range fs {
		f := &fs[i]
		cmd := "warning"
		switch f.Severity {
		case Error:
			cmd = "error"
		case Suggestion:
			cmd = "notice"
		}
		msg := f.Message
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		if f.Fix != "" {
			msg += "\nfix: " + f.Fix
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd,
			ghProperty(fileName(f.Pos.File)), f.Pos.Line, f.Pos.Column,
			ghProperty(f.Severity.String()+" "+f.Code), ghData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes the message of a workflow command.
func ghData(s string) string { return workflow.Data(s) }

// ghProperty escapes a property value of a workflow command.
func ghProperty(s string) string { return workflow.Property(s) }
