package findings

import (
	"encoding/json"
	"io"
)

// jsonReport is the JSON form of a report; its keys are a contract
// documented in the README.
type jsonReport struct {
	Command    string    `json:"command"`
	Files      []string  `json:"files"`
	Subjects   []Subject `json:"subjects,omitempty"`
	Findings   []Finding `json:"findings"`
	Counts     Counts    `json:"counts"`
	Suppressed int       `json:"suppressed"`
}

// writeJSON writes the report as one indented JSON object.
func writeJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		Command: r.Command, Files: nonNil(r.Files), Subjects: r.Subjects,
		Findings: r.Findings, Counts: r.Count(), Suppressed: r.Suppressed,
	}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
