// Command generate rebuilds package managed's embedded AWS managed
// policies from an iam-dataset export: a gzip-compressed JSON object keyed
// by policy name, each {"arn", "version", "updated", "deprecated",
// "document"}. `go generate ./managed` runs it.
//
//	go run ./managed/internal/generate -src DIR|FILE.json.gz [-supplement FILE.json] -out FILE
//
// The supplement, in the export's shape but not compressed, adds the
// policies the export lacks (it has no AdministratorAccess or
// PowerUserAccess); where the export has a policy, the export wins.
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
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/gentool"
	"github.com/iameval/iameval/internal/jsonsrc"
)

func main() { gentool.Main(run) }

func run(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	src := fs.String("src", "", "aws-managed-policies-*.json.gz, or a directory holding one")
	out := fs.String("out", "", "the embedded data file to write")
	supplement := fs.String("supplement", "", "a JSON file of policies to add where the export lacks them")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *src == "" || *out == "" {
		return fmt.Errorf("usage: generate -src DIR|FILE.json.gz -out FILE")
	}
	path, err := gentool.Newest(*src, "aws-managed-policies-*.json.gz", "", nil) // the names end in an ISO date
	if err != nil {
		return err
	}
	raw, err := readGzip(path)
	if err != nil {
		return err
	}
	date := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "aws-managed-policies-"), ".json.gz")
	sources := []source{{filepath.Base(path), raw}}
	if *supplement != "" {
		extra, err := os.ReadFile(*supplement)
		if err != nil {
			return err
		}
		sources = append(sources, source{filepath.Base(*supplement), extra})
	}
	data, err := convert(sources, date)
	if err != nil {
		return err
	}
	return gentool.WriteIfChanged(*out, data)
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

// source is one input file: its name for messages and its text.
type source struct {
	name string
	raw  []byte
}

// record is one policy's six fields, in the order convert writes them.
type record [6]string

// convert turns the export into the embedded form: a header line
// "iameval-managed-1 <date>\n", then per policy, sorted by name, six
// fields each ended by a NUL byte (JSON text cannot hold a raw NUL):
// name, ARN (empty for a deprecated policy the export has no ARN for),
// version, update time, "1" if deprecated else "0", and the document as
// compact JSON. The whole is gzip-compressed. Where two sources name the
// same policy, the first wins; a name twice in one source is an error.
func convert(sources []source, date string) ([]byte, error) {
	byName := map[string]record{}
	for _, src := range sources {
		seen := map[string]bool{}
		if err := readRecords(src, func(r record) error {
			if seen[r[0]] {
				return fmt.Errorf("policy %s appears twice", r[0])
			}
			seen[r[0]] = true
			if _, ok := byName[r[0]]; !ok {
				byName[r[0]] = r
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	var body bytes.Buffer
	fmt.Fprintf(&body, "iameval-managed-1 %s\n", date)
	for _, n := range slices.Sorted(maps.Keys(byName)) {
		for _, f := range byName[n] {
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

// readRecords reads one source, an object keyed by policy name, and
// hands each policy to add.
func readRecords(src source, add func(record) error) error {
	d, err := jsonsrc.Parse(string(src.raw), diag.Position{})
	if err != nil {
		return fmt.Errorf("%s:%w", src.name, err)
	}
	at := func(v jsonsrc.Value) string {
		p := d.Pos(v.Index)
		return fmt.Sprintf("%s:%d:%d", src.name, p.Line, p.Column)
	}
	root := d.Root()
	if !root.IsObject() {
		return fmt.Errorf("%s: expected an object keyed by policy name", at(root))
	}
	for _, m := range d.Members(root) {
		v := m.Value
		if !v.IsObject() {
			return fmt.Errorf("%s: policy %s: expected an object", at(v), m.Key)
		}
		doc := d.Get(v, "document")
		if !doc.IsObject() {
			return fmt.Errorf("%s: policy %s: document: expected an object", at(v), m.Key)
		}
		var r record
		r[0] = m.Key
		for k, f := range []string{"arn", "version", "updated"} {
			fv := d.Get(v, f)
			if fv.Exists() && fv.Kind != jsonsrc.String && fv.Kind != jsonsrc.Null {
				return fmt.Errorf("%s: policy %s: %s: expected a string", at(fv), m.Key, f)
			}
			r[1+k] = d.Str(fv)
		}
		r[4] = "0"
		if d.Get(v, "deprecated").Kind == jsonsrc.True {
			r[4] = "1"
		}
		r[5] = compact(d.Raw(doc))
		for _, f := range r {
			if strings.IndexByte(f, 0) >= 0 {
				return fmt.Errorf("%s: policy %s holds a NUL byte", at(v), m.Key)
			}
		}
		if err := add(r); err != nil {
			return fmt.Errorf("%s: %w", at(v), err)
		}
	}
	return nil
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
