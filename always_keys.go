package iameval

import "github.com/iameval/iameval/condition"

// alwaysKey is a global condition key that AWS includes in the request
// context of every request, with the AWS page that says so.
type alwaysKey struct {
	key    string // normalized
	source string
	// notThroughVPCEndpoint: absent when the request comes through a VPC
	// endpoint (the caller gives aws:SourceVpce, aws:SourceVpc or
	// aws:VpcSourceIp).
	notThroughVPCEndpoint bool
}

// alwaysKeys are the keys AWS sets on every request that iameval cannot
// derive from the request input. When the input neither gives one nor
// declares it absent (RequestInput.Absent), its value is
// [condition.UnknownValue]: a condition on it cannot be known, so an Allow
// statement that needs it does not apply and a Deny statement does, and
// the explanation names the key to supply. aws:CurrentTime and
// aws:EpochTime come from RequestInput.Time, aws:ViaAWSService is false
// unless given, and aws:RequestedRegion is the region of a regional
// resource ARN, or us-east-1 for IAM, whose only endpoint is there
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion).
var alwaysKeys = []alwaysKey{
	{key: condition.NormalizeKey(condition.KeySecureTransport),
		source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport"},
	{key: condition.NormalizeKey(condition.KeyRequestedRegion),
		source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion"},
	{key: condition.NormalizeKey(condition.KeyUserAgent),
		source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-useragent"},
	{key: condition.NormalizeKey(condition.KeySourceIP), notThroughVPCEndpoint: true,
		source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip"},
}

// vpcEndpointKeys mark a request made through a VPC endpoint, which
// carries no aws:SourceIp
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip).
var vpcEndpointKeys = []string{
	condition.NormalizeKey(condition.KeySourceVpce),
	condition.NormalizeKey(condition.KeySourceVpc),
	condition.NormalizeKey(condition.KeyVpcSourceIP),
}

// keySourceIP is aws:SourceIp normalized.
var keySourceIP = condition.NormalizeKey(condition.KeySourceIP)

// globalRegion returns the one region every request of service goes to,
// the default of aws:RequestedRegion when the resource ARN has none: IAM's
// only endpoint is in us-east-1. "" for other services. A comparison, not
// a map lookup: every request asks.
func globalRegion(service string) string {
	if service == "iam" {
		return "us-east-1"
	}
	return ""
}

// markUnknown sets an unknown value in b for every key of alwaysKeys that
// absent does not remove (and for aws:SourceIp, unless the request comes
// through a VPC endpoint). It is called before any other layer is set:
// the principal's keys, the engine's and the caller's then replace the
// mark of the keys they give.
func markUnknown(b *condition.Builder, caller condition.Context, absent []string) {
	viaEndpoint := false
	// A caller that gives aws:SourceIp replaces its mark whether or not
	// the request comes through a VPC endpoint: the endpoint keys need
	// not be looked up.
	if _, givesIP := caller.LookupKey(keySourceIP); caller.Len() > 0 && !givesIP {
		for _, k := range vpcEndpointKeys {
			if _, ok := caller.LookupKey(k); ok {
				viaEndpoint = true
			}
		}
	}
	for i := range alwaysKeys {
		a := &alwaysKeys[i] // not copied: every request runs this loop
		if len(absent) > 0 && declaredAbsent(absent, a.key) || a.notThroughVPCEndpoint && viaEndpoint {
			continue
		}
		b.SetUnknown(a.key)
	}
}

// declaredAbsent reports whether the normalized key is one of the keys
// the caller declares absent.
func declaredAbsent(absent []string, key string) bool {
	for _, k := range absent {
		if condition.NormalizeKey(k) == key {
			return true
		}
	}
	return false
}

// alwaysKeySource returns the AWS page saying key is on every request, or
// "" when it is not one of alwaysKeys. key is normalized.
func alwaysKeySource(key string) string {
	for _, a := range alwaysKeys {
		if a.key == key {
			return a.source
		}
	}
	return ""
}
