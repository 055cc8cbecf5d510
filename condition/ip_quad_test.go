package condition

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
)

// checkDottedQuad fails t when parseDottedQuad accepts s differently from
// netip.ParseAddr, the parser IpAddress request values are defined by
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress):
// what the fast parser accepts must parse to the same address, and what
// it declines is left to parseAddr.
func checkDottedQuad(t *testing.T, s string) {
	t.Helper()
	got, ok := parseDottedQuad(s)
	if !ok {
		return
	}
	want, err := netip.ParseAddr(s)
	if assert.NoError(t, err, "%q accepted by the fast parser only", s) {
		assert.Equal(t, want, got, "%q", s)
	}
}

// TestParseDottedQuad checks the fast IPv4 parser against netip on the
// forms it must accept and the near misses it must leave to netip.
func TestParseDottedQuad(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"203.0.113.7", "0.0.0.0", "255.255.255.255", "10.20.0.255", "1.2.3.4"} {
		_, ok := parseDottedQuad(s)
		assert.True(t, ok, "%q is a plain dotted quad", s)
		checkDottedQuad(t, s)
	}
	for _, s := range []string{"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1.2.3.00", "256.1.1.1", "1.2.3.256",
		"1..3.4", ".1.2.3", "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/32", "1.2.3.4%eth0", "::ffff:1.2.3.4",
		"1000.1.1.1", "1.2.3.-4", "+1.2.3.4", "1.2.3.4\x00", "１.2.3.4", "2001:db8::1", "1234567890123456"} {
		_, ok := parseDottedQuad(s)
		assert.False(t, ok, "%q is not a plain dotted quad: netip decides it", s)
	}
	// Random texts over the alphabet of addresses, with near misses.
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "0123456789..:/%a"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkDottedQuad(t, string(b))
		checkDottedQuad(t, fmt.Sprintf("%d.%d.%d.%d", rng.IntN(300), rng.IntN(300), rng.IntN(1100), rng.IntN(300)))
	}
}

// TestMatchIPFastAndGeneral checks that IpAddress decides the same for an
// address the fast parser reads and for the same address written in a
// form only netip reads (IPv4-mapped IPv6 stays IPv6, as in netip).
func TestMatchIPFastAndGeneral(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"quad", "IpAddress", []string{"203.0.113.0/24"}, "203.0.113.7", true, "a dotted quad in the block", 0},
		{"leadingZeroRefused", "IpAddress", []string{"10.0.0.0/8"}, "010.0.0.1", false, "netip refuses leading zeros; the pair is false", 0},
		{"leadingZeroNot", "NotIpAddress", []string{"10.0.0.0/8"}, "010.0.0.1", true, "negated operator on an unparsable request value", 0},
		{"mapped", "IpAddress", []string{"203.0.113.0/24"}, "::ffff:203.0.113.7", false, "an IPv4-mapped IPv6 address is of the other family for netip", 0},
	})
}

// FuzzParseDottedQuad holds the fast IPv4 parser against netip.
func FuzzParseDottedQuad(f *testing.F) {
	for _, s := range []string{"203.0.113.7", "01.2.3.4", "1.2.3.4/8", "255.255.255.256", "::ffff:1.2.3.4"} {
		f.Add(s)
	}
	f.Fuzz(checkDottedQuad)
}

// TestParsePrefixFastPath checks the IPv4 CIDR reading of parsePrefix
// against netip.ParsePrefix.
func TestParsePrefixFastPath(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"10.1.0.0/16", "10.1.2.3/16", "0.0.0.0/0", "1.2.3.4/32", "1.2.3.4/33", "1.2.3.4/3", "1.2.3.4/03", "1.2.3.4/00",
		"1.2.3.4/", "1.2.3.4/+1", "1.2.3.4/-1", "1.2.3.4/320", "01.2.3.4/8", "1.2.3/8", "1.2.3.4/8/8", "::1/64", "::ffff:1.2.3.4/96", "256.1.1.1/8", "1.2.3.4/1a"} {
		want, err := netip.ParsePrefix(s)
		got, ok := parsePrefix(s)
		assert.Equal(t, err == nil, ok, s)
		if err == nil {
			assert.Equal(t, want.Masked(), got, s)
		}
	}
}

