package principal

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/condition"
)

// Service is an AWS service principal such as lambda.amazonaws.com. Build
// it with [NewService] or [Parse].
type Service struct {
	name     string
	identity Identity
	ctx      condition.Context
}

// NewService validates the service principal name and returns the
// principal. The name is a lower-case DNS name ending in .amazonaws.com
// (or .amazonaws.com.cn in the China partition).
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// aws:PrincipalIsAWSService = true, aws:PrincipalServiceName = the name,
// aws:PrincipalServiceNamesList = [the name]. aws:PrincipalArn,
// aws:PrincipalAccount, aws:PrincipalType and aws:userid are undocumented
// for service principals and absent.
func NewService(name string) (*Service, error) {
	if p := serviceNameProblem(name); p != "" {
		return nil, fieldError(KindService, "service", "%s", p)
	}
	s := &Service{name: name, identity: Identity{Service: name}}
	b := newKeyset()
	b.str(condition.KeyPrincipalIsAWSService, "true")
	b.str(condition.KeyPrincipalServiceName, name)
	b.list(condition.KeyPrincipalServiceNamesList, []string{name})
	ctx, p := b.build()
	if p != "" {
		return nil, fieldError(KindService, "service", "%s", p)
	}
	s.ctx = ctx
	return s, nil
}

// serviceSuffix returns the suffix of a service principal name, or "".
func serviceSuffix(name string) string {
	for _, suffix := range []string{".amazonaws.com", ".amazonaws.com.cn"} {
		if strings.HasSuffix(name, suffix) {
			return suffix
		}
	}
	return ""
}

// serviceNameProblem checks a service principal name: DNS labels of
// lower-case letters, digits and hyphens, ending in .amazonaws.com or
// .amazonaws.com.cn.
func serviceNameProblem(name string) string {
	suffix := serviceSuffix(name)
	if suffix == "" {
		return fmt.Sprintf("service principal %q does not end in .amazonaws.com", name)
	}
	host := strings.TrimSuffix(name, suffix)
	if host == "" {
		return fmt.Sprintf("service principal %q has no service label", name)
	}
	for label := range strings.SplitSeq(host, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' || len(label) > 63 {
			return fmt.Sprintf("service principal %q has an invalid DNS label %q", name, label)
		}
		for i := range len(label) {
			if c := label[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
				return fmt.Sprintf("service principal %q may contain only lower-case letters, digits, hyphens and dots", name)
			}
		}
	}
	return ""
}

// Kind returns KindService.
func (s *Service) Kind() Kind { return KindService }

// ARN returns the service principal name: service principals have no ARN.
func (s *Service) ARN() string { return s.name }

// Account returns "": a service principal belongs to no customer account.
func (s *Service) Account() string { return "" }

// Name returns the service principal name (case-sensitive).
func (s *Service) Name() string { return s.name }

// Identity returns the service name, with no account.
func (s *Service) Identity() Identity { return s.identity }

// Context returns the keys derived for the service principal.
func (s *Service) Context() condition.Context { return s.ctx }

func (s *Service) sealed() {}
