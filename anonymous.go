package iameval

import "strings"

// anonymousService is one entry of the table of requests AWS serves
// without a signature: a service prefix, the actions (names, or prefixes
// ending in "*", matched ignoring case) that accept an unsigned request, and the AWS
// page that documents it.
type anonymousService struct {
	service string
	actions []string // as AWS spells them; nil: every action of the service
	source  string
}

// anonymousServices lists the requests AWS accepts from anonymous
// (unsigned) callers, granted by a resource policy whose Principal is "*".
// Every other request needs a signature, so a Principal "*" grant never
// admits an anonymous caller there. Each entry names the page that
// documents it:
//
//   - Amazon S3, Amazon SNS and Amazon SQS: aws:PrincipalType "Anonymous"
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable).
//   - Amazon API Gateway, execute-api:Invoke with a resource policy and no
//     authorizer
//     (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html).
//   - AWS Lambda function URLs with AuthType NONE, lambda:InvokeFunctionUrl
//     (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html).
//   - Amazon OpenSearch Service domains: "IP-based policies allow unsigned
//     requests to an OpenSearch Service domain", the domain's HTTP actions
//     es:ESHttp* (https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html#ac-types-ip,
//     https://repost.aws/knowledge-center/anonymous-not-authorized-opensearch).
//     The configuration API (es:CreateDomain, ...) must be signed
//     (https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-signing-service-requests.html).
//   - AWS Elemental MediaStore containers: public read of objects,
//     mediastore:GetObject and mediastore:DescribeObject, "anonymous users
//     (users who are not logged in)"
//     (https://docs.aws.amazon.com/mediastore/latest/ug/policies-examples-public-https.html).
var anonymousServices = []anonymousService{
	{service: "s3", source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
	{service: "sns", source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
	{service: "sqs", source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
	{service: "execute-api", actions: []string{"Invoke"}, source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html"},
	{service: "lambda", actions: []string{"InvokeFunctionUrl"}, source: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"},
	{service: "es", actions: []string{"ESHttp*"}, source: "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html#ac-types-ip"},
	{service: "mediastore", actions: []string{"GetObject", "DescribeObject"}, source: "https://docs.aws.amazon.com/mediastore/latest/ug/policies-examples-public-https.html"},
}

// acceptsAnonymous reports whether AWS serves the unsigned request
// service:name from an anonymous caller against the resource policy
// (anonymousServices). service and name are lower case.
func acceptsAnonymous(service, name string) bool {
	for i := range anonymousServices {
		a := &anonymousServices[i]
		if a.service != service {
			continue
		}
		if a.actions == nil {
			return true
		}
		for _, act := range a.actions {
			p, prefix := strings.CutSuffix(act, "*")
			if prefix && len(name) >= len(p) && strings.EqualFold(name[:len(p)], p) || strings.EqualFold(act, name) {
				return true
			}
		}
	}
	return false
}

// anonymousRefusal explains why an anonymous caller's request is refused
// before any policy is read.
func anonymousRefusal(service, name string) string {
	for i := range anonymousServices {
		if anonymousServices[i].service == service {
			return service + ":" + name + " needs a signed request: an anonymous caller can make only " +
				service + ":" + strings.Join(anonymousServices[i].actions, ", "+service+":") +
				" of this service (" + anonymousServices[i].source + ")"
		}
	}
	return "service " + service + " does not accept anonymous (unsigned) requests; AWS serves unsigned requests only for S3, SNS, SQS, API Gateway invocations, Lambda function URLs, OpenSearch Service domain HTTP requests (es:ESHttp*) and MediaStore object reads (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable)"
}
