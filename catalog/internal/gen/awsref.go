package gen

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// ReadServiceReference reads AWS's programmatic service reference: one
// JSON file per service, as listed at
// https://servicereference.us-east-1.amazonaws.com/ and described in
// "Simplified AWS service information for programmatic access"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html).
// files maps a file name to its content; every file whose name ends in
// ".json" is one service, {"Name": prefix, "Actions": [...],
// "Resources": [...], "ConditionKeys": [...]}.
//
// The format has no service display names, no list of the services
// resource control policies support and no "required" flag on an
// action's resource types: names and rcp, when not nil, supply the first
// two (by prefix); a service without a name is named by its prefix, and
// every resource type of an action is read as optional.
func ReadServiceReference(files map[string][]byte, names map[string]string, rcp map[string]bool) (*Model, error) {
	m := &Model{Source: "AWS service reference"}
	keys := make([]string, 0, len(files))
	for k := range files {
		if strings.HasSuffix(k, ".json") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	seen := map[string]string{}
	for _, name := range keys {
		s, err := readAWSService(path.Base(name), files[name])
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[s.Prefix]; dup {
			return nil, fmt.Errorf("%s: service %s already read from %s", name, s.Prefix, prev)
		}
		seen[s.Prefix] = name
		s.Name = names[s.Prefix]
		if s.Name == "" {
			s.Name = s.Prefix
		}
		s.RCP = rcp[s.Prefix]
		m.Services = append(m.Services, s)
	}
	if len(m.Services) == 0 {
		return nil, fmt.Errorf("no service reference files (*.json) found")
	}
	sort.Slice(m.Services, func(i, j int) bool { return m.Services[i].Prefix < m.Services[j].Prefix })
	return m, nil
}

func readAWSService(name string, src []byte) (Service, error) {
	var s Service
	d, err := parseDoc(name, src)
	if err != nil {
		return s, err
	}
	root := d.d.Root()
	if _, err := d.object(root, "service"); err != nil {
		return s, err
	}
	if s.Prefix, err = d.str(d.get(root, "Name"), "Name (the service prefix)"); err != nil {
		return s, err
	}
	res, err := d.array(d.get(root, "Resources"), "Resources")
	if err != nil {
		return s, err
	}
	for _, v := range res {
		var r Resource
		if r.Name, err = d.str(d.get(v, "Name"), "resource Name"); err != nil {
			return s, err
		}
		if r.ARNFormats, err = d.strings(d.get(v, "ARNFormats"), "ARNFormats of "+r.Name); err != nil {
			return s, err
		}
		if r.Keys, err = d.strings(d.get(v, "ConditionKeys"), "ConditionKeys of "+r.Name); err != nil {
			return s, err
		}
		s.Resources = append(s.Resources, r)
	}
	keys, err := d.array(d.get(root, "ConditionKeys"), "ConditionKeys")
	if err != nil {
		return s, err
	}
	for _, v := range keys {
		var k Key
		if k.Name, err = d.str(d.get(v, "Name"), "condition key Name"); err != nil {
			return s, err
		}
		tv := d.get(v, "Types")
		types, err := d.strings(tv, "Types of "+k.Name)
		if err != nil {
			return s, err
		}
		if len(types) != 1 {
			return s, d.errorf(v, "condition key %s: expected exactly one type, found %d", k.Name, len(types))
		}
		k.Type = types[0]
		if _, ok := KeyTypeCode(k.Type); !ok {
			return s, d.errorf(tv, "condition key %s: unknown type %q", k.Name, k.Type)
		}
		s.Keys = append(s.Keys, k)
	}
	acts, err := d.array(d.get(root, "Actions"), "Actions")
	if err != nil {
		return s, err
	}
	for _, v := range acts {
		a, err := readAWSAction(d, v)
		if err != nil {
			return s, err
		}
		s.Actions = append(s.Actions, a)
	}
	return s, nil
}

func readAWSAction(d *doc, v jsonsrc.Value) (Action, error) {
	var a Action
	var err error
	if a.Name, err = d.str(d.get(v, "Name"), "action Name"); err != nil {
		return a, err
	}
	if a.Keys, err = d.strings(d.get(v, "ActionConditionKeys"), "ActionConditionKeys of "+a.Name); err != nil {
		return a, err
	}
	props := d.get(v, "Annotations.Properties")
	var flag [4]bool
	for i, f := range [...]string{"IsList", "IsPermissionManagement", "IsTaggingOnly", "IsWrite"} {
		if flag[i], err = d.boolean(d.get(props, f), f+" of "+a.Name); err != nil {
			return a, err
		}
	}
	a.Level = awsLevel(flag[0], flag[1], flag[2], flag[3])
	res, err := d.array(d.get(v, "Resources"), "Resources of "+a.Name)
	if err != nil {
		return a, err
	}
	for _, r := range res {
		var ar ActionResource
		if ar.Name, err = d.str(d.get(r, "Name"), "resource Name of "+a.Name); err != nil {
			return a, err
		}
		a.Resources = append(a.Resources, ar)
	}
	return a, nil
}

// awsLevel derives the Service Authorization Reference's access level
// from the programmatic reference's properties: permissions management
// and tagging first (AWS marks those actions IsWrite too), then write and
// list; an action with none of the four is Read.
func awsLevel(list, perm, tagging, write bool) string {
	switch {
	case perm:
		return "Permissions management"
	case tagging:
		return "Tagging"
	case write:
		return "Write"
	case list:
		return "List"
	}
	return "Read"
}
