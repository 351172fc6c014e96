package main

import (
	"encoding/json"
	"os"
)

// toolSummary is one tool's figures on one document: median wall-clock
// and mean CPU seconds, the number of runs, peak resident memory, and for
// the linters, their authentication findings and how many of those ours
// neither matched nor deliberately disagreed with.
type toolSummary struct {
	Seconds  float64 `json:"seconds"`
	CPU      float64 `json:"cpu_seconds"`
	Runs     int     `json:"runs"`
	PeakKB   int     `json:"peak_kb"`
	Findings int     `json:"auth_findings,omitempty"`
	Missed   int     `json:"missed,omitempty"`
}

type docSummary struct {
	Document string                 `json:"document"`
	Short    string                 `json:"short"`
	Bytes    int64                  `json:"bytes"`
	Tools    map[string]toolSummary `json:"tools"`
}

// writeSummary writes the per-document figures as JSON to path.
func writeSummary(path string, rows []findingRow, times []timingRow) error {
	var docs []docSummary
	for _, t := range times {
		d := docSummary{Document: t.doc, Short: short(t.doc), Bytes: t.size,
			Tools: map[string]toolSummary{}}
		for tool, m := range t.by {
			s := toolSummary{Seconds: m.seconds, CPU: m.cpu, Runs: m.runs, PeakKB: m.rssKB}
			for _, r := range rows {
				if r.doc == t.doc && r.tool == tool {
					s.Findings += r.total
					s.Missed += r.missed
				}
			}
			d.Tools[tool] = s
		}
		docs = append(docs, d)
	}
	data, err := json.MarshalIndent(docs, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
