package lint

import (
	"fmt"
	"strings"
)

// Severity is how much a finding matters, with IAM Access Analyzer's four
// finding types
// (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ValidatePolicyFinding.html).
// Greater values are more severe, so "at least as severe" is >=.
type Severity uint8

// The severities, least severe first.
const (
	// Suggestion: a stylistic improvement that does not change access.
	Suggestion Severity = iota + 1
	// Warning: the policy does not follow policy-writing best practice
	// or does not do what it seems to, without being overly permissive.
	Warning
	// SecurityWarning: the policy allows access that is likely overly
	// permissive.
	SecurityWarning
	// Error: part of the policy is not valid or does nothing.
	Error
)

var severityNames = [...]string{
	Suggestion:      "SUGGESTION",
	Warning:         "WARNING",
	SecurityWarning: "SECURITY_WARNING",
	Error:           "ERROR",
}

// String returns Access Analyzer's name: "ERROR", "SECURITY_WARNING",
// "WARNING" or "SUGGESTION".
func (s Severity) String() string {
	if s >= Suggestion && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText returns the name of s, as [Severity.String] does.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Suggestion || int(s) >= len(severityNames) {
		return nil, fmt.Errorf("invalid severity %d", uint8(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText sets s from a name [Severity.String] returns; the case of
// the letters does not matter.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity returns the severity named name ("ERROR",
// "SECURITY_WARNING", "WARNING", "SUGGESTION"), ignoring case.
func ParseSeverity(name string) (Severity, error) {
	for i := Suggestion; int(i) < len(severityNames); i++ {
		if strings.EqualFold(severityNames[i], name) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want ERROR, SECURITY_WARNING, WARNING or SUGGESTION)", name)
}
