package catalog

import "strings"

// An ARN format such as "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
// is matched segment by segment, like policy resources
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
// the partition, service, region and account segments, then the
// resource part, which may itself hold colons. A ${...} placeholder
// stands for one or more characters; one that names an S3 bucket
// (${BucketName}) holds no '/', since bucket names cannot, so that an
// object ARN is not taken for a bucket. Literal text compares
// case-sensitively, as ARNs do.

// arnFormat is a compiled ARN format: six segments of elements.
type arnFormat struct {
	segs [6][]elem
	ok   bool // the format has six segments
}

// elem is one element of a segment pattern: one character of a class,
// or (star) any number of characters of the class.
type elem struct {
	class byte // classLit (the character lit), classAny, classNoSlash
	lit   byte
	star  bool
}

const (
	classLit = iota
	classAny
	classNoSlash
)

// splitARN splits s into its five leading colon-separated segments and
// the rest; ok is false when s has fewer than five colons.
func splitARN(s string) (parts [6]string, ok bool) {
	for i := 0; i < 5; i++ {
		j := strings.IndexByte(s, ':')
		if j < 0 {
			return parts, false
		}
		parts[i], s = s[:j], s[j+1:]
	}
	parts[5] = s
	return parts, true
}

func compileFormat(format string) arnFormat {
	parts, ok := splitARN(format)
	f := arnFormat{ok: ok}
	if !ok {
		return f
	}
	for i, p := range parts {
		f.segs[i] = compileTemplate(p)
	}
	return f
}

// compileTemplate turns a segment of an ARN format into elements.
func compileTemplate(p string) []elem {
	var out []elem
	for len(p) > 0 {
		if strings.HasPrefix(p, "${") {
			if end := strings.IndexByte(p, '}'); end > 0 {
				class := byte(classAny)
				if strings.HasSuffix(p[2:end], "BucketName") {
					class = classNoSlash
				}
				out = append(out, elem{class: class}, elem{class: class, star: true})
				p = p[end+1:]
				continue
			}
		}
		out = append(out, elem{class: classLit, lit: p[0]})
		p = p[1:]
	}
	return out
}

// compileLiteral turns a concrete ARN segment into elements.
func compileLiteral(s string, buf []elem) []elem {
	for i := 0; i < len(s); i++ {
		buf = append(buf, elem{class: classLit, lit: s[i]})
	}
	return buf
}

// compilePolicy turns a segment of a policy's Resource pattern into
// elements: '*' any run, '?' any one character, a policy variable
// ${...} any run (its value is unknown here). Runs next to each other
// are one run.
func compilePolicy(s string) []elem {
	return compilePolicyTo(s, nil)
}

// compilePolicyTo is compilePolicy appending to out.
func compilePolicyTo(s string, out []elem) []elem {
	base := len(out)
	run := elem{class: classAny, star: true}
	var vars variableEnds
	for i := 0; i < len(s); i++ {
		switch end := vars.at(s, i); {
		case s[i] == '*' || end > 0:
			if len(out) == base || out[len(out)-1] != run {
				out = append(out, run)
			}
			i = max(i, end)
		case s[i] == '?':
			out = append(out, elem{class: classAny})
		default:
			out = append(out, elem{class: classLit, lit: s[i]})
		}
	}
	return out
}

// variableEnds finds where the policy variables of a pattern end, in
// one pass however many "${" it holds.
type variableEnds struct {
	next int // offset of the first '}' at or after the last lookup; -1: none
	set  bool
}

// at returns the offset of the '}' that ends a variable opening at i
// ("${"), or 0 when none opens there.
func (v *variableEnds) at(s string, i int) int {
	if !strings.HasPrefix(s[i:], "${") {
		return 0
	}
	if !v.set || v.next >= 0 && v.next < i {
		v.set, v.next = true, strings.IndexByte(s[i:], '}')
		if v.next >= 0 {
			v.next += i
		}
	}
	return max(v.next, 0)
}

// maxARN is the longest ARN there is: IAM takes resource ARNs of at most
// 2,048 characters (the Length Constraints of ResourceArns,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
// Matching a longer ARN, or a pattern that only longer ARNs match,
// against a format would take time and memory proportional to its length
// for an answer known at once (issue 15: a Resource of 30 MB made
// validate allocate 2.2 GB).
const maxARN = 2048

