package scenario_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/scenario"
)

// opener serves files from a map, as os.ReadFile would.
func opener(files map[string]string) func(string) ([]byte, error) {
	return func(path string) ([]byte, error) {
		if s, ok := files[path]; ok {
			return []byte(s), nil
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
}

// errorLines renders an error of Load one problem per element.
func errorLines(err error) []string {
	var list diag.ErrorList
	if !errors.As(err, &list) {
		return []string{"not an ErrorList: " + err.Error()}
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}

const okPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`

// TestLoadErrors pins every kind of problem Load reports and where: the
// scenario format is a public contract, and a problem that is not reported
// (a misspelt "expect") silently turns a test off.
func TestLoadErrors(t *testing.T) {
	t.Parallel()
	user := `"principal": "arn:aws:iam::123456789012:user/alice"`
	tests := []struct {
		name  string
		src   string
		files map[string]string
		want  []string
		kind  error
		why   string
	}{
		{
			name: "syntax error",
			src:  `{"cases": [}`,
			want: []string{`t.json:1:12: invalid JSON: invalid character '}' looking for beginning of value`},
			kind: scenario.ErrSyntax,
			why:  "scenario format (go doc ./scenario): JSON is required; the position of the break is reported",
		},
		{
			name: "neither object nor array",
			src:  `"cases"`,
			want: []string{`t.json:1:1: expected a scenario object or a list of cases, found string`},
			kind: scenario.ErrType,
			why:  "scenario format (go doc ./scenario) File: an object or a bare array of cases",
		},
		{
			name: "unknown file key",
			src:  `{"cases": [], "title": "x"}`,
			want: []string{`t.json:1:15: title: unknown key "title" in the scenario file (known keys: name, policies, principal, cases, accounts)`},
			kind: scenario.ErrUnknownKey,
			why:  "scenario format (go doc ./scenario): unknown keys anywhere in a scenario file are an error",
		},
		{
			name: "misspelt expect",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "expext": "allowed"}]`,
			want: []string{`t.json:1:99: [0].expext: unknown key "expext" in a case (did you mean "expect"?)`},
			kind: scenario.ErrUnknownKey,
			why:  "scenario format (go doc ./scenario): a misspelt expect must not silently turn a test off",
		},
		{
			name: "mis-cased expect",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "Expect": "allowed"}]`,
			want: []string{`t.json:1:99: [0].Expect: unknown key "Expect" in a case (did you mean "expect"? keys are case-sensitive)`},
			kind: scenario.ErrUnknownKey,
			why:  "scenario format (go doc ./scenario): keys are spelled exactly; a mis-cased key is unknown",
		},
		{
			name: "duplicate case key",
			src:  "[{" + user + ",\n \"action\": \"s3:GetObject\", \"resource\": \"*\", \"action\": \"s3:PutObject\"}]",
			want: []string{`t.json:2:45: [0].action: duplicate key "action" (first at line 2, column 2)`},
			kind: scenario.ErrDuplicateKey,
			why:  "reference_policies_grammar.md applied to scenario files: most decoders silently keep the last duplicate",
		},
		{
			name: "more tags than AWS allows",
			src:  `[{"principal": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/alice", "tags": {` + manyTags(51) + `}}, "action": "s3:GetObject", "resource": "*"}]`,
			want: []string{`t.json:1:91: [0].principal.tags: 51 tags: AWS allows at most 50`},
			kind: scenario.ErrValue,
			why:  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: at most 50 tags on a user or role; refused before the tags are read",
		},
		{
			name: "context keys equal ignoring case",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "context": {"aws:SourceIp": "10.0.0.1", "AWS:SOURCEIP": "10.0.0.2"}}]`,
			want: []string{`t.json:1:139: [0].context."AWS:SOURCEIP": key "AWS:SOURCEIP" repeats "aws:SourceIp" (line 1, column 111): keys are case-insensitive`},
			kind: scenario.ErrDuplicateKey,
			why:  "scenario format, CASE (go doc ./scenario): context keys are case-insensitive, as in AWS",
		},
		{
			name: "wrong types",
			src:  `[{` + user + `, "action": 7, "resource": ["*"], "context": {"n": null, "o": {"a": 1}, "l": [[1]]}, "expect": true, "policies": {"identity": {}}}]`,
			want: []string{
				`t.json:1:66: [0].action: expected a string, found number`,
				`t.json:1:81: [0].resource: expected a string, found array`,
				`t.json:1:105: [0].context.n: expected a string, a number or a boolean, found null`,
				`t.json:1:116: [0].context.o: expected a string, a number or a boolean, found object`,
				`t.json:1:132: [0].context.l[0]: expected a string, a number or a boolean, found array`,
				`t.json:1:149: [0].expect: expected a string, found boolean`,
				`t.json:1:180: [0].policies.identity: expected a list of policies, found object`,
			},
			kind: scenario.ErrType,
			why:  "scenario format, CASE (go doc ./scenario): context values are strings, numbers, booleans or lists of those",
		},
		{
			name: "missing principal, action and resource",
			src:  "{\"cases\": [\n  {\"name\": \"x\"}\n]}",
			want: []string{
				`t.json:2:3: cases[0]: missing "action"`,
				`t.json:2:3: cases[0]: missing "principal": give it in the case or at the top of the file`,
				`t.json:2:3: cases[0]: missing "resource"`,
			},
			kind: scenario.ErrMissing,
			why:  "scenario format, CASE (go doc ./scenario): principal is required one way or the other",
		},
		{
			name: "missing cases",
			src:  `{"name": "x"}`,
			want: []string{`t.json:1:1: missing "cases"`},
			kind: scenario.ErrMissing,
			why:  "a file object without cases tests nothing and is most likely a mistake",
		},
		{
			name: "unknown expect value",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "expect": "Allowed"}]`,
			want: []string{`t.json:1:109: [0].expect: expected "allowed", "explicitDeny" or "implicitDeny", found "Allowed"`},
			kind: scenario.ErrValue,
			why:  "scenario format, CASE (go doc ./scenario): expect is one of the simulator's three EvalDecision values",
		},
		{
			name: "invalid embedded policy object",
			src:  "{" + user + ",\n \"policies\": {\"identity\": [\n   {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}]},\n \"cases\": []}",
			want: []string{`t.json:3:54: policies.identity[0].Statement.Effect: expected "Allow" or "Deny", found "allow"`},
			kind: policy.ErrValue,
			why:  "a policy that fails validation makes the file fail, positioned in the scenario file (policy.Source.Base)",
		},
		{
			name: "invalid policy in a JSON string",
			src:  "{" + user + ",\n \"policies\": {\"session\": [\"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": {\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"s3:*\\\"}}\"]},\n \"cases\": []}",
			want: []string{`t.json:2:73: policies.session[0].Statement: missing "Resource" or "NotResource"`},
			kind: policy.ErrMissing,
			why:  "scenario format, POLICY (go doc ./scenario): a JSON string holding the document; its positions point into the scenario file",
		},
		{
			name:  "invalid policy in a file",
			src:   `{` + user + `, "policies": {"permissionsBoundary": {"file": "p/b.json"}}, "cases": []}`,
			files: map[string]string{"dir/p/b.json": "{\n  \"Statement\": []\n}"},
			want:  []string{`dir/p/b.json:2:16: Statement: expected a statement object or a non-empty array of statements, found an empty array`},
			kind:  policy.ErrType,
			why:   "scenario format, POLICY (go doc ./scenario): a file relative to the scenario file; its problems are positioned in that file",
		},
		{
			name: "missing policy file",
			src:  `{` + user + `, "policies": {"resource": {"id": "Bucket", "file": "nope.json"}}, "cases": []}`,
			want: []string{`t.json:1:105: policies.resource.file: cannot read policy file: open dir/nope.json: file does not exist`},
			kind: scenario.ErrValue,
			why:  "a policy that cannot be read makes the file fail to load",
		},
		{
			name: "reference with document and file",
			src:  `{` + user + `, "policies": {"resource": {"document": ` + okPolicy + `, "file": "x.json"}}, "cases": []}`,
			want: []string{`t.json:1:191: policies.resource.file: give either "document" or "file", not both`},
			kind: scenario.ErrConflict,
			why:  "scenario format, POLICY (go doc ./scenario): the id form carries one document",
		},
		{
			name: "reference without document",
			src:  `{` + user + `, "policies": {"resource": {"id": "Bucket"}}, "cases": []}`,
			want: []string{`t.json:1:80: policies.resource: a policy reference needs "document" or "file"`},
			kind: scenario.ErrMissing,
			why:  "scenario format, POLICY (go doc ./scenario): {\"id\": ..., \"document\": ...}",
		},
		{
			name: "policy elements beside an id",
			src:  `{` + user + `, "policies": {"identity": [{"id": "A", "Version": "2012-10-17", "Statement": []}]}, "cases": []}`,
			want: []string{
				`t.json:1:81: policies.identity[0]: a policy reference needs "document" or "file"`,
				`t.json:1:93: policies.identity[0].Version: unknown key "Version" in policy reference (known keys: id, document, file)`,
				`t.json:1:118: policies.identity[0].Statement: unknown key "Statement" in policy reference (known keys: id, document, file)`,
			},
			kind: scenario.ErrUnknownKey,
			why:  "an object with id is a reference: the document must go under \"document\"",
		},
		{
			name: "unknown policy set key",
			src:  `{` + user + `, "policies": {"identities": []}, "cases": []}`,
			want: []string{`t.json:1:68: policies.identities: unknown key "identities" in policies (known keys: identity, session, permissionsBoundary, resource, scp, rcp, vpcEndpoint)`},
			kind: scenario.ErrUnknownKey,
			why:  "scenario format, POLICY (go doc ./scenario) SET: the seven keys only",
		},
		{
			name: "empty organization levels",
			src:  `{` + user + `, "policies": {"scp": [[]], "rcp": [{}]}, "cases": []}`,
			want: []string{
				`t.json:1:76: policies.scp[0]: an SCP level needs at least one policy: AWS keeps one SCP attached at every level (list FullAWSAccess to allow everything)`,
				`t.json:1:89: policies.rcp[0]: expected a list of policies (one level), found object`,
			},
			kind: scenario.ErrType,
			why:  "scenario format (go doc ./scenario): scp and rcp are lists of lists; every organization level has a policy attached",
		},
		{
			name: "principal object problems",
			src: `[{"principal": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/alice", "roleArn": "x"}, "action": "s3:GetObject", "resource": "*"},` +
				"\n" + `{"principal": {"type": "iamuser"}, "action": "s3:GetObject", "resource": "*"},` +
				"\n" + `{"principal": {"arn": "arn:aws:iam::123456789012:user/alice"}, "action": "s3:GetObject", "resource": "*"},` +
				"\n" + `{"principal": {"type": "AssumedRole", "roleArn": "arn:aws:iam::123456789012:role/R", "sessionName": "s", "mfaAge": -1}, "action": "s3:GetObject", "resource": "*"},` +
				"\n" + `{"principal": "arn:aws:iam::123456789012:group/devs", "action": "s3:GetObject", "resource": "*"}]`,
			want: []string{
				`t.json:1:83: [0].principal.roleArn: unknown key "roleArn" in a IAMUser principal (known keys: type, arn, id, tags, temporary, issueTime, mfa, mfaAge)`,
				`t.json:2:24: [1].principal.type: unknown principal type "iamuser" (did you mean "IAMUser"?); expected one of Anonymous, Root, IAMUser, FederatedUser, AssumedRole, WebIdentity, SAML, Service`,
				`t.json:3:15: [2].principal: missing "type" (one of Anonymous, Root, IAMUser, FederatedUser, AssumedRole, WebIdentity, SAML, Service)`,
				`t.json:4:116: [3].principal.mfaAge: expected a whole, non-negative number of seconds, found -1`,
				`t.json:5:15: [4].principal: ` + groupMsg,
			},
			why: "scenario format (go doc ./scenario) PRINCIPAL: an ARN string or an object with type and that type's facts",
		},
		{
			name: "principal fact rejected by its constructor",
			src:  `[{"principal": {"type": "AssumedRole", "roleArn": "arn:aws:iam::123456789012:role/R", "sessionName": "x"}, "action": "s3:GetObject", "resource": "*"}]`,
			want: []string{`t.json:1:102: [0].principal.sessionName: ` + shortNameMsg},
			kind: scenario.ErrValue,
			why:  "constructor problems are positioned at the fact they name",
		},
		{
			name: "request the engine rejects",
			src:  "[\n {\"principal\": \"*\", \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}]",
			want: []string{`t.json:2:2: [0]: invalid request: ` + noAccountMsg},
			kind: scenario.ErrValue,
			why:  "scenario format, CASE (go doc ./scenario): without a resource account in the ARN or the principal the case is invalid without resourceAccount",
		},
		{
			name: "resource account is an account ID",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "resourceAccount": "12345"}]`,
			want: []string{`t.json:1:118: [0].resourceAccount: expected a 12-digit account ID, found "12345"`},
			kind: scenario.ErrValue,
			why:  "scenario format, CASE (go doc ./scenario): resourceAccount is the account that owns the resource (reference_identifiers.md: 12 digits)",
		},
		{
			name: "case policies must be an object",
			src:  `[{` + user + `, "action": "s3:GetObject", "resource": "*", "policies": null}]`,
			want: []string{`t.json:1:111: [0].policies: expected an object (a POLICY SET), found null`},
			kind: scenario.ErrType,
			why:  "null removes a key inside a POLICY SET; the set itself is an object",
		},
		{
			name: "tags claim keys are checked",
			src: `[{"principal": {"type": "WebIdentity", "roleArn": "arn:aws:iam::123456789012:role/W", "provider": "accounts.google.com", "sessionName": "app",` +
				` "claims": {"sub": "1", "https://aws.amazon.com/tags": {"principal_tag": {}}}}, "action": "s3:GetObject", "resource": "*"}]`,
			want: []string{`t.json:1:199: [0].principal.claims."https://aws.amazon.com/tags".principal_tag: unknown key "principal_tag" in the tags claim (did you mean "principal_tags"?)`},
			kind: scenario.ErrUnknownKey,
			why:  "API_AssumeRoleWithWebIdentity.html: the tags claim holds principal_tags and transitive_tag_keys",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := scenario.Load("t.json", []byte(tc.src), opener(prefixed("dir/", tc.files)))
			if tc.files != nil || strings.Contains(tc.src, `"file"`) {
				f, err = scenario.Load("dir/t.json", []byte(tc.src), opener(tc.files))
				tc.want = rename(tc.want, "t.json:", "dir/t.json:")
			}
			require.Error(t, err, tc.why)
			require.NotNil(t, f, "the file is kept so that its other cases run")
			assert.Equal(t, tc.want, errorLines(err), tc.why)
			var kept diag.ErrorList
			kept = append(kept, f.Errors...)
			for _, c := range f.Cases {
				if len(c.Err) > 0 {
					assert.Nil(t, c.Request(), "a case with problems has no request")
				}
				kept = append(kept, c.Err...)
			}
			kept.Sort()
			assert.Equal(t, tc.want, errorLines(kept.Err()), "every problem is in the file's Errors or one case's Err")
			if tc.kind != nil {
				assert.ErrorIs(t, err, tc.kind, tc.why)
			}
		})
	}
}

// prefixed returns files with every path prefixed.
func prefixed(prefix string, files map[string]string) map[string]string {
	out := make(map[string]string, len(files))
	for k, v := range files {
		out[prefix+k] = v
	}
	return out
}

// rename replaces a file-name prefix in expected error lines.
func rename(lines []string, from, to string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Replace(l, from, to, 1)
		if !strings.HasPrefix(l, from) {
			out[i] = l
		}
	}
	return out
}

var (
	groupMsg     = principalParseMsg("arn:aws:iam::123456789012:group/devs")
	shortNameMsg = constructorMsg(principal.NewAssumedRole(principal.AssumedRoleInput{RoleARN: "arn:aws:iam::123456789012:role/R", SessionName: "x"}))
	noAccountMsg = `resource account unknown: "arn:aws:s3:::b/k" names no account and the Anonymous principal has none; give the resource account (resourceAccount in scenario files)`
)

// constructorMsg returns the message of a principal constructor's error.
func constructorMsg[P any](_ P, err error) string {
	var pe *principal.Error
	if errors.As(err, &pe) {
		return pe.Msg
	}
	return "(accepted)"
}

// principalParseMsg returns the message principal.Parse gives for s, so
// that this test pins the scenario position and path rather than the
// principal package's wording.
func principalParseMsg(s string) string {
	_, err := scenario.ParsePrincipal("", []byte(fmt.Sprintf("%q", s)))
	if err == nil {
		return "(accepted)"
	}
	msg := err.Error()
	return msg[strings.Index(msg, "principal \""):]
}

// TestKindsTellTheFileFromItsPolicies checks that errors.Is tells a
// problem of the scenario file (scenario's kinds) from a problem of a
// policy it embeds (policy's kinds), which the same text could not.
func TestKindsTellTheFileFromItsPolicies(t *testing.T) {
	t.Parallel()
	_, err := scenario.Load("t.json", []byte(`{"cases": [], "title": "x"}`), nil)
	assert.ErrorIs(t, err, scenario.ErrUnknownKey, "a misspelt scenario key is the scenario's own kind")
	assert.NotErrorIs(t, err, policy.ErrUnknownElement, "and not a policy grammar problem")

	src := `{"principal": "arn:aws:iam::123456789012:user/alice", "policies": {"identity": [` +
		`{"Version": "2012-10-17", "Statement": {"Efect": "Allow", "Action": "s3:*", "Resource": "*"}}]}, "cases": []}`
	_, err = scenario.Load("t.json", []byte(src), nil)
	assert.ErrorIs(t, err, policy.ErrUnknownElement, "a misspelt policy element keeps policy's kind")
	assert.NotErrorIs(t, err, scenario.ErrUnknownKey, "and is not a scenario key problem")
}

// manyTags returns n distinct tags as the members of a JSON object.
func manyTags(n int) string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = fmt.Sprintf(`"t%d": "v"`, i)
	}
	return strings.Join(tags, ", ")
}
