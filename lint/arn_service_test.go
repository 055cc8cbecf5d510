package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// arnService gives the service segment of an ARN pattern only when it is
// literal, so that ruling a resource type out by it never hides a match
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
func TestARNService(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pattern, svc string
		literal      bool
	}{
		{"arn:aws:s3:::b/*", "s3", true},
		{"arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}", "ec2", true},
		{"arn:aws:s3*:::b", "", false},
		{"arn:aws:${Service}:::b", "", false},
		{"arn:aws:s?:::b", "", false},
		{"arn:aws:s3", "", false},
		{"*", "", false},
		{"notarn:aws:s3:::b", "", false},
	} {
		svc, literal := arnService(tc.pattern)
		assert.Equal(t, tc.svc, svc, tc.pattern)
		assert.Equal(t, tc.literal, literal, tc.pattern)
	}
}
