package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// TestDocTooLong checks the bound that lets statements keep offsets as
// int32: a document past it is an error, one at it is not. AWS's own
// limits are far lower (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
func TestDocTooLong(t *testing.T) {
	t.Parallel()
	pos := diag.Position{File: "p.json", Line: 1, Column: 1}
	assert.Nil(t, docTooLong(maxDocument, pos), "a document of maxDocument bytes")
	errs := docTooLong(maxDocument+1, pos)
	require.Len(t, errs, 1, "a document past maxDocument")
	assert.ErrorIs(t, errs[0], ErrValue)
	assert.Equal(t, pos, errs[0].Pos)
}
