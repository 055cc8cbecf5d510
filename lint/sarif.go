package lint

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
// the subset code-scanning tools such as GitHub's read.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		ShortDescription     sarifText      `json:"shortDescription"`
		HelpURI              string         `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
		Properties           sarifRuleProps `json:"properties"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags             []string `json:"tags"`
		SecuritySeverity string   `json:"security-severity,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
)

// sarifLevel maps a severity to a SARIF level: errors are "error",
// security and other warnings "warning", suggestions "note".
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Suggestion:
		return "note"
	}
	return "warning"
}

// writeSARIF writes one SARIF run whose rules are the codes the findings
// use, sorted. Security warnings carry GitHub's "security-severity"
// property, so that code scanning files them as security alerts. Columns
// count Unicode code points, as positions do.
func writeSARIF(w io.Writer, fs []Finding) error {
	var codes []string
	index := map[string]int{}
	for i := range fs {
		if _, ok := index[fs[i].Code]; !ok {
			index[fs[i].Code] = 0
			codes = append(codes, fs[i].Code)
		}
	}
	sort.Strings(codes)
	drv := sarifDriver{Name: "iameval", InformationURI: "https://github.com/iameval/iameval", Rules: []sarifRule{}}
	for i, code := range codes {
		index[code] = i
		r := rules[code]
		props := sarifRuleProps{Tags: []string{"iam"}}
		if r.Severity == SecurityWarning {
			props.Tags = append(props.Tags, "security")
			props.SecuritySeverity = "7.0"
		}
		drv.Rules = append(drv.Rules, sarifRule{
			ID: code, ShortDescription: sarifText{r.Title}, HelpURI: r.Link,
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)}, Properties: props,
		})
	}
	run := sarifRun{Tool: sarifTool{drv}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for i := range fs {
		f := &fs[i]
		msg := f.Message
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		if f.Fix != "" {
			msg += " Fix: " + f.Fix + "."
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Code, RuleIndex: index[f.Code], Level: sarifLevel(f.Severity),
			Message: sarifText{msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: fileURI(f.Pos.File)},
				Region:           sarifRegion{StartLine: max(f.Pos.Line, 1), StartColumn: max(f.Pos.Column, 1)},
			}}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// fileURI returns a file name as a relative URI reference, with
// forward slashes and percent-escapes.
func fileURI(name string) string {
	u := url.URL{Path: filepath.ToSlash(fileName(name))}
	return u.String()
}
