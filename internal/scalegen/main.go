// Command scalegen writes the hostile-but-legal documents of issue 15 (the
// README's "Reliability: limits on hostile input" table) into a directory,
// each with a one-case scenario that reads it and one whose expectation is
// wrong, so that the peak memory of `iameval validate` and `iameval test`
// (plain, on a failing case and with --json) can be re-measured with
// measure.sh, and the other shapes of the README's reliability section
// (extras: many cases, context keys, tags or policies; a long or a
// wildcard-heavy Resource; unknown actions).
//
//	go run ./internal/scalegen DIR [SCALE]
//
// SCALE (1 when left out) multiplies the item count of every file, up to
// about 60 MB, under the 64 MiB file limit; the file names keep the base
// counts.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// doc is one generated policy: its file name, its base count of items
// and a writer of its text for a count, the decision its scenario expects
// and a wrong one, which its failing scenario expects (a failing case is
// explained).
type doc struct {
	name   string
	base   int
	write  func(w *bufio.Writer, n int)
	expect string
	wrong  string
}

// docs are the table's three inputs, generated as policy/scale_bench_test.go
// generates the benchmark's smaller ones.
var docs = []doc{
	{"sids-100k", 100_000, sids, "allowed", "implicitDeny"},
	{"keys-100k", 100_000, keys, "implicitDeny", "allowed"},
	{"values-5k-1001", 5_000, func(w *bufio.Writer, n int) { values(w, n, 1_001) }, "implicitDeny", "allowed"},
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

// maxBytes is what a scaled file is sized for, judged from its size at
// the base count; its items' numbers grow longer with the count, and the
// margin keeps it under the 64 MiB file limit, so that it is read, not
// refused.
const maxBytes = 52 << 20

// scale multiplies the item counts of every file (see count).
var scale = 1

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: scalegen DIR [SCALE]")
		os.Exit(2)
	}
	dir := os.Args[1]
	if len(os.Args) == 3 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 {
			fmt.Fprintln(os.Stderr, "scalegen: SCALE must be a positive integer")
			os.Exit(2)
		}
		scale = n
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		n := count(d.base, d.write)
		if err := writeFile(filepath.Join(dir, d.name+".json"), func(w *bufio.Writer) { d.write(w, n) }); err != nil {
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

// count returns the number of items to write of a file whose base count
// is base: base times scale, but no more than fit in maxBytes, judged
// from the size of the file at its base count. The file names keep the
// base count.
func count(base int, write func(w *bufio.Writer, n int)) int {
	if scale == 1 {
		return base
	}
	var c byteCounter
	w := bufio.NewWriter(&c)
	write(w, base)
	w.Flush()
	perItem := max(1, c.n/base)
	return max(base, min(base*scale, maxBytes/perItem))
}

// byteCounter counts the bytes written to it.
type byteCounter struct{ n int }

func (c *byteCounter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// writeExtras writes the files of extras into dir.
func writeExtras(dir string) error {
	for _, e := range extras {
		n := count(e.base, e.write)
		if err := writeFile(filepath.Join(dir, e.name+".json"), func(w *bufio.Writer) { e.write(w, n) }); err != nil {
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
