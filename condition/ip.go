package condition

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"strings"
)

// ipPrefix is a compiled IP policy value: a masked CIDR block as the 16
// bytes of its address (an IPv4 address in the last four), its length
// and its family. A netip.Prefix is 32 bytes and holds a pointer, which
// a clause of one value would store and the collector scan; this is 18
// bytes without one.
type ipPrefix struct {
	addr [16]byte
	bits uint8
	v6   bool
}

// compactPrefix returns the ipPrefix of the valid, masked prefix p.
func compactPrefix(p netip.Prefix) ipPrefix {
	a := p.Addr()
	return ipPrefix{addr: a.As16(), bits: uint8(p.Bits()), v6: a.Is6()}
}

// quadPrefix is compactPrefix of the IPv4 prefix of the masked address
// ip and length bits.
func quadPrefix(ip uint32, bits int) ipPrefix {
	p := ipPrefix{bits: uint8(bits)}
	p.addr[10], p.addr[11] = 0xff, 0xff // As16 of an IPv4 address
	binary.BigEndian.PutUint32(p.addr[12:], ip)
	return p
}

// contains reports whether p holds the address a, which has no zone, as
// netip.Prefix.Contains does: an address of the other family is in no
// prefix.
func (p *ipPrefix) contains(a netip.Addr) bool {
	if a.Is4() {
		if p.v6 {
			return false
		}
		x := a.As4()
		// A shift by 32, for a /0, gives 0.
		return (binary.BigEndian.Uint32(x[:])^binary.BigEndian.Uint32(p.addr[12:]))>>(32-p.bits) == 0
	}
	if !p.v6 {
		return false
	}
	x := a.As16()
	hi := binary.BigEndian.Uint64(x[:8]) ^ binary.BigEndian.Uint64(p.addr[:8])
	if p.bits <= 64 {
		return hi>>(64-p.bits) == 0
	}
	lo := binary.BigEndian.Uint64(x[8:]) ^ binary.BigEndian.Uint64(p.addr[8:])
	return hi == 0 && lo>>(128-p.bits) == 0
}

// parsePrefix parses an IP condition value: an IPv4 or IPv6 address or CIDR
// block (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html). A bare IPv4 address is a /32, a bare IPv6
// address a /128 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html); host bits below the prefix length are cleared.
// Addresses with a zone are rejected.
func parsePrefix(s string) (netip.Prefix, bool) {
	if p, ok := parseQuadPrefix(s); ok {
		return p, true
	}
	return parseOtherPrefix(s)
}

// parseOtherPrefix is parsePrefix for a value parseQuadPrefix declines.
func parseOtherPrefix(s string) (netip.Prefix, bool) {
	if slash := strings.LastIndexByte(s, '/'); slash >= 0 {
		if a, ok := parseDottedQuad(s[:slash]); ok {
			if bits, ok := prefixBits(s[slash+1:]); ok {
				return netip.PrefixFrom(a, bits).Masked(), true
			}
		}
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

// parseQuadPrefix parses s, in one pass, when it is an IPv4 CIDR block
// whose address is a dotted quad as parseDottedQuad reads it and whose
// prefix length prefixBits reads ("10.1.0.0/16", the usual IpAddress
// value), and clears its host bits. It reports false for any other text,
// which parsePrefix then decides.
func parseQuadPrefix(s string) (netip.Prefix, bool) {
	ip, bits, ok := parseQuad(s)
	if !ok {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}), bits), true
}

// parseQuad is parseQuadPrefix returning the masked address as a number
// and the prefix length, which compileIPTo stores without building a
// netip.Prefix.
func parseQuad(s string) (ip uint32, bits int, ok bool) {
	i := 0
	for field := 0; field < 4; field++ {
		if field > 0 {
			if i >= len(s) || s[i] != '.' {
				return 0, 0, false
			}
			i++
		}
		if i >= len(s) || s[i]-'0' > 9 {
			return 0, 0, false
		}
		v := uint32(s[i] - '0')
		i++
		// A field of more than one digit starts with 1 to 9: after a
		// 0 the next byte must be a dot or the slash. The second and
		// third digits are read in turn, without a loop.
		if v != 0 && i < len(s) && s[i]-'0' <= 9 {
			v = v*10 + uint32(s[i]-'0')
			if i++; i < len(s) && s[i]-'0' <= 9 {
				v = v*10 + uint32(s[i]-'0')
				i++
				if v > 255 {
					return 0, 0, false
				}
			}
		}
		ip = ip<<8 | v
	}
	if i >= len(s) || s[i] != '/' {
		return 0, 0, false
	}
	if bits, ok = prefixBits(s[i+1:]); !ok {
		return 0, 0, false
	}
	if bits < 32 {
		ip &^= 1<<(32-bits) - 1
	}
	return ip, bits, true
}

