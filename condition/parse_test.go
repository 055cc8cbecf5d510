package condition

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseDecimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // canonical form; "" = rejected
		why  string
	}{
		{"10", "10", "reference_policies_elements_condition_operators.md: integer"},
		{"-3", "-3", "reference_policies_elements_condition_operators.md: sign"},
		{"+3", "3", "reference_policies_elements_condition_operators.md: leading +"},
		{"2.5", "2.5", "reference_policies_elements_condition_operators.md: decimal"},
		{"010.500", "10.5", "reference_policies_elements_condition_operators.md: compare numerically"},
		{"-0.0", "0", "reference_policies_elements_condition_operators.md: -0 is 0"},
		{"0", "0", "reference_policies_elements_condition_operators.md"},
		{"1e3", "", "reference_policies_elements_condition_operators.md: no exponent"},
		{"0x1F", "", "reference_policies_elements_condition_operators.md: no hex"},
		{"Inf", "", "reference_policies_elements_condition_operators.md"},
		{"NaN", "", "reference_policies_elements_condition_operators.md"},
		{" 1", "", "reference_policies_elements_condition_operators.md: no white space"},
		{"1 ", "", "reference_policies_elements_condition_operators.md"},
		{"", "", "reference_policies_elements_condition_operators.md"},
		{"-", "", "reference_policies_elements_condition_operators.md"},
		{"1.", "", "reference_policies_elements_condition_operators.md"},
		{".5", "", "reference_policies_elements_condition_operators.md"},
		{"1.2.3", "", "reference_policies_elements_condition_operators.md"},
		{"١", "", "ASCII digits only"},
	}
	for _, tc := range tests {
		d, ok := parseDecimal(tc.in)
		assert.Equal(t, tc.want != "", ok, "%q: %s", tc.in, tc.why)
		if ok {
			assert.Equal(t, tc.want, d.String(), "%q: %s", tc.in, tc.why)
		}
	}
}

func TestDecimalCmp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"1", "2", -1}, {"2", "1", 1}, {"10", "9", 1}, {"10", "10.0", 0},
		{"-1", "1", -1}, {"-10", "-9", -1}, {"0.1", "0.15", -1}, {"0.05", "0.1", -1},
		{"-0.1", "-0.15", 1}, {"0", "-0", 0}, {"100", "99.999", 1},
		{"99999999999999999999999", "99999999999999999999998.9", 1},
	}
	for _, tc := range tests {
		a, ok := parseDecimal(tc.a)
		assert.True(t, ok)
		b, ok := parseDecimal(tc.b)
		assert.True(t, ok)
		assert.Equal(t, tc.want, a.cmp(b), "reference_policies_elements_condition_operators.md: %s vs %s", tc.a, tc.b)
		assert.Equal(t, -tc.want, b.cmp(a), "reference_policies_elements_condition_operators.md: %s vs %s (reversed)", tc.b, tc.a)
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
		ok   bool
		why  string
	}{
		{"2020-02", utc(2020, 2, 1, 0, 0, 0, 0), true, "reference_policies_elements_condition_operators.md: YYYY-MM"},
		{"2020-02-29", utc(2020, 2, 29, 0, 0, 0, 0), true, "reference_policies_elements_condition_operators.md: YYYY-MM-DD, leap day"},
		{"2020-02-29T10:30Z", utc(2020, 2, 29, 10, 30, 0, 0), true, "reference_policies_elements_condition_operators.md: hh:mmTZD"},
		{"2020-02-29T10:30:15Z", utc(2020, 2, 29, 10, 30, 15, 0), true, "reference_policies_elements_condition_operators.md: hh:mm:ssTZD"},
		{"2020-02-29T10:30:15.25Z", utc(2020, 2, 29, 10, 30, 15, 250_000_000), true, "reference_policies_elements_condition_operators.md: fraction"},
		{"2020-02-29T10:30:15.1234567891Z", utc(2020, 2, 29, 10, 30, 15, 123_456_789), true, "reference_policies_elements_condition_operators.md: fraction truncated to ns"},
		{"2020-02-29T10:30:15+02:00", utc(2020, 2, 29, 8, 30, 15, 0), true, "reference_policies_elements_condition_operators.md: ±hh:mm"},
		{"2020-02-29T00:30:00-01:30", utc(2020, 2, 29, 2, 0, 0, 0), true, "reference_policies_elements_condition_operators.md: negative offset"},
		{"1577836800", utc(2020, 1, 1, 0, 0, 0, 0), true, "reference_policies_elements_condition_operators.md: epoch seconds"},
		{"2020", utc(1970, 1, 1, 0, 33, 40, 0), true, "reference_policies_elements_condition_operators.md: all digits are epoch seconds"},
		{"0", utc(1970, 1, 1, 0, 0, 0, 0), true, "reference_policies_elements_condition_operators.md: epoch 0"},
		{"99999999999999999999", time.Time{}, false, "epoch overflow"},
		{"2019-02-29", time.Time{}, false, "reference_policies_elements_condition_operators.md: no such day"},
		{"2020-00-01", time.Time{}, false, "reference_policies_elements_condition_operators.md: month 0"},
		{"2020-01-01T24:00Z", time.Time{}, false, "reference_policies_elements_condition_operators.md: hour 24"},
		{"2020-01-01T10:60Z", time.Time{}, false, "reference_policies_elements_condition_operators.md: minute 60"},
		{"2020-01-01T10:00:60Z", time.Time{}, false, "reference_policies_elements_condition_operators.md: second 60"},
		{"2020-01-01T10:00", time.Time{}, false, "reference_policies_elements_condition_operators.md: time without TZD"},
		{"2020-01-01t10:00Z", time.Time{}, false, "reference_policies_elements_condition_operators.md: T is upper case"},
		{"2020-01-01T10:00:00.Z", time.Time{}, false, "reference_policies_elements_condition_operators.md: a fraction needs digits"},
		{"2020-01-01T10:00+0100", time.Time{}, false, "reference_policies_elements_condition_operators.md: TZD is ±hh:mm"},
		{"2020-01-01 10:00Z", time.Time{}, false, "reference_policies_elements_condition_operators.md"},
		{"-1", time.Time{}, false, "reference_policies_elements_condition_operators.md: signed epoch is not all digits"},
		{"", time.Time{}, false, "reference_policies_elements_condition_operators.md"},
		{"20-01-01", time.Time{}, false, "reference_policies_elements_condition_operators.md: four-digit year"},
	}
	for _, tc := range tests {
		got, ok := parseDate(tc.in)
		assert.Equal(t, tc.ok, ok, "%q: %s", tc.in, tc.why)
		if ok {
			assert.Equal(t, tc.want, got.Time(), "%q: %s", tc.in, tc.why)
		}
	}
}

