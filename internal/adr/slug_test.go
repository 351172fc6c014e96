package adr

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct {
		name, title, want string
		wantErr           bool
	}{
		{name: "plain", title: "Use OAuth client credentials",
			want: "use-oauth-client-credentials"},
		{name: "accents", title: "Décision: accès réservé à l'équipe",
			want: "decision-acces-reserve-a-l-equipe"},
		{name: "ligatures and sharp s", title: "Œuvre Straße Ærø", want: "oeuvre-strasse-aero"},
		{name: "punctuation collapses", title: "mTLS -- or -- DPoP?!", want: "mtls-or-dpop"},
		{name: "dashes trimmed", title: "  --Edge case--  ", want: "edge-case"},
		{name: "digits kept", title: "RFC 9700 §2.1", want: "rfc-9700-2-1"},
		{name: "non-latin becomes dashes", title: "认证 API 方案", want: "api"},
		{name: "dotted capital I", title: "İstanbul", want: "istanbul"},
		{name: "path climbing", title: "../../etc/passwd", want: "etc-passwd"},
		{name: "control characters", title: "a\x00b\x1b[31mc", want: "a-b-31mc"},
		{name: "long cut at a dash", title: long, want: strings.TrimSuffix(
			strings.Repeat("word-", 12), "-")},
		{name: "long without dashes", title: strings.Repeat("x", 80),
			want: strings.Repeat("x", 60)},
		{name: "dash just after the limit", title: strings.Repeat("a", 60) + " b",
			want: strings.Repeat("a", 60)},
		{name: "empty", title: "", wantErr: true},
		{name: "only symbols", title: "¿¡ ... !?", wantErr: true},
		{name: "only dots", title: "..", wantErr: true},
		{name: "only non-latin", title: "日本語", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Slug(tt.title)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Slug(%q) = %q, want an error", tt.title, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Slug(%q): %v", tt.title, err)
			}
			if got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
			}
			checkSlugShape(t, got)
		})
	}
}

// checkSlugShape asserts what every slug promises, whatever the title.
func checkSlugShape(t *testing.T, slug string) {
	t.Helper()
	if len(slug) == 0 || len(slug) > maxSlug {
		t.Errorf("slug %q has length %d", slug, len(slug))
	}
	if strings.Contains(slug, "..") || strings.Contains(slug, "/") ||
		strings.Contains(slug, "--") || strings.HasPrefix(slug, "-") ||
		strings.HasSuffix(slug, "-") {
		t.Errorf("slug %q is malformed", slug)
	}
	for _, c := range slug {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			t.Errorf("slug %q holds %q", slug, c)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, seed := range []string{"Use BFF", "../../etc", "é\x00/", strings.Repeat("ab ", 40)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, title string) {
		slug, err := Slug(title)
		if err == nil {
			checkSlugShape(t, slug)
		}
	})
}
