package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCanonicalUserIsWarnedAboutAsUnmodelled(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
 "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}]}`),
		Source{File: "p.json", Type: Resource})
	require.NoError(t, err)
	w := p.Warnings()
	require.Len(t, w, 1, "a CanonicalUser entry never matches, and the user must be told")
	assert.Contains(t, w[0].Error(), "p.json:2:33: warning: Statement[0].Principal.CanonicalUser: CanonicalUser")
	assert.Contains(t, w[0].Error(), "never matches")
}
