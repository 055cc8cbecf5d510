package policy

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/principal"
)

// A Principal or NotPrincipal element of more than linearPrincipals AWS
// entries looks the caller's names up in a set; it decides every caller
// as comparing each entry did (match for Principal, exempts and excludes
// for NotPrincipal, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html),
// on random lists holding some of the callers' own names, the names
// behind them (a session's role, a federated user's IAM user) and others.
func TestPrincipalSetIndexAgreesWithList(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(21, 22))
	var ids []principal.Identity
	var kinds []principal.Kind
	var names []string
	for _, c := range randCallers {
		p := c(t)
		id := p.Identity()
		ids, kinds = append(ids, id), append(kinds, p.Kind())
		for n := range id.DirectNames() {
			names = append(names, n)
		}
		for n := range id.IndirectNames() {
			names = append(names, n)
		}
	}
	require.NotEmpty(t, names)
	listed := 0
	for range 500 {
		var aws []string
		for i := range linearPrincipals + 1 + rng.IntN(20) {
			if rng.IntN(8) == 0 {
				aws = append(aws, names[rng.IntN(len(names))])
			} else {
				aws = append(aws, fmt.Sprintf("arn:aws:iam::444455556666:user/other%d", i))
			}
		}
		list := principalSet{aws: aws}
		set := list
		set.indexAWS()
		require.NotNil(t, set.awsSet)
		for i := range ids {
			id := &ids[i]
			require.Equal(t, list.match(id), set.match(id), "match %v", aws)
			require.Equal(t, list.exempts(id, kinds[i]), set.exempts(id, kinds[i]), "exempts %v", aws)
			require.Equal(t, list.excludes(id), set.excludes(id), "excludes %v", aws)
			if list.match(id) != PrincipalNone {
				listed++
			}
		}
	}
	assert.Greater(t, listed, 200, "enough callers listed for the comparison to mean something")
	small := principalSet{aws: []string{"arn:aws:iam::111122223333:user/a"}}
	small.indexAWS()
	assert.Nil(t, small.awsSet, "a short list is compared entry by entry")
}
