package findings_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// FuzzBaseline feeds Parse arbitrary baselines: it must not panic, and a
// baseline it accepts filters without panicking.
func FuzzBaseline(f *testing.F) {
	b := &findings.Baseline{Dir: "/repo", Cwd: "/repo"}
	f.Add(b.Marshal("audit", sampleReport().Findings))
	f.Add([]byte(`{"findings": [{"rule": 1, "file": [], "pointer": {}}]}`))
	f.Add([]byte("findings: [&a {}, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &findings.Baseline{Dir: "/repo", Cwd: "/repo"}
		if r.Parse("baseline.json", data) == nil {
			r.Filter(sampleReport().Findings)
		}
	})
}
