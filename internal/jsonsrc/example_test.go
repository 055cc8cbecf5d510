package jsonsrc_test

import (
	"fmt"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// printer words the problems of a strict walk; a loader does the same in
// its own vocabulary and collects them as positioned errors.
type printer struct{ doc *jsonsrc.Doc }

func (p printer) Problem(pr *jsonsrc.Problem) {
	pos := p.doc.Pos(pr.Offset)
	switch pr.Kind {
	case jsonsrc.UnknownKey:
		fmt.Printf("%d:%d: %s: unknown key (did you mean %q?)\n", pos.Line, pos.Column, pr.Path(), pr.Near)
	case jsonsrc.DuplicateKey:
		first := p.doc.Pos(pr.First.KeyIndex)
		fmt.Printf("%d:%d: %s: duplicate key (first at %d:%d)\n", pos.Line, pos.Column, pr.Path(), first.Line, first.Column)
	}
}

// Example reads an object strictly: known keys into slots, every other
// key reported with where it is and what it most likely means.
func Example() {
	doc, err := jsonsrc.Parse("{\n  \"name\": \"alice\",\n  \"tgas\": {},\n  \"name\": \"bob\"\n}", diag.Position{})
	if err != nil {
		fmt.Println(err)
		return
	}
	known := []string{"name", "tags"}
	f := doc.Fields(doc.Root(), jsonsrc.At("user"), known, make([]jsonsrc.Member, len(known)), printer{doc})
	fmt.Println("name:", doc.Str(f[0].Value), "tags given:", f[1].Exists())

	_, err = jsonsrc.Parse(`{"a": [1, 2}`, diag.Position{})
	fmt.Println(err)
	// Output:
	// 3:3: user.tgas: unknown key (did you mean "tags"?)
	// 4:3: user.name: duplicate key (first at 2:3)
	// name: alice tags given: false
	// 1:12: invalid JSON: invalid character '}' after array element
}
