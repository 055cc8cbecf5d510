package catalog_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/catalog"
)

func TestCoversTheReference(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, c.Date(), "the data say which date they hold")
	// The Service Authorization Reference lists about 450 service prefixes
	// and over 20,000 actions (2026).
	assert.Greater(t, len(c.Services()), 400)
	assert.Greater(t, len(c.Actions()), 20000)
	for _, s := range c.Services() {
		assert.NotEmpty(t, s.Name, s.Prefix)
		for i := range s.Actions {
			a := &s.Actions[i]
			assert.Same(t, a, c.Action(a.FullName), "every action is found by its own name")
			assert.NotEmpty(t, a.AccessLevel.String(), a.FullName)
		}
	}
}

func TestAction(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	tests := []struct {
		name, want string
		level      catalog.AccessLevel
		why        string
	}{
		{"s3:GetObject", "s3:GetObject", catalog.Read, "reference_policies_elements_action.html: exact name"},
		{"S3:GETOBJECT", "s3:GetObject", catalog.Read, "action names are case-insensitive; AWS's casing is returned"},
		{"s3:ListAllMyBuckets", "s3:ListAllMyBuckets", catalog.List, "a List action"},
		{"s3:PutObject", "s3:PutObject", catalog.Write, "a Write action"},
		{"s3:PutBucketPolicy", "s3:PutBucketPolicy", catalog.PermissionsManagement, "a Permissions management action"},
		{"s3:PutObjectTagging", "s3:PutObjectTagging", catalog.Tagging, "a Tagging action (the snapshot says 'Tagging, Write')"},
		{"iam:PassRole", "iam:PassRole", catalog.Write, "PassRole is Write in the reference"},
		{"s3:GetObjcet", "", 0, "a misspelt action does not exist"},
		{"s3", "", 0, "a bare prefix is not an action"},
		{"", "", 0, "empty"},
		{"s3:" + strings.Repeat("x", 1000), "", 0, "longer than any action"},
	}
	for _, tc := range tests {
		a := c.Action(tc.name)
		if tc.want == "" {
			assert.Nil(t, a, tc.why)
			continue
		}
		require.NotNil(t, a, tc.why)
		assert.Equal(t, tc.want, a.FullName, tc.why)
		assert.Equal(t, tc.level, a.AccessLevel, tc.why)
	}
}

func TestServiceAndWildcardOnly(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	s3 := c.Service("S3")
	require.NotNil(t, s3)
	assert.Equal(t, "Amazon S3", s3.Name)
	assert.True(t, s3.RCP, "RCPs support S3 (orgs_manage_policies_rcps.html)")
	assert.Nil(t, c.Service("nosuchservice"))
	assert.True(t, c.Action("s3:ListAllMyBuckets").WildcardOnly(), "ListAllMyBuckets has no resource type")
	assert.False(t, c.Action("s3:GetObject").WildcardOnly())
	assert.Same(t, s3.Action("getobject"), c.Action("s3:GetObject"))
	require.NotNil(t, s3.ResourceType("Object"))
	assert.Equal(t, []string{"arn:${Partition}:s3:::${BucketName}/${ObjectName}"}, s3.ResourceType("object").ARNFormats)
	assert.Nil(t, s3.ResourceType("nosuch"))
	rcp := c.RCPServices()
	for _, p := range []string{"s3", "sts", "kms", "sqs", "secretsmanager"} {
		assert.Contains(t, rcp, p, "RCPs launched with these services")
	}
}

func TestResourceTypeMatches(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	tests := []struct {
		action, arn string
		want        []string
		why         string
	}{
		{"s3:GetObject", "arn:aws:s3:::bucket/key", []string{"object"}, "an object ARN fits the object type"},
		{"s3:GetObject", "arn:aws:s3:::bucket", nil, "a bucket is not an object"},
		{"s3:ListBucket", "arn:aws:s3:::bucket", []string{"bucket"}, "a bucket ARN fits the bucket type"},
		{"s3:ListBucket", "arn:aws:s3:::bucket/key", nil, "bucket names hold no '/': an object is not a bucket"},
		{"s3:GetObject", "arn:aws:iam::111122223333:user/x", nil, "an IAM user is no S3 resource"},
		{"iam:PassRole", "arn:aws:iam::111122223333:role/path/r", []string{"role"}, "role names may carry a path"},
		{"iam:PassRole", "arn:aws:iam::111122223333:user/u", nil, "a user is not a role"},
		{"logs:PutLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f:log-stream:s", []string{"log-stream"}, "log group names hold '/' and the resource part holds ':'"},
		{"s3:GetObject", "not-an-arn", nil, "not an ARN"},
		{"s3:GetObject", "arn:aws:s3:::", nil, "placeholders need at least one character"},
	}
	for _, tc := range tests {
		a := c.Action(tc.action)
		require.NotNil(t, a, tc.action)
		var got []string
		for _, ar := range a.ResourceTypesFor(tc.arn) {
			got = append(got, ar.Type.Name)
		}
		assert.Equal(t, tc.want, got, "%s on %s: %s", tc.action, tc.arn, tc.why)
	}
}

