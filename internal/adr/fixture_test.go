package adr

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// templateFS is the template folder of the repository, read from disk so
// that a test sees the template as edited.
func templateFS() fs.FS { return os.DirFS("../../templates") }

// fixedDate is the record date every test uses.
func fixedDate() time.Time { return time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC) }

// sampleRecommendation is a hand-built recommendation that exercises every
// part of the record, including text that needs escaping.
func sampleRecommendation() *decision.Recommendation {
	const file = "decisions/default.yaml"
	return &decision.Recommendation{
		Decisions: file,
		Answers: []decision.Answer{
			{Question: "client_type", Title: "What kind of client calls the API?",
				Values: []string{"server_m2m"}},
			{Question: "user_context", Title: "Whose authority does the call carry?",
				Values: []string{"none"}},
			{Question: "trust", Title: "Where does the client run relative to the API?",
				Values: []string{"partner_known"}},
			{Question: "token_lifetime", Title: "How long should credentials last?",
				Values: []string{"long_lived"}},
			{Question: "revocation", Title: "How fast must revoked access stop working?",
				Values: []string{"instant"}},
			{Question: "sensitivity", Title: "How sensitive are the data and operations?",
				Values: []string{"critical"}},
			{Question: "sensitive_operations", Title: "Which sensitive operations?",
				Values: []string{"payments", "bulk_export"}},
			{Question: "compliance", Title: "Which compliance regimes apply?",
				Values: []string{}, Defaulted: true},
		},
		Primary: []decision.Item{
			{ID: "oauth2_client_credentials", Title: "OAuth 2.0 client credentials",
				Why:     "A server calls for itself, so the client authenticates as itself.",
				Sources: []string{"OAuth 2.1 §4.2"}, Rule: "m2m (" + file + ":40)"},
			{ID: "mtls_client_auth", Title: "Mutual-TLS client authentication",
				Why:  "Partners hold certificates; `tls_client_auth` binds the client.",
				Rule: "partner_mtls (" + file + ":90)"},
		},
		Alternatives: []decision.Item{
			{ID: "private_key_jwt", Title: "private_key_jwt client authentication",
				Why:  "Use when no PKI exists | signs a JWT <assertion>.",
				Rule: "m2m (" + file + ":41)"},
		},
		Rejected: []decision.Item{
			{ID: "api_key", Title: "API key", Kind: decision.KindScheme,
				Why: "Not enough for critical resources."},
			{ID: "credentials_in_url", Title: "Credentials in URLs", Kind: decision.KindAntiPattern,
				Why: "URLs leak."},
		},
		Settings: []decision.Item{
			{ID: "short_lived_access_tokens", Title: "Short-lived access tokens",
				Why: "A leaked token is soon useless.", Value: "at most 5 minutes"},
			{ID: "cert_thumbprint_binding", Title: "Certificate thumbprint binding",
				Why:   "The API checks the token's certificate binding.",
				Value: "compare `cnf.x5t#S256` with the client certificate"},
		},
		Warnings: []decision.Item{
			{ID: "long_lived_bearer_access_token", Title: "Long-lived bearer access tokens",
				Why: "The answers ask for tokens that outlive the " +
					"mutual-TLS client authentication session.",
				Safe: "short-lived access tokens", Rule: "lifetime_conflict (" + file + ":70)"},
		},
		Migration: []decision.Item{
			{ID: "api_key", Title: "API key", Why: "in use today, and rejected",
				Safe: "replace it with OAuth 2.0 client credentials"},
		},
		Checklists: []decision.Checklist{
			{ID: "mtls_client_auth", Title: "Mutual-TLS client authentication",
				Items: []string{"Certificates issued per client", "Expiry < 90 days"}},
			{ID: "empty", Title: "Nothing to check", Items: nil},
		},
		Sources: []decision.SourceRef{
			{ID: "rfc8705", Title: "RFC 8705: OAuth 2.0 Mutual-TLS [mTLS]",
				URL: "https://www.rfc-editor.org/rfc/rfc8705", Sections: []string{"§2", "§3"}},
			{ID: "bad", Title: "A source with a script link", URL: "javascript:alert(1)"},
		},
		Trace: []decision.Step{
			{Kind: decision.StepNode, ID: "client", File: file, Line: 10},
			{Kind: decision.StepOutcome, ID: "m2m", File: file, Line: 40},
			{Kind: decision.StepPolicy, ID: "partner_mtls", File: file, Line: 90},
			{Kind: decision.StepPolicy, ID: "extra", File: "other.yaml", Line: 3},
		},
	}
}

// sampleMeta is the meta of the golden record.
func sampleMeta() Meta {
	return Meta{
		Title:          "Authenticate partner <batch> jobs | payouts",
		Status:         "Accepted",
		Date:           fixedDate(),
		DecisionMakers: []string{"Ana Lima", `Bo "the reviewer" Chen`},
		Consulted:      []string{"security team"},
		Supersedes:     7,
		SupersedesFile: "0007-use-api-keys.md",
	}
}

// writeFiles creates empty or given files under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
