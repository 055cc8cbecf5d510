package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version returns the module version the binary was built from, as the
// Go toolchain recorded it: a release such as v1.2.0 for a binary built
// with "go install github.com/iameval/iameval/cmd/iameval@v1.2.0", or
// "(devel)" for one built inside a checkout, with the VCS revision when
// the toolchain recorded one.
func version(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "unknown (no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if v == "(devel)" && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (" + rev + modified + ")"
	}
	if info.GoVersion != "" {
		v += " " + info.GoVersion
	}
	return v
}

// printVersion writes "iameval VERSION" to w.
func printVersion(w io.Writer) int {
	fmt.Fprintf(w, "iameval %s\n", version(debug.ReadBuildInfo()))
	return exitOK
}
