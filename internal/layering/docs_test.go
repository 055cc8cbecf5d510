package layering

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Patterns the module's own documentation, tests and data must not
// contain: the module has to make sense to someone who has only the module
// (go doc, pkg.go.dev, the repository), so it cites AWS pages, never the
// project's shared documents or their rule codes.
var (
	// sharedDocs matches a citation of the shared documents. AWS page
	// names that end the same way (reference_policies_variables.md,
	// reference_policies_multi-value-conditions.md) are not citations.
	sharedDocs = regexp.MustCompile(`spec/|(?:^|[^\w-])(?:seeds|evaluation-logic|conditions|variables|principals-and-context|sts|scenario-format|design-notes|simulator)\.md\b|design-notes|iameval specification`)
	// ruleCode matches a bare rule code (D3, Q5, P8, A3, V10, §4); quoted
	// text is removed first, so data such as "A1" may stay.
	ruleCode = regexp.MustCompile(`\b[PADCMQVRT][0-9]{1,2}\b|§\s?[0-9]`)
	quoted   = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")
	// rfcSection is a section of an RFC ("RFC 8259 §6"), which may stay.
	rfcSection = regexp.MustCompile(`RFC ?[0-9]+,? §\s?[0-9]+`)
)

// docProblems returns the lines of text that cite the shared documents or
// a rule code, prefixed with where they are.
func docProblems(where string, firstLine int, text string) []string {
	return textProblems(where, firstLine, text, true)
}

// textProblems returns the lines of text that cite the shared documents
// and, when codes is set, those with a bare rule code outside quotes.
func textProblems(where string, firstLine int, text string, codes bool) []string {
	var out []string
	for i, line := range strings.Split(text, "\n") {
		bare := rfcSection.ReplaceAllString(quoted.ReplaceAllString(line, ""), "")
		if sharedDocs.MatchString(line) || codes && ruleCode.MatchString(bare) {
			out = append(out, where+":"+itoa(firstLine+i)+": "+strings.TrimSpace(line))
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// inData reports whether rel (slash-separated, relative to the module
// root) is scenario or example data: under examples/ or a testdata folder.
func inData(rel string) bool {
	return strings.HasPrefix(rel, "examples/") || strings.HasPrefix(rel, "testdata/") || strings.Contains(rel, "/testdata/")
}

// goProblems checks one Go file: every comment for citations and rule
// codes, every string literal (test names, why-strings, messages) for
// citations of the shared documents.
func goProblems(path, rel string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			out = append(out, docProblems(rel, fset.Position(c.Pos()).Line, c.Text)...)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			s = lit.Value
		}
		out = append(out, textProblems(rel, fset.Position(lit.Pos()).Line, s, false)...)
		return true
	})
	return out, nil
}

// TestDocsStandAlone checks the module for citations of spec/*.md,
// seeds.md, the other shared documents and the design notes: the comments
// and string literals of every Go file (tests included), the README, and
// the JSON and markdown files under examples/ and every testdata folder.
// Comments must not carry a bare rule code either. Write the rule as a
// sentence and link the AWS page it comes from
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/...); in scenario data
// and test why-strings the page's name (reference_policies_variables.md)
// will do.
func TestDocsStandAlone(t *testing.T) {
	root := filepath.Join("..", "..")
	var problems []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasSuffix(path, ".go") && !strings.Contains(rel, "/testdata/") && !strings.HasPrefix(rel, "testdata/"):
			if rel == "internal/layering/docs_test.go" {
				return nil // it names the patterns it looks for
			}
			p, err := goProblems(path, rel)
			problems = append(problems, p...)
			return err
		case inData(rel) && (strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".md")):
			text, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			problems = append(problems, textProblems(rel, 1, string(text), false)...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	problems = append(problems, docProblems("README.md", 1, string(readme))...)
	for _, p := range problems {
		t.Errorf("%s\n\tcites the shared documents or a rule code: state the rule and link the AWS page instead", p)
	}
}

// TestDocProblemsFinds keeps the check honest: it must flag what it is
// meant to flag and leave data and AWS page names alone.
func TestDocProblemsFinds(t *testing.T) {
	for _, bad := range []string{"// see spec/evaluation-logic.md", "// (evaluation-logic.md D3)", "// as Q5 says", "// (P8)", "// sts.md §4", "// seeds.md", "// (design-notes §7)", "// plays seed A of the iameval specification"} {
		if len(docProblems("x.go", 1, bad)) == 0 {
			t.Errorf("%q not flagged", bad)
		}
	}
	for _, ok := range []string{`// the seed case "A1"`, "// Amazon S3 and IPv4", "// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html", "// SHA256, AES256", "// RFC 8259 §6"} {
		if p := docProblems("x.go", 1, ok); len(p) > 0 {
			t.Errorf("%q flagged: %v", ok, p)
		}
	}
	for _, bad := range []string{"principals-and-context.md §2: aws:username", "sts.md §5", "scenario-format.md: a bare array", "(conditions.md)"} {
		if len(textProblems("x.json", 1, bad, false)) == 0 {
			t.Errorf("%q not flagged as data", bad)
		}
	}
	for _, ok := range []string{"reference_policies_variables.md: aws:userid", "reference_policies_multi-value-conditions.md: ORed", "D3 identity Deny", "A1 user1 creates a VPC"} {
		if p := textProblems("x.json", 1, ok, false); len(p) > 0 {
			t.Errorf("%q flagged as data: %v", ok, p)
		}
	}
}

// TestGoProblemsFinds plants a citation in a test's string literal and in
// a test comment and checks that both are found.
func TestGoProblemsFinds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x_test.go")
	src := "package x\n\n// checks (Q5)\nvar why = \"sts.md §5: no IAM calls\"\n\nvar ok = \"reference_policies_variables.md: A1\"\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := goProblems(path, "x_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 2 {
		t.Errorf("want the comment (line 3) and the literal (line 4) flagged, got %q", p)
	}
}