// checkQuadPrefix fails t when parseQuadPrefix accepts s differently from
// netip.ParsePrefix and Masked, which parsePrefix is defined by: what
// the one-pass reader accepts must be the same block, and what it
// declines is left to the rest of parsePrefix.
func checkQuadPrefix(t *testing.T, s string) {
	t.Helper()
	got, ok := parseQuadPrefix(s)
	if !ok {
		return
	}
	want, err := netip.ParsePrefix(s)
	if assert.NoError(t, err, "%q accepted by the one-pass reader only", s) {
		assert.Equal(t, want.Masked(), got, "%q", s)
		ip, bits, _ := parseQuad(s)
		assert.Equal(t, compactPrefix(want.Masked()), quadPrefix(ip, bits), "%q as compileIPTo stores it", s)
	}
}

// TestParseQuadPrefix checks the one-pass IPv4 CIDR reader against netip
// on the forms it must accept, the near misses it must decline, and
// random texts.
func TestParseQuadPrefix(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"10.1.0.0/16", "10.1.2.3/8", "0.0.0.0/0", "255.255.255.255/32", "1.2.3.4/0", "10.1.2.3/31", "100.200.250.255/1", "0.0.0.0/32"} {
		_, ok := parseQuadPrefix(s)
		assert.True(t, ok, "%q is a plain IPv4 CIDR block", s)
		checkQuadPrefix(t, s)
	}
	for _, s := range []string{"", "1.2.3.4", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/08", "1.2.3.4/00", "1.2.3.4/8/8", "01.2.3.4/8", "1.02.3.4/8",
		"1.2.3.00/8", "256.1.1.1/8", "999.1.1.1/8", "1.2.3/8", "1.2.3.4.5/8", "1..3.4/8", " 1.2.3.4/8", "1.2.3.4/ 8", "1.2.3.4/-1",
		"1.2.3.4a/8", "1.2.3.4/3a", "::1/64", "::ffff:1.2.3.4/96", "1000.1.1.1/8"} {
		_, ok := parseQuadPrefix(s)
		assert.False(t, ok, "%q is not a plain IPv4 CIDR block: parsePrefix decides it", s)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "0123456789..//:a"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(19))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkQuadPrefix(t, string(b))
		checkQuadPrefix(t, fmt.Sprintf("%d.%d.%d.%d/%d", rng.IntN(300), rng.IntN(300), rng.IntN(1100), rng.IntN(300), rng.IntN(40)))
	}
}

// FuzzParseQuadPrefix holds the one-pass IPv4 CIDR reader against netip.
func FuzzParseQuadPrefix(f *testing.F) {
	for _, s := range []string{"10.1.0.0/16", "01.2.3.4/8", "1.2.3.4/33", "1.2.3.4/8/8", "::ffff:1.2.3.4/96"} {
		f.Add(s)
	}
	f.Fuzz(checkQuadPrefix)
}

// TestIPPrefixContains holds ipPrefix.contains, what IP clauses test
// with, against netip.Prefix.Contains, for prefixes of every length of
// both families and addresses inside, outside and at their edges.
func TestIPPrefixContains(t *testing.T) {
	t.Parallel()
	bases := []string{"0.0.0.0", "10.1.2.3", "255.255.255.255", "203.0.113.128", "::", "2001:db8:1234:5678:9abc:def0:1357:2468", "::ffff:10.1.2.3", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}
	var addrs []netip.Addr
	for _, b := range bases {
		a := netip.MustParseAddr(b)
		addrs = append(addrs, a, a.Next(), a.Prev())
		x := a.As16()
		for i := range x { // each bit flipped in turn
			for bit := range 8 {
				y := x
				y[i] ^= 1 << bit
				if a.Is4() {
					if i >= 12 {
						addrs = append(addrs, netip.AddrFrom4([4]byte(y[12:])))
					}
				} else {
					addrs = append(addrs, netip.AddrFrom16(y))
				}
			}
		}
	}
	for _, b := range bases {
		a := netip.MustParseAddr(b)
		for bits := 0; bits <= a.BitLen(); bits++ {
			p := netip.PrefixFrom(a, bits).Masked()
			c := compactPrefix(p)
			for _, x := range addrs {
				if x.IsValid() {
					assert.Equal(t, p.Contains(x), c.contains(x), "%v contains %v", p, x)
				}
			}
		}
	}
}
