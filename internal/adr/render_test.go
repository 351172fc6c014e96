package adr

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/authadvisor/authadvisor/internal/decision"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are the records compared byte for byte with testdata/golden.
func goldenCases() map[string]struct {
	rec  *decision.Recommendation
	meta Meta
} {
	return map[string]struct {
		rec  *decision.Recommendation
		meta Meta
	}{
		"full": {rec: sampleRecommendation(), meta: sampleMeta()},
		"minimal": {
			rec: &decision.Recommendation{Primary: []decision.Item{
				{ID: "bff", Title: "Backend for frontend (BFF)", Why: "Tokens stay on the server."},
			}},
			meta: Meta{Title: "Keep tokens out of the browser", Date: fixedDate()},
		},
	}
}

func TestRenderGolden(t *testing.T) {
	for name, tc := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			got, err := Render(templateFS(), tc.rec, tc.meta, 8)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Render(templateFS(), tc.rec, tc.meta, 8)
			if err != nil || !bytes.Equal(got, again) {
				t.Fatalf("rendering twice gave different bytes (err %v)", err)
			}
			compareGolden(t, filepath.Join("testdata", "golden", name+".md"), got)
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./internal/adr -update` to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered record; got:\n%s", path, got)
	}
}

// TestRenderLayout checks the MADR 4.0 layout itself, so that a golden
// file refreshed with -update cannot quietly lose a section.
func TestRenderLayout(t *testing.T) {
	out, err := Render(templateFS(), sampleRecommendation(), sampleMeta(), 8)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)

	front := "---\nstatus: \"accepted\"\ndate: 2026-03-14\ndecision-makers:\n" +
		"  - \"Ana Lima\"\n  - \"Bo \\\"the reviewer\\\" Chen\"\nconsulted:\n" +
		"  - \"security team\"\ntags: [authentication]\n---\n\n"
	if !strings.HasPrefix(text, front) {
		t.Errorf("front matter:\n%s\nwant:\n%s", text[:min(len(text), len(front)+40)], front)
	}

	want := []string{
		"# Authenticate partner &lt;batch&gt; jobs \\| payouts",
		"## Context and Problem Statement", "## Decision Drivers", "## Considered Options",
		"## Decision Outcome", "### Consequences", "### Confirmation",
		"## Pros and Cons of the Options", "### OAuth 2.0 client credentials",
		"### Mutual-TLS client authentication", "### private_key_jwt client authentication",
		"## More Information",
	}
	if got := headings(text); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, part := range []string{
		"Chosen option: \"OAuth 2.0 client credentials + Mutual-TLS client authentication\", " +
			"because a server calls for itself",
		"Supersedes [ADR-0007](0007-use-api-keys.md)\n",
		"`tls_client_auth`", // code spans kept as written
		"no PKI exists \\| signs a JWT &lt;assertion&gt;.",
		"* A source with a script link\n", // no link for a javascript: URL
		"[RFC 8705: OAuth 2.0 Mutual-TLS \\[mTLS\\]](https://www.rfc-editor.org/rfc/rfc8705)",
	} {
		if !strings.Contains(text, part) {
			t.Errorf("record lacks %q", part)
		}
	}
	for _, part := range []string{"<batch>", "<assertion>", "javascript:"} {
		if strings.Contains(text, part) {
			t.Errorf("record holds %q unescaped", part)
		}
	}
	if strings.Contains(text, "\n- ") || strings.Contains(text, "\n\n\n") ||
		!strings.HasSuffix(text, ")\n") {
		t.Error("record uses '-' bullets, doubled blank lines or a ragged end")
	}
}

// headings lists the Markdown headings outside the front matter.
func headings(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func TestRenderMinimalOmitsEmptyParts(t *testing.T) {
	tc := goldenCases()["minimal"]
	out, err := Render(templateFS(), tc.rec, tc.meta, 1)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, absent := range []string{"decision-makers", "consulted", "informed",
		"## Decision Drivers", "### Consequences", "Supersedes", "Neutral"} {
		if strings.Contains(text, absent) {
			t.Errorf("minimal record holds %q", absent)
		}
	}
	if !strings.Contains(text, "status: \"proposed\"\n") {
		t.Error("minimal record is not proposed by default")
	}
}

func TestRenderErrors(t *testing.T) {
	meta := Meta{Title: "Use BFF", Date: fixedDate()}
	rec := goldenCases()["minimal"].rec
	tests := []struct {
		name    string
		err     func() error
		errPart string
	}{
		{"no template", func() error {
			_, err := Render(fstest.MapFS{}, rec, meta, 1)
			return err
		}, TemplateName},
		{"broken template", func() error {
			fsys := fstest.MapFS{TemplateName: {Data: []byte("{{.Nope")}}
			_, err := Render(fsys, rec, meta, 1)
			return err
		}, TemplateName},
		{"unknown field", func() error {
			fsys := fstest.MapFS{TemplateName: {Data: []byte("{{.Nope}}")}}
			_, err := Render(fsys, rec, meta, 1)
			return err
		}, "Nope"},
		{"bad meta", func() error {
			_, err := Render(templateFS(), rec, Meta{Title: "a\nb", Date: fixedDate()}, 1)
			return err
		}, "spans lines"},
		{"no recommendation", func() error {
			_, err := Render(templateFS(), nil, meta, 1)
			return err
		}, "no recommendation"},
		{"bad number", func() error {
			_, err := Render(templateFS(), rec, meta, 0)
			return err
		}, "at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.err(); err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("error = %v; want one mentioning %q", err, tt.errPart)
			}
		})
	}
}
