package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// benchCase is a clause, a request and the expected result, shared by the
// allocation test and the benchmarks.
type benchCase struct {
	name   string
	op     string
	key    string
	values []string
	want   bool
}

var benchCases = []benchCase{
	{"stringEquals", "StringEquals", "aws:PrincipalAccount", []string{"111111111111", "222222222222", "111122223333"}, true},
	{"stringEqualsIgnoreCase", "StringEqualsIgnoreCase", "aws:PrincipalTag/dept", []string{"ENGINEERING"}, true},
	{"stringNotEquals", "StringNotEquals", "aws:PrincipalAccount", []string{"111111111111", "222222222222"}, true},
	{"stringLike", "StringLike", "s3:prefix", []string{"home/*/private/*", "home/alice/*"}, true},
	{"stringEqualsVariable", "StringEquals", "aws:PrincipalTag/owner", []string{"${aws:username}"}, true},
	{"stringLikeVariable", "StringLike", "s3:prefix", []string{"home/${aws:username}/*"}, true},
	{"stringNotEqualsUnresolved", "StringNotEquals", "aws:PrincipalTag/owner", []string{"${aws:PrincipalTag/missing}"}, true},
	{"numericLessThan", "NumericLessThan", "s3:max-keys", []string{"100"}, true},
	{"dateGreaterThan", "DateGreaterThan", "aws:CurrentTime", []string{"2020-01-01T00:00:00Z"}, true},
	{"bool", "Bool", "aws:SecureTransport", []string{"true"}, true},
	{"binaryEquals", "BinaryEquals", "test:blob", []string{"QmluYXJ5VmFsdWU="}, true},
	{"ipAddress", "IpAddress", "aws:SourceIp", []string{"198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}, true},
	{"notIpAddress", "NotIpAddress", "aws:SourceIp", []string{"10.0.0.0/8"}, true},
	{"arnLike", "ArnLike", "aws:SourceArn", []string{"arn:aws:s3:::reports-*/*"}, true},
	{"arnLikeVariable", "ArnLike", "aws:SourceArn", []string{"arn:aws:s3:::reports-${aws:PrincipalTag/env}/*"}, true},
	{"null", "Null", "aws:TokenIssueTime", []string{"true"}, true},
	{"absentIfExists", "StringEqualsIfExists", "aws:RequestedRegion", []string{"eu-west-1"}, true},
	{"forAllValues", "ForAllValues:StringEquals", "aws:TagKeys", []string{"env", "team", "owner", "cost-center"}, true},
	{"forAnyValue", "ForAnyValue:StringLike", "aws:TagKeys", []string{"x-*", "cost-*"}, true},
	{"multivaluedPlain", "StringEquals", "aws:TagKeys", []string{"env"}, false},
}

func benchContext(t testing.TB) Lookup {
	t.Helper()
	caller, err := NewContext(map[string]Value{
		"aws:PrincipalTag/dept":  StringValue("engineering"),
		"aws:PrincipalTag/owner": StringValue("alice"),
		"aws:PrincipalTag/env":   StringValue("prod"),
		"s3:prefix":              StringValue("home/alice/notes.txt"),
		"s3:max-keys":            StringValue("50"),
		"aws:CurrentTime":        StringValue("2024-05-01T10:00:00Z"),
		"aws:SecureTransport":    StringValue("true"),
		"test:blob":              StringValue("QmluYXJ5VmFsdWU="),
		"aws:SourceIp":           StringValue("203.0.113.9"),
		"aws:SourceArn":          StringValue("arn:aws:s3:::reports-prod/2024/q1.csv"),
		"aws:TagKeys":            ListValue("env", "cost-center"),
	})
	require.NoError(t, err)
	var b Builder
	b.SetAll(caller)
	b.Add("aws:username", StringValue("alice"))
	b.Add("aws:PrincipalAccount", StringValue("111122223333"))
	ctx, err := b.Context()
	require.NoError(t, err)
	return ctx
}

func (bc benchCase) block(t testing.TB) Block {
	t.Helper()
	return NewBlock([]Clause{mustClause(t, bc.op, bc.key, variables.Substitute, bc.values...)})
}

func TestEvalZeroAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under -race")
	}
	l := benchContext(t)
	var all []Clause
	for _, bc := range benchCases {
		b := bc.block(t)
		require.Equal(t, bc.want, b.Eval(l, nil), bc.name)
		allocs := testing.AllocsPerRun(100, func() { b.Eval(l, nil) })
		assert.Zero(t, allocs, "%s: Block.Eval(l, nil) must not allocate", bc.name)
		if bc.want {
			all = append(all, b.Clauses()...)
		}
	}
	block := NewBlock(all)
	require.True(t, block.Eval(l, nil))
	assert.Zero(t, testing.AllocsPerRun(100, func() { block.Eval(l, nil) }), "whole block")
}

func BenchmarkEval(b *testing.B) {
	l := benchContext(b)
	for _, bc := range benchCases {
		blk := bc.block(b)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if blk.Eval(l, nil) != bc.want {
					b.Fatal("wrong result")
				}
			}
		})
	}
}

func BenchmarkEvalTrace(b *testing.B) {
	l := benchContext(b)
	var all []Clause
	for _, bc := range benchCases {
		all = append(all, bc.block(b).Clauses()...)
	}
	blk := NewBlock(all)
	b.ReportAllocs()
	var tr Trace
	for b.Loop() {
		tr.Reset()
		blk.Eval(l, &tr)
	}
}

func BenchmarkParseOperator(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseOperator("ForAllValues:StringNotLikeIfExists"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewContext(b *testing.B) {
	m := map[string]Value{
		"aws:SourceIp":          StringValue("203.0.113.9"),
		"aws:PrincipalTag/team": StringValue("data"),
		"aws:TagKeys":           ListValue("env", "team"),
		"aws:CurrentTime":       StringValue("2024-05-01T10:00:00Z"),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewContext(m); err != nil {
			b.Fatal(err)
		}
	}
}
