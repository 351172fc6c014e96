package inventory_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/inventory"
)

// server is the answers of a CI job that calls the API with no user.
const server = `{client_type: server_m2m, user_context: none, trust: public_internet,
      can_hold_secret: "yes", has_browser: "no", token_lifetime: minutes,
      revocation: eventual, sensitivity: medium, sensitive_operations: [], compliance: []}`

func check(t *testing.T, doc string) ([]findings.Subject, []findings.Finding) {
	t.Helper()
	f := decisions.Snapshot()
	inv, err := inventory.Parse("inv.yaml", []byte(doc), f)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	subjects, found, err := inventory.Check(inv, f)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return subjects, found
}

func TestVerdicts(t *testing.T) {
	tests := []struct {
		current, status, rule string
	}{
		{"[oauth2_client_credentials]", inventory.StatusMatch, ""},
		{"[restricted_api_key]", inventory.StatusAlternative, "check-alternative"},
		{"[api_key]", inventory.StatusMismatch, "check-mismatch"},
		{"[]", inventory.StatusMismatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.current, func(t *testing.T) {
			subjects, found := check(t, "integrations:\n  - name: ci\n    answers: "+server+
				"\n    current: "+tt.current+"\n")
			if len(subjects) != 1 || subjects[0].Status != tt.status {
				t.Fatalf("subjects = %+v, want status %s", subjects, tt.status)
			}
			if !strings.Contains(subjects[0].Detail, "OAuth 2.0 client credentials") {
				t.Errorf("detail does not name the recommended scheme: %s", subjects[0].Detail)
			}
			var rules []string
			for _, f := range found {
				rules = append(rules, f.Rule)
			}
			if strings.Join(rules, ",") != tt.rule {
				t.Errorf("findings %v, want %q", rules, tt.rule)
			}
		})
	}
}

func TestSharedCredentialCountsIntegrationsOnce(t *testing.T) {
	_, found := check(t, `integrations:
  - {name: a, answers: `+server+`, current: [oauth2_client_credentials], credential: [k1, k1]}
  - {name: b, answers: `+server+`, current: [oauth2_client_credentials], credential: k2}
  - {name: c, answers: `+server+`, current: [oauth2_client_credentials], credential: k1}
`)
	if len(found) != 1 || found[0].Rule != "check-shared-credential" ||
		!strings.Contains(found[0].Message, `"k1" is shared by 2 integrations: a, c`) ||
		len(found[0].Related) != 1 || found[0].Line != 4 || found[0].Related[0].Line != 10 {
		t.Errorf("findings = %d: %s at %d, related %v", len(found), found[0].Message,
			found[0].Line, found[0].Related)
	}
}

func TestAntiPatternCarriesItsID(t *testing.T) {
	_, found := check(t, "integrations:\n  - name: ci\n    answers: "+server+
		"\n    current: [oauth2_client_credentials, credentials_in_url]\n")
	if len(found) != 1 || found[0].AntiPattern != "credentials_in_url" ||
		found[0].Severity != findings.Error || found[0].Advice == "" {
		t.Errorf("findings = %+v", found)
	}
}

func TestInventoryProblems(t *testing.T) {
	f := decisions.Snapshot()
	tests := map[string]string{
		"integrations: []": "inv.yaml:1:1: an inventory needs an `integrations` list",
		"[1]":              "inv.yaml:1:1: an inventory is a mapping",
		"extra: 1\nintegrations: [{name: a, current: []}]": `unknown field "extra"`,
		"integrations:\n  - name: a\n    answers: {current_schemes: [api_key]}\n" +
			"    current: []": "answers current_schemes as well as `current`",
		"integrations:\n  - name: a\n    current: [pkce_s256]": `"pkce_s256" is not a scheme`,
	}
	for in, want := range tests {
		_, err := inventory.Parse("inv.yaml", []byte(in), f)
		var ps decision.Problems
		if !errors.As(err, &ps) || !strings.Contains(ps.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", in, err, want)
		}
	}
}
