package condition

import (
	"hash/maphash"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Global condition keys, spelled as in the IAM User Guide
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). Keys are case-insensitive; use
// [NormalizeKey] before looking one up in a [Lookup].
const (
	KeyCalledVia                 = "aws:CalledVia"
	KeyCalledViaFirst            = "aws:CalledViaFirst"
	KeyCalledViaLast             = "aws:CalledViaLast"
	KeyCurrentTime               = "aws:CurrentTime"
	KeyEpochTime                 = "aws:EpochTime"
	KeyFederatedProvider         = "aws:FederatedProvider"
	KeyMultiFactorAuthAge        = "aws:MultiFactorAuthAge"
	KeyMultiFactorAuthPresent    = "aws:MultiFactorAuthPresent"
	KeyPrincipalAccount          = "aws:PrincipalAccount"
	KeyPrincipalArn              = "aws:PrincipalArn"
	KeyPrincipalIsAWSService     = "aws:PrincipalIsAWSService"
	KeyPrincipalOrgID            = "aws:PrincipalOrgID"
	KeyPrincipalOrgPaths         = "aws:PrincipalOrgPaths"
	KeyPrincipalServiceName      = "aws:PrincipalServiceName"
	KeyPrincipalServiceNamesList = "aws:PrincipalServiceNamesList"
	KeyPrincipalType             = "aws:PrincipalType"
	KeyReferer                   = "aws:referer"
	KeyRequestedRegion           = "aws:RequestedRegion"
	KeyResourceAccount           = "aws:ResourceAccount"
	KeyResourceOrgID             = "aws:ResourceOrgID"
	KeyResourceOrgPaths          = "aws:ResourceOrgPaths"
	KeySecureTransport           = "aws:SecureTransport"
	KeySourceAccount             = "aws:SourceAccount"
	KeySourceArn                 = "aws:SourceArn"
	KeySourceIdentity            = "aws:SourceIdentity"
	KeySourceIP                  = "aws:SourceIp"
	KeySourceOrgID               = "aws:SourceOrgID"
	KeySourceOrgPaths            = "aws:SourceOrgPaths"
	KeySourceVpc                 = "aws:SourceVpc"
	KeySourceVpcArn              = "aws:SourceVpcArn"
	KeySourceVpce                = "aws:SourceVpce"
	KeyTagKeys                   = "aws:TagKeys"
	KeyTokenIssueTime            = "aws:TokenIssueTime"
	KeyUserAgent                 = "aws:UserAgent"
	KeyUserID                    = "aws:userid"
	KeyUsername                  = "aws:username"
	KeyViaAWSService             = "aws:ViaAWSService"
	KeyVpcSourceIP               = "aws:VpcSourceIp"
	KeyVpceAccount               = "aws:VpceAccount"
	KeyVpceOrgID                 = "aws:VpceOrgID"
	KeyVpceOrgPaths              = "aws:VpceOrgPaths"
)

// Prefixes of the tag keys whose tag-key part follows the slash
// (aws:PrincipalTag/team). The tag-key part is case-insensitive like the
// rest of the key name (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
const (
	PrefixPrincipalTag   = "aws:PrincipalTag/"
	PrefixRequestTag     = "aws:RequestTag/"
	PrefixResourceTag    = "aws:ResourceTag/"
	PrefixIAMResourceTag = "iam:ResourceTag/"
)

// multivaluedGlobal lists the global keys AWS documents as multivalued
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html), normalized.
var multivaluedGlobal = map[string]bool{
	"aws:tagkeys":                   true,
	"aws:calledvia":                 true,
	"aws:principalorgpaths":         true,
	"aws:resourceorgpaths":          true,
	"aws:sourceorgpaths":            true,
	"aws:vpceorgpaths":              true,
	"aws:principalservicenameslist": true,
}

// isMultivaluedGlobal reports whether multivaluedGlobal lists the
// normalized key nkey. An interned key is answered from internMulti
// without hashing it; every key of multivaluedGlobal is interned, so a
// key that is not is not listed.
func isMultivaluedGlobal(nkey string) bool {
	if off, ok := internedOffset(nkey); ok {
		return internMulti[off]
	}
	if isInterned(nkey) { // a piece of an interned key
		return multivaluedGlobal[nkey]
	}
	return false
}