func TestResourceTypeMayMatch(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	role := c.Service("iam").ResourceType("role")
	object := c.Service("s3").ResourceType("object")
	bucket := c.Service("s3").ResourceType("bucket")
	tests := []struct {
		rt      *catalog.ResourceType
		pattern string
		want    bool
		why     string
	}{
		{role, "*", true, "'*' names every resource"},
		{role, "arn:aws:iam::*:role/*", true, "wildcards in account and name"},
		{role, "arn:aws:iam::111122223333:role/${aws:username}", true, "a policy variable may be any name"},
		{role, "arn:aws:s3:::x", false, "another service"},
		{role, "arn:aws:iam::111122223333:user/*", false, "another resource type"},
		{object, "arn:aws:s3:::b/*", true, "objects of a bucket"},
		{object, "arn:aws:s3:::b", false, "a bucket ARN names no object"},
		{bucket, "arn:aws:s3:::b/*", false, "bucket names hold no '/'"},
		{bucket, "arn:aws:s3:::*", true, "'*' may be a bucket name"},
		{object, "arn:aws:s3:::*", true, "'*' in the resource part may hold '/'"},
		{bucket, "arn:aws:s3:*", true, "a pattern with fewer segments is compared as a whole"},
		{object, "arn:aws:s3:::b?k", true, "'?' may stand for the '/' between bucket and key"},
		{object, "arn:aws:s3:::bk", false, "an object ARN needs a '/'"},
		{object, "arn:aws:s3:::b/${aws:username}${aws:userid}*k", true, "variables and stars next to each other are one run"},
		{object, "arn:aws:s3:::b/${aws:username", true, "an unclosed ${ is text"},
		{object, "arn:aws:s3:::b/" + strings.Repeat("*", 100_000) + "k", true, "any number of stars in a row is one run"},
		{object, "arn:aws:s3:::b/" + strings.Repeat("${", 1_000), true, "unclosed ${ are text"},
		{object, "arn:aws:s3:::b/" + strings.Repeat("k", 2_033), true, "an ARN of 2,048 characters"},
		{object, "arn:aws:s3:::b/" + strings.Repeat("k", 2_034), false, "no ARN is longer than 2,048 characters (IAM API ResourceArns)"},
		{object, "arn:aws:s3:::b/" + strings.Repeat("k*", 2_034), false, "nor matches a pattern of more characters than that"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.rt.MayMatch(tc.pattern), "%s %s: %s", tc.rt.Name, tc.pattern[:min(len(tc.pattern), 60)], tc.why)
	}
}

// Issue 15: a Resource of 30 MB made validate allocate 2.2 GB, comparing
// it with every ARN format element by element. A pattern that only ARNs
// longer than AWS's 2,048 characters could match is told apart by its
// length, and a concrete ARN that long fits no format.
func TestResourceTypeLongARNs(t *testing.T) {
	object := catalog.Default().Service("s3").ResourceType("object")
	long := "arn:aws:s3:::b/" + strings.Repeat("k", 1<<20)
	allocs := testing.AllocsPerRun(3, func() {
		assert.False(t, object.MayMatch(long))
		assert.False(t, object.Matches(long))
	})
	assert.Zero(t, allocs, "answered from the length")
	assert.True(t, object.Matches("arn:aws:s3:::b/"+strings.Repeat("k", 2_033)), "an object ARN of 2,048 characters")
}

