package jsonsrc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want bool
		why  string
	}{
		{`{}`, true, "RFC 8259 reference_policies_evaluation-logic.md: empty object"},
		{` [ ] `, true, "RFC 8259 reference_policies_evaluation-logic.md: white space around values"},
		{`"x"`, true, "RFC 8259 reference_policies_evaluation-logic.md: any value at the top level"},
		{`-0.5e+10`, true, "RFC 8259 reference_policies_evaluation-logic.md: fraction and exponent"},
		{`{"a":[1,{"b":null}],"c":"\u00e9\n"}`, true, "nested containers and escapes"},
		{``, false, "no value"},
		{`{"a":1,}`, false, "RFC 8259 reference_policies_evaluation-logic.md: no trailing comma"},
		{`[1,]`, false, "RFC 8259 reference_policies_evaluation-logic.md: no trailing comma"},
		{`{"a" 1}`, false, "RFC 8259 reference_policies_evaluation-logic.md: colon required"},
		{`{1:2}`, false, "RFC 8259 reference_policies_evaluation-logic.md: keys are strings"},
		{`[1 2]`, false, "RFC 8259 reference_policies_evaluation-logic.md: comma required"},
		{`01`, false, "RFC 8259 reference_policies_evaluation-logic.md: no leading zeros"},
		{`1.`, false, "RFC 8259 reference_policies_evaluation-logic.md: digits after the point"},
		{`1e`, false, "RFC 8259 reference_policies_evaluation-logic.md: digits in the exponent"},
		{`-`, false, "RFC 8259 reference_policies_evaluation-logic.md: digits after the minus"},
		{`+1`, false, "RFC 8259 reference_policies_evaluation-logic.md: no plus sign"},
		{`"a` + "\t" + `b"`, false, "RFC 8259 reference_policies_evaluation-logic.md: control characters escaped"},
		{`"\x"`, false, "RFC 8259 reference_policies_evaluation-logic.md: unknown escape"},
		{`"\u12g4"`, false, "RFC 8259 reference_policies_evaluation-logic.md: four hex digits"},
		{`"\u123"`, false, "RFC 8259 reference_policies_evaluation-logic.md: truncated \\u escape"},
		{`tru`, false, "truncated literal"},
		{`nulls`, false, "trailing text after a literal"},
		{`{"a":1}}`, false, "extra closing bracket"},
		{`[}`, false, "mismatched brackets"},
		{`{"a":[1}`, false, "mismatched brackets inside"},
	}
	for _, tc := range tests {
		_, _, got := validate(tc.src)
		assert.Equal(t, tc.want, got, "%q: %s", tc.src, tc.why)
		assert.Equal(t, json.Valid([]byte(tc.src)), got, "%q agrees with encoding/json", tc.src)
	}
}

// TestBrackets checks the bracket index on nested and empty containers
// and on brackets inside strings, which are text.
func TestBrackets(t *testing.T) {
	t.Parallel()
	src := `{"a":[[],{"]":"["}],"b":{}}`
	d, err := Parse(src, diag.Position{})
	if err != nil {
		t.Fatal(err)
	}
	opens, closes := d.Brackets()
	assert.Equal(t, []int32{0, 5, 6, 9, 24}, opens, "every opening bracket, in source order, none from strings")
	assert.Equal(t, []int32{26, 18, 7, 17, 25}, closes, "each one's closing bracket")
	b, ok := validateBrackets(src)
	assert.True(t, ok)
	assert.Equal(t, []int32{5, 4, 3, 4, 5}, b.after, "the first container after each one's contents")
}

// TestValidateASCII checks that validation tells documents that are all
// ASCII (whose columns count bytes) from the others, wherever the first
// other byte is: in a key, in a value, after an escape, past the first
// eight bytes of a string.
func TestValidateASCII(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src   string
		ascii bool
	}{
		{`{"a":["b","c\u00e9"],"d":1}`, true},
		{`{"é":1}`, false},
		{`{"a":"é"}`, false},
		{`{"a":"\"é"}`, false},
		{`{"a":"0123456789é"}`, false},
		{`["x", "0123456789abcdef", "y\u007f"]`, true},
		{`["x", "y", "0123456789abcdefgh€"]`, false},
	} {
		b, ok := validateBrackets(tc.src)
		require.True(t, ok, tc.src)
		assert.Equal(t, tc.ascii, b.ascii, tc.src)
		d, err := Parse(tc.src, diag.Position{})
		require.NoError(t, err, tc.src)
		assert.Equal(t, tc.ascii, d.ASCII(), tc.src)
	}
}

