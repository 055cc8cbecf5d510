// Package workflow writes GitHub Actions workflow commands, the
// "::error file=F,line=L,col=C,title=T::message" lines that a workflow run
// turns into annotations on the lines of a pull request
// (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
// The iameval command uses it for validate's findings and test's failures.
package workflow

import (
	"fmt"
	"io"
	"strings"
)

// Annotation is one workflow command that annotates a place in a file.
type Annotation struct {
	// Level is "error", "warning" or "notice".
	Level string
	// File, Line and Column say where; File "" leaves the place out.
	File         string
	Line, Column int
	// Title is the annotation's title; Message its text, which may span
	// several lines.
	Title, Message string
}

// Write writes a as one line to w, escaping its properties and message as
// the runner expects.
func Write(w io.Writer, a Annotation) error {
	var props []string
	if a.File != "" {
		props = append(props, "file="+Property(a.File))
		if a.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", a.Line))
			if a.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", a.Column))
			}
		}
	}
	if a.Title != "" {
		props = append(props, "title="+Property(a.Title))
	}
	sep := ""
	if len(props) > 0 {
		sep = " "
	}
	_, err := fmt.Fprintf(w, "::%s%s%s::%s\n", a.Level, sep, strings.Join(props, ","), Data(a.Message))
	return err
}

// Data escapes the message of a workflow command.
func Data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// Property escapes a property value of a workflow command.
func Property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
