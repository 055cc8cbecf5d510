package catalog

import "sync"

// globalKeys lists the global condition keys of "AWS global condition
// context keys"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)
// with the data type the page gives each; a multivalued key (the page's
// "Value type: Multivalued") is ArrayOf its type. The page also documents
// a few service keys that AWS sets on role sessions for every service
// (ec2:SourceInstanceArn, lambda:SourceFunctionArn, ...); they are listed
// too, since the service tables do not always carry them.
//
// aws:EpochTime is a Date key that also works with numeric operators
// (the page says so); it is listed as Date.
var globalKeys = []ConditionKey{
	// Properties of the principal.
	{Name: "aws:PrincipalArn", Type: ARN},
	{Name: "aws:PrincipalAccount", Type: String},
	{Name: "aws:PrincipalOrgPaths", Type: ArrayOf | String},
	{Name: "aws:PrincipalOrgID", Type: String},
	{Name: "aws:PrincipalTag/${TagKey}", Type: String},
	{Name: "aws:PrincipalIsAWSService", Type: Bool},
	{Name: "aws:PrincipalServiceName", Type: String},
	{Name: "aws:PrincipalServiceNamesList", Type: ArrayOf | String},
	{Name: "aws:PrincipalType", Type: String},
	{Name: "aws:userid", Type: String},
	{Name: "aws:username", Type: String},
	// Properties of a role session.
	{Name: "aws:AssumedRoot", Type: String},
	{Name: "aws:FederatedProvider", Type: String},
	{Name: "aws:TokenIssueTime", Type: Date},
	{Name: "aws:MultiFactorAuthAge", Type: Numeric},
	{Name: "aws:MultiFactorAuthPresent", Type: Bool},
	{Name: "aws:ChatbotSourceArn", Type: ARN},
	{Name: "aws:Ec2InstanceSourceVpc", Type: String},
	{Name: "aws:Ec2InstanceSourcePrivateIPv4", Type: IPAddress},
	{Name: "aws:SourceIdentity", Type: String},
	{Name: "ec2:RoleDelivery", Type: Numeric},
	{Name: "ec2:SourceInstanceArn", Type: ARN},
	{Name: "glue:RoleAssumedBy", Type: String},
	{Name: "glue:CredentialIssuingService", Type: String},
	{Name: "identitystore:UserId", Type: String},
	{Name: "lambda:SourceFunctionArn", Type: ARN},
	{Name: "ssm:SourceInstanceArn", Type: ARN},
	// Properties of the network.
	{Name: "aws:SourceIp", Type: IPAddress},
	{Name: "aws:SourceVpc", Type: String},
	{Name: "aws:SourceVpcArn", Type: ARN},
	{Name: "aws:SourceVpce", Type: String},
	{Name: "aws:VpceAccount", Type: String},
	{Name: "aws:VpceOrgPaths", Type: ArrayOf | String},
	{Name: "aws:VpceOrgID", Type: String},
	{Name: "aws:VpcSourceIp", Type: IPAddress},
	// Properties of the resource.
	{Name: "aws:ResourceAccount", Type: String},
	{Name: "aws:ResourceOrgID", Type: String},
	{Name: "aws:ResourceOrgPaths", Type: ArrayOf | String},
	{Name: "aws:ResourceTag/${TagKey}", Type: String},
	// Properties of the request.
	{Name: "aws:CalledVia", Type: ArrayOf | String},
	{Name: "aws:CalledViaFirst", Type: String},
	{Name: "aws:CalledViaLast", Type: String},
	{Name: "aws:ViaAWSService", Type: Bool},
	{Name: "aws:CurrentTime", Type: Date},
	{Name: "aws:EpochTime", Type: Date},
	{Name: "aws:referer", Type: String},
	{Name: "aws:RequestedRegion", Type: String},
	{Name: "aws:RequestTag/${TagKey}", Type: String},
	{Name: "aws:TagKeys", Type: ArrayOf | String},
	{Name: "aws:SecureTransport", Type: Bool},
	{Name: "aws:SourceAccount", Type: String},
	{Name: "aws:SourceArn", Type: ARN},
	{Name: "aws:SourceOrgID", Type: String},
	{Name: "aws:SourceOrgPaths", Type: ArrayOf | String},
	{Name: "aws:SourceOwner", Type: String},
	{Name: "aws:UserAgent", Type: String},
}

var (
	globalOnce sync.Once
	globalIdx  keyIndex
)

func globalIndex() *keyIndex {
	globalOnce.Do(func() { globalIdx = newKeyIndex(globalKeys) })
	return &globalIdx
}

// GlobalConditionKeys returns the global condition keys (aws:…, and the
// few service keys AWS documents with them) with their types. The slice
// is shared: do not modify it.
func GlobalConditionKeys() []ConditionKey { return globalKeys }

// GlobalConditionKey returns the global key a condition names
// ("aws:PrincipalTag/team"), case-insensitively.
func GlobalConditionKey(name string) (ConditionKey, bool) {
	if k := globalIndex().lookup(name); k != nil {
		return *k, true
	}
	return ConditionKey{}, false
}
