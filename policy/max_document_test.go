package policy

import (
	"errors"
	"testing"

	"github.com/iameval/iameval/diag"
)

// TestDocTooLong checks the bound that lets statements keep offsets as
// int32: a document past it is an error, one at it is not.
func TestDocTooLong(t *testing.T) {
	pos := diag.Position{File: "p.json", Line: 1, Column: 1}
	if errs := docTooLong(maxDocument, pos); errs != nil {
		t.Fatalf("document of maxDocument bytes: %v", errs)
	}
	errs := docTooLong(maxDocument+1, pos)
	if len(errs) != 1 || !errors.Is(errs[0], ErrValue) || errs[0].Pos != pos {
		t.Fatalf("document past maxDocument: %v", errs)
	}
}