// prefixBits reads the prefix length of an IPv4 CIDR block written as
// netip.ParsePrefix accepts it: one or two decimal digits without a
// leading zero, at most 32. It reports false for any other text, which
// netip.ParsePrefix then decides: policies mostly write this form.
//
// Digits are tested by unsigned subtraction, which keeps prefixBits
// small enough to be inlined into parseQuadPrefix.
func prefixBits(s string) (int, bool) {
	switch len(s) {
	case 1:
		if d := s[0] - '0'; d <= 9 {
			return int(d), true
		}
	case 2:
		if d, e := s[0]-'1', s[1]-'0'; d <= '3'-'1' && e <= 9 && d*10+e <= 22 {
			return int(d)*10 + int(e) + 10, true
		}
	}
	return 0, false
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

// compileIPTo parses the policy values of an IpAddress or NotIpAddress
// clause into out, which has len(values) elements (see
// newClauseBodyFor).
func compileIPTo(out []ipPrefix, values []string) ([]ipPrefix, []error) {
	// A single value, as most IpAddress clauses have, skips the loop's
	// bookkeeping, which keeps errs across parsePrefix's call.
	if len(values) == 1 && len(out) == 1 {
		// parsePrefix, its usual case read without a call of its own
		// and stored without building a netip.Prefix.
		if ip, bits, ok := parseQuad(values[0]); ok {
			out[0] = quadPrefix(ip, bits)
			return out, nil
		}
		p, ok := parseOtherPrefix(values[0])
		if !ok {
			return out, []error{notIP(0, values[0])}
		}
		out[0] = compactPrefix(p)
		return out, nil
	}
	var errs []error
	for i, v := range values {
		p, ok := parsePrefix(v)
		if !ok {
			errs = append(errs, notIP(i, v))
			continue
		}
		out[i] = compactPrefix(p)
	}
	return out, errs
}

// notIP is the error of value i, v, of an IP clause, which parsePrefix
// does not read.
func notIP(i int, v string) error {
	return &ValueError{Index: i, Err: fmt.Errorf("%q is not an IP address or CIDR block", v)}
}

// matchIP reports whether the request address s lies in one of the policy
// prefixes. An address of the other family is in none of them.
func matchIP(prefixes []ipPrefix, s string) pairResult {
	a, ok := parseDottedQuad(s)
	if !ok {
		a, ok = parseAddr(s)
	}
	if !ok {
		return badRequest
	}
	for i := range prefixes {
		if prefixes[i].contains(a) {
			return matched(i)
		}
	}
	return noMatch
}

// parseDottedQuad parses s when it is an IPv4 address in the dotted-quad
// form that netip.ParseAddr accepts: four decimal fields of one to three
// digits, each at most 255, none with a leading zero. It reports false
// for any other text, which parseAddr then decides: request addresses
// are almost always this form, and reading it here saves the general
// parser's work on each evaluation.
func parseDottedQuad(s string) (netip.Addr, bool) {
	if len(s) < len("0.0.0.0") || len(s) > len("255.255.255.255") {
		return netip.Addr{}, false
	}
	var b [4]byte
	field, val, digits := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			if digits > 0 && val == 0 {
				return netip.Addr{}, false // leading zero
			}
			val = val*10 + int(c-'0')
			if val > 255 {
				return netip.Addr{}, false
			}
			digits++
		case c == '.' && digits > 0 && field < 3:
			b[field] = byte(val)
			field, val, digits = field+1, 0, 0
		default:
			return netip.Addr{}, false
		}
	}
	if field != 3 || digits == 0 {
		return netip.Addr{}, false
	}
	b[3] = byte(val)
	return netip.AddrFrom4(b), true
}
