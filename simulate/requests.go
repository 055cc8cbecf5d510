package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/principal"
)

// DefaultAccount is the account of the default caller (no CallerArn) for a
// resource whose ARN names no account when no ResourceOwner is given.
const DefaultAccount = "123456789012"

// DefaultCallerName is the user name of the default caller: without
// CallerArn, every request is made by the IAM user
// arn:PARTITION:iam::ACCOUNT:user/iameval-simulated-caller of the account
// that owns the resource.
const DefaultCallerName = "iameval-simulated-caller"

// caller parses CallerArn; nil when it is not given (the default caller).
func (c *compiler) caller() principal.Principal {
	in := c.in
	if in.CallerArn == "" && in.from != nil {
		return in.from.Caller
	}
	if in.CallerArn == "" {
		if in.ResourcePolicy != "" {
			c.fail(keyResourcePolicy, ErrMissing, "a ResourcePolicy needs CallerArn, the caller its Principal element is matched against (as in AWS)")
		}
		return nil
	}
	p, err := principal.Parse(in.CallerArn)
	if err != nil {
		c.fail(keyCallerArn, ErrValue, "%v", err)
		return nil
	}
	return p
}

// owner returns the account ResourceOwner names, or "".
func (c *compiler) owner() string {
	s := c.in.ResourceOwner
	if s == "" {
		return ""
	}
	account := s
	if a, ok := arn.Parse(s); ok {
		if a.Service != "iam" || a.Region != "" || a.Resource != "root" {
			c.fail(keyResourceOwner, ErrValue, "%q is not an account ARN; expected arn:aws:iam::ACCOUNT:root or a 12-digit account ID", s)
			return ""
		}
		account = a.Account
	}
	if !arn.IsAccountID(account) {
		c.fail(keyResourceOwner, ErrValue, "%q is not an account; expected arn:aws:iam::ACCOUNT:root or a 12-digit account ID", s)
		return ""
	}
	return account
}

// actions checks ActionNames.
func (c *compiler) actions() []string {
	if len(c.in.ActionNames) == 0 {
		c.fail(keyActionNames, ErrMissing, "give at least one action to simulate")
	}
	for i, a := range c.in.ActionNames {
		p := index(keyActionNames, i)
		service, name, ok := strings.Cut(a, ":")
		switch {
		case strings.ContainsAny(a, "*?"):
			c.fail(p, ErrValue, "%q has a wildcard; the simulator takes actions without wildcards, one per entry", a)
		case !ok || service == "" || name == "" || strings.Contains(name, ":") || strings.ContainsAny(a, " \t\r\n"):
			c.fail(p, ErrValue, "%q is not an action; expected service:Name, such as s3:GetObject", a)
		}
	}
	return c.in.ActionNames
}

// resources checks ResourceArns; an empty list is ["*"].
func (c *compiler) resources() []string {
	if len(c.in.ResourceArns) == 0 {
		return []string{"*"}
	}
	for i, r := range c.in.ResourceArns {
		if r == "*" {
			continue
		}
		if a, ok := arn.Parse(r); !ok || a.Partition == "" || a.Service == "" || a.Resource == "" {
			c.fail(index(keyResourceArns, i), ErrValue, "%q is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) or \"*\"", r)
		}
	}
	return c.in.ResourceArns
}

// resourceScenarios lists, for each ResourceHandlingOption, the EC2
// resource types the scenario needs among ResourceArns (IAM API
// SimulateCustomPolicy, ResourceHandlingOption).
var resourceScenarios = map[string][]string{
	"EC2-VPC-InstanceStore":        {"instance", "image", "security-group", "network-interface"},
	"EC2-VPC-InstanceStore-Subnet": {"instance", "image", "security-group", "network-interface", "subnet"},
	"EC2-VPC-EBS":                  {"instance", "image", "security-group", "network-interface", "volume"},
	"EC2-VPC-EBS-Subnet":           {"instance", "image", "security-group", "network-interface", "subnet", "volume"},
}

