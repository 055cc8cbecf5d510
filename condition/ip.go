package condition

import (
	"fmt"
	"net/netip"
	"strings"
)

// parsePrefix parses an IP condition value: an IPv4 or IPv6 address or CIDR
// block (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html). A bare IPv4 address is a /32, a bare IPv6
// address a /128 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html); host bits below the prefix length are cleared.
// Addresses with a zone are rejected.
func parsePrefix(s string) (netip.Prefix, bool) {
	if strings.IndexByte(s, '/') >= 0 {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, false
		}
		return p.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, a.BitLen()), true
}

// parseAddr parses a request IP address. CIDR blocks and zoned addresses are
// not addresses.
func parseAddr(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, false
	}
	return a, true
}

// compileIP parses the policy values of an IpAddress or NotIpAddress clause.
func compileIP(values []string) ([]netip.Prefix, []error) {
	out := make([]netip.Prefix, len(values))
	var errs []error
	for i, v := range values {
		p, ok := parsePrefix(v)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not an IP address or CIDR block", v)})
			continue
		}
		out[i] = p
	}
	return out, errs
}

// matchIP reports whether the request address s lies in one of the policy
// prefixes. An address of the other family is in none of them.
func matchIP(prefixes []netip.Prefix, s string) pairResult {
	a, ok := parseAddr(s)
	if !ok {
		return badRequest
	}
	for i, p := range prefixes {
		if p.Contains(a) {
			return matched(i)
		}
	}
	return noMatch
}