// TestInvalidUTF8BeforeSyntax checks that text with both invalid UTF-8
// and a syntax error reports the invalid UTF-8, as before validation
// said whether a document is ASCII.
func TestInvalidUTF8BeforeSyntax(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"{\"a\":\"\xff\"", "{\"a\":\"\xff\"}", "[1,,\"\xc3\"]"} {
		_, err := Parse(src, diag.Position{})
		var se *SyntaxError
		require.ErrorAs(t, err, &se, "%q", src)
		assert.Equal(t, "invalid UTF-8 in JSON text", se.Msg, "%q", src)
	}
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[1,[2,{"x":[]}]]`, `"\u00e9"`, `-1.5E-3`, `{"a":1,}`, `[`, `{"a":"b"}}`,
		"{ \"abcdefghijk\\\"lmnop\" :\n\t[ \"0123456789\\u00e9x\" , {\"k\" :true} ,[ ]] }", `{"Statement":[{"Sid":"a","Action":["s3:GetObject"]}]}`} {
		f.Add(s)
	}
	f.Fuzz(checkValidate)
}

// checkValidate checks validateBrackets on src against references:
// encoding/json for whether src is valid (when it is UTF-8), and for
// valid text byte-by-byte scans for ASCII, escapes, closing quotes and
// brackets.
func checkValidate(t *testing.T, src string) {
	t.Helper()
	b, ok := validateBrackets(src)
	opens, closes := b.opens, b.closes
	if want := json.Valid([]byte(src)); utf8.ValidString(src) && ok != want {
		t.Fatalf("validate(%q) = %v, encoding/json says %v", src, ok, want)
	}
	if !ok {
		return
	}
	if b.ascii != isASCII(src) {
		t.Fatalf("validate(%q) says ASCII %v, isASCII %v", src, b.ascii, isASCII(src))
	}
	if len(opens) != len(closes) {
		t.Fatalf("%d opens, %d closes", len(opens), len(closes))
	}
	// A valid document has backslashes only inside strings, and
	// the bitmap marks exactly the closing quotes.
	if b.escapes != strings.Contains(src, `\`) {
		t.Fatalf("validate(%q) says escapes %v", src, b.escapes)
	}
	inStr := false
	for i := 0; i < len(src); i++ {
		closing := false
		switch c := src[i]; {
		case inStr && c == '\\':
			i++
			continue
		case c == '"':
			closing = inStr
			inStr = !inStr
		}
		if marked := b.quotes[i/32]>>(i%32)&1 != 0; marked != closing {
			t.Fatalf("validate(%q): offset %d marked %v as a closing quote", src, i, marked)
		}
	}
	for i, o := range opens {
		c := closes[i]
		if c <= o || src[o]+2 != src[c] {
			t.Fatalf("bracket %d at %d closed by %q at %d", i, o, src[c], c)
		}
		if i > 0 && o <= opens[i-1] {
			t.Fatalf("opens not ascending at %d", i)
		}
		a := int(b.after[i])
		if a <= i || a > len(opens) || a < len(opens) && opens[a] < c || opens[a-1] > c {
			t.Fatalf("bracket %d (%d..%d): after = %d", i, o, c, a)
		}
	}
	wantOpens, wantCloses := referenceBrackets(src)
	if len(wantOpens) != len(opens) {
		t.Fatalf("validate(%q): %d brackets, opens has %d", src, len(wantOpens), len(opens))
	}
	for k, o := range wantOpens {
		if int(opens[k]) != o || int(closes[k]) != wantCloses[o] {
			t.Fatalf("validate(%q): bracket %d at %d..%d, index says %d..%d", src, k, o, wantCloses[o], opens[k], closes[k])
		}
	}
}

// referenceBrackets is the bracket index of a valid document found byte
// by byte, with a stack: the offsets of the opening brackets in order,
// and the offset of the bracket that closes each.
func referenceBrackets(src string) (opens []int, closes map[int]int) {
	var stack []int
	closes = map[int]int{}
	inStr := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			stack = append(stack, i)
			opens = append(opens, i)
		case c == '}' || c == ']':
			closes[stack[len(stack)-1]] = i
			stack = stack[:len(stack)-1]
		}
	}
	return opens, closes
}

// TestValidateGrows checks the bracket index of documents with more
// containers than its first guess (one per 32 bytes) and nesting deeper
// than the stack's first room, which validation grows while scanning.
func TestValidateGrows(t *testing.T) {
	t.Parallel()
	dense := "[" + strings.Repeat(`[],{},`, 300) + `{"a" : [ {} ] }]`
	deep := strings.Repeat(`{"k":[`, 100) + `"x"` + strings.Repeat(`]}`, 100)
	for _, src := range []string{dense, deep} {
		b, ok := validateBrackets(src)
		require.True(t, ok)
		opens, closes := referenceBrackets(src)
		require.Len(t, b.opens, len(opens))
		for k, o := range opens {
			assert.Equal(t, int32(o), b.opens[k])
			assert.Equal(t, int32(closes[o]), b.closes[k])
		}
		assert.Equal(t, json.Valid([]byte(src)), ok)
	}
	_, ok := validateBrackets(strings.Repeat("[", 100) + strings.Repeat("]", 99))
	assert.False(t, ok, "one bracket left open")
}

// TestValidateStringEdges checks validation against encoding/json and the
// byte-by-byte references (checkValidate) on strings of 0 to 20 bytes in
// every place a string takes (the whole text, a key, a member's value, an
// array's element, first, last, before white space), ending at the end of
// the text or unterminated there, with a special byte at every place of
// the two words the scan tests at once: a quote, an escape (valid or
// not), a control character, a byte outside ASCII (valid UTF-8 or not).
// RFC 8259 section 7 (https://www.rfc-editor.org/rfc/rfc8259#section-7).
func TestValidateStringEdges(t *testing.T) {
	t.Parallel()
	specials := []string{"", `"`, `\"`, `\\`, `\/`, `\u00e9`, `\u12`, `\q`, `\`, "\x00", "\n", "\x1f", " ", "\x7f", "é", "€", "\xff", "\xc3"}
	contexts := []string{
		`"%s"`, `"%s`, ` "%s" `,
		`["%s"]`, `["%s"`, `["%s`, `[ "%s" ]`, `["%s","x"]`, `["x","%s"]`, `[1,"%s"]`, `[{},"%s"]`, `[["%s"]]`,
		`{"k":"%s"}`, `{"k":"%s"`, `{"k":"%s`, `{"k": "%s" }`, `{"k":"%s","z":2}`, `{"k":["%s"]}`,
		`{"%s":1}`, `{"%s"`, `{"%s`, `{ "%s" : 1 }`, `{"a":1,"%s":[]}`, `{"%s":"%s"}`,
	}
	for n := 0; n <= 20; n++ {
		for _, sp := range specials {
			for p := 0; p <= n; p++ {
				s := strings.Repeat("a", p) + sp + strings.Repeat("b", n-p)
				for _, ctx := range contexts {
					src := strings.ReplaceAll(ctx, "%s", s)
					checkValidate(t, src)
					checkValidate(t, strings.Repeat(" ", 20)+src) // the scan starts after the white space
				}
				if sp == "" {
					break
				}
			}
		}
	}
}

