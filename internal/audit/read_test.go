package audit_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/audit"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// TestJSONAndYAMLAgree audits the same document written as YAML and as
// JSON and expects the same findings at the same pointers.
func TestJSONAndYAMLAgree(t *testing.T) {
	yamlDoc := `openapi: 3.0.0
components:
  securitySchemes:
    q: {type: apiKey, in: query, name: key}
paths:
  /a:
    get: {security: [{q: []}]}
    delete: {}
`
	jsonDoc := `{
  "openapi": "3.0.0",
  "components": {"securitySchemes": {"q": {"type": "apiKey", "in": "query", "name": "key"}}},
  "paths": {"/a": {"get": {"security": [{"q": []}]}, "delete": {}}}
}`
	a, b := run(t, yamlDoc), run(t, jsonDoc)
	if got, want := pointers(b), pointers(a); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("JSON findings %v, YAML findings %v", got, want)
	}
	if len(a.Findings) < 3 {
		t.Errorf("expected at least 3 findings, got %v", pointers(a))
	}
}

func pointers(res audit.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Rule+"@"+f.Pointer)
	}
	sort.Strings(out)
	return out
}

// TestReferences follows parameter and path item references, and reports
// cycles and references to nothing at the reference.
func TestFollowsReferences(t *testing.T) {
	res := run(t, `openapi: 3.1.0
components:
  securitySchemes:
    k: {$ref: '#/components/securitySchemes/real'}
    real: {type: apiKey, in: query, name: key}
  parameters:
    pw: {$ref: '#/components/parameters/pw2'}
    pw2: {name: password, in: query}
  pathItems:
    shared:
      get:
        parameters: [{$ref: '#/components/parameters/pw'}]
security: [{k: []}]
paths:
  /a: {$ref: '#/components/pathItems/shared'}
  /b:
    get:
      parameters: [{$ref: 'other.yaml#/components/parameters/x'}]
`)
	check(t, res, []want{
		{"auth-credential-in-url", "error", "8:10", `"password"`},
		{"auth-apikey-in-query", "error", "4:5", `"k"`},
		{"auth-apikey-in-query", "warning", "5:30", `"real"`},
	})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "api.yaml:18:27: $ref") {
		t.Errorf("notes = %q, want one about the other document", res.Notes)
	}
}

func TestInputProblems(t *testing.T) {
	tests := map[string]struct{ doc, want string }{
		"cycle": {`openapi: 3.0.0
components:
  parameters:
    a: {$ref: '#/components/parameters/b'}
    b: {$ref: '#/components/parameters/a'}
paths:
  /x: {get: {parameters: [{$ref: '#/components/parameters/a'}]}}
`, "api.yaml:5:15: $ref cycle: #/components/parameters/a -> #/components/parameters/b -> " +
			"#/components/parameters/a"},
		"missing": {`openapi: 3.0.0
paths:
  /x: {get: {parameters: [{$ref: '#/components/parameters/nope'}]}}
`, `api.yaml:3:34: $ref "#/components/parameters/nope" points to nothing`},
		"aliases": {`openapi: 3.0.0
x-base: &b {type: http, scheme: basic}
components: {securitySchemes: {a: *b}}
paths: {}
`, "YAML aliases (*b) are not supported"},
		"not openapi": {"name: x\nversion: 1\n",
			"api.yaml:1:1: not an OpenAPI or Swagger document"},
		"empty": {"", "api.yaml: file is empty"},
		"broken": {"openapi: 3.0.0\npaths:\n  /a: {get: [}\n",
			"api.yaml:2: did not find expected node content"},
		"list": {"- openapi: 3.0.0\n", "not an OpenAPI or Swagger document"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := audit.Read("api.yaml", []byte(tt.doc))
			var ps decision.Problems
			if !errors.As(err, &ps) || !strings.Contains(ps.Error(), tt.want) {
				t.Errorf("Read = %v, want a problem containing %q", err, tt.want)
			}
		})
	}
}

// TestInlineIgnore switches rules off where x-authadvisor-ignore appears
// and notes unknown rule ids.
func TestInlineIgnore(t *testing.T) {
	res := run(t, `openapi: 3.0.0
x-authadvisor-ignore: [auth-missing-401-403]
components:
  securitySchemes:
    q: {type: apiKey, in: query, name: key, x-authadvisor-ignore: auth-apikey-in-query}
security: [{q: []}]
paths:
  /login:
    post:
      security: []
      x-authadvisor-ignore: [auth-operation-public, auth-no-such-rule]
      parameters: [{name: password, in: query}]
  /other:
    x-authadvisor-ignore: all
    get: {parameters: [{name: password, in: query}]}
`)
	check(t, res, []want{{"auth-credential-in-url", "error", "12:20", `"password"`}},
		"auth-apikey-in-query", "auth-operation-public", "auth-missing-401-403")
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0],
		`api.yaml:11:7: x-authadvisor-ignore names unknown rule "auth-no-such-rule"`) {
		t.Errorf("notes = %q", res.Notes)
	}
}

func TestSwaggerOperationSchemes(t *testing.T) {
	res := run(t, `swagger: "2.0"
host: api.example.com
schemes: [https]
securityDefinitions: {k: {type: apiKey, in: header, name: K}}
security: [{k: []}]
paths:
  /a:
    get:
      schemes: [http, https]
`)
	check(t, res, []want{{"auth-insecure-transport", "error", "9:17", "http://api.example.com"}})
}

func TestSelect(t *testing.T) {
	sel, err := audit.Select([]string{"auth-basic", "auth-oauth2-implicit"},
		[]string{"auth-oauth2-implicit"})
	if err != nil || !sel["auth-basic"] || sel["auth-oauth2-implicit"] || sel["auth-no-security"] {
		t.Errorf("Select = %v, %v", sel, err)
	}
	if _, err := audit.Select(nil, []string{"auth-nope"}); err == nil ||
		!strings.Contains(err.Error(), `unknown rule "auth-nope"; rules are: auth-no-security,`) {
		t.Errorf("Select(unknown) error = %v", err)
	}
}

// TestRulesAreDescribed checks every rule has what SARIF and the README
// need: a unique id, a title, a description, a source and a help link.
func TestRulesAreDescribed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range audit.Rules() {
		if seen[r.ID] || !strings.HasPrefix(r.ID, "auth-") {
			t.Errorf("duplicate or oddly named rule %q", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Description == "" || len(r.Sources) == 0 ||
			!strings.HasPrefix(r.HelpURL, "https://") || r.Severity == 0 {
			t.Errorf("rule %s is not fully described: %+v", r.ID, r)
		}
	}
}
