package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/scenario"
)

func TestEncodeIndentedIsMarshalIndent(t *testing.T) {
	t.Parallel()
	// The --json documents must not change (issue 15 only changed how
	// they are written): every shape json.MarshalIndent formats, and
	// strings holding JSON punctuation, escapes and HTML, which
	// json.Marshal escapes.
	big := make([]map[string]any, 5000)
	for i := range big {
		big[i] = map[string]any{"i": i, "s": strings.Repeat("x", i%50), "l": []int{i, i + 1}}
	}
	values := []any{
		nil, true, 1.5, "plain", "",
		map[string]any{}, []any{}, map[string]any{"a": []any{}, "b": map[string]any{}},
		[]any{[]any{[]any{}}, map[string]any{"x": nil}},
		map[string]any{`k{"[,:]}`: `v "quoted" \ back\\slash \"`, "html": "<a&b>", "ctl": "\x01\t\n\u2028", "u": "résumé"},
		struct {
			A []string `json:"a"`
			B *int     `json:"b,omitempty"`
			C string   `json:"c"`
		}{A: []string{"x,y", "z:w", `"`}, C: `\`},
		big,
	}
	for _, v := range values {
		want, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, encodeIndented(&got, v))
		assert.Equal(t, string(want)+"\n", got.String())
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEncodeIndentedReportsErrors(t *testing.T) {
	t.Parallel()
	// A value that cannot be encoded writes nothing; a failing writer's
	// error is returned.
	var out bytes.Buffer
	require.Error(t, encodeIndented(&out, map[string]any{"f": func() {}}))
	assert.Empty(t, out.String())
	assert.EqualError(t, encodeIndented(failWriter{}, []int{1, 2}), "disk full")
}

// FuzzIndentWriter: for any valid JSON, indentWriter given the compact
// form or the document as written, split into writes at any place,
// produces what json.Indent does
// (json.Encoder hands it compact text; a split inside a string or an
// escape must not change the result).
func FuzzIndentWriter(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{"b":"c\"}"},[]],"d":{}}`, `"\\\""`, `[[[{}]]]`, `null`} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, doc []byte, split uint8) {
		var compact bytes.Buffer
		if json.Compact(&compact, doc) != nil {
			return
		}
		var want bytes.Buffer
		require.NoError(t, json.Indent(&want, compact.Bytes(), "", "  "))
		var got bytes.Buffer
		iw := &indentWriter{w: &got}
		src := compact.Bytes()
		step := int(split)%7 + 1
		for i := 0; i < len(src); i += step {
			_, err := iw.Write(src[i:min(i+step, len(src))])
			require.NoError(t, err)
		}
		require.NoError(t, iw.flush())
		assert.Equal(t, want.String(), got.String())
		// Whitespace between tokens, as the document has it, is dropped.
		got.Reset()
		iw = &indentWriter{w: &got}
		for i := 0; i < len(doc); i += step {
			_, err := iw.Write(doc[i:min(i+step, len(doc))])
			require.NoError(t, err)
		}
		require.NoError(t, iw.flush())
		assert.Equal(t, want.String(), got.String(), "from the document as written")
	})
}

// writeReport writes, one result at a time, exactly what
// json.MarshalIndent writes for the report (with --coverage, for the
// report with a "coverage" member after "errors"): the --json document
// of iameval test is a public contract.
func TestWriteReportIsMarshalIndent(t *testing.T) {
	t.Parallel()
	allowed, denied := iameval.Allowed, iameval.ImplicitDeny
	report := &scenario.Report{
		Results: []scenario.Result{
			{File: "a.json", Case: "one <&>", Decision: allowed, Expect: &allowed, Pass: true},
			{File: "a.json", Case: "two", Decision: denied, Expect: &allowed},
		},
		Passed: 1, Failed: 1,
	}
	for _, r := range []*scenario.Report{report, {}} {
		want, err := json.MarshalIndent(r, "", "  ")
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, writeReport(&got, r, nil))
		assert.Equal(t, string(want)+"\n", got.String())
	}
	cov := &scenario.Coverage{}
	want, err := json.MarshalIndent(struct {
		Results  []scenario.Result  `json:"results"`
		Passed   int                `json:"passed"`
		Failed   int                `json:"failed"`
		Errors   int                `json:"errors"`
		Coverage *scenario.Coverage `json:"coverage"`
	}{report.Results, 1, 1, 0, cov}, "", "  ")
	require.NoError(t, err)
	var got bytes.Buffer
	require.NoError(t, writeReport(&got, report, cov))
	assert.Equal(t, string(want)+"\n", got.String())
}