func TestConditionKey(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	tests := []struct {
		name, want string
		typ        catalog.KeyType
		why        string
	}{
		{"aws:SourceIp", "aws:SourceIp", catalog.IPAddress, "reference_policies_condition-keys.html: IP address"},
		{"AWS:SOURCEIP", "aws:SourceIp", catalog.IPAddress, "key names are case-insensitive"},
		{"aws:TagKeys", "aws:TagKeys", catalog.ArrayOf | catalog.String, "multivalued"},
		{"aws:PrincipalTag/team", "aws:PrincipalTag/${TagKey}", catalog.String, "a tag key fills the template"},
		{"aws:CurrentTime", "aws:CurrentTime", catalog.Date, "a date key"},
		{"aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", catalog.Bool, "a Boolean key"},
		{"s3:prefix", "s3:prefix", catalog.String, "a service key"},
		{"s3:ExistingObjectTag/env", "s3:ExistingObjectTag/<key>", catalog.String, "a service template with <key>"},
		{"iam:PassedToService", "iam:PassedToService", catalog.String, "the key PassRole needs"},
		{"lambda:SourceFunctionArn", "lambda:SourceFunctionArn", catalog.ARN, "documented with the global keys"},
		{"aws:NoSuchKey", "", 0, "unknown global key"},
		{"s3:nosuchkey", "", 0, "unknown service key"},
		{"nosuch:key", "", 0, "unknown service"},
		{"aws:PrincipalTag/", "", 0, "a template needs its variable part"},
		{"noprefix", "", 0, "no prefix"},
	}
	for _, tc := range tests {
		k, ok := c.ConditionKey(tc.name)
		assert.Equal(t, tc.want != "", ok, "%s: %s", tc.name, tc.why)
		assert.Equal(t, tc.want, k.Name, "%s: %s", tc.name, tc.why)
		assert.Equal(t, tc.typ, k.Type, "%s: %s", tc.name, tc.why)
	}
	assert.True(t, (catalog.ArrayOf | catalog.ARN).Multivalued())
	assert.Equal(t, "ArrayOfARN", (catalog.ArrayOf | catalog.ARN).String())
	assert.Equal(t, catalog.ARN, (catalog.ArrayOf | catalog.ARN).Base())
}

func TestMatchActions(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	s3 := c.Service("s3")
	// An independent count: the S3 actions whose name starts with "get".
	want := 0
	for _, a := range s3.Actions {
		if strings.HasPrefix(strings.ToLower(a.Name), "get") {
			want++
		}
	}
	got := c.MatchActions("s3:Get*")
	assert.Len(t, got, want, "s3:Get* is every S3 action starting with Get")
	assert.Len(t, c.MatchActions("S3:get*"), want, "patterns are case-insensitive")
	for i := 1; i < len(got); i++ {
		assert.Less(t, strings.ToLower(got[i-1].FullName), strings.ToLower(got[i].FullName), "sorted")
	}
	assert.Len(t, c.MatchActions("*"), len(c.Actions()), "'*' is every action")
	assert.Len(t, c.MatchActions("s3:*"), len(s3.Actions))
	assert.Len(t, c.MatchActions("s3:getobject"), 1)
	assert.Empty(t, c.MatchActions("s3:GetObjcet"))
	assert.Empty(t, c.MatchActions("nosuch:*"))
	assert.Empty(t, c.MatchActions("s?:GetObject"), "the engine compares the service prefix literally (package policy warns)")
	assert.Empty(t, c.MatchActions("*:ListAllMyBuckets"), "only '*' alone stands for every service")
	assert.Empty(t, c.MatchActions("GetObject"), "no service prefix")
}

func TestDefaultConcurrent(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NotNil(t, catalog.Default().Action("s3:GetObject"))
		}()
	}
	wg.Wait()
}

func TestLookupsDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under -race")
	}
	c := catalog.Default()
	s3 := c.Service("s3")
	n := testing.AllocsPerRun(100, func() {
		_ = c.Action("S3:GetObject")
		_ = c.Action("s3:GetObjcet")
		_ = c.Service("S3")
		_ = s3.Action("GETOBJECT")
	})
	assert.Zero(t, n, "action and service lookups do not allocate")
}

func BenchmarkAction(b *testing.B) {
	c := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Action("s3:GetObject")
	}
}

func BenchmarkActionMixedCase(b *testing.B) {
	c := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Action("DynamoDB:BatchGetItem")
	}
}

func BenchmarkActionMissing(b *testing.B) {
	c := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Action("s3:GetObjcet")
	}
}

func BenchmarkDecode(b *testing.B) {
	data := catalog.EmbeddedData()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCheckAction(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	tests := []struct {
		action, want, why string
	}{
		{"s3:GetObject", "", "an action of the reference"},
		{"S3:getobject", "", "case-insensitive"},
		{"s3:GetObjcet", "s3:GetObjcet is not an action of Amazon S3 (did you mean s3:GetObject?)", "two letters swapped"},
		{"iam:PasRole", "iam:PasRole is not an action of AWS Identity and Access Management (IAM) (did you mean iam:PassRole?)", "a letter missing"},
		{"s3:Frobnicate", "s3:Frobnicate is not an action of Amazon S3", "nothing close: no suggestion"},
		{"s4:GetObject", "s4:GetObject is not an action: s4 is not a service prefix of AWS's Service Authorization Reference (data of " + c.Date() + ")", "unknown service"},
		{"GetObject", "GetObject is not an action: actions are written service:Action", "no prefix"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, c.CheckAction(tc.action), tc.why)
	}
}
