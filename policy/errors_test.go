package policy

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

func TestPositionString(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "<input>:3:7", diag.Position{Line: 3, Column: 7}.String(), "empty File prints as <input>")
	assert.Equal(t, "a.json:1:2", diag.Position{File: "a.json", Offset: 1, Line: 1, Column: 2}.String())
}

func TestErrorText(t *testing.T) {
	t.Parallel()
	e := &diag.Error{Pos: diag.Position{File: "s3.json", Line: 12, Column: 7}, Path: "Statement[1].Effect", Kind: ErrValue, Msg: "expected x"}
	assert.Equal(t, "s3.json:12:7: Statement[1].Effect: expected x", e.Error(), "CONTRACTS: file:12:7: Statement[1].Effect: msg")
	assert.ErrorIs(t, e, ErrValue)
	noPath := &diag.Error{Pos: diag.Position{Line: 1, Column: 1}, Kind: ErrSyntax, Msg: "invalid JSON"}
	assert.Equal(t, "<input>:1:1: invalid JSON", noPath.Error())
}

func TestErrorList(t *testing.T) {
	t.Parallel()
	var empty diag.ErrorList
	assert.NoError(t, empty.Err(), "Err is nil when empty")
	assert.Equal(t, "no errors", empty.Error())

	l := diag.ErrorList{
		{Pos: diag.Position{Offset: 9, Line: 2, Column: 1}, Path: "b", Kind: ErrType, Msg: "second"},
		{Pos: diag.Position{Offset: 3, Line: 1, Column: 4}, Path: "a", Kind: ErrDuplicateKey, Msg: "first"},
		{Pos: diag.Position{Offset: 9, Line: 2, Column: 1}, Path: "a", Kind: ErrValue, Msg: "same place, path a"},
	}
	l.Sort()
	assert.Equal(t, "<input>:1:4: a: first\n<input>:2:1: a: same place, path a\n<input>:2:1: b: second", l.Error())
	err := l.Err()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDuplicateKey, "errors.Is looks at every entry")
	assert.ErrorIs(t, err, ErrType)
	assert.NotErrorIs(t, err, ErrSyntax)
	var one *diag.Error
	require.True(t, errors.As(err, &one))
	assert.Equal(t, "first", one.Msg)
}

func TestTypeText(t *testing.T) {
	t.Parallel()
	names := map[Type]string{Identity: "identity", Session: "session", PermissionsBoundary: "permissionsBoundary",
		Resource: "resource", SCP: "scp", RCP: "rcp", VPCEndpoint: "vpcEndpoint"}
	for typ, name := range names {
		assert.Equal(t, name, typ.String())
		b, err := typ.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back Type
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, typ, back)
	}
	assert.Equal(t, "Type(9)", Type(9).String())
	_, err := Type(9).MarshalText()
	assert.Error(t, err)
	var typ Type
	assert.EqualError(t, typ.UnmarshalText([]byte("Identity")), `unknown policy type "Identity"`)
}

func TestEffectText(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "Allow", Allow.String())
	assert.Equal(t, "Deny", Deny.String())
	b, err := Deny.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "Deny", string(b))
	var e Effect
	require.NoError(t, e.UnmarshalText([]byte("Deny")))
	assert.Equal(t, Deny, e)
	assert.EqualError(t, e.UnmarshalText([]byte("deny")), `expected "Allow" or "Deny", found "deny"`, "reference_policies_elements_effect.md: case-sensitive")
	_, err = Effect(7).MarshalText()
	assert.Error(t, err)
}

func TestPartAndPrincipalMatchText(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{"", "Principal", "Action", "Resource", "Condition"},
		[]string{PartNone.String(), PartPrincipal.String(), PartAction.String(), PartResource.String(), PartCondition.String()})
	assert.Equal(t, []string{"notApplicable", "none", "direct", "indirect", "account"},
		[]string{PrincipalNotApplicable.String(), PrincipalNone.String(), PrincipalDirect.String(), PrincipalIndirect.String(), PrincipalAccount.String()})
	b, err := PartResource.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "Resource", string(b))
	b, err = PrincipalIndirect.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "indirect", string(b))
	assert.Equal(t, "Part(9)", Part(9).String())
	assert.Equal(t, "PrincipalMatch(9)", PrincipalMatch(9).String())
	_, err = Part(9).MarshalText()
	assert.Error(t, err)
	_, err = PrincipalMatch(9).MarshalText()
	assert.Error(t, err)
}
