package principal

import (
	"errors"
	"strings"

	"github.com/iameval/iameval/internal/arn"
)

// expectedForms lists the string forms Parse accepts, for error messages.
const expectedForms = `expected arn:aws:iam::ACCOUNT:root, arn:aws:iam::ACCOUNT:user/PATH/NAME, ` +
	`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, arn:aws:sts::ACCOUNT:federated-user/NAME, ` +
	`a service principal ending in .amazonaws.com, "*" or "anonymous"`

// Parse reads the string form of a principal, as scenario files write it:
//
//	arn:aws:iam::ACCOUNT:root                      the account root user
//	arn:aws:iam::ACCOUNT:user/PATH/NAME            an IAM user
//	arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION a role session
//	arn:aws:sts::ACCOUNT:federated-user/NAME       a federated user
//	lambda.amazonaws.com                           a service principal
//	* or anonymous                                 an anonymous caller
//
// Other partitions (aws-cn, aws-us-gov, ...) work the same way. The string
// carries less than AWS knows: the user's unique ID and a role session's
// role ID are unknown, so aws:userid is absent for them, and a role session's
// role is taken to have no path; a role named AWSServiceRoleFor...
// ([ServiceLinkedRolePrefix]) is taken to be a service-linked role, which
// keeps its exemption from SCPs and RCPs. Credentials are the zero [Credentials]:
// long-term keys for users and the root user. Use the constructors when
// those facts matter. Errors are [*Error] values that say which form was
// expected.
func Parse(s string) (Principal, error) {
	switch {
	case s == "*" || s == "anonymous":
		return NewAnonymous(), nil
	case s == "":
		return nil, parseError(s, "empty; %s", expectedForms)
	case strings.HasPrefix(s, "arn:"):
		p, err := parseARNPrincipal(s)
		if err != nil {
			return nil, asParseError(s, err)
		}
		return p, nil
	case serviceSuffix(s) != "":
		p, err := built(NewService(s))
		if err != nil {
			return nil, asParseError(s, err)
		}
		return p, nil
	case accountProblem(s) == "":
		return nil, parseError(s, "an account ID names every principal of the account, not one caller; for the root user write arn:aws:iam::%s:root", s)
	}
	return nil, parseError(s, "%s", expectedForms)
}

// asParseError turns a constructor error into a Parse error for input s.
func asParseError(s string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Input == "" && e.Field != "" {
		return parseError(s, "%s", e.Msg)
	}
	return err
}

// parseARNPrincipal reads the ARN forms of Parse.
func parseARNPrincipal(s string) (Principal, error) {
	a, ok := arn.Parse(s)
	if !ok {
		return nil, parseError(s, "not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE); %s", expectedForms)
	}
	if p := partitionProblem(a.Partition); p != "" {
		return nil, parseError(s, "%s", p)
	}
	switch a.Service {
	case "iam":
		return parseIAMPrincipal(s, a)
	case "sts":
		return parseSTSPrincipal(s, a)
	}
	return nil, parseError(s, "service %q: a caller ARN is an iam ARN (root, user/NAME) or an sts ARN (assumed-role/ROLE/SESSION, federated-user/NAME)", a.Service)
}

// parseIAMPrincipal reads arn:P:iam::A:root and arn:P:iam::A:user/PATH/NAME.
func parseIAMPrincipal(s string, a arn.ARN) (Principal, error) {
	if a.Region != "" {
		return nil, parseError(s, "iam ARNs have no region (found %q)", a.Region)
	}
	if p := accountProblem(a.Account); p != "" {
		return nil, parseError(s, "%s", p)
	}
	switch {
	case a.Resource == "root":
		return built(NewRoot(RootInput{Account: a.Account, Partition: a.Partition}))
	case strings.HasPrefix(a.Resource, "user/"):
		return built(NewIAMUser(IAMUserInput{ARN: s}))
	case strings.HasPrefix(a.Resource, "role/"):
		return nil, parseError(s, "a role is not a caller: give its session arn:%s:sts::%s:assumed-role/ROLE/SESSION, or an AssumedRole object to keep the role path and ID", a.Partition, a.Account)
	}
	return nil, parseError(s, "iam resource %q: expected root or user/PATH/NAME", a.Resource)
}

// parseSTSPrincipal reads arn:P:sts::A:assumed-role/ROLE/SESSION and
// arn:P:sts::A:federated-user/NAME.
func parseSTSPrincipal(s string, a arn.ARN) (Principal, error) {
	if a.Region != "" {
		return nil, parseError(s, "sts caller ARNs have no region (found %q)", a.Region)
	}
	if p := accountProblem(a.Account); p != "" {
		return nil, parseError(s, "%s", p)
	}
	if rest, ok := strings.CutPrefix(a.Resource, "assumed-role/"); ok {
		role, session, ok := strings.Cut(rest, "/")
		if !ok || strings.Contains(session, "/") {
			return nil, parseError(s, "expected assumed-role/ROLE/SESSION (a session ARN has no role path)")
		}
		if p := nameProblem("role name", role, 1, 64); p != "" {
			return nil, parseError(s, "%s", p)
		}
		if p := nameProblem("role session name", session, 2, 64); p != "" {
			return nil, parseError(s, "%s", p)
		}
		r, err := NewAssumedRole(AssumedRoleInput{
			RoleARN:     iamARN(a.Partition, a.Account, "role/"+role),
			SessionName: session,
		})
		if err != nil {
			return nil, err
		}
		// A session ARN carries no role path, so the path that marks a
		// service-linked role (/aws-service-role/) is lost; its name is
		// not: service-linked roles are named AWSServiceRoleFor...
		if strings.HasPrefix(role, ServiceLinkedRolePrefix) {
			r.identity.ServiceLinked = true
		}
		return r, nil
	}
	if name, ok := strings.CutPrefix(a.Resource, "federated-user/"); ok {
		if p := nameProblem("federated user name", name, 2, 32); p != "" {
			return nil, parseError(s, "%s", p)
		}
		return built(NewFederatedUser(FederatedUserInput{Account: a.Account, Partition: a.Partition, Name: name}))
	}
	return nil, parseError(s, "sts resource %q: expected assumed-role/ROLE/SESSION or federated-user/NAME", a.Resource)
}

// built returns p as a Principal, or a nil Principal (not a typed nil
// pointer) with err.
func built[P Principal](p P, err error) (Principal, error) {
	if err != nil {
		return nil, err
	}
	return p, nil
}
