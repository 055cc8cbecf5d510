package simulate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/variables"
)

// contextType is one ContextKeyType of the IAM API (ContextKeyTypeEnum).
type contextType struct {
	list bool
	// check validates one value; nil accepts any string.
	check func(string) error
}

// contextTypes maps every ContextKeyType to how its values are read. A
// value is checked with the condition operator family that reads it, so
// that a value accepted here is one that operator can compare.
var contextTypes = map[string]contextType{
	"string":      {},
	"stringList":  {list: true},
	"numeric":     {check: operatorCheck(condition.NumericEquals)},
	"numericList": {list: true, check: operatorCheck(condition.NumericEquals)},
	"boolean":     {check: operatorCheck(condition.Bool)},
	"booleanList": {list: true, check: operatorCheck(condition.Bool)},
	"ip":          {check: checkIP},
	"ipList":      {list: true, check: checkIP},
	"binary":      {check: operatorCheck(condition.BinaryEquals)},
	"binaryList":  {list: true, check: operatorCheck(condition.BinaryEquals)},
	"date":        {check: operatorCheck(condition.DateEquals)},
	"dateList":    {list: true, check: operatorCheck(condition.DateEquals)},
}

// contextTypeNames lists the ContextKeyType values in the order of the API.
const contextTypeNames = "string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList"

// operatorCheck returns a check that parses a value as the operator base
// parses its policy values (no policy variables: a context value is data).
func operatorCheck(base condition.Base) func(string) error {
	op := condition.Operator{Base: base}
	return func(v string) error {
		_, errs := condition.NewClause(op, "simulate:value", []string{v}, variables.Literal)
		if len(errs) == 0 {
			return nil
		}
		var ve *condition.ValueError
		if errors.As(errs[0], &ve) {
			return ve.Err
		}
		return errs[0]
	}
}

// checkIP accepts an IPv4 or IPv6 address. A request carries one address
// (aws:SourceIp), never a CIDR block.
func checkIP(v string) error {
	if strings.Contains(v, "/") {
		return fmt.Errorf("%q is a CIDR block; a request-context value is one IP address", v)
	}
	return operatorCheck(condition.IpAddress)(v)
}

// context builds the request context from the ContextEntries, reporting
// every bad entry. It also returns the request time an aws:CurrentTime or
// aws:EpochTime entry gives (zero when none does).
func (c *compiler) context() (condition.Context, time.Time) {
	values := map[string]condition.Value{}
	first := map[string]int{}
	var when time.Time
	for i, e := range c.in.ContextEntries {
		p := index(keyContextEntries, i)
		v, ok := c.contextEntry(p, e)
		if !ok {
			continue
		}
		key := condition.NormalizeKey(e.ContextKeyName)
		if j, dup := first[key]; dup {
			c.fail(join(p, keyContextKeyName), ErrValue, "%s is given again (first in ContextEntries[%d]); context key names ignore case", e.ContextKeyName, j)
			continue
		}
		first[key] = i
		values[key] = v
		if t, ok := requestTime(key, v); ok {
			when = t
		}
	}
	ctx, err := condition.NewContext(values)
	if err != nil {
		c.fail(keyContextEntries, ErrValue, "%v", err)
	}
	return ctx, when
}

// contextEntry checks one entry and returns its value.
func (c *compiler) contextEntry(p string, e ContextEntry) (condition.Value, bool) {
	ok := true
	if e.ContextKeyName == "" {
		c.fail(join(p, keyContextKeyName), ErrValue, "must not be empty: give a context key such as aws:SourceIp")
		ok = false
	}
	t, known := contextTypes[e.ContextKeyType]
	if !known {
		c.fail(join(p, keyContextKeyType), ErrValue, "%q is not a context key type; expected one of %s", e.ContextKeyType, contextTypeNames)
		return condition.Value{}, false
	}
	if !t.list && len(e.ContextKeyValues) != 1 {
		c.fail(join(p, keyContextKeyValues), ErrValue, "a %s key takes exactly one value, not %d; use %sList for a multivalued key",
			e.ContextKeyType, len(e.ContextKeyValues), e.ContextKeyType)
		ok = false
	}
	if t.check != nil {
		for j, v := range e.ContextKeyValues {
			if err := t.check(v); err != nil {
				c.fail(index(join(p, keyContextKeyValues), j), ErrValue, "not a valid %s value: %v", strings.TrimSuffix(e.ContextKeyType, "List"), err)
				ok = false
			}
		}
	}
	if !ok {
		return condition.Value{}, false
	}
	if t.list {
		return condition.ListValue(e.ContextKeyValues...), true
	}
	return condition.StringValue(e.ContextKeyValues[0]), true
}

// requestTime reads the request time from an aws:CurrentTime or
// aws:EpochTime value, so that the two keys the engine derives from the
// request time agree with the one the input sets.
func requestTime(key string, v condition.Value) (time.Time, bool) {
	if v.IsList() || v.Len() != 1 {
		return time.Time{}, false
	}
	s := v.At(0)
	switch key {
	case condition.NormalizeKey(condition.KeyCurrentTime):
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), true
		}
	case condition.NormalizeKey(condition.KeyEpochTime):
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), true
		}
	}
	return time.Time{}, false
}
