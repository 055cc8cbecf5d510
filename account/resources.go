package account

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// rawResource is a resource-based policy before parsing.
type rawResource struct {
	doc  document
	file string
	pos  diag.Position
}

// AddResourcePolicies adds resource-based policies from one JSON object
// that maps each resource ARN to its policy: a policy document (a JSON
// object or a string holding its text) or the output of the command that
// prints it, such as
//
//	aws s3api get-bucket-policy --bucket BUCKET          {"Policy": "..."}
//	aws kms get-key-policy --key-id KEY                  {"Policy": "..."}
//	aws lambda get-policy --function-name FUNCTION       {"Policy": "...", "RevisionId": ...}
//	aws secretsmanager get-resource-policy --secret-id S {"ResourcePolicy": "...", "ARN": ...}
//	aws ecr get-repository-policy --repository-name R    {"policyText": "...", ...}
//	aws sqs get-queue-attributes --attribute-names Policy {"Attributes": {"Policy": "..."}}
//	aws sns get-topic-attributes --topic-arn T           {"Attributes": {"Policy": "...", ...}}
//
// A role's trust policy comes from the export, not from here.
func (l *Loader) AddResourcePolicies(name string, src []byte) {
	r := open(name, src, &l.errs)
	if r == nil {
		return
	}
	root := r.doc.Root()
	f := r.freeObject(root, "", "a map from resource ARN to resource-based policy")
	for _, m := range f {
		k := m.Key
		if !isARN(k) {
			r.errorf(m.KeyIndex, k, ErrValue, "%q is not a resource ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)", k)
			continue
		}
		if d, ok := r.resourceDoc(m.Value, k); ok {
			l.addResource(k, rawResource{doc: d, file: name, pos: r.pos(m.KeyIndex)})
		}
	}
}

// AddResourcePolicyDir adds every .json file of dir as the resource-based
// policy of one resource: the output of a get-*-policy command (see
// [Loader.AddResourcePolicies]) or the policy document itself. The file's
// name, without .json, is the resource ARN URL-encoded (url.QueryEscape:
// arn%3Aaws%3As3%3A%3A%3Amy-bucket.json), so that it is a valid file name
// on every system; a Secrets Manager output may instead carry the ARN in
// its "ARN" member.
func (l *Loader) AddResourcePolicyDir(dir string) error {
	files, err := dirFiles(dir)
	if err != nil {
		return err
	}
	for _, file := range files {
		src, err := l.readFile(file)
		if err != nil {
			return err
		}
		l.addResourceFile(file, src)
	}
	return nil
}

// addResourceFile reads one file of a resource-policy directory.
func (l *Loader) addResourceFile(file string, src []byte) {
	r := open(file, src, &l.errs)
	if r == nil {
		return
	}
	root := r.doc.Root()
	resARN, _ := url.QueryUnescape(strings.TrimSuffix(filepath.Base(file), ".json"))
	if !isARN(resARN) {
		resARN = ""
		if a := r.doc.Get(root, "ARN"); a.Kind == jsonsrc.String && isARN(r.doc.Str(a)) {
			resARN = r.doc.Str(a)
		}
	}
	if resARN == "" {
		r.errorf(root.Index, "", ErrValue, "no resource ARN: name the file after the resource ARN, URL-encoded (arn%%3Aaws%%3As3%%3A%%3A%%3ABUCKET.json)")
		return
	}
	if d, ok := r.resourceDoc(root, ""); ok {
		l.addResource(resARN, rawResource{doc: d, file: file, pos: r.pos(root.Index)})
	}
}

// resourceDoc reads a resource policy: a document, or the output of a
// get-*-policy command holding one.
func (r *reader) resourceDoc(v jsonsrc.Value, path string) (document, bool) {
	if v.IsObject() && !r.doc.Get(v, "Statement").Exists() {
		for _, k := range []string{"Policy", "ResourcePolicy", "policyText", "Attributes.Policy"} {
			if p := r.doc.Get(v, k); p.Exists() {
				return r.policyDoc(p, join(path, k))
			}
		}
		r.errorf(v.Index, path, ErrMissing, "expected a policy document or the output of a get-*-policy command (with Policy, ResourcePolicy, policyText or Attributes.Policy)")
		return document{}, false
	}
	return r.policyDoc(v, path)
}

// addResource records a resource policy, reporting one given twice.
func (l *Loader) addResource(resARN string, rr rawResource) {
	if first, dup := l.resource[resARN]; dup {
		l.errs = append(l.errs, &diag.Error{Pos: rr.pos, Kind: ErrDuplicateKey, Msg: fmt.Sprintf("the policy of %s is given twice (first at %s)", resARN, first.pos)})
		return
	}
	l.resource[resARN] = rr
}

// isARN reports whether s is an ARN with partition, service and resource.
func isARN(s string) bool {
	a, ok := arn.Parse(s)
	return ok && a.Partition != "" && a.Service != "" && a.Resource != ""
}