// TestValidateWhiteSpace checks validation against encoding/json and the
// byte-by-byte references (checkValidate) on documents indented every
// way (json.Indent): runs of spaces shorter and longer than the sixteen
// bytes the scan skips at once, tabs, CRLF, and bytes that are not white
// space (RFC 8259 section 2) inside the indentation, wherever it falls.
func TestValidateWhiteSpace(t *testing.T) {
	t.Parallel()
	docs := []string{
		`{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}},{"Effect":"Deny","NotAction":[],"Resource":{}}]}`,
		`[1,true,null,false,-2.5e3,"x",[],{},[[{"a":[{}]}]]]`,
		`{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":["j"]}}}}}}}}}`,
	}
	var indents []string
	for n := 0; n <= 20; n++ {
		indents = append(indents, strings.Repeat(" ", n))
	}
	indents = append(indents, "\t", "\t\t", " \t", "\r", "\r\n", " \n ", strings.Repeat(" ", 40),
		"\x0b", "\x0c", "\x00", " \x0b", strings.Repeat(" ", 9)+"\x0c", strings.Repeat(" ", 17)+"\x1f", "\u00a0")
	bad := []string{"\x0b", "   \x0b", strings.Repeat(" ", 9) + "\x0c", strings.Repeat(" ", 15) + "\x00", strings.Repeat(" ", 16) + "\x1f",
		strings.Repeat(" ", 17) + "\x0b", "\t\x0b", "\u00a0", strings.Repeat(" ", 20), "\r\n  ", "\n\n"}
	for _, doc := range docs {
		checkValidate(t, doc)
		// One run of white space (or not) replaced at a time, so that
		// the rest of the text is valid: after a newline, and after a
		// colon.
		var buf bytes.Buffer
		require.NoError(t, json.Indent(&buf, []byte(doc), "", "  "))
		src := buf.String()
		for k := 0; k < len(src); k++ {
			if src[k] != '\n' && src[k] != ':' {
				continue
			}
			end := k + 1
			for end < len(src) && src[end] == ' ' {
				end++
			}
			for _, b := range bad {
				checkValidate(t, src[:k+1]+b+src[end:])
			}
		}
		for _, ind := range indents {
			for _, prefix := range []string{"", "\r", "  "} {
				var buf bytes.Buffer
				require.NoError(t, json.Indent(&buf, []byte(doc), prefix, ind))
				checkValidate(t, buf.String())
				checkValidate(t, buf.String()+"\n"+ind)
				checkValidate(t, ind+buf.String())
			}
		}
	}
}
