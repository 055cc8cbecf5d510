package policy

import "github.com/iameval/iameval/internal/jsonsrc"

// path names a place in a policy document, like
// Statement[1].Condition.StringLike."s3:prefix"; see [jsonsrc.Path]. The
// nil *path is the document itself.
type path = jsonsrc.Path

// top returns the path of the document member name.
func top(name string) path { return (*path)(nil).Child(name) }
