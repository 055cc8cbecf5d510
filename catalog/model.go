package catalog

// Service is one AWS service prefix, with everything the Service
// Authorization Reference lists for it. Its fields and the slices they
// hold are shared by every user of the catalogue: read them, never
// modify them.
type Service struct {
	Prefix string // as in actions and ARNs: "s3"
	Name   string // "Amazon S3"
	// RCP reports whether resource control policies support the service
	// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
	RCP           bool
	Actions       []Action       // sorted by name, case-insensitively
	ResourceTypes []ResourceType // sorted by name
	ConditionKeys []ConditionKey // the keys the service defines, sorted by name

	cat  *Catalog      // whose index finds the service's actions
	lazy *serviceIndex // condition keys and ARN formats, indexed on first use
}

// Action is one action of a service. Its fields are shared and
// read-only.
type Action struct {
	Service     *Service
	Name        string // AWS's casing: "GetObject"
	FullName    string // "s3:GetObject"
	AccessLevel AccessLevel
	// ResourceTypes lists the resource types the action accepts in a
	// policy's Resource element. None means the action supports only
	// "Resource": "*" (see WildcardOnly).
	ResourceTypes []ActionResource
	// ConditionKeys lists the keys the action supports, whatever the
	// resource, as AWS writes them ("s3:ExistingObjectTag/<key>",
	// "aws:RequestTag/${TagKey}").
	ConditionKeys []string
	// DependentActions lists the actions a caller may also need.
	DependentActions []string
}

// ActionResource is one resource type an action accepts.
type ActionResource struct {
	Type *ResourceType
	// Required is true when every request of the action names a resource
	// of this type (the reference marks it with an asterisk).
	Required bool
	// ConditionKeys lists the keys that apply to the action on this
	// resource type only.
	ConditionKeys []string
	// DependentActions lists further actions needed on this resource
	// type.
	DependentActions []string
}

// ResourceType is one resource type of a service. Its fields are shared
// and read-only.
type ResourceType struct {
	Service *Service
	Name    string // "object"
	// ARNFormats holds the type's ARN formats, with ${Partition},
	// ${Region}, ${Account} and ${Name}-like placeholders.
	ARNFormats []string
	// ConditionKeys lists the keys available for resources of this type.
	ConditionKeys []string

	index int // in Service.ResourceTypes
}

// ConditionKey is a condition key: a global key (aws:…, Service nil) or
// one a service defines. The name may be a template with a variable part
// ("aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>").
type ConditionKey struct {
	Service *Service // nil for a global key
	Name    string
	Type    KeyType
}

// WildcardOnly reports whether the action supports no resource-level
// permissions: its policies must say "Resource": "*".
func (a *Action) WildcardOnly() bool { return len(a.ResourceTypes) == 0 }

// String returns the action's full name, "s3:GetObject".
func (a *Action) String() string { return a.FullName }
