package account

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// genSize is the shape of a generated export.
type genSize struct{ roles, users, groups, policies int }

// scaleSize is the export of the scale target: 5,000 roles, 2,000 users and
// 10,000 customer managed policies.
var scaleSize = genSize{roles: 5000, users: 2000, groups: 50, policies: 10000}

// genServices are the services generated statements use.
var genServices = []struct{ service, arn string }{
	{"s3", "arn:aws:s3:::bucket-%d/*"},
	{"dynamodb", "arn:aws:dynamodb:us-east-1:111122223333:table/table-%d"},
	{"sqs", "arn:aws:sqs:us-east-1:111122223333:queue-%d"},
	{"lambda", "arn:aws:lambda:us-east-1:111122223333:function:fn-%d"},
	{"kms", "arn:aws:kms:us-east-1:111122223333:key/key-%d"},
	{"logs", "arn:aws:logs:us-east-1:111122223333:log-group:/app/%d:*"},
}

// genActions are the action names generated statements use, per service.
var genActions = map[string][]string{
	"s3":       {"GetObject", "PutObject", "DeleteObject", "ListBucket", "Get*"},
	"dynamodb": {"GetItem", "PutItem", "Query", "Scan", "*"},
	"sqs":      {"SendMessage", "ReceiveMessage", "DeleteMessage"},
	"lambda":   {"InvokeFunction", "GetFunction", "UpdateFunctionCode"},
	"kms":      {"Decrypt", "Encrypt", "GenerateDataKey"},
	"logs":     {"PutLogEvents", "CreateLogStream"},
}

// genExport writes a deterministic get-account-authorization-details
// document of account 111122223333 with the given size: managed policies
// of two to four statements (some Deny, some with conditions), users with
// inline, attached and group policies, roles with service or cross-role
// trust policies, tags and some boundaries. Documents alternate between
// JSON objects and URL-encoded strings.
func genExport(size genSize, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	b.Grow(size.policies*700 + size.roles*900 + size.users*600)
	doc := func(i int) string {
		var s strings.Builder
		s.WriteString(`{"Version":"2012-10-17","Statement":[`)
		n := 2 + r.IntN(3)
		for j := 0; j < n; j++ {
			if j > 0 {
				s.WriteByte(',')
			}
			svc := genServices[r.IntN(len(genServices))]
			acts := genActions[svc.service]
			effect := "Allow"
			if r.IntN(10) == 0 {
				effect = "Deny"
			}
			fmt.Fprintf(&s, `{"Sid":"S%d","Effect":"%s","Action":["%s:%s","%s:%s"],"Resource":"`+svc.arn+`"`,
				j, effect, svc.service, acts[r.IntN(len(acts))], svc.service, acts[r.IntN(len(acts))], r.IntN(200))
			if r.IntN(5) == 0 {
				fmt.Fprintf(&s, `,"Condition":{"StringEquals":{"aws:PrincipalTag/team":"team-%d"}}`, r.IntN(20))
			}
			s.WriteByte('}')
		}
		s.WriteString(`]}`)
		return s.String()
	}
	// encoded writes a document as an object or a URL-encoded string.
	encoded := func(d string, i int) string {
		if i%2 == 0 {
			return d
		}
		return `"` + strings.NewReplacer(`"`, "%22", "{", "%7B", "}", "%7D", ":", "%3A", "/", "%2F", "[", "%5B", "]", "%5D", ",", "%2C", "*", "%2A", "$", "%24").Replace(d) + `"`
	}
	policyARN := func(i int) string { return fmt.Sprintf("arn:aws:iam::111122223333:policy/p%05d", i) }
	attached := func(n int) string {
		var s []string
		for k := 0; k < n; k++ {
			i := r.IntN(size.policies)
			s = append(s, fmt.Sprintf(`{"PolicyName":"p%05d","PolicyArn":"%s"}`, i, policyARN(i)))
		}
		return "[" + strings.Join(s, ",") + "]"
	}
	b.WriteString("{\n\"UserDetailList\": [\n")
	for i := 0; i < size.users; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		var groups []string
		for k := r.IntN(3); k > 0; k-- {
			groups = append(groups, fmt.Sprintf(`"g%03d"`, r.IntN(size.groups)))
		}
		boundary := ""
		if i%10 == 0 {
			boundary = fmt.Sprintf(`,"PermissionsBoundary":{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"%s"}`, policyARN(r.IntN(size.policies)))
		}
		fmt.Fprintf(&b, `{"Path":"/","UserName":"u%05d","UserId":"AIDAGEN%013d","Arn":"arn:aws:iam::111122223333:user/u%05d","CreateDate":"2024-01-01T00:00:00Z","UserPolicyList":[{"PolicyName":"inline","PolicyDocument":%s}],"GroupList":[%s],"AttachedManagedPolicies":%s%s,"Tags":[{"Key":"team","Value":"team-%d"}]}`,
			i, i, i, encoded(doc(i), i), strings.Join(dedupe(groups), ","), attached(1+r.IntN(3)), boundary, r.IntN(20))
	}
	b.WriteString("\n],\n\"GroupDetailList\": [\n")
	for i := 0; i < size.groups; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"Path":"/","GroupName":"g%03d","GroupId":"AGPAGEN%013d","Arn":"arn:aws:iam::111122223333:group/g%03d","GroupPolicyList":[{"PolicyName":"inline","PolicyDocument":%s}],"AttachedManagedPolicies":%s}`,
			i, i, i, encoded(doc(i), i), attached(2))
	}
	b.WriteString("\n],\n\"RoleDetailList\": [\n")
	for i := 0; i < size.roles; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		var trust string
		switch i % 3 {
		case 0:
			trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
		case 1:
			trust = fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/u%05d"},"Action":"sts:AssumeRole"}]}`, r.IntN(size.users))
		default:
			trust = fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/r%05d"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalTag/team":"team-%d"}}}]}`, r.IntN(size.roles), r.IntN(20))
		}
		fmt.Fprintf(&b, `{"Path":"/app/","RoleName":"r%05d","RoleId":"AROAGEN%013d","Arn":"arn:aws:iam::111122223333:role/app/r%05d","CreateDate":"2024-01-01T00:00:00Z","AssumeRolePolicyDocument":%s,"InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"inline","PolicyDocument":%s}],"AttachedManagedPolicies":%s,"Tags":[{"Key":"team","Value":"team-%d"}],"RoleLastUsed":{}}`,
			i, i, i, encoded(trust, i), encoded(doc(i), i+1), attached(1+r.IntN(3)), r.IntN(20))
	}
	b.WriteString("\n],\n\"Policies\": [\n")
	for i := 0; i < size.policies; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"PolicyName":"p%05d","PolicyId":"ANPAGEN%013d","Arn":"%s","Path":"/","DefaultVersionId":"v2","AttachmentCount":1,"PermissionsBoundaryUsageCount":0,"IsAttachable":true,"CreateDate":"2024-01-01T00:00:00Z","UpdateDate":"2024-01-01T00:00:00Z","PolicyVersionList":[{"Document":%s,"VersionId":"v2","IsDefaultVersion":true,"CreateDate":"2024-01-01T00:00:00Z"},{"Document":%s,"VersionId":"v1","IsDefaultVersion":false,"CreateDate":"2024-01-01T00:00:00Z"}]}`,
			i, i, policyARN(i), encoded(doc(i), i), encoded(doc(i), i))
	}
	b.WriteString("\n],\n\"IsTruncated\": false\n}\n")
	return []byte(b.String())
}

// dedupe removes repeated strings, keeping the first.
func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
