package condition

import "strings"

// Global condition keys, spelled as in the IAM User Guide
// (reference_policies_condition-keys.md). Keys are case-insensitive; use
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
// rest of the key name (spec/conditions.md C3).
const (
	PrefixPrincipalTag   = "aws:PrincipalTag/"
	PrefixRequestTag     = "aws:RequestTag/"
	PrefixResourceTag    = "aws:ResourceTag/"
	PrefixIAMResourceTag = "iam:ResourceTag/"
)

// PrincipalTagKey returns the normalized key aws:principaltag/<tag>.
func PrincipalTagKey(tag string) string {
	return NormalizeKey(PrefixPrincipalTag + tag)
}

// RequestTagKey returns the normalized key aws:requesttag/<tag>.
func RequestTagKey(tag string) string {
	return NormalizeKey(PrefixRequestTag + tag)
}

// ResourceTagKey returns the normalized key aws:resourcetag/<tag>.
func ResourceTagKey(tag string) string {
	return NormalizeKey(PrefixResourceTag + tag)
}

// multivaluedGlobal lists the global keys AWS documents as multivalued
// (spec/conditions.md M1), normalized.
var multivaluedGlobal = map[string]bool{
	"aws:tagkeys":                   true,
	"aws:calledvia":                 true,
	"aws:principalorgpaths":         true,
	"aws:resourceorgpaths":          true,
	"aws:sourceorgpaths":            true,
	"aws:vpceorgpaths":              true,
	"aws:principalservicenameslist": true,
}

// IsMultivaluedGlobalKey reports whether key is one of the global condition
// keys AWS documents as multivalued (aws:TagKeys, aws:CalledVia,
// aws:PrincipalOrgPaths, aws:ResourceOrgPaths, aws:SourceOrgPaths,
// aws:VpceOrgPaths, aws:PrincipalServiceNamesList; spec/conditions.md M1).
// Service keys are not known to the library; a request value given as a list
// is what marks them multivalued.
func IsMultivaluedGlobalKey(key string) bool {
	return multivaluedGlobal[NormalizeKey(key)]
}

// IsGlobalKey reports whether key is in the aws: namespace.
func IsGlobalKey(key string) bool {
	return len(key) >= 4 && strings.EqualFold(key[:4], "aws:")
}
