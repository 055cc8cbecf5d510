package simulate

import (
	"time"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// Input is a SimulateCustomPolicy request: the document that
// `aws iam simulate-custom-policy --cli-input-json` reads, with the same
// parameter names. Build it in Go or read it with [ParseInput]; then run it
// with [Simulate].
type Input struct {
	// PolicyInputList holds the identity-based policies, each the JSON text
	// of a policy. Required (it may be empty). Their SourcePolicyId is
	// PolicyInputList.1, PolicyInputList.2, ...
	PolicyInputList []string
	// PermissionsBoundaryPolicyInputList holds at most one permissions
	// boundary, SourcePolicyId PermissionsBoundaryPolicyInputList.1.
	PermissionsBoundaryPolicyInputList []string
	// ActionNames are the actions to simulate, service:Name, without
	// wildcards. Required, at least one.
	ActionNames []string
	// ResourceArns are the resources to simulate each action on, ARNs or
	// "*"; empty means ["*"].
	ResourceArns []string
	// ResourcePolicy is the resource-based policy attached to every
	// simulated resource ("" for none), SourcePolicyId ResourcePolicy.
	// It needs CallerArn, as in AWS.
	ResourcePolicy string
	// ResourceOwner is the account that owns resources whose ARN names no
	// account (S3 buckets and objects, "*"): arn:aws:iam::ACCOUNT:root or
	// the bare 12-digit account ID.
	ResourceOwner string
	// CallerArn is the simulated caller. AWS accepts only an IAM user ARN;
	// iameval accepts every principal form of principal.Parse: the root
	// user, an IAM user, a role session (assumed-role ARN), a federated
	// user, a service principal name, "*" or "anonymous". When empty the
	// caller is an IAM user of the account that owns each resource (see
	// the package documentation).
	CallerArn string
	// ContextEntries are the request-context keys of the simulated
	// requests.
	ContextEntries []ContextEntry
	// ResourceHandlingOption names an EC2 scenario (EC2-VPC-InstanceStore,
	// EC2-VPC-InstanceStore-Subnet, EC2-VPC-EBS, EC2-VPC-EBS-Subnet); ""
	// for none. The scenario requires ResourceArns to hold the resources it
	// needs; it does not change how each action and resource is evaluated.
	ResourceHandlingOption string
	// MaxItems (1 to 1000; 0 for not given) is the most results a
	// response holds; the response then says with IsTruncated and Marker
	// whether more follow. Not given, every result is returned, as the AWS
	// CLI prints them after following every Marker.
	MaxItems int
	// Marker asks for the page after the response that returned it.
	Marker string

	// ServiceControlPolicies is an iameval extension (JSON key
	// IamevalServiceControlPolicyInputList): the SCPs of the caller's
	// account, one list of policy texts per organization level from the
	// root down to the account. SourcePolicyId
	// IamevalServiceControlPolicyInputList.LEVEL.N.
	ServiceControlPolicies [][]string
	// ResourceControlPolicies is an iameval extension (JSON key
	// IamevalResourceControlPolicyInputList): the RCPs of the resource
	// owner's account, shaped like ServiceControlPolicies.
	ResourceControlPolicies [][]string

	// PolicySourceArn is the user or role whose policies
	// SimulatePrincipalPolicy simulates: set by [ParsePrincipalInput] and
	// read by [SimulatePrincipal]; [Simulate] rejects it.
	PolicySourceArn string

	// Time is the time of the simulated requests (not a JSON parameter).
	// When zero it is the aws:CurrentTime (or aws:EpochTime) context entry
	// when one is given, else the time Simulate runs.
	Time time.Time

	// MirrorSimulator (not a JSON parameter; the command's
	// --mirror-simulator flag) decides every request from the policies
	// alone, as the IAM policy simulator does: the refusals AWS enforces
	// whatever the policies say (changes to AWS managed policies,
	// service-linked roles, /aws-reserved/ roles and alias/aws/ KMS aliases;
	// iameval.RequestInput.IgnoreProtections) are not applied, since the
	// simulator does not model them. It also takes the keys AWS sets on
	// every request (aws:SecureTransport, aws:SourceIp, ...) that
	// ContextEntries does not give as absent, as the simulator does
	// (iameval.RequestInput.UnsuppliedAbsent), where iameval otherwise
	// takes them as unknown and fails closed. The zero value applies the
	// refusals and fails closed, as AWS does when the real request is made.
	MirrorSimulator bool

	src  *source    // the document ParseInput read; nil for an Input built in Go
	from *Principal // the PolicySourceArn principal, during SimulatePrincipal
}

// ContextEntry is one request-context key of a simulation: its name, its
// values and their type.
type ContextEntry struct {
	// ContextKeyName is the key, such as aws:SourceIp or s3:prefix.
	ContextKeyName string
	// ContextKeyValues are the values. A single-valued type takes exactly
	// one; a List type takes any number, and an empty list leaves the key
	// out of the request.
	ContextKeyValues []string
	// ContextKeyType is string, stringList, numeric, numericList, boolean,
	// booleanList, ip, ipList, binary, binaryList, date or dateList.
	// Required.
	ContextKeyType string
}

// The parameter names of the input document.
const (
	keyPolicyInputList       = "PolicyInputList"
	keyBoundaryInputList     = "PermissionsBoundaryPolicyInputList"
	keyActionNames           = "ActionNames"
	keyResourceArns          = "ResourceArns"
	keyResourcePolicy        = "ResourcePolicy"
	keyResourceOwner         = "ResourceOwner"
	keyCallerArn             = "CallerArn"
	keyContextEntries        = "ContextEntries"
	keyResourceHandling      = "ResourceHandlingOption"
	keyMaxItems              = "MaxItems"
	keyMarker                = "Marker"
	keySCPInputList          = "IamevalServiceControlPolicyInputList"
	keyRCPInputList          = "IamevalResourceControlPolicyInputList"
	keyContextKeyName        = "ContextKeyName"
	keyContextKeyValues      = "ContextKeyValues"
	keyContextKeyType        = "ContextKeyType"
	policyIDBoundary         = keyBoundaryInputList + ".1"
	policyIDResource         = keyResourcePolicy
	simulatePrincipalOnlyKey = "PolicySourceArn"
)

// source remembers where ParseInput found each value, to position the
// problems Simulate finds.
type source struct {
	doc *jsonsrc.Doc // names the file: its positions carry it
	// at maps a parameter path (ActionNames[2]) to the offset of its value
	// in doc.Src(); "" maps to the document itself.
	at map[string]int
}
