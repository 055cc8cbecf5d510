package main

import (
	"bytes"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestVersion: --version prints the module version from the build
// information, on stdout with status 0, so that a bug report can name it.
func TestVersion(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"--version", "-version", "version"} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, exitOK, run([]string{arg}, &stdout, &stderr), arg)
		assert.Regexp(t, `^iameval \S.*\n$`, stdout.String(), arg)
		assert.Empty(t, stderr.String(), arg)
	}
	tests := []struct {
		info *debug.BuildInfo
		want string
		why  string
	}{
		{&debug.BuildInfo{GoVersion: "go1.24.2", Main: debug.Module{Path: "github.com/iameval/iameval", Version: "v1.2.0"}},
			"v1.2.0 go1.24.2", "go install ...@v1.2.0 records the release"},
		{&debug.BuildInfo{GoVersion: "go1.24.2", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}},
			"(devel) (0123456789ab, modified) go1.24.2", "a checkout build names its commit"},
		{&debug.BuildInfo{Main: debug.Module{}}, "(devel)", "nothing recorded"},
		{nil, "unknown (no build information)", "a binary without build information"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, version(tc.info, tc.info != nil), tc.why)
	}
}
