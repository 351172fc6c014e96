package decisions_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// BenchmarkSnapshot measures loading the built-in decision file as every
// command does: building it from the generated snapshot, with no YAML
// parsed.
func BenchmarkSnapshot(b *testing.B) {
	for b.Loop() {
		if f := decisions.Snapshot(); len(f.Questions) == 0 {
			b.Fatal("no questions in the snapshot")
		}
	}
}

// BenchmarkLoad measures loading a decision file given with --decisions:
// parsing the YAML with positions, then validating it, templates
// included. The built-in file is the input.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := decision.Load(decisions.DefaultName, decisions.Default, templates.FS()); err != nil {
			b.Fatal(err)
		}
	}
}
