package report_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/templates"
)

var update = flag.Bool("update", false, "rewrite golden files")

// cases are answer sets whose reports are kept as golden files.
var cases = map[string]decision.Answers{
	"spa-high-bff": {
		"client_type": {"spa_browser"}, "user_context": {"end_user_delegated"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"}, "token_lifetime": {"minutes"},
		"revocation": {"eventual"}, "sensitivity": {"high"}, "sensitive_operations": {},
		"compliance": {}, "gateway": {"nginx"},
	},
	"m2m-master-key-migration": {
		"client_type": {"server_m2m"}, "user_context": {"none"}, "trust": {"public_internet"},
		"can_hold_secret": {"yes"}, "has_browser": {"no"}, "token_lifetime": {"days"},
		"revocation": {"eventual"}, "sensitivity": {"medium"}, "sensitive_operations": {},
		"compliance": {}, "current_schemes": {"master_credentials_in_production", "api_key"},
	},
	"mobile-payments-fapi": {
		"client_type": {"native_mobile"}, "user_context": {"end_user_first_party"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"}, "token_lifetime": {"minutes"},
		"revocation": {"instant"}, "sensitivity": {"critical"},
		"sensitive_operations": {"payments", "credential_change"}, "compliance": {"fapi"},
	},
}

func evaluate(t testing.TB, a decision.Answers) *decision.Recommendation {
	t.Helper()
	f, err := decision.Load(decisions.DefaultName, decisions.Default, templates.FS())
	if err != nil {
		t.Fatal(err)
	}
	rec, err := f.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}

func TestGolden(t *testing.T) {
	ext := map[string]string{"markdown": ".md", "text": ".txt", "json": ".json"}
	for name, a := range cases {
		rec := evaluate(t, a)
		for _, format := range report.Formats {
			t.Run(name+"/"+format, func(t *testing.T) {
				out, err := report.Render(templates.FS(), format, rec)
				if err != nil {
					t.Fatal(err)
				}
				golden(t, name+ext[format], out)
			})
		}
	}
}

func TestJSONContract(t *testing.T) {
	out, err := report.JSON(evaluate(t, cases["spa-high-bff"]))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"answers", "primary", "alternatives", "rejected", "settings",
		"warnings", "trace", "snippets", "sources"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	var items []map[string]any
	for _, key := range []string{"primary", "alternatives", "rejected", "settings", "warnings"} {
		if err := json.Unmarshal(doc[key], &items); err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			for _, field := range []string{"id", "title", "why"} {
				if s, _ := it[field].(string); s == "" {
					t.Errorf("%s item %v has no %s", key, it["id"], field)
				}
			}
		}
	}
}

// hostile is a recommendation whose texts try to break out of Markdown
// and to drive a terminal.
func hostile() *decision.Recommendation {
	evil := "a|b <script>alert(1)</script> \x1b[31mred\x1b[0m\nnext"
	it := decision.Item{ID: "x", Title: evil, Why: evil, Value: evil, Safe: evil, Sources: []string{evil}}
	return &decision.Recommendation{
		Answers: []decision.Answer{{Question: "q", Title: evil, Values: []string{evil}}},
		Primary: []decision.Item{it}, Settings: []decision.Item{it}, Warnings: []decision.Item{it},
		Trace: []decision.Step{{Kind: decision.StepNode, ID: "n", Title: `say "hi"` + evil,
			Answer: []string{"v"}, File: "f", Line: 1}},
		Decisions: "d.yaml",
	}
}

func TestHostileTextIsNeutralised(t *testing.T) {
	for _, format := range []string{"markdown", "text"} {
		out, err := report.Render(templates.FS(), format, hostile())
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(s, "\x1b") {
			t.Errorf("%s output keeps an escape sequence", format)
		}
		if format == "markdown" {
			if strings.Contains(s, "<script>") {
				t.Error("markdown output keeps raw HTML")
			}
			for _, line := range strings.Split(s, "\n") {
				if strings.HasPrefix(line, "|") && strings.Contains(line, "a|b") {
					t.Errorf("a pipe inside a table cell is not escaped: %q", line)
				}
			}
		}
	}
}

func TestMermaidLabelsAreQuoted(t *testing.T) {
	m := report.Mermaid(hostile())
	if strings.Contains(m, `"hi"`) || strings.Contains(m, "<script>") {
		t.Errorf("unescaped label in:\n%s", m)
	}
	if !strings.HasPrefix(m, "flowchart TD\n") {
		t.Errorf("not a flowchart:\n%s", m)
	}
}
