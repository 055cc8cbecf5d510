// Command scalegen writes the hostile-but-legal documents of issue 15 (the
// README's "Reliability: limits on hostile input" table) into a directory,
// each with a one-case scenario that reads it and one whose expectation is
// wrong, so that the peak memory of `iameval validate` and `iameval test`
// (plain, on a failing case and with --json) can be re-measured with
// measure.sh, and the other shapes of the README's reliability section
// (extras: many cases, context keys, tags or policies; a long or a
// wildcard-heavy Resource; unknown actions).
//
//	go run ./internal/scalegen DIR
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// doc is one generated policy: its file name, a writer of its text, the
// decision its scenario expects and a wrong one, which its failing
// scenario expects (a failing case is explained).
type doc struct {
	name   string
	write  func(w *bufio.Writer)
	expect string
	wrong  string
}

// docs are the table's three inputs, generated as policy/scale_bench_test.go
// generates the benchmark's smaller ones.
var docs = []doc{
	{"sids-100k", func(w *bufio.Writer) { sids(w, 100_000) }, "allowed", "implicitDeny"},
	{"keys-100k", func(w *bufio.Writer) { keys(w, 100_000) }, "implicitDeny", "allowed"},
	{"values-5k-1001", func(w *bufio.Writer) { values(w, 5_000, 1_001) }, "implicitDeny", "allowed"},
}

// sids writes n statements, each with its own Sid.
func sids(w *bufio.Writer, n int) {
	w.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, `{"Sid":"S%d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, i)
	}
	w.WriteString("]}\n")
}

// keys writes one statement whose condition has n distinct keys.
func keys(w *bufio.Writer, n int) {
	w.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{`)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, `"aws:PrincipalTag/k%d":"v"`, i)
	}
	w.WriteString("}}}]}\n")
}

// values writes n statements, each with a condition of v values distinct
// across statements, so that no clause is shared.
func values(w *bufio.Writer, n, v int) {
	w.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":[`)
		for j := range v {
			if j > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, `"v%d-%d"`, i, j)
		}
		w.WriteString(`]}}}`)
	}
	w.WriteString("]}\n")
}

// scenario is a one-case scenario reading the policy file name and
// expecting a decision: the statements allow s3:GetObject, unless a
// condition on a principal tag the request does not carry stops them.
const scenario = `{"name": "issue 15 scale: %[1]s",
 "cases": [{"name": "one request against %[1]s",
  "principal": "arn:aws:iam::123456789012:user/alice",
  "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
  "policies": {"identity": [{"file": "%[1]s.json"}]},
  "expect": "%[2]s"}]}
`

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: scalegen DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		if err := writeFile(filepath.Join(dir, d.name+".json"), d.write); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for file, expect := range map[string]string{".scenario.json": d.expect, ".fail.scenario.json": d.wrong} {
			if err := writeFile(filepath.Join(dir, d.name+file), func(w *bufio.Writer) { fmt.Fprintf(w, scenario, d.name, expect) }); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	if err := writeExtras(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// writeExtras writes the files of extras into dir.
func writeExtras(dir string) error {
	for _, e := range extras {
		if err := writeFile(filepath.Join(dir, e.name+".json"), e.write); err != nil {
			return err
		}
	}
	return nil
}

// writeFile creates path and fills it with write.
func writeFile(path string, write func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	write(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
