package catalog

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/catalog/internal/gen"
)

// AWS compares action names case-insensitively
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
// the index finds every action of the catalogue by its name in any case,
// through the catalogue and through its service.
func TestActionIndexFindsEveryAction(t *testing.T) {
	t.Parallel()
	c, err := Decode(embedded)
	require.NoError(t, err)
	for k := range c.services {
		s := &c.services[k]
		for j := range s.Actions {
			a := &s.Actions[j]
			if c.Action(strings.ToUpper(a.FullName)) != a || s.Action(strings.ToLower(a.Name)) != a {
				t.Fatalf("%s not found", a.FullName)
			}
		}
	}
	assert.Nil(t, c.Action("s3:GetObjectt"), "a name one letter longer")
	assert.Nil(t, c.Service("s3").Action("ec2:RunInstances"), "another service's action")
}

// Two actions whose names differ only in case would be the same action
// to AWS: the data are rejected.
func TestActionIndexRejectsCaseTwins(t *testing.T) {
	t.Parallel()
	m := sample()
	m.Services[0].Actions = append(m.Services[0].Actions, gen.Action{Name: "listThings", Level: "List"})
	data, err := gen.Encode(m)
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	var raw bytes.Buffer
	_, err = raw.ReadFrom(zr)
	require.NoError(t, err)
	_, err = decodeRaw(raw.Bytes())
	assert.ErrorContains(t, err, "twice")
}
