package snippet

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// withClientAuth adds the clientauth spec when a spec in specs imports it.
func withClientAuth(specs []Spec) []Spec {
	needs := []string{"go_client_credentials", "go_introspection_middleware",
		"go_token_exchange", "go_authcode_web"}
	for _, s := range specs {
		if slices.Contains(needs, s.ID) {
			return append(specs, goSpecByID("go_client_auth"))
		}
	}
	return specs
}

func goSpecByID(id string) Spec {
	for _, s := range specsOf("go") {
		if s.ID == id {
			return s
		}
	}
	return Spec{}
}

// mentionsPackage reports whether a code span or block of text names Go
// package pkg as a word (jwtauth, go/jwtauth, jwtauth.New), not inside
// another name.
func mentionsPackage(text, pkg string) bool {
	fences := regexp.MustCompile("(?s)```.*?```")
	spans := regexp.MustCompile("`[^`]+`")
	word := regexp.MustCompile(`(^|[^A-Za-z0-9_])` + pkg + `([^A-Za-z0-9_]|$)`)
	code := fences.FindAllString(text, -1)
	code = append(code, spans.FindAllString(fences.ReplaceAllString(text, ""), -1)...)
	for _, span := range code {
		if word.MatchString(strings.Trim(span, "`")) {
			return true
		}
	}
	return false
}

// TestReadmesMentionOnlyGeneratedPackages renders each Go snippet alone
// (with the clientauth package it needs) next to the nginx snippets, for
// every identity provider, and checks that no README names a Go package
// that was not written.
func TestReadmesMentionOnlyGeneratedPackages(t *testing.T) {
	all := goPackages(allSpecs())
	for _, idp := range IdPs() {
		for _, s := range specsOf("go") {
			specs := append(withClientAuth([]Spec{s}), specsOf("nginx")...)
			files, err := Render(templatesFS(), specs, DefaultParams(idp))
			if err != nil {
				t.Fatalf("%s with %s: %v", idp, s.ID, err)
			}
			written := goPackages(specs)
			// The nginx README can only point into the go/ folder.
			for readme, prefix := range map[string]string{
				"go/README.md": "", "nginx/README.md": "go/"} {
				text := fileData(t, files, readme)
				for _, pkg := range all {
					if !slices.Contains(written, pkg) && mentionsPackage(text, prefix+pkg) {
						t.Errorf("%s, only %v written: %s names package %s", idp, written,
							readme, pkg)
					}
				}
			}
		}
	}
}

func TestMentionsPackage(t *testing.T) {
	cases := []struct {
		text, pkg string
		want      bool
	}{
		{"use `jwtauth`", "jwtauth", true},
		{"see `go/jwtauth` here", "jwtauth", true},
		{"call `session.Manager.Login`", "session", true},
		{"`ClientKey: clientauth.Key{}`", "clientauth", true},
		{"jwtauth outside code", "jwtauth", false},
		{"`authcodeweb.New`", "authcode", false},
		{"`device_authorization_endpoint`", "device", false},
		{"```sh\ncd go\n```\nthe session `x`", "session", false},
		{"```sh\ngo run ./jwtauth\n```", "jwtauth", true},
	}
	for _, c := range cases {
		if got := mentionsPackage(c.text, c.pkg); got != c.want {
			t.Errorf("mentionsPackage(%q, %q) = %v", c.text, c.pkg, got)
		}
	}
}
