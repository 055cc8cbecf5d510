package policy

import (
	"net/netip"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
)

// PublicStatement returns the first Allow statement of a resource policy
// that makes it public by Amazon S3's definition, or nil when the policy is
// not public ("The meaning of public",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
// S3 starts by assuming a policy is public; an Allow statement is
// non-public when its Principal names only fixed principals (accounts,
// users, roles, sessions, service principals, canonical users), or when a
// condition restricts it to fixed values (no wildcard, no policy variable)
// of aws:SourceIp (a CIDR no broader than /8 for IPv4 and /32 for IPv6), aws:SourceArn, aws:SourceVpc,
// aws:SourceVpce, aws:SourceOwner, aws:SourceAccount,
// s3:x-amz-server-side-encryption-aws-kms-key-id, aws:userid outside the
// pattern "AROLEID:*", s3:DataAccessPointArn (a wildcard in the access point
// name is allowed when the account is fixed), s3:DataAccessPointAccount,
// or a principal key (aws:PrincipalOrgID, aws:PrincipalAccount,
// aws:PrincipalArn). Principal "*" or {"AWS": "*"} without such a
// condition, a Federated principal (S3's own example) and NotPrincipal
// are public. A condition counts only with a positive operator and no
// IfExists and no ForAllValues:, which could let a request without the
// key through: anything else leaves the statement public, the safer
// reading. Deny statements never make a policy public.
func (p *Policy) PublicStatement() *Statement {
	if p == nil {
		return nil
	}
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect == Allow && s.public() {
			return s
		}
	}
	return nil
}

// public reports whether one Allow statement is public (PublicStatement).
func (s *Statement) public() bool {
	ps := s.principal
	if ps == nil {
		return false // identity-based statements name no principal
	}
	if ps.not {
		return true
	}
	if !ps.all && len(ps.federated) == 0 {
		return false
	}
	if !s.hasCond {
		return true
	}
	for _, c := range s.cond.Clauses() {
		if restrictsToFixed(c) {
			return false
		}
	}
	return true
}

// restrictsToFixed reports whether a condition clause limits a statement
// to fixed values of one of the keys S3 accepts as non-public.
func restrictsToFixed(c condition.Clause) bool {
	op := c.Operator()
	if op.IfExists || op.Set == condition.ForAllValues {
		return false
	}
	values := c.Values()
	if len(values) == 0 {
		return false
	}
	key := condition.NormalizeKey(c.Key())
	switch op.Base {
	case condition.IpAddress:
		if key != "aws:sourceip" {
			return false
		}
		for _, v := range values {
			if !narrowCIDR(v) {
				return false
			}
		}
		return true
	case condition.StringEquals, condition.StringEqualsIgnoreCase, condition.StringLike,
		condition.ArnEquals, condition.ArnLike:
	default:
		return false
	}
	for _, v := range values {
		if strings.Contains(v, "${") {
			return false
		}
		switch key {
		case "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount",
			"s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:dataaccesspointaccount",
			"aws:principalorgid", "aws:principalaccount", "aws:principalarn":
			if strings.ContainsAny(v, "*?") {
				return false
			}
		case "aws:userid":
			if strings.ContainsAny(v, "*?") {
				return false // AROLEID:* and any other pattern
			}
		case "s3:dataaccesspointarn":
			if !fixedAccessPointARN(v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fixedAccessPointARN reports whether v names access points of one fixed
// account: no wildcard before the access point name.
func fixedAccessPointARN(v string) bool {
	a, ok := arn.Parse(v)
	if !ok || strings.ContainsAny(a.Partition+a.Service+a.Region+a.Account, "*?") || !arn.IsAccountID(a.Account) {
		return false
	}
	name, ok := strings.CutPrefix(a.Resource, "accesspoint/")
	return ok && !strings.ContainsAny(strings.TrimRight(name, "*"), "*?")
}

// narrowCIDR reports whether an aws:SourceIp value is narrow enough to be
// non-public: /8 or narrower for IPv4, /32 or narrower for IPv6. (Every
// RFC 1918 range S3 exempts is /8 or narrower already.)
func narrowCIDR(v string) bool {
	p, err := netip.ParsePrefix(v)
	if err != nil {
		a, aerr := netip.ParseAddr(v)
		if aerr != nil {
			return false
		}
		p = netip.PrefixFrom(a, a.BitLen())
	}
	if p.Addr().Is4() {
		return p.Bits() >= 8
	}
	return !p.Addr().Is4In6() && p.Bits() >= 32
}
