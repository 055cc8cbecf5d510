package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// limitInput is a simulator input with n context entries of an unknown
// key type, n entries with a key the API does not have, and n action
// names without a service: problems of the document's shape (the
// decoder) and of its values (the compiler) at once.
func limitInput(t *testing.T, badTypes, unknownKeys, badActions int) []byte {
	t.Helper()
	entries := []map[string]any{}
	for i := range badTypes {
		entries = append(entries, map[string]any{"ContextKeyName": fmt.Sprintf("k%d", i), "ContextKeyValues": []string{"v"}, "ContextKeyType": "bad"})
	}
	for i := range unknownKeys {
		entries = append(entries, map[string]any{"ContextKeyName": fmt.Sprintf("u%d", i), "ContextKeyValues": []string{"v"}, "ContextKeyType": "string", "Foo": 1})
	}
	actions := []string{"s3:GetObject"}
	for i := range badActions {
		actions = append(actions, fmt.Sprintf("bad%d", i))
	}
	src, err := json.Marshal(map[string]any{
		"PolicyInputList": []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`},
		"ActionNames":     actions,
		"ContextEntries":  entries,
	})
	require.NoError(t, err)
	return src
}

// An input with more problems than diag.MaxErrors reports the first ones
// and one that counts the rest (issue 15: 700,000 bad context entries
// held 1 GB, and 200,000 unknown keys with 200,000 bad action names did
// not finish: each problem of the values was compared with every problem
// of the shape).
func TestParseInputProblemsPastLimit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                              string
		badTypes, unknownKeys, badActions int
	}{
		{"the decoder's problems", diag.MaxErrors + 20, 0, 0},
		{"the compiler's problems", 0, 0, diag.MaxErrors + 20},
		{"both, each under the limit", 0, 6_000, 6_000},
		{"both, each over the limit", 0, diag.MaxErrors + 10, diag.MaxErrors + 10},
	} {
		_, err := ParseInput(limitInput(t, tc.badTypes, tc.unknownKeys, tc.badActions), "in.json")
		var list diag.ErrorList
		require.ErrorAs(t, err, &list, tc.name)
		require.Len(t, list, diag.MaxErrors+1, tc.name)
		var tooMany []*diag.Error
		for _, e := range list {
			if errors.Is(e, diag.ErrTooMany) {
				tooMany = append(tooMany, e)
			}
		}
		require.Len(t, tooMany, 1, tc.name)
		var o *diag.Omitted
		require.ErrorAs(t, tooMany[0], &o)
		total := tc.badTypes + tc.unknownKeys + tc.badActions
		assert.Equal(t, total-diag.MaxErrors, o.Count, tc.name)
		assert.Equal(t, "in.json", tooMany[0].Pos.File, tc.name)
	}
}

// beyond keeps the problems of values that no problem of the document's
// shape already covers: one at the same path or at a path enclosing it.
func TestBeyond(t *testing.T) {
	t.Parallel()
	shape := diag.ErrorList{
		{Path: "ActionNames", Kind: ErrType},
		{Path: "ContextEntries[1]", Kind: ErrMissing},
		{Path: "ResourceArns[0]", Kind: ErrUnknownKey}, // covers nothing
		diag.TooMany(diag.Position{}, 3, false),        // about no path
	}
	later := diag.ErrorList{
		{Path: "ActionNames"},
		{Path: "ActionNames[2]"},
		{Path: "ContextEntries[1].ContextKeyType"},
		{Path: "ContextEntries[10].ContextKeyType"},
		{Path: "ResourceArns[0]"},
		{Path: ""},
		diag.TooMany(diag.Position{}, 2, false),
	}
	var got []string
	for _, e := range beyond(later, shape) {
		got = append(got, e.Path+"|"+fmt.Sprint(errors.Is(e, diag.ErrTooMany)))
	}
	assert.Equal(t, []string{"ContextEntries[10].ContextKeyType|false", "ResourceArns[0]|false", "|false", "|true"}, got)
}
