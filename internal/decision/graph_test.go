package decision_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/authadvisor/authadvisor/internal/decision"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}

func TestGraphGolden(t *testing.T) {
	f := loadDefault(t)
	rec, err := f.Evaluate(decision.Answers{
		"client_type": {"spa_browser"}, "user_context": {"end_user_delegated"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"}, "token_lifetime": {"minutes"},
		"revocation": {"eventual"}, "sensitivity": {"high"}, "sensitive_operations": {},
		"compliance": {},
	})
	if err != nil {
		t.Fatal(err)
	}
	var path []string
	for _, s := range rec.Trace {
		if s.Kind != decision.StepPolicy {
			path = append(path, s.ID)
		}
	}
	for _, tt := range []struct {
		name, format string
		path         []string
	}{
		{"tree.mmd", "mermaid", nil},
		{"tree.dot", "dot", nil},
		{"tree-spa-high.mmd", "mermaid", path},
		{"tree-spa-high.dot", "dot", path},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := f.Graph(tt.format, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, out)
		})
	}
	if _, err := f.Graph("svg", nil); err == nil {
		t.Error("Graph accepted an unknown format")
	}
}
