package iameval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// String renders x as the multi-line text that `iameval explain` prints
// and `iameval test` prints for a failed case: the decision and request on
// the first line, then indented sections for the reason, the deciding
// statements, the missing allows, the closest statements, the missing
// context keys, the per-type decisions and the skipped types.
func (x *Explanation) String() string {
	var b strings.Builder
	x.write(&b)
	return b.String()
}

// WriteTo writes the text of [Explanation.String] to w.
func (x *Explanation) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	x.write(&b)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// TextListLimit is the most missing context keys and deciding statements
// [Explanation.String] lists; it counts the others ("and 99980 more"). A
// list of 100,000 keys or statements helps no reader (issue 15); the
// Explanation and its JSON form keep them all unless
// [ExplainOptions].ListLimit says otherwise.
const TextListLimit = 20

func (x *Explanation) write(b *strings.Builder) {
	q := x.Request
	who := q.Principal
	if who == "" {
		who = "(anonymous)"
	}
	fmt.Fprintf(b, "%s: %s %s %s on %s (resource account %s)", x.Decision, q.PrincipalType, who, q.Action, q.Resource, q.ResourceAccount)
	if q.Unsigned {
		b.WriteString(" [unsigned call]")
	}
	b.WriteByte('\n')
	if x.Reason != "" {
		fmt.Fprintf(b, "  reason: %s\n", x.Reason)
	}
	if x.UnknownAction != "" {
		fmt.Fprintf(b, "  unknown action: %s\n", x.UnknownAction)
	}
	if len(x.Deciding) > 0 {
		title := "allowed by"
		if x.Decision == ExplicitDeny {
			title = "denied by"
		}
		fmt.Fprintf(b, "  %s:\n", title)
		shown := x.Deciding[:min(len(x.Deciding), TextListLimit)]
		for _, s := range shown {
			fmt.Fprintf(b, "    %s\n", s)
		}
		if more := len(x.Deciding) - len(shown) + x.DecidingMore; more > 0 {
			fmt.Fprintf(b, "    and %d more\n", more)
		}
	}
	if len(x.MissingAllow) > 0 {
		names := make([]string, len(x.MissingAllow))
		for i, t := range x.MissingAllow {
			names[i] = t.String()
		}
		fmt.Fprintf(b, "  no allow in: %s\n", strings.Join(names, ", "))
	}
	if len(x.Closest) > 0 {
		b.WriteString("  closest statements:\n")
		for _, n := range x.Closest {
			fmt.Fprintf(b, "    %s\n      %s failed at %s", n.StatementRef, n.Failed, n.At)
			if n.Detail != "" {
				fmt.Fprintf(b, ": %s", n.Detail)
			}
			b.WriteByte('\n')
		}
	}
	if len(x.MissingKeys) > 0 {
		keys := x.MissingKeys[:min(len(x.MissingKeys), TextListLimit)]
		fmt.Fprintf(b, "  missing context keys: %s", strings.Join(keys, ", "))
		if more := len(x.MissingKeys) - len(keys) + x.MissingKeysMore; more > 0 {
			fmt.Fprintf(b, " and %d more", more)
		}
		b.WriteByte('\n')
	}
	for _, u := range x.Unknown {
		fmt.Fprintf(b, "  unknown: %s\n", u)
	}
	for _, w := range x.Withheld {
		fmt.Fprintf(b, "  withheld: %s\n", w)
	}
	if len(x.Types) > 0 {
		parts := make([]string, len(x.Types))
		for i, t := range x.Types {
			parts[i] = t.String()
		}
		fmt.Fprintf(b, "  policy types: %s\n", strings.Join(parts, "; "))
	}
	if x.AllowedByOrganizations != nil {
		fmt.Fprintf(b, "  allowed by organizations: %t\n", *x.AllowedByOrganizations)
	}
	if x.AllowedByPermissionsBoundary != nil {
		fmt.Fprintf(b, "  allowed by permissions boundary: %t\n", *x.AllowedByPermissionsBoundary)
	}
	for _, s := range x.Skipped {
		fmt.Fprintf(b, "  skipped %s: %s\n", s.Type, s.Reason)
	}
}

// String renders the statement as
// `TYPE POLICY Statement[I] "SID" (Effect) at FILE:LINE:COL`.
func (s StatementRef) String() string {
	var b strings.Builder
	b.WriteString(s.PolicyType.String())
	if s.Level > 0 {
		b.WriteString(" level ")
		b.WriteString(strconv.Itoa(s.Level))
	}
	b.WriteByte(' ')
	b.WriteString(s.PolicyID)
	b.WriteString(" Statement[")
	b.WriteString(strconv.Itoa(s.Index))
	b.WriteByte(']')
	if s.Sid != "" {
		b.WriteString(" ")
		b.WriteString(strconv.Quote(s.Sid))
	}
	b.WriteString(" (")
	b.WriteString(s.Effect.String())
	b.WriteString(") at ")
	b.WriteString(s.Pos.String())
	return b.String()
}

// String renders the type's decision, with the levels of SCPs and RCPs.
func (t TypeDetail) String() string {
	s := t.Type.String() + " " + t.Decision.String()
	if len(t.Levels) > 0 {
		ls := make([]string, len(t.Levels))
		for i, d := range t.Levels {
			ls[i] = d.String()
		}
		s += " (levels: " + strings.Join(ls, ", ") + ")"
	}
	return s
}

// String renders the statement's result on one line:
// `STATEMENT: applies` or `STATEMENT: Condition failed: DETAIL (if applied: allowed)`.
func (s EvaluatedStatement) String() string {
	var b strings.Builder
	b.WriteString(s.StatementRef.String())
	if s.Applies {
		b.WriteString(": applies")
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(s.Failed)
	b.WriteString(" failed")
	if s.Detail != "" {
		b.WriteString(": ")
		b.WriteString(s.Detail)
	}
	if s.IfApplied != nil {
		b.WriteString(" (if applied: ")
		b.WriteString(s.IfApplied.String())
		b.WriteByte(')')
	}
	return b.String()
}

// String renders the clause as `OPERATOR "KEY" passed|failed|unknown: REASON`.
func (c ClauseResult) String() string {
	verdict := " failed"
	switch {
	case c.Passed:
		verdict = " passed"
	case c.Unknown:
		verdict = " unknown"
	}
	s := c.Operator + " " + strconv.Quote(c.Key) + verdict
	if c.Reason != "" {
		s += ": " + c.Reason
	}
	return s
}
