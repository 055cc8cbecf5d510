package simulate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStatementSpan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		text       string
		stmt       int // which "{" that opens a statement: 0 = the first after "Statement"
		start, end Position
		why        string
	}{
		{
			name:  "statement object",
			text:  `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}`,
			start: Position{1, 38}, end: Position{1, 167},
			why: "awscli/examples/iam/simulate-custom-policy.rst: a Statement object at column 37 is reported as Column 38 to 167",
		},
		{
			name:  "first statement of a list",
			text:  `{"Version": "2012-10-17", "Statement": [{"Sid": "s3", "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::tims-fancy-bucket/only-here/*"]}]}`,
			start: Position{1, 41}, end: Position{1, 180},
			why: "recorded SimulateCustomPolicy response (Scott Logic blog, 2025): json.dumps policy, statement reported at Column 41 to 180",
		},
		{
			name:  "second statement starts after the previous brace",
			text:  `{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"*","Resource":["arn:aws:s3:::tims-fancy-bucket/*","arn:aws:s3:::tims-fancy-bucket"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Sid":"DenyTimDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::tims-fancy-bucket/*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::112233445566:role/tims-test-role"}}}]}`,
			stmt:  1,
			start: Position{1, 248}, end: Position{1, 470},
			why: "recorded response for a compact bucket policy: the second statement is reported at Column 248 (its comma) to 470",
		},
		{
			name:  "pretty-printed list: the start is on the line of the bracket",
			text:  "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}",
			start: Position{3, 17}, end: Position{8, 6},
			why: "recorded simulate-principal-policy output for AdministratorAccess: Line 3 Column 17 to Line 8 Column 6",
		},
		{
			name:  "tabs count as one column",
			text:  "{\n\t\"Version\": \"2012-10-17\",\n\t\"Statement\": [\n\t\t{\n\t\t\t\"Effect\": \"Allow\",\n\t\t\t\"Action\": [\n\t\t\t\t\"s3:Get*\",\n\t\t\t\t\"s3:List*\",\n\t\t\t\t\"s3:Describe*\",\n\t\t\t\t\"s3-object-lambda:Get*\",\n\t\t\t\t\"s3-object-lambda:List*\"\n\t\t\t],\n\t\t\t\"Resource\": \"*\"\n\t\t}\n\t]\n}",
			start: Position{3, 16}, end: Position{14, 4},
			why: "recorded output for the tab-indented AmazonS3ReadOnlyAccess: Line 3 Column 16 to Line 14 Column 4",
		},
		{
			name:  "CRLF is one line break",
			text:  "{\r\n\"Version\":\"2012-10-17\",\r\n\"Statement\":[\r\n{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
			start: Position{3, 14}, end: Position{4, 47},
			why: "the simulator's JSON reader counts \\r\\n as one line break",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			open := nthStatementOpen(tc.text, tc.stmt)
			close := matchingBrace(tc.text, open)
			got := statementSpan(tc.text, open, close)
			assert.Equal(t, span{tc.start, tc.end}, got, tc.why)
		})
	}
}

// nthStatementOpen returns the offset of the opening brace of statement n
// (statements are the objects right inside "Statement").
func nthStatementOpen(text string, n int) int {
	i := strings.Index(text, `"Statement"`)
	i += strings.IndexByte(text[i:], '{')
	for ; n > 0; n-- {
		i = matchingBrace(text, i) + 1
		i += strings.IndexByte(text[i:], '{')
	}
	return i
}

// matchingBrace returns the offset of the brace that closes the one at open
// (no braces inside strings in these texts).
func matchingBrace(text string, open int) int {
	depth := 0
	for i := open; i < len(text); i++ {
		switch text[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func TestLineColumn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		off  int
		want Position
		why  string
	}{
		{"abc", 0, Position{1, 1}, "1-based line and column"},
		{"a\nbc", 3, Position{2, 2}, "a line feed starts a line"},
		{"a\rbc", 3, Position{2, 2}, "a lone carriage return starts a line too"},
		{"é{", 2, Position{1, 2}, "columns count characters, not bytes"},
		{"ab", 9, Position{1, 3}, "an offset past the end is the end"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, lineColumn(tc.text, tc.off), tc.why)
	}
}