// resourceHandling checks ResourceHandlingOption and that ResourceArns hold
// every resource its scenario needs.
func (c *compiler) resourceHandling(resources []string) {
	opt := c.in.ResourceHandlingOption
	if opt == "" {
		return
	}
	need, ok := resourceScenarios[opt]
	if !ok {
		c.fail(keyResourceHandling, ErrValue, "%q is not a scenario; expected EC2-VPC-InstanceStore, EC2-VPC-InstanceStore-Subnet, EC2-VPC-EBS or EC2-VPC-EBS-Subnet", opt)
		return
	}
	var missing []string
	for _, t := range need {
		if !slices.ContainsFunc(resources, func(r string) bool { return isEC2Resource(r, t) }) {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		c.fail(keyResourceHandling, ErrValue, "scenario %s needs ResourceArns to hold an EC2 ARN (arn:aws:ec2:REGION:ACCOUNT:TYPE/ID) of each type %s; missing: %s",
			opt, strings.Join(need, ", "), strings.Join(missing, ", "))
	}
}

// isEC2Resource reports whether r is the ARN of an EC2 resource of type t.
func isEC2Resource(r, t string) bool {
	a, ok := arn.Parse(r)
	return ok && a.Service == "ec2" && strings.HasPrefix(a.Resource, t+"/")
}

// checkRequests builds, before any result is produced, the request of
// every action on the first resource and of the first action on every
// resource: what makes a request invalid (the action, the resource, the
// caller's account for it) then shows as an error of the input rather than
// in the middle of the results.
func (c *compiler) checkRequests() {
	p := c.p
	for a := range p.actions {
		if _, err := p.pair(a, 0); err != nil {
			c.add(c.positioned(err))
			return
		}
	}
	for r := 1; r < len(p.resources); r++ {
		if _, err := p.pair(0, r); err != nil {
			c.add(c.positioned(err))
			return
		}
	}
}

// positioned places a request problem in the input document.
func (c *compiler) positioned(e *diag.Error) *diag.Error {
	e.Pos = c.src.of(e.Path)
	return e
}

// pair builds the request of action a on resource r (indexes into the
// plan's lists). A problem is returned with its Path; its position in the
// document is set by the caller.
func (p *plan) pair(a, r int) (pair, *diag.Error) {
	action, resource := p.actions[a], p.resources[r]
	arnParts, hasARN := arn.Parse(resource)
	resAccount := ""
	if !hasARN || arnParts.Account == "" {
		resAccount = p.owner
	}
	who := p.caller
	if who == nil {
		partition, account := "aws", arnParts.Account
		if hasARN {
			partition = arnParts.Partition
		}
		if account == "" {
			account = p.owner
		}
		if account == "" {
			account = DefaultAccount
		}
		var err error
		if who, err = defaultCaller(p.defaults, partition, account); err != nil {
			return pair{}, &diag.Error{Path: p.resourcePath(r), Kind: ErrValue, Msg: err.Error()}
		}
	}
	if resAccount == "" && arnParts.Account == "" && who.Account() == "" {
		return pair{}, &diag.Error{Path: keyCallerArn, Kind: ErrMissing, Msg: fmt.Sprintf(
			"the %s caller %q has no account, and %q names none: give ResourceOwner, the account that owns the resource", who.Kind(), p.callerArn, resource)}
	}
	req, err := iameval.NewRequest(iameval.RequestInput{
		Principal: who, Action: action, Resource: resource,
		ResourceAccount: resAccount, Context: p.ctx, Time: p.when,
		IgnoreProtections: p.mirror,
		// The simulator takes keys it was not given as absent.
		UnsuppliedAbsent: p.mirror,
	})
	if err != nil {
		return pair{}, &diag.Error{Path: p.resourcePath(r), Kind: ErrValue, Msg: err.Error()}
	}
	cross := who.Account() != "" && who.Account() != req.ResourceAccount()
	return pair{action: action, resource: resource, req: req, cross: cross, set: p.c.accountSet(resource, req.ResourceAccount())}, nil
}

// resourcePath names ResourceArns[i], or the parameter when the default
// ["*"] is used.
func (p *plan) resourcePath(i int) string {
	if p.defaultResources {
		return keyResourceArns
	}
	return index(keyResourceArns, i)
}

// defaultCaller returns the default caller of the account, building it once.
func defaultCaller(cache map[string]principal.Principal, partition, account string) (principal.Principal, error) {
	userARN := fmt.Sprintf("arn:%s:iam::%s:user/%s", partition, account, DefaultCallerName)
	if p, ok := cache[userARN]; ok {
		return p, nil
	}
	p, err := principal.NewIAMUser(principal.IAMUserInput{ARN: userARN})
	if err != nil {
		return nil, fmt.Errorf("no default caller in account %q: %w", account, err)
	}
	cache[userARN] = p
	return p, nil
}
