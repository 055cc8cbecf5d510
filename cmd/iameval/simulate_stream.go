package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"

	"github.com/iameval/iameval/simulate"
)

// resultStream writes a simulate.Response as json.MarshalIndent with a
// four-space indent would, one EvaluationResult at a time as simulate.Run
// decides it, so that the output of a million results never sits in
// memory. Nothing is written before the first result, so that an input
// refused before any result leaves standard output empty.
type resultStream struct {
	w     *bufio.Writer
	count int
}

// newResultStream returns a stream writing to w.
func newResultStream(w io.Writer) *resultStream {
	return &resultStream{w: bufio.NewWriterSize(w, 64<<10)}
}

// emit writes one result; it is simulate.Run's emit function.
func (s *resultStream) emit(r *simulate.EvaluationResult) error {
	b, err := json.MarshalIndent(r, "        ", "    ")
	if err != nil {
		return err
	}
	if s.count == 0 {
		s.w.WriteString("{\n    \"EvaluationResults\": [\n        ")
	} else {
		s.w.WriteString(",\n        ")
	}
	s.count++
	_, err = s.w.Write(b)
	return err
}

// finish writes the end of the response and flushes.
func (s *resultStream) finish(page simulate.Page) error {
	if s.count == 0 {
		s.w.WriteString("{\n    \"EvaluationResults\": [],\n")
	} else {
		s.w.WriteString("\n    ],\n")
	}
	s.w.WriteString("    \"IsTruncated\": " + strconv.FormatBool(page.IsTruncated))
	if page.Marker != "" {
		m, err := json.Marshal(page.Marker)
		if err != nil {
			return err
		}
		s.w.WriteString(",\n    \"Marker\": ")
		s.w.Write(m)
	}
	s.w.WriteString("\n}\n")
	return s.w.Flush()
}

// abort flushes what was written, so that the results before a problem
// are not lost, and reports whether anything was.
func (s *resultStream) abort() bool {
	s.w.Flush()
	return s.count > 0
}
