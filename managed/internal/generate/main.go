// Command generate rebuilds package managed's embedded AWS managed
// policies from an iam-dataset export: a gzip-compressed JSON object keyed
// by policy name, each {"arn", "version", "updated", "deprecated",
// "document"}. `go generate ./managed` runs it.
//
//	go run ./managed/internal/generate -src DIR|FILE.json.gz -out FILE
//
// With a directory, the newest aws-managed-policies-*.json.gz in it is
// read. The output is the records of format.go, sorted by name,
// gzip-compressed.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iameval/iameval/internal/jsonsrc"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	src := fs.String("src", "", "aws-managed-policies-*.json.gz, or a directory holding one")
	out := fs.String("out", "", "the embedded data file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *src == "" || *out == "" {
		return fmt.Errorf("usage: generate -src DIR|FILE.json.gz -out FILE")
	}
	path, err := find(*src)
	if err != nil {
		return err
	}
	raw, err := readGzip(path)
	if err != nil {
		return err
	}
	date := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "aws-managed-policies-"), ".json.gz")
	data, err := convert(filepath.Base(path), raw, date)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(*out, data, 0o644)
}

func find(src string) (string, error) {
	st, err := os.Stat(src)
	if err != nil {
		return "", err
	}
	if !st.IsDir() {
		return src, nil
	}
	list, _ := filepath.Glob(filepath.Join(src, "aws-managed-policies-*.json.gz"))
	if len(list) == 0 {
		return "", fmt.Errorf("%s: no aws-managed-policies-*.json.gz", src)
	}
	sort.Strings(list) // the names end in an ISO date
	return list[len(list)-1], nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(io.LimitReader(zr, 256<<20))
}

// convert turns the export into the embedded form: a header line
// "iameval-managed-1 <date>\n", then per policy, sorted by name, six
// fields each ended by a NUL byte (JSON text cannot hold a raw NUL):
// name, ARN (empty for a deprecated policy the export has no ARN for),
// version, update time, "1" if deprecated else "0", and the document as
// compact JSON. The whole is gzip-compressed.
func convert(name string, raw []byte, date string) ([]byte, error) {
	d, err := jsonsrc.Parse(string(raw), jsonsrc.Pos{})
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	at := func(v jsonsrc.Value) string {
		p := d.Pos(v.Index)
		return fmt.Sprintf("%s:%d:%d", name, p.Line, p.Column)
	}
	root := d.Root()
	if !root.IsObject() {
		return nil, fmt.Errorf("%s: expected an object keyed by policy name", at(root))
	}
	members := d.Members(root)
	sort.SliceStable(members, func(i, j int) bool { return members[i].Key < members[j].Key })
	var body bytes.Buffer
	fmt.Fprintf(&body, "iameval-managed-1 %s\n", date)
	for i, m := range members {
		if i > 0 && members[i-1].Key == m.Key {
			return nil, fmt.Errorf("%s: policy %s appears twice", at(m.Value), m.Key)
		}
		v := m.Value
		if !v.IsObject() {
			return nil, fmt.Errorf("%s: policy %s: expected an object", at(v), m.Key)
		}
		doc := d.Get(v, "document")
		if !doc.IsObject() {
			return nil, fmt.Errorf("%s: policy %s: document: expected an object", at(v), m.Key)
		}
		var fields [6]string
		fields[0] = m.Key
		for k, f := range []string{"arn", "version", "updated"} {
			fv := d.Get(v, f)
			if fv.Exists() && fv.Kind != jsonsrc.String && fv.Kind != jsonsrc.Null {
				return nil, fmt.Errorf("%s: policy %s: %s: expected a string", at(fv), m.Key, f)
			}
			fields[1+k] = d.Str(fv)
		}
		fields[4] = "0"
		if d.Get(v, "deprecated").Kind == jsonsrc.True {
			fields[4] = "1"
		}
		fields[5] = compact(d.Raw(doc))
		for _, f := range fields {
			if strings.IndexByte(f, 0) >= 0 {
				return nil, fmt.Errorf("%s: policy %s holds a NUL byte", at(v), m.Key)
			}
			body.WriteString(f)
			body.WriteByte(0)
		}
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(body.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// compact removes the white space between JSON tokens (outside strings).
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if in {
			b.WriteByte(c)
			switch c {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				in = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '"':
			in = true
		}
		b.WriteByte(c)
	}
	return b.String()
}
