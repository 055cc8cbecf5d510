package simulate

import "testing"

func BenchmarkParseInput(b *testing.B) {
	src := []byte(`{
  "PolicyInputList": ["{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"s3\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:DeleteObject\"], \"Resource\": [\"arn:aws:s3:::tims-fancy-bucket/only-here/*\"]}]}"],
  "ResourcePolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::tims-fancy-bucket/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
  "CallerArn": "arn:aws:iam::112233445566:user/dummy",
  "ActionNames": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
  "ResourceArns": ["arn:aws:s3:::tims-fancy-bucket/only-here/some-obj"],
  "ContextEntries": [{"ContextKeyName": "aws:SecureTransport", "ContextKeyValues": ["true"], "ContextKeyType": "boolean"}]
}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseInput(src, "bench.json"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSimulate(b *testing.B) {
	in := blogInput("true")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(in); err != nil {
			b.Fatal(err)
		}
	}
}
