// Package editdist measures how far apart two words are, for "did you
// mean" hints: the optimal-string-alignment distance (Levenshtein, with
// the transposition of two neighbouring characters counting as one edit,
// the commonest typo), computed on bytes.
//
// The package imports nothing of iameval's and is internal: its API may
// change with the packages that use it.
package editdist

// Distance returns the distance between a and b, or limit when it is at
// least limit (the computation stops as soon as it knows). A limit <= 0
// means no limit.
func Distance(a, b string, limit int) int {
	if limit <= 0 {
		limit = len(a) + len(b) + 1
	}
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit)
}