// internedKeys maps the normalized spelling of every global key above to
// one shared string. Contexts and clauses store that string, so that the
// keys of every request share their bytes (which stay in the CPU cache)
// and a lookup usually compares two identical pointers.
var internedKeys = func() map[string]string {
	keys := []string{
		KeyCalledVia,
		KeyCalledViaFirst,
		KeyCalledViaLast,
		KeyCurrentTime,
		KeyEpochTime,
		KeyFederatedProvider,
		KeyMultiFactorAuthAge,
		KeyMultiFactorAuthPresent,
		KeyPrincipalAccount,
		KeyPrincipalArn,
		KeyPrincipalIsAWSService,
		KeyPrincipalOrgID,
		KeyPrincipalOrgPaths,
		KeyPrincipalServiceName,
		KeyPrincipalServiceNamesList,
		KeyPrincipalType,
		KeyReferer,
		KeyRequestedRegion,
		KeyResourceAccount,
		KeyResourceOrgID,
		KeyResourceOrgPaths,
		KeySecureTransport,
		KeySourceAccount,
		KeySourceArn,
		KeySourceIdentity,
		KeySourceIP,
		KeySourceOrgID,
		KeySourceOrgPaths,
		KeySourceVpc,
		KeySourceVpcArn,
		KeySourceVpce,
		KeyTagKeys,
		KeyTokenIssueTime,
		KeyUserAgent,
		KeyUserID,
		KeyUsername,
		KeyViaAWSService,
		KeyVpcSourceIP,
		KeyVpceAccount,
		KeyVpceOrgID,
		KeyVpceOrgPaths,
	}
	var block strings.Builder
	for _, k := range keys {
		block.WriteString(strings.ToLower(k))
	}
	internBlock = block.String()
	m := make(map[string]string, len(keys))
	internHashes = make([]uint64, len(internBlock))
	internLens = make([]uint8, len(internBlock))
	internMulti = make([]bool, len(internBlock))
	off := 0
	for _, k := range keys {
		n := internBlock[off : off+len(k)]
		m[n] = n
		internHashes[off] = maphash.String(keySeed, n) | 1
		internLens[off] = uint8(len(n))
		internMulti[off] = multivaluedGlobal[n]
		off += len(k)
	}
	return m
}()

// internBlock holds the bytes of every interned key, one after the other:
// a key whose bytes lie inside it is normalized and interned already.
var internBlock string

// internHashes[i] is the hashKey of the interned key that starts at byte
// i of internBlock and has internLens[i] bytes (0 where none starts).
// internMulti[i] reports that multivaluedGlobal lists it.
var (
	internHashes []uint64
	internLens   []uint8
	internMulti  []bool
)

// internedHash returns hashKey(k) when k is one of the interned keys,
// computed once; ok is false otherwise.
func internedHash(k string) (h uint64, ok bool) {
	off, ok := internedOffset(k)
	if !ok {
		return 0, false
	}
	return internHashes[off], true
}

// internedOffset returns where k starts in internBlock when k is one of
// the interned keys (not a piece of one); ok is false otherwise.
func internedOffset(k string) (off uintptr, ok bool) {
	if !isInterned(k) {
		return 0, false
	}
	off = uintptr(unsafe.Pointer(unsafe.StringData(k))) - uintptr(unsafe.Pointer(unsafe.StringData(internBlock)))
	if int(internLens[off]) != len(k) {
		return 0, false
	}
	return off, true
}

// isInterned reports whether k's bytes lie inside internBlock: k is one of
// the shared keys (or a piece of one), lower case already. Keys computed
// once (NormalizeKey(KeyCurrentTime)) take this path on every request,
// without lowering or a map lookup.
func isInterned(k string) bool {
	if len(k) == 0 || len(internBlock) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(k)))
	base := uintptr(unsafe.Pointer(unsafe.StringData(internBlock)))
	return p >= base && p-base+uintptr(len(k)) <= uintptr(len(internBlock))
}

// normalizeKey is internKey(NormalizeKey(k)) without allocating for the
// global keys: an ASCII key is lowered into a stack buffer, which indexes
// internedKeys without a copy.
func normalizeKey(k string) string {
	if isInterned(k) {
		return k
	}
	var buf [64]byte
	if len(k) > len(buf) {
		return internKey(strings.ToLower(k))
	}
	upper := false
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= utf8.RuneSelf:
			return internKey(strings.ToLower(k))
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	if !upper {
		return internKey(k)
	}
	if s, ok := internedKeys[string(buf[:len(k)])]; ok {
		return s
	}
	return string(buf[:len(k)])
}

// internKey returns the shared copy of the normalized key n when it is a
// global key, else n.
func internKey(n string) string {
	if s, ok := internedKeys[n]; ok {
		return s
	}
	return n
}
