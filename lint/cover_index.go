package lint

import "slices"

// coverIndex finds the statements that could cover a statement's Action
// and Resource entries, so that checkRedundantStatements does not compare
// every pair. It rests on one property of entryCovers: when entry a
// covers (or equals) entry b, the literal start of a, up to its first
// wildcard, is a prefix of b. The statements whose entries have a given
// literal start are filed under it.
type coverIndex struct {
	actions, resources map[string][]int32 // literal start → statements, ascending
}

// newCoverIndex files the statements for which ok is true.
func newCoverIndex(stmts []*statement, ok []bool) *coverIndex {
	x := &coverIndex{actions: map[string][]int32{}, resources: map[string][]int32{}}
	for i, s := range stmts {
		if !ok[i] {
			continue
		}
		for j := range s.action.items {
			file(x.actions, literalStart(s.actionLower[j]), int32(i))
		}
		for j := range s.resource.items {
			file(x.resources, literalStart(s.resource.items[j].text), int32(i))
		}
	}
	return x
}

// file adds statement i under key, once.
func file(m map[string][]int32, key string, i int32) {
	l := m[key]
	if n := len(l); n > 0 && l[n-1] == i {
		return
	}
	m[key] = append(l, i)
}

// literalStart returns s up to its first wildcard.
func literalStart(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' || s[i] == '?' {
			return s[:i]
		}
	}
	return s
}

// candidates appends to dst, in ascending order and once each, the
// statements that could cover s: those with an entry whose literal start
// is a prefix of the one entry of s (Action or Resource) that the fewest
// statements could cover. Every statement that covers all of s is among
// them.
func (x *coverIndex) candidates(s *statement, dst []int32) []int32 {
	best, bestN := "", -1
	var bestMap map[string][]int32
	consider := func(m map[string][]int32, text string) {
		n := 0
		for k := 0; k <= len(text); k++ {
			n += len(m[text[:k]])
		}
		if bestN < 0 || n < bestN {
			best, bestN, bestMap = text, n, m
		}
	}
	for j := range s.action.items {
		consider(x.actions, s.actionLower[j])
	}
	for j := range s.resource.items {
		consider(x.resources, s.resource.items[j].text)
	}
	if bestN <= 0 {
		return dst
	}
	for k := 0; k <= len(best); k++ {
		dst = append(dst, bestMap[best[:k]]...)
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}
