package findings_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/findings"
)

func TestParseSeverity(t *testing.T) {
	tests := map[string]findings.Severity{"error": findings.Error, "WARNING": findings.Warning,
		"warn": findings.Warning, "info": findings.Info, "none": findings.Never}
	for in, want := range tests {
		if got, err := findings.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := findings.ParseSeverity("fatal"); err == nil ||
		!strings.Contains(err.Error(), "error, warning, info, none") {
		t.Errorf("ParseSeverity(fatal) error = %v", err)
	}
}

func TestAtLeast(t *testing.T) {
	r := sampleReport()
	for sev, want := range map[findings.Severity]int{findings.Error: 1,
		findings.Warning: 2, findings.Info: 3, findings.Never: 0} {
		if got := r.AtLeast(sev); got != want {
			t.Errorf("AtLeast(%s) = %d, want %d", sev, got, want)
		}
	}
}

// TestJSONKeys checks the keys the README documents.
func TestJSONKeys(t *testing.T) {
	var buf bytes.Buffer
	if err := findings.Render(&buf, "json", sampleReport()); err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"command", "files", "findings", "counts", "suppressed"} {
		if _, ok := out[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	f := out["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "severity", "message", "advice", "sources",
		"anti_pattern", "file", "line", "column", "pointer"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
	if f["severity"] != "error" {
		t.Errorf("severity = %v", f["severity"])
	}
}

// TestBaselineRoundTrip writes a baseline from one folder and reads it
// from another: the same findings are known, a new one is not.
func TestBaselineRoundTrip(t *testing.T) {
	root := t.TempDir()
	fs := sampleReport().Findings[:2]
	w := &findings.Baseline{Dir: filepath.Join(root, "ci"), Cwd: root}
	data := w.Marshal("audit", fs)
	if !strings.Contains(string(data), `"file": "../api/petstore.yaml"`) {
		t.Errorf("baseline paths are not relative to its folder:\n%s", data)
	}
	r := &findings.Baseline{Dir: filepath.Join(root, "ci"), Cwd: filepath.Join(root, "api")}
	if err := r.Parse("ci/baseline.json", data); err != nil {
		t.Fatal(err)
	}
	moved := fs[0]
	moved.File, moved.Line = "petstore.yaml", 99
	fresh := moved
	fresh.Rule = "auth-basic"
	kept, n := r.Filter([]findings.Finding{moved, fresh})
	if n != 1 || len(kept) != 1 || kept[0].Rule != "auth-basic" {
		t.Errorf("Filter kept %+v, suppressed %d", kept, n)
	}
}

func TestBaselineProblems(t *testing.T) {
	tests := map[string]string{
		"[1, 2]":                        "baseline.json:1:1: a baseline is an object",
		`{"findings": [{"rule": "x"}]}`: `baseline.json:1:15: each finding needs a "file"`,
		"findings: [&a {}, *a]":         "YAML aliases",
		"":                              "file is empty",
		`{"findings": [`:                "baseline.json:1",
	}
	for in, want := range tests {
		err := (&findings.Baseline{}).Parse("baseline.json", []byte(in))
		var ps decision.Problems
		if !errors.As(err, &ps) || !strings.Contains(ps.Error(), want) {
			t.Errorf("Parse(%q) = %v, want a problem containing %q", in, err, want)
		}
	}
}
