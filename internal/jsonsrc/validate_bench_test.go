package jsonsrc

import (
	"bytes"
	"encoding/json"
	"testing"
)

// BenchmarkW3ValidateIndented is BenchmarkW3Validate on the W3 policy
// pretty-printed (json.Indent, two spaces), as people write policies by
// hand: white space between every token, and a newline per line.
func BenchmarkW3ValidateIndented(b *testing.B) {
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(benchPolicy(b)), "", "  "); err != nil {
		b.Fatal(err)
	}
	benchValidate(b, buf.String())
}
