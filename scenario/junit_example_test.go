package scenario_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/iameval/iameval/scenario"
)

// ExampleReport_WriteJUnit writes the report as JUnit XML for a CI
// server: a <testsuite> per file and a <testcase> per case, with a
// <failure> for the case whose expect is wrong.
func ExampleReport_WriteJUnit() {
	wrong := strings.Replace(exampleScenario, `"expect": "implicitDeny"`, `"expect": "allowed"`, 1)
	f, err := scenario.Load("reports.json", []byte(wrong), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	report := f.Run()
	if err := report.WriteJUnit(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <testsuites name="iameval test" tests="2" failures="1" errors="0">
	//   <testsuite name="reports.json" tests="2" failures="1" errors="0">
	//     <testcase name="pat reads a report" classname="reports.json" file="reports.json" line="10"></testcase>
	//     <testcase name="pat writes a report" classname="reports.json" file="reports.json" line="11">
	//       <failure message="expected allowed, got implicitDeny: IAMUser arn:aws:iam::123456789012:user/pat s3:PutObject on arn:aws:s3:::reports/q1.csv (resource account 123456789012)" type="wrong decision">implicitDeny: IAMUser arn:aws:iam::123456789012:user/pat s3:PutObject on arn:aws:s3:::reports/q1.csv (resource account 123456789012)&#xA;  no allow in: identity&#xA;  closest statements:&#xA;    identity Reports Statement[0] &#34;Read&#34; (Allow) at reports.json:7:21&#xA;      Action failed at reports.json:7:56: action &#34;s3:PutObject&#34; not in Action&#xA;  policy types: identity implicitDeny&#xA;</failure>
	//     </testcase>
	//   </testsuite>
	// </testsuites>
}
