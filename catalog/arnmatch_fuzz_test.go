package catalog

import "testing"

// mayMatchEachFormat is MayMatch as it was before it compiled a pattern
// once for all formats: each segment compiled anew for each format.
func mayMatchEachFormat(r *ResourceType, pattern string) bool {
	if pattern == "*" {
		return true
	}
	if minLength(pattern) > maxARN {
		return false
	}
	parts, ok := splitARN(pattern)
	for k, f := range r.matchers() {
		if !ok || !f.ok {
			if overlap(compileTemplate(r.ARNFormats[k]), compilePolicy(pattern)) {
				return true
			}
			continue
		}
		if f.fits(parts, nil, func(s string, _ []elem) []elem { return compilePolicy(s) }) {
			return true
		}
	}
	return false
}

// FuzzMayMatch checks MayMatch, whose segments share one buffer, against
// compiling each segment on its own, on the resource types of a few
// services with one and with several ARN formats.
func FuzzMayMatch(f *testing.F) {
	for _, p := range []string{"*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:iam::*:role/${aws:username}",
		"arn:aws:s3:*", "arn:aws:ec2:us-east-1:111122223333:instance/i-*", "arn:*:*:*:*:*", "arn:aws:s3:::b?k"} {
		f.Add(p)
	}
	var types []*ResourceType
	for _, svc := range []string{"s3", "iam", "ec2", "kms"} {
		rts := Default().Service(svc).ResourceTypes
		for i := range rts {
			types = append(types, &rts[i])
		}
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		for _, rt := range types {
			if got, want := rt.MayMatch(pattern), mayMatchEachFormat(rt, pattern); got != want {
				t.Fatalf("%s.MayMatch(%q) = %v, compiled per format %v", rt.Name, pattern, got, want)
			}
		}
	})
}
