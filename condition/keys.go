package condition

import (
	"strings"
	"unicode/utf8"
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
	m := make(map[string]string, len(keys))
	for _, k := range keys {
		n := strings.ToLower(k)
		m[n] = n
	}
	return m
}()

// normalizeKey is internKey(NormalizeKey(k)) without allocating for the
// global keys: an ASCII key is lowered into a stack buffer, which indexes
// internedKeys without a copy.
func normalizeKey(k string) string {
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