// minLength returns the length of the shortest string the policy
// pattern matches: its characters but '*' and ${...}.
func minLength(pattern string) int {
	n := 0
	var vars variableEnds
	for i := 0; i < len(pattern); i++ {
		if end := vars.at(pattern, i); end > 0 {
			i = end
		} else if pattern[i] != '*' {
			n++
		}
	}
	return n
}

// meet reports whether one character can match both elements.
func meet(a, b elem) bool {
	switch {
	case a.class == classLit && b.class == classLit:
		return a.lit == b.lit
	case a.class == classLit:
		return b.class == classAny || a.lit != '/'
	case b.class == classLit:
		return a.class == classAny || b.lit != '/'
	}
	return true
}

// overlap reports whether some string matches both element lists: a walk
// over the product of the two automata, in time proportional to
// len(a) × len(b).
func overlap(a, b []elem) bool {
	w := len(b) + 1
	// On the stack for the usual segment lengths: checking 100,000
	// Resource entries allocated 25 MB here (issue 15).
	var seenBuf [1024]bool
	var stackBuf [64]int
	var seen []bool
	if n := (len(a) + 1) * w; n <= len(seenBuf) {
		seen = seenBuf[:n]
	} else {
		seen = make([]bool, n)
	}
	stack := append(stackBuf[:0], 0)
	seen[0] = true
	push := func(i, j int) {
		if k := i*w + j; !seen[k] {
			seen[k] = true
			stack = append(stack, k)
		}
	}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i, j := k/w, k%w
		if i == len(a) && j == len(b) {
			return true
		}
		// A star may match nothing.
		if i < len(a) && a[i].star {
			push(i+1, j)
		}
		if j < len(b) && b[j].star {
			push(i, j+1)
		}
		if i < len(a) && j < len(b) && meet(a[i], b[j]) {
			ni, nj := i+1, j+1
			if a[i].star {
				ni = i // a star stays to match more
			}
			if b[j].star {
				nj = j
			}
			push(ni, nj)
		}
	}
	return false
}

// Matches reports whether the concrete ARN arn is a resource of this
// type: it fits one of the type's ARN formats.
func (r *ResourceType) Matches(arn string) bool {
	if len(arn) > maxARN {
		return false
	}
	parts, ok := splitARN(arn)
	if !ok {
		return false
	}
	var buf [64]elem
	for _, f := range r.matchers() {
		if f.ok && f.fits(parts, buf[:0], compileLiteral) {
			return true
		}
	}
	return false
}

// MayMatch reports whether the policy Resource pattern (with '*' and '?'
// wildcards and ${...} variables) can name a resource of this type: some
// ARN matches both the pattern and one of the type's formats. A policy
// "*" matches every type.
func (r *ResourceType) MayMatch(pattern string) bool {
	if pattern == "*" {
		return true
	}
	if minLength(pattern) > maxARN {
		return false
	}
	parts, ok := splitARN(pattern)
	// The pattern's segments are compiled once, on the stack for the
	// usual lengths, for all the type's formats: checking 2,600,000
	// Resource entries allocated for each segment and format (issue 15).
	var buf [192]elem
	var segs [6][]elem
	compiled := false
	for k, f := range r.matchers() {
		if !ok || !f.ok {
			// Too few segments to compare one by one: compare the whole.
			if overlap(compileTemplate(r.ARNFormats[k]), compilePolicy(pattern)) {
				return true
			}
			continue
		}
		if !compiled {
			b := buf[:0]
			for i, p := range parts {
				start := len(b)
				b = compilePolicyTo(p, b)
				segs[i] = b[start:len(b):len(b)]
			}
			compiled = true
		}
		if f.overlapsAll(&segs) {
			return true
		}
	}
	return false
}

// overlapsAll reports whether each compiled segment of a policy pattern
// overlaps the format's segment.
func (f *arnFormat) overlapsAll(segs *[6][]elem) bool {
	for i := range segs {
		if !overlap(f.segs[i], segs[i]) {
			return false
		}
	}
	return true
}

func (f *arnFormat) fits(parts [6]string, buf []elem, compile func(string, []elem) []elem) bool {
	for i, p := range parts {
		if !overlap(f.segs[i], compile(p, buf[:0])) {
			return false
		}
	}
	return true
}

// ResourceTypesFor returns the action's resource types that the concrete
// ARN fits, or nil when it fits none (or the action is wildcard-only).
func (a *Action) ResourceTypesFor(arn string) []ActionResource {
	var out []ActionResource
	for _, ar := range a.ResourceTypes {
		if ar.Type.Matches(arn) {
			out = append(out, ar)
		}
	}
	return out
}
