package scenario

import (
	"sync/atomic"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// File is a loaded scenario file: every case with its principal, request and
// effective policies, ready to run. A File is immutable after [Load] and may
// be run from several goroutines at once.
type File struct {
	// Name is the file name given to Load; results and positions carry it.
	Name string
	// Title is the file's "name" key; empty when absent or for a bare array.
	Title string
	// Cases are the file's cases in source order, including those that
	// could not be built (their [Case.Err] says why). Cases that depend
	// on a broken file-level "policies" or "principal" are left out:
	// Errors reports that problem once.
	Cases []*Case
	// Errors are the problems outside any case: a file that cannot be
	// read or is not JSON, unknown top-level keys, an invalid file-level
	// policy or principal. [File.Run] reports them as one error result.
	Errors diag.ErrorList
	// Warnings are the non-fatal findings of the file's policies
	// (policy.Policy.Warnings), positioned.
	Warnings diag.ErrorList

	// sources holds the text of every policy the file loaded, for
	// [MeasureCoverage] to find condition clauses that never ran.
	sources map[*policy.Policy]*policySource
}

// Case is one CASE of a scenario file, resolved: the file-level principal
// and policies are applied and the request is built.
type Case struct {
	// Name is the case's "name", or its place in the file (cases[2]) when
	// it has none.
	Name string
	// Description is the case's free-text "description".
	Description string
	// Pos is where the case object starts in the scenario file.
	Pos diag.Position
	// Principal is the caller: the case's own or the file's default.
	Principal principal.Principal
	// Action, Resource and ResourceAccount are as written; ResourceAccount
	// is empty when the case does not give it (the engine derives it).
	Action, Resource, ResourceAccount string
	// S3BlockPublicAccess holds the case's "s3BlockPublicAccess" settings;
	// nil when it gives none.
	S3BlockPublicAccess *iameval.S3BlockPublicAccess
	// Context holds the context keys the case supplies.
	Context condition.Context
	// Absent lists the context keys the case gives as an empty list: they
	// are absent from the request even where the principal would imply
	// them (in a scenario file an empty list means the key is absent, and
	// a key given in context overrides the derived one).
	Absent []string
	// Policies is the effective POLICY SET: the file's set with the case's
	// keys replacing it key by key.
	Policies *iameval.PolicySet
	// Expect is the expected decision; meaningful only when HasExpect.
	Expect iameval.Decision
	// HasExpect reports whether the case has an "expect" key. A case
	// without one is evaluated and reported but never fails.
	HasExpect bool
	// Err holds the case's own problems (an unknown or misspelt key, an
	// invalid policy, a policy file that cannot be read, a request the
	// engine rejects), sorted. A case with problems has no request:
	// [Case.Run] reports it as an error result.
	Err diag.ErrorList

	file string
	// built reports that the case's request was built when it was
	// loaded. The request is built again for each use rather than kept:
	// a request takes about 3.4 KB, and a file of 100,000 cases held
	// 340 MB of them before running the first (issue 15).
	built bool
	// first is, for a case that [Files.RunEach] runs as soon as it is
	// read, the request built when it was loaded: the first Request
	// returns it rather than build it again (a context of 1,000,000 keys
	// took a second to build). Nil otherwise.
	first atomic.Pointer[iameval.Request]
}

// Request returns the engine request the case evaluates, built from the
// case's fields; nil when the case has problems ([Case.Err]). Each call
// builds a new one.
func (c *Case) Request() *iameval.Request {
	if !c.built || len(c.Err) > 0 {
		return nil
	}
	if r := c.first.Swap(nil); r != nil {
		return r
	}
	r, err := c.newRequest()
	if err != nil {
		return nil
	}
	return r
}

// newRequest builds the request of the case's fields.
func (c *Case) newRequest() (*iameval.Request, error) {
	return iameval.NewRequest(iameval.RequestInput{
		Principal:       c.Principal,
		Action:          c.Action,
		Resource:        c.Resource,
		ResourceAccount: c.ResourceAccount,
		Context:         c.Context,
		Absent:          c.Absent,

		S3BlockPublicAccess: c.S3BlockPublicAccess,
	})
}

// Case returns the first case of f named name.
func (f *File) Case(name string) (*Case, bool) {
	for _, c := range f.Cases {
		if c.Name == name {
			return c, true
		}
	}
	return nil, false
}
