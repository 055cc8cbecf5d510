package principal

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/internal/arn"
)

// parseARN splits s as an ARN of the given service (iam or sts) with no
// region and checks its partition and account.
func parseARN(s, service string) (arn.ARN, string) {
	a, ok := arn.Parse(s)
	if !ok {
		return arn.ARN{}, fmt.Sprintf("%q is not an ARN (arn:PARTITION:%s::ACCOUNT:RESOURCE)", s, service)
	}
	if p := partitionProblem(a.Partition); p != "" {
		return arn.ARN{}, p
	}
	if a.Service != service {
		return arn.ARN{}, fmt.Sprintf("%q is not an %s ARN (service %q)", s, service, a.Service)
	}
	if a.Region != "" {
		return arn.ARN{}, fmt.Sprintf("%q has a region; %s ARNs have none", s, service)
	}
	if p := accountProblem(a.Account); p != "" {
		return arn.ARN{}, p
	}
	return a, ""
}

// awsIAMARN splits s when it is an IAM ARN of the aws partition with a
// valid account, arn:aws:iam::ACCOUNT:RESOURCE, the usual case, in one
// look at its fixed-length head; ok is false otherwise, and parseARN then
// decides (and words any problem). What it accepts, parseARN accepts too
// with the same parts.
func awsIAMARN(s string) (a arn.ARN, ok bool) {
	const head = "arn:aws:iam::"
	const colon = len(head) + 12 // after the 12-digit account
	if len(s) <= colon || s[:len(head)] != head || s[colon] != ':' {
		return arn.ARN{}, false
	}
	account := s[len(head):colon]
	for i := range len(account) {
		if account[i] < '0' || account[i] > '9' {
			return arn.ARN{}, false
		}
	}
	return arn.ARN{Partition: "aws", Service: "iam", Account: account, Resource: s[colon+1:]}, true
}

// entity is an IAM user or role named by its ARN
// arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME.
type entity struct {
	partition, account, path, name string
}

// parseEntity parses s as the ARN of an IAM user (typ "user") or role
// (typ "role"), path included (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
func parseEntity(s, typ string) (entity, string) {
	a, ok := awsIAMARN(s)
	if !ok {
		var p string
		if a, p = parseARN(s, "iam"); p != "" {
			return entity{}, p
		}
	}
	// typ and the slash compared apart: typ+"/" would be built per call.
	rest, ok := strings.CutPrefix(a.Resource, typ)
	if ok {
		rest, ok = strings.CutPrefix(rest, "/")
	}
	if !ok {
		return entity{}, fmt.Sprintf("%q is not an IAM %s ARN (arn:%s:iam::%s:%s/PATH/NAME)", s, typ, a.Partition, a.Account, typ)
	}
	e := entity{partition: a.Partition, account: a.Account, path: "/", name: rest}
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		e.path, e.name = "/"+rest[:i+1], rest[i+1:]
	}
	if p := pathProblem(e.path); p != "" {
		return entity{}, p
	}
	// The label is built only for the message: building it first would
	// allocate on every valid ARN.
	if nameProblem("name", e.name, 1, 64) != "" {
		return entity{}, nameProblem(typ+" name", e.name, 1, 64)
	}
	return e, ""
}

// iamARN returns arn:PARTITION:iam::ACCOUNT:RESOURCE.
func iamARN(partition, account, resource string) string {
	return "arn:" + partition + ":iam::" + account + ":" + resource
}

// stsARN returns arn:PARTITION:sts::ACCOUNT:RESOURCE.
func stsARN(partition, account, resource string) string {
	return "arn:" + partition + ":sts::" + account + ":" + resource
}

// rootARN returns the ARN of the root user of account.
func rootARN(partition, account string) string {
	return iamARN(partition, account, "root")
}
