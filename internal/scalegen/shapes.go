package main

import (
	"bufio"
	"fmt"
	"strings"
)

// extra is a hostile file of another shape than docs': a scenario that
// test runs or a policy that validate checks, written whole with its base
// count of items or another.
type extra struct {
	name  string // the file is name.json
	base  int
	write func(w *bufio.Writer, n int)
}

// extras are the other shapes of the README's reliability section.
var extras = []extra{
	{"cases-100k.scenario", 100_000, cases},
	{"context-100k.scenario", 100_000, func(w *bufio.Writer, n int) {
		oneCase(w, `"principal": "arn:aws:iam::123456789012:user/alice", "context": {`+list(n, `"ctx:k%d": "v"`)+`}`)
	}},
	{"tags-100k.scenario", 100_000, func(w *bufio.Writer, n int) {
		oneCase(w, `"principal": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/alice", "tags": {`+list(n, `"t%d": "v"`)+`}}`)
	}},
	{"policies-100k.scenario", 100_000, func(w *bufio.Writer, n int) {
		fmt.Fprintf(w, `{"policies": {"identity": [%s]}, "cases": [{"name": "one", "principal": "arn:aws:iam::123456789012:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "implicitDeny"}]}`+"\n",
			list(n, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k%d"}]}`))
	}},
	{"long-resource", 30 << 20, func(w *bufio.Writer, n int) {
		fmt.Fprintf(w, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/%s"}]}`+"\n", strings.Repeat("x", n))
	}},
	{"wildcard-resources-100k", 100_000, func(w *bufio.Writer, n int) {
		fmt.Fprintf(w, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [%s]}]}`+"\n", list(n, `"arn:aws:s3:::b%d/*"`))
	}},
	{"unknown-actions-100k", 100_000, func(w *bufio.Writer, n int) {
		fmt.Fprintf(w, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [%s], "Resource": "*"}]}`+"\n", list(n, `"svc%[1]d:Act%[1]d"`))
	}},
	// Every entry is an error of package policy (no "service:" prefix).
	{"invalid-actions-100k", 100_000, func(w *bufio.Writer, n int) {
		fmt.Fprintf(w, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [%s], "Resource": "*"}]}`+"\n", list(n, `"act%d"`))
	}},
}

// list joins n copies of format, each formatted with its index.
func list(n int, format string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// cases writes a scenario of n cases, each with its own principal.
func cases(w *bufio.Writer, n int) {
	w.WriteString(`{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}]}, "cases": [`)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, `{"name": "c%[1]d", "principal": "arn:aws:iam::123456789012:user/u%[1]d", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k%[1]d", "expect": "allowed"}`, i)
	}
	w.WriteString("]}\n")
}

// oneCase writes a scenario of one case allowed by its identity policy,
// with the members of who (its principal and context).
func oneCase(w *bufio.Writer, who string) {
	fmt.Fprintf(w, `{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}]}, "cases": [{"name": "one", %s, "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "allowed"}]}`+"\n", who)
}
