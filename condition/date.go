package condition

import (
	"fmt"
	"time"
)

// instant is a point in time as seconds and nanoseconds since the Unix
// epoch, compared without time.Time so that request values parse without
// allocating.
type instant struct {
	sec  int64
	nsec int32
}

func (a instant) cmp(b instant) int {
	switch {
	case a.sec < b.sec:
		return -1
	case a.sec > b.sec:
		return 1
	case a.nsec < b.nsec:
		return -1
	case a.nsec > b.nsec:
		return 1
	}
	return 0
}

// Time returns a as a UTC time.Time.
func (a instant) Time() time.Time {
	return time.Unix(a.sec, int64(a.nsec)).UTC()
}

// parseDate parses a date condition value (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
//
//   - an all-digit string is seconds since the Unix epoch ("2020" is
//     1970-01-01T00:33:40Z, not a year);
//   - otherwise one of the W3C profile forms of ISO 8601: YYYY-MM,
//     YYYY-MM-DD, YYYY-MM-DDThh:mmTZD, YYYY-MM-DDThh:mm:ssTZD,
//     YYYY-MM-DDThh:mm:ss.sTZD, with TZD "Z" or ±hh:mm. Date-only values
//     mean 00:00:00Z. Fractions beyond nanoseconds are truncated.
func parseDate(s string) (instant, bool) {
	if s == "" {
		return instant{}, false
	}
	if allDigits(s) {
		return parseEpoch(s)
	}
	p := dateParser{s: s}
	year, ok := p.digits(4)
	if !ok {
		return instant{}, false
	}
	month, day := 1, 1
	if !p.byte('-') {
		return instant{}, false
	}
	if month, ok = p.digits(2); !ok {
		return instant{}, false
	}
	if p.done() {
		return civil(year, month, 1, 0, 0, 0, 0, 0)
	}
	if !p.byte('-') {
		return instant{}, false
	}
	if day, ok = p.digits(2); !ok {
		return instant{}, false
	}
	if p.done() {
		return civil(year, month, day, 0, 0, 0, 0, 0)
	}
	if !p.byte('T') {
		return instant{}, false
	}
	hour, ok := p.digits(2)
	if !ok || !p.byte(':') {
		return instant{}, false
	}
	minute, ok := p.digits(2)
	if !ok {
		return instant{}, false
	}
	second, nsec := 0, 0
	if p.byte(':') {
		if second, ok = p.digits(2); !ok {
			return instant{}, false
		}
		if p.byte('.') {
			if nsec, ok = p.fraction(); !ok {
				return instant{}, false
			}
		}
	}
	offset, ok := p.zone()
	if !ok || !p.done() {
		return instant{}, false
	}
	return civil(year, month, day, hour, minute, second, nsec, offset)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// parseEpoch parses an all-digit string as epoch seconds.
func parseEpoch(s string) (instant, bool) {
	const maxSec = 1<<63 - 1
	var n int64
	for i := 0; i < len(s); i++ {
		d := int64(s[i] - '0')
		if n > (maxSec-d)/10 {
			return instant{}, false
		}
		n = n*10 + d
	}
	return instant{sec: n}, true
}

// civil converts calendar fields and a zone offset in seconds east of UTC to
// an instant, rejecting out-of-range fields.
func civil(year, month, day, hour, minute, second, nsec, offset int) (instant, bool) {
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) ||
		hour > 23 || minute > 59 || second > 59 {
		return instant{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, 0, time.UTC)
	return instant{sec: t.Unix() - int64(offset), nsec: int32(nsec)}, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dateParser scans a date string left to right.
type dateParser struct {
	s string
	i int
}

func (p *dateParser) done() bool { return p.i == len(p.s) }

func (p *dateParser) byte(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// digits reads exactly n decimal digits.
func (p *dateParser) digits(n int) (int, bool) {
	if len(p.s)-p.i < n {
		return 0, false
	}
	v := 0
	for k := 0; k < n; k++ {
		c := p.s[p.i+k]
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	p.i += n
	return v, true
}

// fraction reads one or more digits after a decimal point and returns them
// as nanoseconds, truncating digits beyond the ninth.
func (p *dateParser) fraction() (int, bool) {
	start := p.i
	v, scale := 0, 100_000_000
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		v += int(p.s[p.i]-'0') * scale
		scale /= 10
		p.i++
	}
	return v, p.i > start
}

// zone reads a time-zone designator: "Z" or ±hh:mm. It returns the offset in
// seconds east of UTC.
func (p *dateParser) zone() (int, bool) {
	if p.byte('Z') {
		return 0, true
	}
	sign := 1
	switch {
	case p.byte('+'):
	case p.byte('-'):
		sign = -1
	default:
		return 0, false
	}
	h, ok := p.digits(2)
	if !ok || h > 23 || !p.byte(':') {
		return 0, false
	}
	m, ok := p.digits(2)
	if !ok || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// compileDate parses the policy values of a Date* clause. A four-digit value
// is read as epoch seconds and draws a warning (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func compileDate(values []string) ([]instant, []error, []*ValueError) {
	out := make([]instant, len(values))
	var errs []error
	var warns []*ValueError
	for i, v := range values {
		t, ok := parseDate(v)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not a date (ISO 8601 or epoch seconds)", v)})
			continue
		}
		if len(v) == 4 && allDigits(v) {
			warns = append(warns, &ValueError{Index: i, Err: fmt.Errorf("%q is read as epoch seconds (%s), not as a year", v, t.Time().Format(time.RFC3339))})
		}
		out[i] = t
	}
	return out, errs, warns
}
