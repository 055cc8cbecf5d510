package condition

import (
	"bytes"
	"encoding/base64"
	"fmt"
)

// decodeBase64 decodes standard base64 (padding optional) into dst, which
// is reused when large enough.
func decodeBase64(dst []byte, s string) ([]byte, bool) {
	enc := base64.StdEncoding
	if len(s)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	n := enc.DecodedLen(len(s))
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	m, err := enc.Decode(dst, stringBytes(s))
	if err != nil {
		return nil, false
	}
	return dst[:m], true
}

// compileBinary decodes the base64 policy values of a BinaryEquals clause
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func compileBinary(values []string) ([][]byte, []error) {
	out := make([][]byte, len(values))
	var errs []error
	for i, v := range values {
		b, ok := decodeBase64(nil, v)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not base64", v)})
			continue
		}
		out[i] = bytes.Clone(b)
	}
	return out, errs
}

// matchBinary decodes the base64 request value s and compares its bytes
// with the policy values.
func matchBinary(vals [][]byte, s string) pairResult {
	var buf [256]byte
	got, ok := decodeBase64(buf[:0], s)
	if !ok {
		return badRequest
	}
	for i, v := range vals {
		if bytes.Equal(v, got) {
			return matched(i)
		}
	}
	return noMatch
}
