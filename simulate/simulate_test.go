package simulate

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
)

// The policy of the AWS CLI reference examples of simulate-custom-policy
// (awscli/examples/iam/simulate-custom-policy.rst).
const cliExamplePolicy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}`

func TestAWSCLIExamples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		now  string
		want EvaluationResult
		why  string
	}{
		{
			name: "allowed after the date",
			now:  "2019-04-25T11:00:00Z",
			want: EvaluationResult{
				EvalActionName: "dynamodb:CreateBackup", EvalResourceName: "*", EvalDecision: iameval.Allowed,
				MatchedStatements: []Statement{{
					SourcePolicyID: "PolicyInputList.1", SourcePolicyType: SourceIAMPolicy,
					StartPosition: Position{1, 38}, EndPosition: Position{1, 167},
				}},
				MissingContextValues: []string{},
			},
			why: "simulate-custom-policy.rst Example 1: allowed, the statement at Line 1 Column 38 to 167",
		},
		{
			name: "implicitly denied before the date",
			now:  "2014-04-25T11:00:00Z",
			want: EvaluationResult{
				EvalActionName: "dynamodb:CreateBackup", EvalResourceName: "*", EvalDecision: iameval.ImplicitDeny,
				MatchedStatements: []Statement{}, MissingContextValues: []string{},
			},
			why: "simulate-custom-policy.rst Example 2: implicitDeny with empty MatchedStatements",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			resp := simulateOK(t, &Input{
				PolicyInputList: []string{cliExamplePolicy},
				ActionNames:     []string{"dynamodb:CreateBackup"},
				ContextEntries:  []ContextEntry{{ContextKeyName: "aws:CurrentTime", ContextKeyValues: []string{tc.now}, ContextKeyType: "date"}},
			})
			if d := cmp.Diff(tc.want, only(t, resp)); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.why, d)
			}
			assert.False(t, resp.IsTruncated, "every result is returned")
		})
	}
}

// The policies of a recorded SimulateCustomPolicy exchange (Scott Logic,
// "Automated permissions testing with AWS IAM Policy Simulator", 2025): a
// role policy as json.dumps writes it and the bucket policy as S3 returns
// it (compact, one-element lists as strings).
const (
	blogRolePolicy   = `{"Version": "2012-10-17", "Statement": [{"Sid": "s3", "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::tims-fancy-bucket/only-here/*"]}]}`
	blogBucketPolicy = `{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"*","Resource":["arn:aws:s3:::tims-fancy-bucket/*","arn:aws:s3:::tims-fancy-bucket"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Sid":"DenyTimDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::tims-fancy-bucket/*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::112233445566:role/tims-test-role"}}}]}`
	blogObject       = "arn:aws:s3:::tims-fancy-bucket/only-here/some-obj"
)

func blogInput(secure string) *Input {
	return &Input{
		PolicyInputList: []string{blogRolePolicy},
		ResourcePolicy:  blogBucketPolicy,
		CallerArn:       "arn:aws:iam::112233445566:user/dummy",
		ActionNames:     []string{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"},
		ResourceArns:    []string{blogObject},
		ContextEntries: []ContextEntry{
			{ContextKeyName: "aws:principalarn", ContextKeyValues: []string{"arn:aws:iam::112233445566:role/tims-test-role"}, ContextKeyType: "string"},
			{ContextKeyName: "aws:SecureTransport", ContextKeyValues: []string{secure}, ContextKeyType: "boolean"},
		},
	}
}

func TestRecordedResourcePolicyExchange(t *testing.T) {
	t.Parallel()
	role := Statement{SourcePolicyID: "PolicyInputList.1", SourcePolicyType: SourceIAMPolicy, StartPosition: Position{1, 41}, EndPosition: Position{1, 180}}
	denyInsecure := Statement{SourcePolicyID: "ResourcePolicy", SourcePolicyType: SourceResourcePolicy, StartPosition: Position{1, 38}, EndPosition: Position{1, 248}}
	denyDelete := Statement{SourcePolicyID: "ResourcePolicy", SourcePolicyType: SourceResourcePolicy, StartPosition: Position{1, 248}, EndPosition: Position{1, 470}}

	resp := simulateOK(t, blogInput("true"))
	require.Len(t, resp.EvaluationResults, 3)
	assert.Equal(t, []iameval.Decision{iameval.Allowed, iameval.ImplicitDeny, iameval.ExplicitDeny}, decisions(resp),
		"the recorded decisions of GetObject, PutObject and DeleteObject")
	assert.Equal(t, []Statement{role}, resp.EvaluationResults[0].MatchedStatements, "the recorded allowing statement and its positions")
	assert.Empty(t, resp.EvaluationResults[1].MatchedStatements, "implicitDeny has no matched statement")
	assert.Equal(t, []Statement{denyDelete}, resp.EvaluationResults[2].MatchedStatements,
		"the recorded Deny and its positions; iameval lists only the Deny (API documentation of MatchedStatements)")

	insecure := simulateOK(t, blogInput("false"))
	assert.Equal(t, []Statement{denyInsecure}, insecure.EvaluationResults[0].MatchedStatements,
		"the recorded response with aws:SecureTransport false: GetObject denied by the first bucket statement")
}

func TestResultShapeForResources(t *testing.T) {
	t.Parallel()
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}`
	resp := simulateOK(t, &Input{
		PolicyInputList: []string{policy},
		ActionNames:     []string{"s3:GetObject"},
		ResourceArns:    []string{"*", "arn:aws:s3:::reports/q1.csv"},
	})
	require.Len(t, resp.EvaluationResults, 2)
	star, arn := resp.EvaluationResults[0], resp.EvaluationResults[1]

	assert.Equal(t, []string{"aws:SourceIp"}, star.MissingContextValues, "for \"*\" missing keys are listed in the result (EvaluationResult.MissingContextValues)")
	assert.Nil(t, star.EvalDecisionDetails, "absent for a same-account request on \"*\" (EvaluationResult.EvalDecisionDetails)")
	assert.Nil(t, star.ResourceSpecificResults, "no resource-specific results for \"*\"")

	assert.Equal(t, []string{}, arn.MissingContextValues, "for an ARN the missing keys move to ResourceSpecificResults")
	assert.Equal(t, map[string]iameval.Decision{}, arn.EvalDecisionDetails, "present but empty for a same-account request on an ARN")
	want := []ResourceSpecificResult{{
		EvalResourceName: "arn:aws:s3:::reports/q1.csv", EvalResourceDecision: iameval.ImplicitDeny,
		MatchedStatements: []Statement{}, MissingContextValues: []string{"aws:SourceIp"},
	}}
	if d := cmp.Diff(want, arn.ResourceSpecificResults); d != "" {
		t.Errorf("ResourceSpecificResult of an ARN (-want +got):\n%s", d)
	}

	b, err := json.Marshal(arn)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"EvalDecisionDetails":{}`, "the empty map is written, as AWS returns it")
	b, err = json.Marshal(star)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "EvalDecisionDetails", "and left out for \"*\"")
}

func TestPermissionsBoundary(t *testing.T) {
	t.Parallel()
	boundary := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","cloudwatch:*"],"Resource":"*"},{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}`
	resp := simulateOK(t, &Input{
		PolicyInputList:                    []string{allowAll},
		PermissionsBoundaryPolicyInputList: []string{boundary},
		ActionNames:                        []string{"s3:GetObject", "iam:CreateUser", "s3:DeleteBucket"},
	})
	require.Len(t, resp.EvaluationResults, 3)
	get, create, del := resp.EvaluationResults[0], resp.EvaluationResults[1], resp.EvaluationResults[2]

	assert.Equal(t, iameval.Allowed, get.EvalDecision, "identity and boundary both allow (access_policies_boundaries.md)")
	assert.Equal(t, []string{"PolicyInputList.1", "PermissionsBoundaryPolicyInputList.1"}, ids(get.MatchedStatements),
		"the allowing statement of each policy type the decision needed")
	assert.Equal(t, SourcePermissionsBoundaryPolicy, get.MatchedStatements[1].SourcePolicyType)
	assert.Equal(t, &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: true}, get.PermissionsBoundaryDecisionDetail)

	assert.Equal(t, iameval.ImplicitDeny, create.EvalDecision, "the boundary does not allow iam:CreateUser")
	assert.Empty(t, create.MatchedStatements)
	assert.Equal(t, &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: false}, create.PermissionsBoundaryDecisionDetail,
		"false: the boundary implicitly denies (PermissionsBoundaryDecisionDetail)")

	assert.Equal(t, iameval.ExplicitDeny, del.EvalDecision, "the boundary's Deny wins")
	assert.Equal(t, []Statement{{SourcePolicyID: "PermissionsBoundaryPolicyInputList.1", SourcePolicyType: SourcePermissionsBoundaryPolicy,
		StartPosition: Position{1, 104}, EndPosition: Position{1, 164}}}, del.MatchedStatements,
		"only the matching Deny statement, positioned after the previous statement's brace")
	assert.Equal(t, &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: false}, del.PermissionsBoundaryDecisionDetail)
}

func TestExplicitDenyListsOnlyDenies(t *testing.T) {
	t.Parallel()
	deny := `{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}`
	r := only(t, simulateOK(t, &Input{PolicyInputList: []string{allowAll, deny}, ActionNames: []string{"s3:DeleteObject"}}))
	assert.Equal(t, iameval.ExplicitDeny, r.EvalDecision)
	assert.Equal(t, []string{"PolicyInputList.2"}, ids(r.MatchedStatements),
		"EvaluationResult.MatchedStatements: the deny statement is the only entry included")
}

func TestCrossAccount(t *testing.T) {
	t.Parallel()
	queue := "arn:aws:sqs:us-east-1:222222222222:orders"
	grant := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sqs:SendMessage","Resource":"*"}]}`
	sendAllowed := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`
	tests := []struct {
		name     string
		identity []string
		resource string
		want     iameval.Decision
		details  map[string]iameval.Decision
		why      string
	}{
		{"both accounts allow", []string{sendAllowed}, grant, iameval.Allowed,
			map[string]iameval.Decision{SourceIAMPolicy: iameval.Allowed, SourceResourcePolicy: iameval.Allowed},
			"cross-account access needs an allow from the caller's account and from the resource's (reference_policies_evaluation-logic.md)"},
		{"no identity allow", []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`}, grant, iameval.ImplicitDeny,
			map[string]iameval.Decision{SourceIAMPolicy: iameval.ImplicitDeny, SourceResourcePolicy: iameval.Allowed},
			"the resource policy alone does not grant a caller of another account"},
		{"no resource policy", []string{sendAllowed}, "", iameval.ImplicitDeny,
			map[string]iameval.Decision{SourceIAMPolicy: iameval.Allowed, SourceResourcePolicy: iameval.ImplicitDeny},
			"without a resource policy the resource side does not allow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := only(t, simulateOK(t, &Input{
				PolicyInputList: tc.identity, ResourcePolicy: tc.resource,
				CallerArn:   "arn:aws:iam::111111111111:user/alice",
				ActionNames: []string{"sqs:SendMessage"}, ResourceArns: []string{queue},
			}))
			assert.Equal(t, tc.want, r.EvalDecision, tc.why)
			assert.Equal(t, tc.details, r.EvalDecisionDetails, "EvalDecisionDetails is populated for cross-account simulations: %s", tc.why)
			require.Len(t, r.ResourceSpecificResults, 1)
			assert.Equal(t, tc.details, r.ResourceSpecificResults[0].EvalDecisionDetails, "and in the resource-specific result")
		})
	}
}

func TestResourceOwner(t *testing.T) {
	t.Parallel()
	bucket := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::shared"}]}`
	in := func(owner string) *Input {
		return &Input{
			PolicyInputList: []string{s3ReadPolicy}, ResourcePolicy: bucket,
			CallerArn:     "arn:aws:iam::111111111111:user/alice",
			ResourceOwner: owner,
			ActionNames:   []string{"s3:ListBucket"}, ResourceArns: []string{"arn:aws:s3:::shared"},
		}
	}
	same := only(t, simulateOK(t, in("")))
	assert.Equal(t, map[string]iameval.Decision{}, same.EvalDecisionDetails, "without ResourceOwner the caller's account owns the bucket")
	other := only(t, simulateOK(t, in("arn:aws:iam::222222222222:root")))
	assert.Equal(t, iameval.Allowed, other.EvalDecision, "the bucket policy trusts the caller's account and the identity policy allows")
	assert.Equal(t, map[string]iameval.Decision{SourceIAMPolicy: iameval.Allowed, SourceResourcePolicy: iameval.Allowed}, other.EvalDecisionDetails,
		"ResourceOwner names the owner of a resource whose ARN has no account: cross-account")
	bare := only(t, simulateOK(t, in("222222222222")))
	assert.Equal(t, other, bare, "a bare account ID is the same owner")
}

func TestOrganizationPolicies(t *testing.T) {
	t.Parallel()
	full := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	noS3Delete := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}`
	resp := simulateOK(t, &Input{
		PolicyInputList:        []string{allowAll},
		CallerArn:              "arn:aws:iam::111111111111:user/alice",
		ActionNames:            []string{"s3:GetObject", "s3:DeleteBucket"},
		ServiceControlPolicies: [][]string{{full}, {full, noS3Delete}},
	})
	get, del := resp.EvaluationResults[0], resp.EvaluationResults[1]
	assert.Equal(t, iameval.Allowed, get.EvalDecision, "every SCP level allows")
	assert.Equal(t, &OrganizationsDecisionDetail{AllowedByOrganizations: true}, get.OrganizationsDecisionDetail)
	assert.Equal(t, iameval.ExplicitDeny, del.EvalDecision, "an SCP Deny wins")
	assert.Equal(t, &OrganizationsDecisionDetail{AllowedByOrganizations: false}, del.OrganizationsDecisionDetail)
	assert.Equal(t, []Statement{{SourcePolicyID: "IamevalServiceControlPolicyInputList.2.2", SourcePolicyType: SourceServiceControlPolicy,
		StartPosition: Position{1, 38}, EndPosition: Position{1, 97}}}, del.MatchedStatements,
		"SCPs are named by level and position, both 1-based")

	none := only(t, simulateOK(t, &Input{PolicyInputList: []string{allowAll}, ActionNames: []string{"s3:GetObject"}}))
	assert.Nil(t, none.OrganizationsDecisionDetail, "SimulateCustomPolicy has no organization input: absent without the extension")
}

func TestDefaultCaller(t *testing.T) {
	t.Parallel()
	home := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}`
	resp := simulateOK(t, &Input{
		PolicyInputList: []string{home, allowAll},
		ActionNames:     []string{"s3:GetObject", "dynamodb:GetItem"},
		ResourceArns:    []string{"arn:aws:s3:::home/" + DefaultCallerName + "/notes.txt", "arn:aws:dynamodb:us-east-1:999999999999:table/t"},
	})
	require.Len(t, resp.EvaluationResults, 4, "every action on every resource")
	names := []string{}
	for _, r := range resp.EvaluationResults {
		names = append(names, r.EvalActionName+" "+r.EvalResourceName)
	}
	assert.Equal(t, []string{
		"s3:GetObject arn:aws:s3:::home/iameval-simulated-caller/notes.txt",
		"s3:GetObject arn:aws:dynamodb:us-east-1:999999999999:table/t",
		"dynamodb:GetItem arn:aws:s3:::home/iameval-simulated-caller/notes.txt",
		"dynamodb:GetItem arn:aws:dynamodb:us-east-1:999999999999:table/t",
	}, names, "actions in order, each over the resources in order")
	for _, r := range resp.EvaluationResults {
		assert.Equal(t, iameval.Allowed, r.EvalDecision, "the default caller is in the account of each resource: %s", r.EvalResourceName)
		assert.Equal(t, map[string]iameval.Decision{}, r.EvalDecisionDetails, "same-account: %s", r.EvalResourceName)
	}
	assert.Equal(t, []string{"PolicyInputList.1", "PolicyInputList.2"}, ids(resp.EvaluationResults[0].MatchedStatements),
		"${aws:username} is the default caller's name (a documented difference from AWS)")
}

func TestCallerKinds(t *testing.T) {
	t.Parallel()
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Deployer"},"Action":"sts:AssumeRole"}]}`
	assume := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/*"}]}`
	tests := []struct {
		name, caller string
		want         iameval.Decision
		why          string
	}{
		{"role session named by its role", "arn:aws:sts::111111111111:assumed-role/Deployer/ci", iameval.Allowed,
			"a role session matches a trust policy naming its role; AWS's simulator accepts only IAM users as caller"},
		{"other role", "arn:aws:sts::111111111111:assumed-role/Reader/ci", iameval.ImplicitDeny,
			"a role's trust policy must allow: the identity policy alone does not (reference_policies_evaluation-logic.md, role trust)"},
		{"root user", "arn:aws:iam::111111111111:root", iameval.ImplicitDeny, "even the root user needs the role's trust policy"},
		{"anonymous", "anonymous", iameval.ImplicitDeny, "an anonymous caller is granted only by a resource policy naming \"*\""},
		{"service principal", "ecs-tasks.amazonaws.com", iameval.ImplicitDeny, "the trust policy does not name the service"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := only(t, simulateOK(t, &Input{
				PolicyInputList: []string{assume}, ResourcePolicy: trust, CallerArn: tc.caller,
				ActionNames: []string{"sts:AssumeRole"}, ResourceArns: []string{"arn:aws:iam::111111111111:role/Target"},
			}))
			assert.Equal(t, tc.want, r.EvalDecision, tc.why)
		})
	}
}

func TestRequestTimeFollowsContext(t *testing.T) {
	t.Parallel()
	epoch := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:EpochTime":"1500000000"}}}]}`
	in := &Input{
		PolicyInputList: []string{epoch}, ActionNames: []string{"s3:GetObject"},
		ContextEntries: []ContextEntry{{ContextKeyName: "aws:CurrentTime", ContextKeyValues: []string{"2017-01-01T00:00:00Z"}, ContextKeyType: "date"}},
	}
	assert.Equal(t, iameval.Allowed, only(t, simulateOK(t, in)).EvalDecision,
		"aws:CurrentTime sets the request time, so the derived aws:EpochTime (1483228800) agrees")
	in.Time = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, iameval.ImplicitDeny, only(t, simulateOK(t, in)).EvalDecision,
		"Input.Time wins: the derived aws:EpochTime (1577836800) follows it")
}

func TestSimulateRejectsInvalidInput(t *testing.T) {
	t.Parallel()
	_, err := Simulate(&Input{PolicyInputList: []string{`{"Statement":[]}`}, ActionNames: []string{"s3:Get Object"}})
	list := errorList(t, err)
	require.Len(t, list, 2, "every problem is reported: %v", err)
	assert.Equal(t, "PolicyInputList[0]", list[0].Path, "an input built in Go has no positions: the path names the parameter")
	assert.ErrorIs(t, err, ErrPolicy)
	assert.ErrorIs(t, err, ErrValue)
	assert.Equal(t, "ActionNames[0]: \"s3:Get Object\" is not an action; expected service:Name, such as s3:GetObject", list[1].Error())

	_, err = Simulate(nil)
	assert.ErrorIs(t, err, ErrMissing, "a nil input")
}
