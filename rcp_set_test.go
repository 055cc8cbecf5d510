package iameval

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestServiceSetIsTheList: rcpSupported, which probes a hash table, says
// yes exactly for the services on AWS's list of services that support
// RCPs (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html):
// a prefix off the list that the table took for one on it would let an
// RCP govern (deny) a request it does not reach, and one on the list
// that it missed would let an RCP's Deny go unenforced. Checked against
// the list itself for its prefixes, their near misses (one byte changed,
// cut short, grown) and random prefixes, and for sets of other sizes.
func TestServiceSetIsTheList(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(15, 12))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
	randomPrefix := func() string {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	check := func(set *serviceSet, list []string, v string) {
		assert.Equal(t, v != "" && slices.Contains(list, v), set.has(v), "%q", v)
	}
	lists := [][]string{rcpServices, nil, {"s3"}, {"", "s3", "s3"}}
	for range 5 {
		var l []string
		for range rng.IntN(300) {
			l = append(l, randomPrefix())
		}
		lists = append(lists, l)
	}
	for _, list := range lists {
		set := newServiceSet(list)
		for _, s := range list {
			check(&set, list, s)
			check(&set, list, s+"x")
			if s != "" {
				check(&set, list, s[:len(s)-1])
				b := []byte(s)
				b[rng.IntN(len(b))] ^= 1
				check(&set, list, string(b))
			}
		}
		for range 2000 {
			check(&set, list, randomPrefix())
		}
	}
	for _, s := range rcpServices {
		assert.True(t, rcpSupported(s), s)
	}
	for _, s := range []string{"", "S3", "notaservice", "iam", "s3 "} {
		assert.Equal(t, slices.Contains(rcpServices, s), rcpSupported(s), "%q", s)
	}
}

// TestProtectedServices: protected checks protectedServices before its
// table, so the set must hold the service of every protection and "iam"
// (attaching a service-linked role's policy), or an AWS-enforced refusal
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html,
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html)
// would be skipped and the request decided by the policies alone.
func TestProtectedServices(t *testing.T) {
	t.Parallel()
	assert.True(t, protectedServices.has("iam"))
	for _, p := range protections {
		assert.True(t, protectedServices.has(p.service), p.service)
	}
	assert.False(t, protectedServices.has("s3"), "s3 has no protection")
}
