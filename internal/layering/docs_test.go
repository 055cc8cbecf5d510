package layering

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Patterns the module's own documentation must not contain: it has to
// make sense to someone who has only the module (go doc, pkg.go.dev), so it
// cites AWS pages by URL, never the project's shared documents or their
// rule codes.
var (
	sharedDocs = regexp.MustCompile(`spec/|seeds\.md|\b(evaluation-logic|conditions|variables|principals-and-context|sts|scenario-format|design-notes|simulator)\.md\b`)
	// ruleCode matches a bare rule code (D3, Q5, P8, A3, V10, §4); quoted
	// text is removed first, so data such as "A1" may stay.
	ruleCode = regexp.MustCompile(`\b[PADCMQVRT][0-9]{1,2}\b|§\s?[0-9]`)
	quoted   = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")
)

// docProblems returns the lines of text that cite the shared documents or
// a rule code, prefixed with where they are.
func docProblems(where string, firstLine int, text string) []string {
	var out []string
	for i, line := range strings.Split(text, "\n") {
		bare := quoted.ReplaceAllString(line, "")
		if sharedDocs.MatchString(line) || ruleCode.MatchString(bare) {
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

// TestDocsStandAlone checks the comments of every non-test Go file and
// the README: no citation of spec/*.md, seeds.md or the design notes, and
// no bare rule code. Write the rule as a sentence and link the AWS page it
// comes from (https://docs.aws.amazon.com/IAM/latest/UserGuide/...).
func TestDocsStandAlone(t *testing.T) {
	root := filepath.Join("..", "..")
	var problems []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, g := range f.Comments {
			for _, c := range g.List {
				problems = append(problems, docProblems(rel, fset.Position(c.Pos()).Line, c.Text)...)
			}
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
// meant to flag and leave data alone.
func TestDocProblemsFinds(t *testing.T) {
	for _, bad := range []string{"// see spec/evaluation-logic.md", "// (evaluation-logic.md D3)", "// as Q5 says", "// (P8)", "// sts.md §4", "// seeds.md"} {
		if len(docProblems("x.go", 1, bad)) == 0 {
			t.Errorf("%q not flagged", bad)
		}
	}
	for _, ok := range []string{`// the seed case "A1"`, "// Amazon S3 and IPv4", "// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html", "// SHA256, AES256"} {
		if p := docProblems("x.go", 1, ok); len(p) > 0 {
			t.Errorf("%q flagged: %v", ok, p)
		}
	}
}
