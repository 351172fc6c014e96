package findings_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/findings/sariftest"
)

// sampleReport has a finding of each severity, related locations, an
// anti-pattern and text that a hostile document could carry.
func sampleReport() *findings.Report {
	rules := []findings.Rule{
		{ID: "auth-oauth2-implicit", Severity: findings.Error, Title: "Implicit flow",
			Description: "The implicit flow is deprecated.", Sources: []string{"RFC 9700 §2.1.2"},
			AntiPattern: "implicit_grant", HelpURL: "https://www.rfc-editor.org/rfc/rfc9700"},
		{ID: "auth-missing-401-403", Severity: findings.Info, Title: "No 401",
			Description: "No 401 documented.", Sources: []string{"RFC 6750 §3.1"}},
		{ID: "auth-basic", Severity: findings.Warning, Title: "Basic",
			Description: "Basic authentication."},
	}
	return &findings.Report{
		Command: "audit", Version: "v0.0.0-test", Rules: rules,
		Files: []string{"api/petstore.yaml", "other dir/spec.json"},
		Findings: []findings.Finding{
			{Rule: "auth-oauth2-implicit", Severity: findings.Error,
				Message: "scheme \"x\x1b[31m\" offers the implicit flow <b>",
				Advice:  "Use the code flow.", Sources: []string{"RFC 9700 §2.1.2"},
				AntiPattern: "implicit_grant",
				Location: findings.Location{File: "api/petstore.yaml", Line: 14, Column: 7,
					Pointer: "/components/securitySchemes/x/flows/implicit"}},
			{Rule: "auth-missing-401-403", Severity: findings.Info, Message: "2 of 2 | ops",
				Sources:  []string{"RFC 6750 §3.1"},
				Location: findings.Location{File: "other dir/spec.json", Line: 3, Column: 1},
				Related: []findings.Location{{File: "other dir/spec.json", Line: 9,
					Column: 5, Pointer: "/paths/~1a/get", Note: "GET /a"}}},
			{Rule: "auth-basic", Severity: findings.Warning, Message: "basic",
				Sources:  []string{},
				Location: findings.Location{File: "/abs/spec.yaml", Line: 1, Column: 1}},
		},
	}
}

// TestSARIFValidates checks the SARIF output against the SARIF 2.1.0
// schema, for a report with findings and for an empty one.
func TestSARIFValidates(t *testing.T) {
	schema := sariftest.Schema(t)
	for name, r := range map[string]*findings.Report{
		"findings": sampleReport(),
		"empty":    {Command: "audit", Files: []string{"a.yaml"}},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := findings.Render(&buf, "sarif", r); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("SARIF does not validate: %v\n%s", err, buf.String())
			}
		})
	}
}

// TestSARIFContent checks what code scanning reads: one rule entry per
// rule with descriptions, levels, regions, relative and file URIs, and a
// fingerprint that does not depend on the line.
func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := findings.Render(&buf, "sarif", sampleReport()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 3 || run.Tool.Driver.Rules[0].ShortDescription.Text == "" {
		t.Errorf("rules = %+v", run.Tool.Driver.Rules)
	}
	want := []struct{ level, uri string }{
		{"error", "api/petstore.yaml"}, {"note", "other%20dir/spec.json"},
		{"warning", "file:///abs/spec.yaml"},
	}
	for i, w := range want {
		res := run.Results[i]
		loc := res.Locations[0].PhysicalLocation
		if res.Level != w.level || loc.ArtifactLocation.URI != w.uri {
			t.Errorf("result %d: level %s uri %s, want %s %s", i, res.Level,
				loc.ArtifactLocation.URI, w.level, w.uri)
		}
	}
	if r := run.Results[0].Locations[0].PhysicalLocation.Region; r.StartLine != 14 ||
		r.StartColumn != 7 {
		t.Errorf("region = %+v, want 14:7", r)
	}
	moved := sampleReport().Findings[0]
	moved.Line += 40
	if findings.Fingerprint(moved) != run.Results[0].PartialFingerprints["authadvisor/v1"] {
		t.Error("the fingerprint changed when the finding moved down 40 lines")
	}
}

// TestTextNeutralisesControlCharacters checks that escapes from a
// document never reach the terminal, and that Markdown escapes HTML.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	var text, md bytes.Buffer
	if err := findings.Render(&text, "text", sampleReport()); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(text.String(), '\x1b') {
		t.Errorf("text output carries an escape character:\n%q", text.String())
	}
	if !strings.Contains(text.String(),
		"api/petstore.yaml:14:7: error: scheme \"x[31m\" offers the implicit flow <b> "+
			"[auth-oauth2-implicit]") {
		t.Errorf("text output:\n%s", text.String())
	}
	if err := findings.Render(&md, "markdown", sampleReport()); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\x1b", "<b>", "2 of 2 | ops"} {
		if strings.Contains(md.String(), bad) {
			t.Errorf("Markdown output carries %q:\n%s", bad, md.String())
		}
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	err := findings.Render(&bytes.Buffer{}, "yaml", sampleReport())
	if err == nil || !strings.Contains(err.Error(), "text, json, sarif, markdown") {
		t.Errorf("err = %v", err)
	}
}
