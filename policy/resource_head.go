package policy

import (
	"unsafe"

	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// headVar is one partition, region or account segment of a Resource ARN
// with policy variables: text before the fifth colon.
//
// The IAM User Guide says a variable can be used "only in the resource
// portion of the ARN", after the fifth colon
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-infotouse).
// Yet AWS's own managed policy AmazonTimestreamInfluxDBServiceRolePolicy
// grants kms:Decrypt on "arn:*:kms:*:${aws:PrincipalAccount}:key/*"
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonTimestreamInfluxDBServiceRolePolicy.html),
// and the Amazon Q Business guide tells customers to write
// "arn:aws:kms:REGION:${aws:PrincipalAccount}:key/*" in a role policy
// (https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/iam-roles.html).
// AWS would not ship a statement its service needs that never matches, so
// iameval follows what AWS does: variables in the partition, region and
// account are substituted like those of the resource part, the value
// literal and matched within its segment; a variable without a value
// makes the entry match nothing. Treating the text literally instead
// would make such a Deny statement never fire (a wrong allow). A variable
// in the service segment stays plain text: no AWS policy relies on it.
type headVar struct {
	seg  int // 1 partition, 3 region, 4 account
	tmpl variables.Template
}

// compileHeadVariables returns the templates of the partition, region and
// account segments of parts that have policy variables.
func compileHeadVariables(parts [6]string, mode variables.Mode) []headVar {
	var vs []headVar
	for _, i := range [...]int{1, 3, 4} {
		t, _ := variables.Parse(parts[i], mode)
		if t.HasVariables() {
			vs = append(vs, headVar{seg: i, tmpl: t})
		}
	}
	return vs
}

// matchVariables matches the request's partition, region and account
// (p[1], p[3], p[4]) against the head, expanding the segments with
// variables from l. unresolved is true when a variable has no value.
func (h *arnHead) matchVariables(p *[6]string, l variables.Lookup) (matched, unresolved bool) {
	globs := [...]*wildcard.Pattern{1: &h.partition, 3: &h.region, 4: &h.account}
	templated := [5]bool{}
	for i := range h.vars {
		v := &h.vars[i]
		templated[v.seg] = true
		var buf [64]byte
		pat, ok := v.tmpl.AppendPattern(buf[:0], l)
		if !ok {
			return false, true
		}
		if len(pat) == 0 {
			if p[v.seg] != "" {
				return false, false
			}
			continue
		}
		if !wildcard.MatchEscaped(unsafe.String(&pat[0], len(pat)), p[v.seg]) {
			return false, false
		}
	}
	for _, i := range [...]int{1, 3, 4} {
		if !templated[i] && !globs[i].Match(p[i]) {
			return false, false
		}
	}
	return true, false
}

// keys returns the request keys the head's variables read, lower case,
// and their names as written.
func (h *arnHead) keys() (keys, names []string) {
	if h == nil {
		return nil, nil
	}
	for i := range h.vars {
		keys = append(keys, h.vars[i].tmpl.Keys()...)
		names = append(names, h.vars[i].tmpl.Names()...)
	}
	return keys, names
}