func TestParsePrefix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string // want "" = rejected
		why      string
	}{
		{"203.0.113.9", "203.0.113.9/32", "reference_policies_elements_condition_operators.md: bare IPv4 is /32"},
		{"203.0.113.9/24", "203.0.113.0/24", "reference_policies_elements_condition_operators.md: host bits masked"},
		{"2001:DB8::1", "2001:db8::1/128", "reference_policies_elements_condition_operators.md: bare IPv6 is /128"},
		{"2001:DB8:1234:5678::/64", "2001:db8:1234:5678::/64", "reference_policies_elements_condition_operators.md"},
		{"2001:db8::ffff/32", "2001:db8::/32", "reference_policies_elements_condition_operators.md: host bits masked"},
		{"0.0.0.0/0", "0.0.0.0/0", "reference_policies_elements_condition_operators.md"},
		{"203.0.113.0/33", "", "reference_policies_elements_condition_operators.md"},
		{"203.0.113", "", "reference_policies_elements_condition_operators.md"},
		{"fe80::1%eth0", "", "zones are not addresses"},
		{"", "", "reference_policies_elements_condition_operators.md"},
	}
	for _, tc := range tests {
		p, ok := parsePrefix(tc.in)
		assert.Equal(t, tc.want != "", ok, "%q: %s", tc.in, tc.why)
		if ok {
			assert.Equal(t, tc.want, p.String(), "%q: %s", tc.in, tc.why)
		}
	}
}

func TestSplitEscaped(t *testing.T) {
	t.Parallel()
	parts, ok := splitEscaped(`arn:aws:s3:::a\*:b`)
	assert.True(t, ok)
	assert.Equal(t, [6]string{"arn", "aws", "s3", "", "", `a\*:b`}, parts, "reference_policies_elements_condition_operators.md: colons after the fifth stay in the resource")
	parts, ok = splitEscaped(`a\\:b:c:d:e:f`)
	assert.True(t, ok)
	assert.Equal(t, [6]string{`a\\`, "b", "c", "d", "e", "f"}, parts, "an escaped backslash does not escape the colon")
	_, ok = splitEscaped("arn:aws:s3::")
	assert.False(t, ok, "reference_policies_elements_condition_operators.md: fewer than six components")
}
