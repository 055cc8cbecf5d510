package layering

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// importClass orders the three import groups every file uses: the
// standard library, then third-party modules, then this module.
func importClass(path string) int {
	switch {
	case path == module || strings.HasPrefix(path, module+"/"):
		return 2
	case strings.Contains(strings.SplitN(path, "/", 2)[0], "."):
		return 1
	default:
		return 0
	}
}

// TestImportsAreGrouped checks every Go file of the module keeps its
// imports in blank-line separated groups, standard library first, then
// third-party modules, then this module's packages, one kind per group.
func TestImportsAreGrouped(t *testing.T) {
	root := filepath.Join("..", "..")
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
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		prevLine, prevClass := 0, -1
		seen := map[int]bool{}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			class := importClass(p)
			line := fset.Position(spec.Pos()).Line
			if spec.Doc != nil {
				line = fset.Position(spec.Doc.Pos()).Line
			}
			newGroup := prevClass >= 0 && line > prevLine+1
			switch {
			case prevClass >= 0 && !newGroup && class != prevClass:
				t.Errorf("%s: import %q shares a group with imports of another kind; separate standard, third-party and %s imports by a blank line", path, p, module)
			case newGroup && class <= prevClass && seen[class]:
				t.Errorf("%s: import %q starts a second group of its kind or comes after a later kind; order is standard, third-party, %s", path, p, module)
			case class < prevClass:
				t.Errorf("%s: import %q comes after a later kind of import; order is standard, third-party, %s", path, p, module)
			}
			seen[class] = true
			prevLine, prevClass = fset.Position(spec.End()).Line, class
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
