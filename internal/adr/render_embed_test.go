package adr

import (
	"bytes"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// TestRenderEmbedded proves the binary carries the same record template as
// the repository.
func TestRenderEmbedded(t *testing.T) {
	fromDisk, err := Render(templateFS(), sampleRecommendation(), sampleMeta(), 8)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := Render(templates.FS(), sampleRecommendation(), sampleMeta(), 8)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fromDisk, embedded) {
		t.Error("the embedded adr.md.tmpl differs from templates/adr.md.tmpl")
	}
}

// TestRenderDefaultDecisions renders a recommendation of the default
// decision file, so the record is checked against real rules as well as
// the hand-built one.
func TestRenderDefaultDecisions(t *testing.T) {
	f, err := decision.Load(decisions.DefaultName, decisions.Default, nil)
	if err != nil {
		t.Fatalf("default decision file: %v", err)
	}
	rec, err := f.Evaluate(decision.Answers{
		"client_type": {"spa_browser"}, "user_context": {"end_user_first_party"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"},
		"token_lifetime": {"long_lived"}, "revocation": {"instant"},
		"sensitivity": {"high"}, "sensitive_operations": {"payments"},
		"compliance": {"pci_dss"},
	})
	if err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	out, err := Render(templateFS(), rec, Meta{Title: "Sign users in to the SPA",
		Date: fixedDate()}, 3)
	if err != nil {
		t.Fatal(err)
	}

	text := string(out)
	order := []string{"\n# Sign users in to the SPA\n", "\n## Context and Problem Statement\n",
		"\n## Decision Drivers\n", "\n## Considered Options\n", "\n## Decision Outcome\n",
		"\nChosen option: \"" + rec.Primary[0].Title, "\n### Consequences\n",
		"\n### Confirmation\n", "\n## Pros and Cons of the Options\n",
		"\n## More Information\n", "\n* Decision file: `decisions/default.yaml`\n"}
	at := 0
	for _, part := range order {
		i := strings.Index(text[at:], part)
		if i < 0 {
			t.Fatalf("%q missing or out of order", part)
		}
		at += i + len(part)
	}
	if strings.Contains(text, "\n\n\n") || strings.Contains(text, " \n") {
		t.Error("record holds doubled blank lines or trailing spaces")
	}
}
