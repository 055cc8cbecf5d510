package sts

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// actionAssumeRoot is the action AssumeRoot is authorized as.
const actionAssumeRoot = "sts:AssumeRoot"

// AssumeRootInput holds the parameters of AssumeRoot and the organization
// facts STS checks that a request does not carry.
type AssumeRootInput struct {
	// TargetPrincipal is the member account: its 12-digit ID or its root
	// user ARN arn:PARTITION:iam::ACCOUNT:root. Required.
	TargetPrincipal string
	// TaskPolicyArn is one of the five AWS managed task policies,
	// arn:PARTITION:iam::aws:policy/root-task/NAME (see [TaskPolicy]).
	// Required.
	TaskPolicyArn string
	// DurationSeconds is the session's duration, 1 to 900; 0 means the
	// default of 900.
	DurationSeconds int
	// OrganizationAdmin states that the caller's account is the
	// organization's management account or the delegated administrator
	// account for IAM, that centralized root access is enabled, and that
	// the target is a member account of the same organization. AWS refuses
	// the call otherwise; false refuses it.
	OrganizationAdmin bool
	// TargetSCP are the SCPs of the member account (root to account); they
	// govern the root session's later requests and go into the Result's
	// Policies.
	TargetSCP [][]*policy.Policy
	// TargetRCP are the RCPs of the member account, consulted for the call
	// (STS supports RCPs).
	TargetRCP [][]*policy.Policy
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// AssumeRoot plays a call of sts:AssumeRoot (centralized root access,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html):
// an IAM user or a role session of the management account or of the
// delegated administrator account for IAM obtains a short-term root session
// in a member account, scoped by a task policy.
//
// The call is refused before policies when the caller is the root user (or
// another AssumeRoot session) or not an IAM user or role session, when
// OrganizationAdmin is false, or when the target is the caller's own
// account. It is then authorized as sts:AssumeRoot on
// arn:PARTITION:iam::MEMBER:root by the caller's identity side and SCPs and
// the member's RCPs; the member account has no resource policy to consult.
//
// The Result's principal is the member account's root user with
// AssumedRoot set (aws:AssumedRoot is true); its Policies hold the task
// policy as the session policy and the member's SCPs, so its later
// requests are limited by the task policy.
func AssumeRoot(caller Caller, in AssumeRootInput) (*Result, error) {
	p := caller.Principal
	if p == nil {
		return nil, inputError("Caller", "principal is required")
	}
	if err := checkCallerPolicies(&caller.Policies); err != nil {
		return nil, err
	}
	partition := partitionOf(p)
	target, ierr := rootTarget(in.TargetPrincipal, partition)
	if ierr != nil {
		return nil, ierr
	}
	task, ierr := taskPolicyFor(in.TaskPolicyArn, partition)
	if ierr != nil {
		return nil, ierr
	}
	if in.DurationSeconds < 0 || in.DurationSeconds > 900 {
		return nil, inputError("DurationSeconds", "must be 1 to 900 (0 for the default of 900)")
	}
	duration := in.DurationSeconds
	if duration == 0 {
		duration = 900
	}
	if err := validateSet("TargetSCP", &iameval.PolicySet{SCP: in.TargetSCP}); err != nil {
		return nil, err
	}
	if err := validateSet("TargetRCP", &iameval.PolicySet{RCP: in.TargetRCP}); err != nil {
		return nil, err
	}
	resource := "arn:" + partition + ":iam::" + target + ":root"
	switch {
	case !in.OrganizationAdmin:
		return nil, refuse(p, actionAssumeRoot, resource, "sts:AssumeRoot can be called only from the organization's management account or the delegated administrator account for IAM, with centralized root access enabled (OrganizationAdmin is false; "+pageAssumeRoot+")")
	case target == p.Account():
		return nil, refuse(p, actionAssumeRoot, resource, "sts:AssumeRoot targets a member account, not the caller's own account ("+pageAssumeRoot+")")
	}
	t := callTime(in.Time)
	c := &call{principal: p, time: t, policies: iameval.PolicySet{
		Identity:            caller.Policies.Identity,
		Session:             caller.Policies.Session,
		PermissionsBoundary: caller.Policies.PermissionsBoundary,
		SCP:                 caller.Policies.SCP,
		RCP:                 in.TargetRCP,
	}}
	if err := c.authorize(actionAssumeRoot, resource); err != nil {
		return nil, err
	}
	out, err := principal.NewRoot(principal.RootInput{
		Account: target, Partition: partition, AssumedRoot: true,
		Credentials: principal.Credentials{Temporary: true, IssueTime: t},
	})
	if err != nil {
		return nil, principalError(err, "TargetPrincipal", nil)
	}
	return newResult(out, iameval.PolicySet{Session: []*policy.Policy{task}, SCP: slices.Clone(in.TargetSCP)}, t, duration, c.checks), nil
}

// pageAssumeRoot is the AWS page of centralized root access.
const pageAssumeRoot = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html"

// rootTarget returns the member account named by TargetPrincipal: an
// account ID or a root user ARN of the caller's partition.
func rootTarget(s, partition string) (string, *InputError) {
	if arn.IsAccountID(s) {
		return s, nil
	}
	a, ok := arn.Parse(s)
	if !ok || a.Partition != partition || a.Service != "iam" || a.Region != "" || !arn.IsAccountID(a.Account) || a.Resource != "root" {
		return "", inputError("TargetPrincipal", "expected a 12-digit account ID or arn:"+partition+":iam::ACCOUNT:root, got "+strconv.Quote(s))
	}
	return a.Account, nil
}

// taskPolicyFor returns the parsed task policy named by arn.
func taskPolicyFor(s, partition string) (*policy.Policy, *InputError) {
	prefix := "arn:" + partition + ":iam::aws:policy/root-task/"
	name, ok := strings.CutPrefix(s, prefix)
	if ok {
		if p, found := TaskPolicy(name); found {
			return p, nil
		}
	}
	names := make([]string, len(taskPolicies))
	for i, tp := range taskPolicies {
		names[i] = tp.name
	}
	return nil, inputError("TaskPolicyArn", "expected "+prefix+"NAME with NAME one of "+strings.Join(names, ", ")+"; got "+strconv.Quote(s))
}

// parsedTaskPolicies holds the task policies parsed once, in the order of
// taskPolicies.
var parsedTaskPolicies = sync.OnceValue(func() []*policy.Policy {
	out := make([]*policy.Policy, len(taskPolicies))
	for i, tp := range taskPolicies {
		p, err := policy.Parse([]byte(tp.document), policy.Source{ID: tp.name, Type: policy.Session, File: "arn:aws:iam::aws:policy/root-task/" + tp.name})
		if err != nil {
			panic("sts: embedded task policy " + tp.name + ": " + err.Error()) // a build defect, caught by the tests
		}
		out[i] = p
	}
	return out
})

// TaskPolicy returns the AWS managed task policy name
// (IAMAuditRootUserCredentials, IAMCreateRootUserPassword,
// IAMDeleteRootUserCredentials, S3UnlockBucketPolicy or
// SQSUnlockQueuePolicy), parsed as a session policy, and whether it exists.
// The documents are embedded (taskpolicies.go gives their source and date).
func TaskPolicy(name string) (*policy.Policy, bool) {
	for i, tp := range taskPolicies {
		if tp.name == name {
			return parsedTaskPolicies()[i], true
		}
	}
	return nil, false
}
