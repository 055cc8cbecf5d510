// Package managed holds the AWS managed policies (ReadOnlyAccess,
// AdministratorAccess, service-role policies, ...) with their documents,
// by name and by ARN, for tests and for loaders that meet a managed
// policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies).
//
// The policies are embedded gzip-compressed (about 460 KB) and decoded
// on first use; each document is parsed only when asked for. Everything
// is immutable and safe for concurrent use. Only programs that import
// this package carry the data.
//
// The data come from the iam-dataset project (MIT licence, Ian Mckay),
// which collects AWS's managed policies; [Date] says of when. That export
// lacks AdministratorAccess and PowerUserAccess; both are added from AWS
// Managed Policy Reference Guide
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html,
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html),
// kept in internal/generate/supplement.json. To refresh,
// get a newer export (a JSON object keyed by policy name, each {"arn",
// "version", "updated", "deprecated", "document"}, gzip-compressed) and
// run:
//
//	go run ./managed/internal/generate -src aws-managed-policies-<date>.json.gz -supplement managed/internal/generate/supplement.json -out managed/data/policies.bin.gz
package managed

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/iameval/iameval/policy"
)

//go:generate go run ./internal/generate -src ../../shared/data -supplement internal/generate/supplement.json -out data/policies.bin.gz

//go:embed data/policies.bin.gz
var embedded []byte

// Policy is one AWS managed policy, in its default version.
type Policy struct {
	Name       string // "ReadOnlyAccess"
	ARN        string // "arn:aws:iam::aws:policy/ReadOnlyAccess"; empty for some deprecated policies
	Version    string // the default version, "v188"
	Updated    string // when that version was published, RFC 3339
	Deprecated bool   // AWS no longer lets new users attach it
	Document   string // the policy document, compact JSON

	once   sync.Once
	parsed *policy.Policy
	err    error
}

type set struct {
	date   string
	list   []*Policy
	byName map[string]*Policy
	byPath map[string]*Policy // by the ARN's resource part, "policy/service-role/X"
}

var (
	loadOnce sync.Once
	loaded   *set
)

func all() *set {
	loadOnce.Do(func() {
		s, err := decode(embedded)
		if err != nil {
			// Generated and tested with the package: a broken build.
			panic(fmt.Sprintf("iameval/managed: embedded data: %v", err))
		}
		loaded = s
	})
	return loaded
}

const header = "iameval-managed-1 "

func decode(data []byte) (*set, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 256<<20))
	if err != nil {
		return nil, err
	}
	text := string(raw)
	if !strings.HasPrefix(text, header) {
		return nil, errors.New("bad header")
	}
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		return nil, errors.New("bad header")
	}
	s := &set{date: text[len(header):nl], byName: map[string]*Policy{}, byPath: map[string]*Policy{}}
	rest := text[nl+1:]
	for rest != "" {
		var f [6]string
		for k := range f {
			i := strings.IndexByte(rest, 0)
			if i < 0 {
				return nil, fmt.Errorf("record %d truncated", len(s.list)+1)
			}
			f[k], rest = rest[:i], rest[i+1:]
		}
		p := &Policy{Name: f[0], ARN: f[1], Version: f[2], Updated: f[3], Deprecated: f[4] == "1", Document: f[5]}
		if _, dup := s.byName[p.Name]; dup || p.Name == "" {
			return nil, fmt.Errorf("policy name %q empty or repeated", p.Name)
		}
		s.byName[p.Name] = p
		if path, ok := arnPath(p.ARN); ok {
			s.byPath[path] = p
		}
		s.list = append(s.list, p)
	}
	sort.Slice(s.list, func(i, j int) bool { return s.list[i].Name < s.list[j].Name })
	return s, nil
}

// arnPath returns the resource part of an AWS managed policy ARN in any
// partition ("policy/service-role/AWSLambdaRole"), or false.
func arnPath(arn string) (string, bool) {
	const pre = "arn:"
	if !strings.HasPrefix(arn, pre) {
		return "", false
	}
	rest := arn[len(pre):]
	i := strings.IndexByte(rest, ':')
	if i <= 0 || !strings.HasPrefix(rest[:i], "aws") {
		return "", false
	}
	rest = rest[i:]
	if !strings.HasPrefix(rest, ":iam::aws:policy/") {
		return "", false
	}
	return rest[len(":iam::aws:"):], true
}

// Date returns the date of the embedded export, YYYY-MM-DD.
func Date() string { return all().date }

// All returns every AWS managed policy, sorted by name. The slice is
// shared: do not modify it.
func All() []*Policy { return all().list }

// ByName returns the policy with the name (case-sensitive, as IAM names
// are), or nil.
func ByName(name string) *Policy { return all().byName[name] }

// ByARN returns the policy with the ARN, in any partition
// (arn:aws:iam::aws:policy/ReadOnlyAccess,
// arn:aws-cn:iam::aws:policy/ReadOnlyAccess), or nil.
func ByARN(arn string) *Policy {
	path, ok := arnPath(arn)
	if !ok {
		return nil
	}
	return all().byPath[path]
}

// Lookup returns the policy a name or an ARN names, or nil.
func Lookup(nameOrARN string) *Policy {
	if strings.HasPrefix(nameOrARN, "arn:") {
		return ByARN(nameOrARN)
	}
	return ByName(nameOrARN)
}

// IsManagedARN reports whether arn has the form of an AWS managed policy
// ARN (arn:PARTITION:iam::aws:policy/...), whether or not the policy
// exists.
func IsManagedARN(arn string) bool {
	_, ok := arnPath(arn)
	return ok
}

// Policy returns the document parsed as an identity policy, parsing it
// on first use. The result is shared and immutable.
func (p *Policy) Policy() (*policy.Policy, error) {
	p.once.Do(func() { p.parsed, p.err = p.ParseAs(policy.Identity) })
	return p.parsed, p.err
}

// ParseAs parses the document as a policy of type t (a managed policy
// may also serve as a permissions boundary), without caching. Positions
// in errors refer to the compact document, in a file named after the ARN.
func (p *Policy) ParseAs(t policy.Type) (*policy.Policy, error) {
	file := p.ARN
	if file == "" {
		file = p.Name
	}
	return policy.Parse([]byte(p.Document), policy.Source{ID: p.Name, File: file, Type: t})
}
