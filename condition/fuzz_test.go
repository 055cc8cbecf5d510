package condition

import (
	"math/big"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/variables"
)

func FuzzParseOperator(f *testing.F) {
	for _, s := range []string{
		"StringEquals", "ForAllValues:StringLikeIfExists", "foranyvalue:numericlessthanequalsifexists",
		"Null", "NullIfExists", "ForAnyValue:Null", "IfExists", "ForAllValues:", "StringEqualsIfExistsIfExists",
		"ArnNotLike", "BinaryEquals", "", "ForAllValues:ForAnyValue:Bool", "ſtringEquals", "K\u212aBool",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		op, err := ParseOperator(name)
		if err != nil {
			return
		}
		if !op.Valid() {
			t.Fatalf("ParseOperator(%q) = %+v, which is not Valid", name, op)
		}
		canon := op.String()
		if len(canon) != len(name) || !strings.EqualFold(canon, name) {
			t.Fatalf("ParseOperator(%q) = %q: not the same name ignoring case", name, canon)
		}
		back, err := ParseOperator(canon)
		if err != nil || back != op {
			t.Fatalf("round trip of %q: %+v, %v", canon, back, err)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	seeds := [][2]string{
		{"10", "10.0"}, {"-3", "2.5"}, {"+0", "-0.000"}, {"123456789012345678901234567890.1", "123456789012345678901234567890.10"},
		{"0.05", "0.1"}, {"1e3", "1000"}, {"NaN", "Inf"}, {"00012.3400", "12.34"}, {"-99.9", "-100"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		da, okA := parseDecimal(a)
		db, okB := parseDecimal(b)
		for _, p := range []struct {
			s  string
			d  decimal
			ok bool
		}{{a, da, okA}, {b, db, okB}} {
			if !p.ok {
				continue
			}
			again, ok := parseDecimal(p.d.String())
			if !ok || again != p.d {
				t.Fatalf("canonical form %q of %q does not round-trip", p.d.String(), p.s)
			}
			if p.d.cmp(p.d) != 0 {
				t.Fatalf("%q is not equal to itself", p.s)
			}
		}
		if !okA || !okB {
			return
		}
		ra, okR := new(big.Rat).SetString(a)
		rb, okS := new(big.Rat).SetString(b)
		if !okR || !okS {
			t.Fatalf("big.Rat rejects %q or %q, which parseDecimal accepts", a, b)
		}
		if got, want := da.cmp(db), ra.Cmp(rb); got != want {
			t.Fatalf("cmp(%q, %q) = %d, big.Rat says %d", a, b, got, want)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2020", "2020-01", "2020-02-29", "2019-02-29", "2020-01-01T00:00Z", "2020-01-01T23:59:59.999999999999+14:00",
		"2020-01-01T00:00:00-00:30", "1577836800", "99999999999999999999", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59",
		"2020-01-01T24:00Z", "2020-01-01T10:00:00,5Z", "",
	} {
		f.Add(s)
	}
	layouts := []string{"2006-01", "2006-01-02", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z07:00"}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDate(s)
		if !ok || allDigits(s) {
			return
		}
		var want time.Time
		var parsed bool
		for _, layout := range layouts {
			if tm, err := time.Parse(layout, s); err == nil {
				want, parsed = tm, true
				break
			}
		}
		if !parsed {
			t.Fatalf("parseDate accepts %q, time.Parse does not", s)
		}
		if !got.Time().Equal(want) {
			t.Fatalf("parseDate(%q) = %v, time.Parse gives %v", s, got.Time(), want)
		}
		if y := got.Time().Year(); y >= 0 && y <= 9999 {
			again, ok := parseDate(got.Time().Format(time.RFC3339Nano))
			if !ok || again != got {
				t.Fatalf("%q does not round-trip through RFC 3339", s)
			}
		}
	})
}

func FuzzParseIP(f *testing.F) {
	for _, s := range []string{
		"203.0.113.9", "203.0.113.9/24", "2001:DB8::1", "2001:db8::ffff/32", "::ffff:1.2.3.4", "::ffff:1.2.3.4/120",
		"0.0.0.0/0", "::/0", "fe80::1%eth0", "1.2.3.4/33", "", "01.2.3.4",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parsePrefix(s)
		if a, okA := parseAddr(s); okA {
			if !ok || p.Bits() != a.BitLen() || !p.Contains(a) {
				t.Fatalf("address %q: prefix %v should be its /%d", s, p, a.BitLen())
			}
		}
		if !ok {
			return
		}
		if p != p.Masked() {
			t.Fatalf("prefix of %q is not masked: %v", s, p)
		}
		again, ok := parsePrefix(p.String())
		if !ok || again != p {
			t.Fatalf("%q: canonical %q does not round-trip", s, p)
		}
		if !p.Contains(p.Addr()) {
			t.Fatalf("%v does not contain its own address", p)
		}
		if _, err := netip.ParsePrefix(p.String()); err != nil {
			t.Fatalf("netip rejects canonical %q", p)
		}
	})
}

// FuzzClauseEval checks, for any operator, policy values and request
// value, that compiling and evaluating never panics and that a trace never
// changes the result.
func FuzzClauseEval(f *testing.F) {
	f.Add("StringLike", "home/${aws:username}/*", "home/alice/x", false)
	f.Add("ForAllValues:StringNotEqualsIfExists", "a", "b", true)
	f.Add("ArnLike", "arn:aws:s3:::${aws:userid}:*", "arn:aws:s3:::123:Bob:x", false)
	f.Add("NumericLessThan", "10", "9.99", false)
	f.Add("DateGreaterThanEquals", "2020-01-01", "1577836800", true)
	f.Add("IpAddress", "10.0.0.0/8", "10.1.2.3", true)
	f.Add("BinaryEquals", "eA==", "eA", false)
	f.Add("Bool", "${aws:username, 'true'}", "TRUE", false)
	f.Add("Null", "false", "", true)
	f.Fuzz(func(t *testing.T, opName, policyValue, requestValue string, list bool) {
		op, err := ParseOperator(opName)
		if err != nil {
			return
		}
		c, _ := NewClause(op, "k", []string{policyValue, "x*"}, variables.Substitute)
		v := StringValue(requestValue)
		if list {
			v = ListValue(requestValue, "x")
		}
		l, err := NewContext(map[string]Value{"k": v, "aws:username": StringValue(requestValue)})
		if err != nil {
			t.Fatal(err)
		}
		b := NewBlock([]Clause{c})
		var tr Trace
		if got, traced := b.Eval(l, nil), b.Eval(l, &tr); got != traced {
			t.Fatalf("Eval = %v, with trace %v", got, traced)
		}
		if len(tr.Clauses) != 1 || tr.Clauses[0].Reason == "" {
			t.Fatalf("trace has no reason: %+v", tr)
		}
	})
}

// FuzzCompareKeys: CompareKeys orders any two keys as their NormalizeKey
// forms do, and compareFold finds two keys equal exactly when
// strings.EqualFold does, antisymmetrically; explanations sort and
// deduplicate missing keys with them (condition key names are not case
// sensitive: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
func FuzzCompareKeys(f *testing.F) {
	f.Add("aws:PrincipalTag/k1", "AWS:principaltag/K2")
	f.Add("aws:PrincipalTag/\u212a", "aws:PrincipalTag/k")
	f.Add("aws:Principal\xffTag/a", "aws:Principal\xffTag/B")
	f.Fuzz(func(t *testing.T, a, b string) {
		assert.Equal(t, strings.Compare(NormalizeKey(a), NormalizeKey(b)), CompareKeys(a, b), "%q vs %q", a, b)
		assert.Equal(t, strings.EqualFold(a, b), compareFold(a, b) == 0, "%q vs %q", a, b)
		assert.Equal(t, compareFold(a, b), -compareFold(b, a), "%q vs %q", a, b)
	})
}
