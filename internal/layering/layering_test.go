package layering

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/iameval/iameval"

// allowed lists, per package (relative to the module), the packages of
// ours it may import, besides the standard library. "internal/*" means any
// internal package other than layering itself.
var allowed = map[string][]string{
	"diag":                      nil,
	"internal/wildcard":         nil,
	"internal/editdist":         nil,
	"internal/firstseen":        nil,
	"internal/workflow":         nil,
	"internal/arn":              nil,
	"internal/iamname":          nil,
	"internal/tagkey":           nil,
	"internal/outcome":          nil,
	"internal/gentool":          nil, // the data generators' shared plumbing
	"internal/scalegen":         nil, // issue 15's hostile-document generator (a command)
	"internal/jsonsrc":          {"diag", "internal/editdist"},
	"variables":                 {"diag", "internal/*"},
	"condition":                 {"variables", "diag", "internal/*"},
	"principal":                 {"condition", "variables", "diag", "internal/*"},
	"policy":                    {"principal", "condition", "variables", "diag", "internal/*"},
	"":                          {"policy", "principal", "condition", "variables", "diag", "internal/*"},
	"sts":                       {"", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"scenario":                  {"account", "catalog", "sts", "", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"simulate":                  {"catalog", "", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"catalog":                   {"policy", "principal", "condition", "variables", "diag", "internal/*"},
	"catalog/internal/gen":      {"diag", "internal/*"},
	"catalog/internal/generate": {"catalog/internal/gen", "diag", "internal/*"},
	"managed":                   {"policy", "principal", "condition", "variables", "diag", "internal/*"},
	"managed/internal/generate": {"diag", "internal/*"},
	"account":                   {"managed", "", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"lint":                      {"managed", "catalog", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"iamtest":                   {"account", "scenario", "sts", "", "policy", "principal", "condition", "variables", "diag", "internal/*"},
	"cmd/iameval":               {"account", "lint", "managed", "catalog", "iamtest", "simulate", "scenario", "sts", "", "policy", "principal", "condition", "variables", "diag", "internal/*"},
}

// thirdParty lists the non-standard imports each package may use.
var thirdParty = map[string][]string{
	"internal/jsonsrc": {"github.com/tidwall/gjson"}, // the one JSON reader
}

func TestImportsFollowTheLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		if strings.HasPrefix(pkg, "examples/") || pkg == "internal/layering" {
			continue // examples may import any public package; nothing imports them
		}
		rules, known := allowed[pkg]
		if !known {
			t.Errorf("package %q is not in the layering table: add it with the packages it may import", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				continue // standard library
			}
			if strings.HasPrefix(imp, module) {
				dep := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
				if !permits(rules, dep) {
					t.Errorf("%s imports %s, which is not below it", fields[0], imp)
				}
				continue
			}
			if !contains(thirdParty[pkg], imp) {
				t.Errorf("%s imports third-party %s; the library allows gjson only, and only where the table says", fields[0], imp)
			}
		}
	}
}

func permits(rules []string, dep string) bool {
	for _, r := range rules {
		if r == dep || (r == "internal/*" && strings.HasPrefix(dep, "internal/") && dep != "internal/layering") {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
