package scenario

import (
	"github.com/iameval/iameval"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// blockPublicAccessLevels and blockPublicAccessSettings are the keys of a
// case's "s3BlockPublicAccess" object: the levels, each an object of the
// four S3 settings (PublicAccessBlockConfiguration).
var (
	blockPublicAccessLevels   = []string{"account", "bucket", "accessPoint"}
	blockPublicAccessSettings = []string{"blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"}
)

// blockPublicAccess reads a case's "s3BlockPublicAccess":
//
//	{"account": {"restrictPublicBuckets": true}, "bucket": {...}, "accessPoint": {...}}
//
// Every level and setting is optional; an absent one is false.
func (l *loader) blockPublicAccess(v jsonsrc.Value, path string) *iameval.S3BlockPublicAccess {
	if !isObject(v) {
		l.typeError(v, path, `an object with "account", "bucket" or "accessPoint" settings`)
		return nil
	}
	b := &iameval.S3BlockPublicAccess{}
	levels := l.fields(v, path, "S3 Block Public Access settings", blockPublicAccessLevels...)
	for i, dst := range []*iameval.PublicAccessBlock{&b.Account, &b.Bucket, &b.AccessPoint} {
		key := blockPublicAccessLevels[i]
		m, ok := levels[key]
		if !ok {
			continue
		}
		p := join(path, key)
		if !isObject(m.Value) {
			l.typeError(m.Value, p, "an object of Block Public Access settings")
			continue
		}
		f := l.fields(m.Value, p, "Block Public Access settings", blockPublicAccessSettings...)
		for j, set := range []*bool{&dst.BlockPublicAcls, &dst.IgnorePublicAcls, &dst.BlockPublicPolicy, &dst.RestrictPublicBuckets} {
			name := blockPublicAccessSettings[j]
			sm, ok := f[name]
			if !ok {
				continue
			}
			switch sm.Value.Kind {
			case jsonsrc.True:
				*set = true
			case jsonsrc.False:
			default:
				l.typeError(sm.Value, join(p, name), "a boolean")
			}
		}
	}
	return b
}
