package policy

import (
	"fmt"
	"strings"
	"testing"
)

// Hostile documents of issue 15 at two sizes each, so that the benchmark
// shows how parse time grows: linearly, ten times the input takes about
// ten times the time (a quadratic parser took a hundred times).

// sidsDoc is n statements, each with its own Sid.
func sidsDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Sid":"S%d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// keysDoc is one statement whose condition has n distinct keys.
func keysDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"aws:PrincipalTag/k%d":"v"`, i)
	}
	b.WriteString(`}}}]}`)
	return []byte(b.String())
}

// valuesDoc is n statements, each with a condition of v distinct values
// (distinct across statements too, so that no clause is shared).
func valuesDoc(n, v int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":[`)
		for j := range v {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"v%d-%d"`, i, j)
		}
		b.WriteString(`]}}}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// sameClauseDoc is n statements sharing one condition clause of v values,
// which the parser compiles once.
func sameClauseDoc(n, v int) []byte {
	var vals strings.Builder
	for j := range v {
		if j > 0 {
			vals.WriteByte(',')
		}
		fmt.Fprintf(&vals, `"v%d"`, j)
	}
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":[%s]}}}`, vals.String())
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// resourcesDoc is one statement of n distinct Resource entries among
// indexMinStatements others, so that the policy is indexed: each entry is
// a prefix the statement is filed under (comparing them pair by pair took
// 44 s for 100,000).
func resourcesDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"arn:aws:s3:::bucket%d/key"`, i)
	}
	b.WriteString(`]}`)
	for i := range indexMinStatements {
		fmt.Fprintf(&b, `,{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::x%d/*"}`, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// actionsDoc is one statement of n Action entries, each formatted with
// its index, and a NotAction statement, which is filed for every service.
func actionsDoc(n int, format string) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, format, i)
	}
	b.WriteString(`],"Resource":"*"},{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"}]}`)
	return []byte(b.String())
}

// scaleDocs are the benchmark's documents by name.
func scaleDocs() []struct {
	name string
	src  func() []byte
} {
	return []struct {
		name string
		src  func() []byte
	}{
		{"sids=10k", func() []byte { return sidsDoc(10_000) }},
		{"sids=100k", func() []byte { return sidsDoc(100_000) }},
		{"keys=10k", func() []byte { return keysDoc(10_000) }},
		{"keys=100k", func() []byte { return keysDoc(100_000) }},
		{"statements=1k,values=100", func() []byte { return valuesDoc(1_000, 100) }},
		{"statements=10k,values=100", func() []byte { return valuesDoc(10_000, 100) }},
		{"sameClause=10k,values=100", func() []byte { return sameClauseDoc(10_000, 100) }},
		{"sameClause=100k,values=10", func() []byte { return sameClauseDoc(100_000, 10) }},
		{"services=10k", func() []byte { return actionsDoc(10_000, `"svc%d:Act"`) }},
		{"services=100k", func() []byte { return actionsDoc(100_000, `"svc%d:Act"`) }},
		{"literals=10k", func() []byte { return actionsDoc(10_000, `"s3:Act%d"`) }},
		{"literals=100k", func() []byte { return actionsDoc(100_000, `"s3:Act%d"`) }},
		{"resources=10k", func() []byte { return resourcesDoc(10_000) }},
		{"resources=100k", func() []byte { return resourcesDoc(100_000) }},
	}
}

// BenchmarkParseScale parses the hostile documents of issue 15; compare
// cpu-ns/op (processor time, steadier than ns/op on a shared machine) and
// B/op between the small and large sizes of each shape.
func BenchmarkParseScale(b *testing.B) {
	for _, d := range scaleDocs() {
		b.Run(d.name, func(b *testing.B) {
			src := d.src()
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			start := cpuTime()
			for b.Loop() {
				if _, err := Parse(src, Source{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}
