package simulate

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/iameval/iameval/diag"
)

// FuzzParseInput checks that ParseInput never panics, that every problem
// is positioned inside the document, and that an input it accepts is one
// Simulate runs without error, with one result per action and resource.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{
		`{"PolicyInputList": [], "ActionNames": ["s3:GetObject"]}`,
		`{"PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"], "ActionNames": ["s3:GetObject"], "ResourceArns": ["*", "arn:aws:s3:::b/k"]}`,
		`{"PolicyInputList": ["{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"], "ActionNames": ["s3:PutObject"], "CallerArn": "arn:aws:sts::111111111111:assumed-role/R/s"}`,
		`{"PolicyInputList": [], "ActionNames": ["sqs:SendMessage"], "ResourcePolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}", "CallerArn": "anonymous", "ResourceArns": ["arn:aws:sqs:us-east-1:222222222222:q"]}`,
		`{"PolicyInputList": [], "ActionNames": ["s3:GetObject"], "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.1", "\u00e9"], "ContextKeyType": "ipList"}]}`,
		`{"PolicyInputList": [], "ActionNames": ["s3:GetObject"], "IamevalServiceControlPolicyInputList": [["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"]], "MaxItems": 5}`,
		`{"policyInputList": 1, "ActionNames": ["s3:*"], "ActionNames": null}`,
		`[1, 2`,
		``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		in, err := ParseInput([]byte(src), "fuzz.json")
		if err != nil {
			var list diag.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty diag.ErrorList: %v", err)
			}
			for _, e := range list {
				if e.Pos.Offset < 0 || e.Pos.Offset > len(src) || e.Pos.Line < 1 || e.Pos.Column < 1 {
					t.Fatalf("problem outside the document (%d bytes): %v", len(src), e)
				}
				if e.Kind == nil || e.Msg == "" || !utf8.ValidString(e.Error()) {
					t.Fatalf("malformed problem: %#v", e)
				}
			}
			return
		}
		resp, err := Simulate(in)
		if err != nil {
			t.Fatalf("ParseInput accepted an input Simulate rejects: %v", err)
		}
		resources := len(in.ResourceArns)
		if resources == 0 {
			resources = 1
		}
		if got, want := len(resp.EvaluationResults), len(in.ActionNames)*resources; got != want {
			t.Fatalf("%d results, want %d", got, want)
		}
	})
}
