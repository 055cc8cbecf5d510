package catalog_test

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/managed"
	"github.com/iameval/iameval/policy"
)

func parse(t *testing.T, doc string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse([]byte(doc), policy.Source{ID: "test"})
	require.NoError(t, err)
	return p
}

func names(gs []catalog.Grant) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Action.FullName)
	}
	return out
}

func TestAllowed(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	sqs := len(c.Service("sqs").Actions)
	tests := []struct {
		doc, resource string
		want          int      // number of actions, when wantSome is nil
		wantSome      []string // the exact list
		why           string
	}{
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sqs:*","Resource":"*"}}`, "", sqs, nil,
			"a service wildcard is every action of the service"},
		{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"},{"Effect":"Deny","Action":"sqs:Delete*","Resource":"*"}]}`, "",
			sqs - len(c.Service("sqs").MatchActions("Delete*")), nil, "an unconditional Deny on * removes"},
		{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"},{"Effect":"Deny","Action":"sqs:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, "",
			sqs, nil, "a conditional Deny removes nothing (some requests escape it)"},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`, "",
			len(c.Actions()) - len(c.Service("iam").Actions), nil, "NotAction is every catalogued action it does not match"},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject","S3:getobject"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}`, "",
			0, []string{"s3:GetObject"}, "a conditional Allow grants; duplicates count once"},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}`, "arn:aws:s3:::b/alice/x",
			0, nil, "a policy variable stays unresolved: the entry matches no resource"},
		{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"}]}`, "",
			0, []string{"s3:GetObject"}, "a Deny with NotAction removes everything else"},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}`, "", 0, nil, "no Allow, nothing allowed"},
	}
	for _, tc := range tests {
		got := names(c.Allowed(parse(t, tc.doc), tc.resource))
		if tc.wantSome != nil || tc.want == 0 {
			assert.Equal(t, tc.wantSome, got, tc.why)
			continue
		}
		assert.Len(t, got, tc.want, tc.why)
	}
}

// TestAllowedAgreesOnManagedPolicies compares Allowed with an independent
// computation on every AWS managed policy: the documents read with
// encoding/json, patterns turned into regular expressions (service prefix
// literal, name glob, case-insensitive), NotAction as the rest of the
// catalogue, unconditional Deny statements on "*" subtracted. (Checked
// on all 1,640 policies once; the test keeps a sample.)
func TestAllowedAgreesOnManagedPolicies(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	all := c.Actions()
	for i, m := range managed.All() {
		// Every policy with a Deny or a NotAction, and every eighth of the
		// others (every one takes a minute on a loaded machine).
		tricky := strings.Contains(m.Document, `"Deny"`) || strings.Contains(m.Document, `"NotAction"`)
		if !tricky && (i%8 != 0 || testing.Short()) {
			continue
		}
		p, err := m.Policy()
		require.NoError(t, err)
		want := independent(t, all, m.Document)
		got := names(c.Allowed(p, ""))
		sort.Strings(got)
		if !assert.Equal(t, want, got, m.Name) {
			return
		}
	}
}

func independent(t *testing.T, all []*catalog.Action, doc string) []string {
	var d struct{ Statement any }
	require.NoError(t, json.Unmarshal([]byte(doc), &d))
	var stmts []map[string]any
	switch s := d.Statement.(type) {
	case map[string]any:
		stmts = append(stmts, s)
	case []any:
		for _, x := range s {
			stmts = append(stmts, x.(map[string]any))
		}
	}
	list := func(v any) []string {
		switch x := v.(type) {
		case string:
			return []string{x}
		case []any:
			var out []string
			for _, e := range x {
				out = append(out, e.(string))
			}
			return out
		}
		return nil
	}
	bySvc := map[string][]string{}
	for _, x := range all {
		svc, _, _ := strings.Cut(x.FullName, ":")
		bySvc[strings.ToLower(svc)] = append(bySvc[strings.ToLower(svc)], x.FullName)
	}
	// expand returns the catalogued actions the patterns match.
	expand := func(pats []string) map[string]bool {
		out := map[string]bool{}
		for _, p := range pats {
			if p == "*" {
				for _, x := range all {
					out[x.FullName] = true
				}
				continue
			}
			svc, name, _ := strings.Cut(p, ":")
			n := regexp.QuoteMeta(name)
			n = strings.ReplaceAll(n, `\*`, ".*")
			n = strings.ReplaceAll(n, `\?`, ".")
			r := regexp.MustCompile("(?i)^" + regexp.QuoteMeta(svc) + ":" + n + "$")
			for _, x := range bySvc[strings.ToLower(svc)] {
				if r.MatchString(x) {
					out[x] = true
				}
			}
		}
		return out
	}
	allowed := map[string]bool{}
	for _, s := range stmts {
		if s["Effect"] != "Allow" {
			continue
		}
		if a, ok := s["Action"]; ok {
			for x := range expand(list(a)) {
				allowed[x] = true
			}
		} else {
			m := expand(list(s["NotAction"]))
			for _, x := range all {
				if !m[x.FullName] {
					allowed[x.FullName] = true
				}
			}
		}
	}
	for _, s := range stmts {
		_, cond := s["Condition"]
		res, hasRes := s["Resource"]
		if s["Effect"] != "Deny" || cond || !hasRes || !contains(list(res), "*") {
			continue
		}
		var m map[string]bool
		not := false
		if a, ok := s["Action"]; ok {
			m = expand(list(a))
		} else {
			m, not = expand(list(s["NotAction"])), true
		}
		for name := range allowed {
			if m[name] != not {
				delete(allowed, name)
			}
		}
	}
	var out []string
	for n := range allowed {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
