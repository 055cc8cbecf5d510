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
	if !digits12(account) {
		return arn.ARN{}, false
	}
	return arn.ARN{Partition: "aws", Service: "iam", Account: account, Resource: s[colon+1:]}, true
}

// digits12 reports whether the 12 bytes of s are all ASCII digits, eight
// and then four at a time: a byte is outside '0'..'9' when its high bit is
// set, when subtracting 0x30 sets it (below '0') or when adding 0x46 sets
// it (above '9'). A borrow only follows a byte below '0' and a carry one
// of 0xba or more, both refused already, so a word is refused exactly
// when one of its bytes is.
func digits12(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	t := s[:12]
	w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	v := uint64(t[8]) | uint64(t[9])<<8 | uint64(t[10])<<16 | uint64(t[11])<<24 | 0x30303030<<32
	return (w|(w-0x30*ones)|(w+0x46*ones))&highs == 0 &&
		(v|(v-0x30*ones)|(v+0x46*ones))&highs == 0
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
