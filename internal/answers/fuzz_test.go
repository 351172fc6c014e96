package answers_test

import (
	"errors"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// FuzzParse feeds arbitrary answers files: no panic, and either answers
// that name known questions with allowed values, or problems with a file
// name.
func FuzzParse(f *testing.F) {
	f.Add([]byte("client_type: spa_browser\ncompliance: [fapi]\n"))
	f.Add([]byte("client_type: &a x\nuser_context: *a\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("compliance: fapi\nclient_type: [a]\n"))
	file := decisions.Snapshot()
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := answers.Parse("fuzz.yaml", data, file)
		if err != nil {
			var ps decision.Problems
			if !errors.As(err, &ps) || len(ps) == 0 || ps[0].File != "fuzz.yaml" {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for id, vals := range a {
			q := file.Question(id)
			if q == nil {
				t.Fatalf("unknown question %q accepted", id)
			}
			if err := answers.Check(q, vals); err != nil {
				t.Fatalf("bad value accepted: %v", err)
			}
		}
	})
}

// FuzzParseSet feeds arbitrary `--set` entries.
func FuzzParseSet(f *testing.F) {
	f.Add("compliance=fapi,pci_dss")
	f.Add("=x")
	f.Add("sensitivity=\x1b[31m")
	file := decisions.Snapshot()
	f.Fuzz(func(t *testing.T, entry string) {
		id, vals, err := answers.ParseSet(file, entry)
		if err != nil {
			return
		}
		if err := answers.Check(file.Question(id), vals); err != nil {
			t.Fatalf("bad value accepted for %q: %v", entry, err)
		}
	})
}
