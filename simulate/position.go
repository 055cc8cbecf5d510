package simulate

import "unicode/utf8"

// span is where the policy simulator says a statement is.
type span struct{ start, end Position }

// statementSpan returns the StartPosition and EndPosition the policy
// simulator reports for the statement whose opening brace is at byte open
// and closing brace at byte close of the policy text.
//
// The simulator reports the position of its JSON reader after the token
// before the statement and after the statement itself, with 1-based lines
// and columns:
//
//   - EndPosition is just after the closing brace.
//   - StartPosition is just after the "[" of the Statement list for the
//     first statement, just after the closing brace of the previous
//     statement for the others (the "," between them is not yet read), and
//     just after the opening brace when Statement is a single object (the
//     reader takes in the first character of a member's value with its
//     name).
//
// The AWS CLI reference example of simulate-custom-policy
// (awscli/examples/iam/simulate-custom-policy.rst: Statement an object at
// column 37, reported as Column 38 to 167) and recorded responses for
// Statement lists (first statement after "[" at column 40: Column 41;
// second statement after a brace at column 247: Column 248) show this.
func statementSpan(text string, open, close int) span {
	start := open
	i := skipSpaceBack(text, open-1)
	switch {
	case i < 0:
	case text[i] == ':':
		start = open + 1
	case text[i] == '[':
		start = i + 1
	case text[i] == ',':
		if j := skipSpaceBack(text, i-1); j >= 0 {
			start = j + 1
		}
	}
	return span{start: lineColumn(text, start), end: lineColumn(text, close+1)}
}

// skipSpaceBack returns the index of the last byte at or before i that is
// not JSON white space, or -1.
func skipSpaceBack(text string, i int) int {
	for ; i >= 0; i-- {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return i
	}
	return -1
}

// lineColumn returns the 1-based line and column of byte off of text,
// counting columns in characters. A line break is "\n", "\r\n" or a lone
// "\r", as the simulator's JSON reader counts them.
func lineColumn(text string, off int) Position {
	off = min(max(off, 0), len(text))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		switch text[i] {
		case '\n':
			line, start = line+1, i+1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			line, start = line+1, i+1
		}
	}
	return Position{Line: line, Column: utf8.RuneCountInString(text[start:off]) + 1}
}
