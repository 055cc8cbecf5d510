package condition_test

import (
	"errors"
	"fmt"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/variables"
)

// Example compiles the Condition element
//
//	"StringLike": {"s3:prefix": "home/${aws:username}/*"},
//	"IpAddress":  {"aws:SourceIp": "203.0.113.0/24"}
//
// and evaluates it for two requests.
func Example() {
	like, _ := condition.ParseOperator("StringLike")
	ip, _ := condition.ParseOperator("IpAddress")
	c1, _ := condition.NewClause(like, "s3:prefix", []string{"home/${aws:username}/*"}, variables.Substitute)
	c2, _ := condition.NewClause(ip, "aws:SourceIp", []string{"203.0.113.0/24"}, variables.Substitute)
	block := condition.NewBlock([]condition.Clause{c1, c2})

	for _, prefix := range []string{"home/alice/notes/", "home/bob/"} {
		ctx, _ := condition.NewContext(map[string]condition.Value{
			"aws:username": condition.StringValue("alice"),
			"s3:prefix":    condition.StringValue(prefix),
			"aws:SourceIp": condition.StringValue("203.0.113.9"),
		})
		fmt.Println(prefix, block.Eval(ctx, nil))
	}
	// Output:
	// home/alice/notes/ true
	// home/bob/ false
}

func ExampleParseOperator() {
	op, err := condition.ParseOperator("forallvalues:stringlikeifexists")
	fmt.Println(op, err)
	fmt.Println(op.Set, op.Base, op.IfExists)

	_, err = condition.ParseOperator("NullIfExists")
	fmt.Println(err)
	fmt.Println(errors.Is(err, condition.ErrUnknownOperator))
	// Output:
	// ForAllValues:StringLikeIfExists <nil>
	// ForAllValues StringLike true
	// unknown condition operator "NullIfExists": IfExists is not allowed on Null
	// true
}

func ExampleNewContext() {
	ctx, err := condition.NewContext(map[string]condition.Value{
		"aws:SourceIp":          condition.StringValue("203.0.113.9"),
		"aws:TagKeys":           condition.ListValue("env", "team"),
		"aws:PrincipalTag/Team": condition.StringValue("Data"),
		"aws:CalledVia":         condition.ListValue(), // empty: absent
	})
	fmt.Println(err, ctx.Keys())
	v, _ := ctx.LookupKey(condition.NormalizeKey("AWS:TagKeys"))
	fmt.Println(v, v.IsList())
	_, ok := ctx.LookupVariable("aws:tagkeys")
	fmt.Println("multivalued key as a variable:", ok)

	_, err = condition.NewContext(map[string]condition.Value{
		"aws:RequestTag/env": condition.StringValue("a"),
		"aws:RequestTag/Env": condition.StringValue("b"),
	})
	fmt.Println(err)
	// Output:
	// <nil> [aws:principaltag/team aws:sourceip aws:tagkeys]
	// [env, team] true
	// multivalued key as a variable: false
	// duplicate context key: "aws:RequestTag/Env" and "aws:RequestTag/env" differ only in case
}

func ExampleNewClause_malformedValue() {
	op, _ := condition.ParseOperator("NumericLessThan")
	_, errs := condition.NewClause(op, "s3:max-keys", []string{"10", "1e3"}, variables.Substitute)
	for _, err := range errs {
		var ve *condition.ValueError
		if errors.As(err, &ve) {
			fmt.Println(ve.Index, ve.Err)
		}
	}
	// Output:
	// 1 "1e3" is not a number (integer or decimal)
}

// ExampleBlock_Eval shows the absent-key rules: a negated operator passes,
// ForAllValues passes, and Null "false" catches the absence.
func ExampleBlock_Eval() {
	clause := func(op, key string, values ...string) condition.Clause {
		o, _ := condition.ParseOperator(op)
		c, _ := condition.NewClause(o, key, values, variables.Substitute)
		return c
	}
	block := condition.NewBlock([]condition.Clause{
		clause("StringNotEquals", "aws:PrincipalAccount", "111111111111"),
		clause("ForAllValues:StringEquals", "aws:TagKeys", "env", "team"),
		clause("Null", "aws:TagKeys", "false"),
	})
	ctx, _ := condition.NewContext(map[string]condition.Value{
		"aws:PrincipalAccount": condition.StringValue("333333333333"),
	})
	var trace condition.Trace
	fmt.Println(block.Eval(ctx, &trace))
	for _, r := range trace.Clauses {
		fmt.Printf("%s %q: %v (%s)\n", r.Operator, r.Key, r.Passed, r.Reason)
	}
	fmt.Println("missing:", trace.Missing)
	// Output:
	// false
	// StringNotEquals "aws:PrincipalAccount": true (request value "333333333333" matches no policy value: the negated operator passes)
	// ForAllValues:StringEquals "aws:TagKeys": true (key is absent: ForAllValues passes on an empty set)
	// Null "aws:TagKeys": false (key is absent: Null fails)
	// missing: [aws:TagKeys]
}

// A Builder makes a Context without a map, and a later Set replaces a key
// under any spelling: a caller that builds a context for every request
// keeps one Builder and resets it.
func ExampleBuilder() {
	var b condition.Builder
	for _, ip := range []string{"10.20.0.1", "10.20.0.2"} {
		b.Reset()
		b.Add("aws:SourceIp", condition.StringValue(ip))
		b.Add("aws:SecureTransport", condition.StringValue("true"))
		b.Set("AWS:SECURETRANSPORT", condition.StringValue("false"))
		ctx, err := b.Context()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ctx.Keys())
		v, _ := ctx.LookupVariable("aws:securetransport")
		fmt.Println(v)
	}
	b.Reset()
	b.Add("aws:SourceIp", condition.StringValue("10.20.0.1"))
	b.Add("AWS:SourceIP", condition.StringValue("10.20.0.2"))
	_, err := b.Context()
	fmt.Println(err)
	// Output:
	// [aws:securetransport aws:sourceip]
	// false
	// [aws:securetransport aws:sourceip]
	// false
	// duplicate context key: "AWS:SourceIP" and "aws:SourceIp" differ only in case
}

// ExampleOverlay lays a caller's context over keys derived elsewhere:
// the caller's value of a key wins, and the other keys fill in.
func ExampleOverlay() {
	derived, _ := condition.NewContext(map[string]condition.Value{
		"aws:username":        condition.StringValue("alice"),
		"aws:SecureTransport": condition.UnknownValue(),
	})
	caller, _ := condition.NewContext(map[string]condition.Value{
		"aws:SecureTransport": condition.StringValue("true"),
	})
	ctx := condition.Overlay(caller, derived)
	ctx.Each(func(key string, v condition.Value) { fmt.Println(key, v) })
	// Output:
	// aws:securetransport true
	// aws:username alice
}
