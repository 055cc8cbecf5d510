package account

import (
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// parseKey names a parsed policy: its ID and the type it is parsed as.
type parseKey struct {
	id  string
	typ policy.Type
}

// parseJob is one policy document to parse.
type parseJob struct {
	key  parseKey
	doc  document
	file string
}

// parseAll parses every policy document of the exports and resource
// inputs at once, on every CPU (policy.Parse is safe for concurrent use),
// and returns the results by ID and type; a nil policy had problems, which
// are added to l.errs in a fixed order.
func (l *Loader) parseAll() map[parseKey]*policy.Policy {
	var jobs []parseJob
	for _, k := range slices.Sorted(maps.Keys(l.managed)) {
		m := l.managed[k]
		jobs = append(jobs, parseJob{parseKey{k, policy.Identity}, m.doc.doc, m.doc.file})
	}
	boundaries := map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(l.entities)) {
		e := l.entities[k]
		for _, ip := range e.inline {
			jobs = append(jobs, parseJob{parseKey{e.arn + "#" + ip.name, policy.Identity}, ip.doc, ip.file})
		}
		if e.trust != nil {
			jobs = append(jobs, parseJob{parseKey{e.arn + "#trust", policy.Resource}, e.trust.doc, e.trust.file})
		}
		if e.boundary != nil && !boundaries[e.boundary.name] {
			if m, ok := l.managed[e.boundary.name]; ok {
				boundaries[e.boundary.name] = true
				jobs = append(jobs, parseJob{parseKey{e.boundary.name, policy.PermissionsBoundary}, m.doc.doc, m.doc.file})
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(l.resource)) {
		rr := l.resource[k]
		jobs = append(jobs, parseJob{parseKey{k, policy.Resource}, rr.doc, rr.file})
	}
	out := make([]*policy.Policy, len(jobs))
	errs := make([]diag.ErrorList, len(jobs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(jobs); i += workers {
				j := &jobs[i]
				out[i] = parsePolicy(j.doc, j.key.id, j.key.typ, j.file, &errs[i])
			}
		}(w)
	}
	wg.Wait()
	m := make(map[parseKey]*policy.Policy, len(jobs))
	for i, j := range jobs {
		m[j.key] = out[i]
		l.errs = append(l.errs, errs[i]...)
	}
	return m
}
