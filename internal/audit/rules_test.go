package audit_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/audit"
	"github.com/authadvisor/authadvisor/internal/findings"
)

// run audits a document given as text with every rule.
func run(t *testing.T, doc string) audit.Result {
	t.Helper()
	d, err := audit.Read("api.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	sel, _ := audit.Select(nil, nil)
	return audit.Audit(d, sel)
}

// want is a finding a case expects: rule, severity, position and a part
// of the message.
type want struct {
	rule, sev, at, msg string
}

func (w want) match(f findings.Finding) bool {
	return f.Rule == w.rule && f.Severity.String() == w.sev &&
		fmt.Sprintf("%d:%d", f.Line, f.Column) == w.at && strings.Contains(f.Message, w.msg)
}

// check expects exactly the wanted findings of the rules named in wants
// and none of the rules in absent.
func check(t *testing.T, res audit.Result, wants []want, absent ...string) {
	t.Helper()
	rules := map[string]bool{}
	for _, w := range wants {
		rules[w.rule] = true
	}
	var got []findings.Finding
	for _, f := range res.Findings {
		if rules[f.Rule] {
			got = append(got, f)
		}
		for _, a := range absent {
			if f.Rule == a {
				t.Errorf("unexpected %s at %d:%d: %s", f.Rule, f.Line, f.Column, f.Message)
			}
		}
	}
	for _, w := range wants {
		found := false
		for _, f := range got {
			found = found || w.match(f)
		}
		if !found {
			t.Errorf("no %s %s at %s containing %q; got:\n%s", w.sev, w.rule, w.at, w.msg,
				describe(got))
		}
	}
	if len(got) != len(wants) {
		t.Errorf("got %d findings of %v, want %d:\n%s", len(got), keys(rules), len(wants),
			describe(got))
	}
}

func describe(fs []findings.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %d:%d %s %s: %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	return b.String()
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestNoSecurityIsOneFindingPerDocument(t *testing.T) {
	res := run(t, `openapi: 3.0.3
paths:
  /a: {get: {}, post: {}}
  /b: {delete: {}}
`)
	check(t, res, []want{{"auth-no-security", "error", "1:1", "3 operations"}},
		"auth-operation-unprotected", "auth-missing-401-403")
}

func TestOperationCoverage(t *testing.T) {
	res := run(t, `openapi: 3.1.0
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
paths:
  /covered:
    get:
      security: [{key: []}]
  /open:
    get: {}
    post: {}
  /login:
    post:
      security: []
  /maybe:
    get:
      security: [{}, {key: []}]
    put:
      security:
        - key: []
        - {}
`)
	check(t, res, []want{
		{"auth-operation-unprotected", "warning", "10:5", "GET /open reads data"},
		{"auth-operation-unprotected", "error", "11:5", "POST /open changes data"},
		{"auth-operation-public", "info", "14:17", "anyone may call this write"},
		{"auth-operation-optional", "info", "17:18", "GET /maybe"},
		{"auth-operation-optional", "warning", "21:11", "PUT /maybe"},
	}, "auth-no-security")
}

func TestGlobalOptionalIsReportedOnce(t *testing.T) {
	res := run(t, `openapi: 3.0.0
security: [{key: []}, {}]
components: {securitySchemes: {key: {type: http, scheme: bearer}}}
paths:
  /a: {get: {}, post: {}, delete: {}}
`)
	check(t, res, []want{{"auth-operation-optional", "warning", "2:23",
		"3 operations, 2 of which change data"}})
}

func TestSchemeKinds(t *testing.T) {
	res := run(t, `openapi: 3.0.0
security: [{q: []}, {c: []}, {b: []}, {d: []}, {n: []}]
components:
  securitySchemes:
    q: {type: apiKey, in: query, name: api_key}
    c: {type: apiKey, in: cookie, name: session}
    b: {type: http, scheme: Basic}
    d: {type: http, scheme: digest}
    n: {type: http, scheme: Negotiate}
    unused: {type: apiKey, in: query, name: key}
    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
paths: {}
`)
	check(t, res, []want{
		{"auth-apikey-in-query", "error", "5:27", `"q" takes the API key "api_key"`},
		{"auth-apikey-in-query", "warning", "10:32", "no operation applies it"},
		{"auth-apikey-in-cookie", "warning", "6:27", `cookie "session"`},
		{"auth-basic", "warning", "7:29", `"b" uses HTTP Basic`},
		{"auth-weak-scheme", "warning", "8:29", "digest"},
		{"auth-weak-scheme", "error", "9:29", "Negotiate"},
	})
}

func TestSwaggerSchemes(t *testing.T) {
	res := run(t, `swagger: "2.0"
host: api.example.com
schemes: [https]
securityDefinitions:
  basic: {type: basic}
  legacy:
    type: oauth2
    flow: implicit
    authorizationUrl: http://id.example.com/auth
    scopes: {read: read}
  ropc: {type: oauth2, flow: password, tokenUrl: "https://id.example.com/t", scopes: {}}
security: [{basic: []}, {legacy: [read]}, {ropc: []}]
paths: {}
`)
	check(t, res, []want{
		{"auth-basic", "warning", "5:17", `"basic" uses HTTP Basic`},
		{"auth-oauth2-implicit", "error", "8:11", `"legacy" offers the implicit flow`},
		{"auth-oauth2-password", "error", "11:30", "resource owner password"},
		{"auth-oauth2-no-scopes", "warning", "11:86", "declares no scopes"},
		{"auth-insecure-transport", "error", "9:23", "authorizationUrl"},
	}, "auth-oauth2-no-refresh-url")
	for _, f := range res.Findings {
		if f.Rule == "auth-oauth2-implicit" && f.AntiPattern != "implicit_grant" {
			t.Errorf("implicit finding carries anti-pattern %q", f.AntiPattern)
		}
	}
}

func TestOAuthFlows(t *testing.T) {
	res := run(t, `openapi: 3.0.0
security: [{o: [read]}]
components:
  securitySchemes:
    o:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://id.example.com/auth
          tokenUrl: https://id.example.com/token
          scopes: {read: Read, offline_access: Stay signed in}
        clientCredentials:
          tokenUrl: https://id.example.com/token
          scopes: {read: Read}
        deviceAuthorization:
          tokenUrl: https://id.example.com/token
          refreshUrl: https://id.example.com/token
          scopes: {read: Read}
paths: {}
`)
	check(t, res, []want{{"auth-oauth2-no-refresh-url", "warning", "8:9", "offline_access"}},
		"auth-oauth2-implicit", "auth-oauth2-no-scopes")
}

func TestCredentialInURL(t *testing.T) {
	res := run(t, `openapi: 3.0.0
security: [{k: []}]
components:
  securitySchemes: {k: {type: http, scheme: bearer}}
  parameters:
    secret: {name: client_secret, in: query}
servers:
  - url: https://user:pa55@api.example.com
paths:
  /tokens/{token}:
    parameters:
      - {name: token, in: path, required: true}
    get:
      parameters:
        - {name: password, in: query}
        - {name: accessToken, in: query}
        - {name: page_token, in: query}
        - {name: token, in: query}
        - {name: key, in: query, description: A key for identifying the cache}
        - {name: secret_name, in: query}
        - {name: api_key, in: header}
        - $ref: '#/components/parameters/secret'
    post:
      parameters:
        - $ref: '#/components/parameters/secret'
`)
	check(t, res, []want{
		{"auth-credential-in-url", "error", "15:11", `"password"`},
		{"auth-credential-in-url", "error", "16:11", `"accessToken"`},
		{"auth-credential-in-url", "warning", "18:11", `"token" looks like`},
		{"auth-credential-in-url", "error", "6:13", `"client_secret"`},
		{"auth-credential-in-url", "error", "8:10", "user name and password"},
	})
}

func TestInsecureTransport(t *testing.T) {
	res := run(t, `openapi: 3.0.0
security: [{k: []}]
components: {securitySchemes: {k: {type: http, scheme: bearer}}}
servers:
  - url: http://api.example.com/v1
  - url: HTTP://127.0.0.1:8080
  - url: https://api.example.com/v1
  - url: /relative
  - url: 'http://{region}.example.com'
paths:
  /a:
    get:
      servers: [{url: 'ws://stream.example.com'}]
`)
	check(t, res, []want{
		{"auth-insecure-transport", "error", "5:10", "http://api.example.com/v1"},
		{"auth-insecure-transport", "info", "6:10", "loopback"},
		{"auth-insecure-transport", "error", "9:10", "{region}"},
		{"auth-insecure-transport", "error", "13:23", "plain ws"},
	})
	open := run(t, "openapi: 3.0.0\nservers: [{url: 'http://api.example.com'}]\npaths: {}\n")
	check(t, open, []want{{"auth-insecure-transport", "warning", "2:17", "plain http"}})
}

func TestReferences(t *testing.T) {
	res := run(t, `openapi: 3.0.0
components:
  securitySchemes:
    o:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://t', scopes: {read: r}}}
    spare: {type: http, scheme: bearer}
security: [{o: [read, write]}]
paths:
  /a:
    get:
      security: [{ghost: []}]
`)
	check(t, res, []want{
		{"auth-scheme-undefined", "error", "12:19", `"ghost"`},
		{"auth-scope-undefined", "warning", "8:23", `"write"`},
		{"auth-scheme-unused", "info", "7:5", `"spare"`},
	})
}

func TestMixedSchemes(t *testing.T) {
	res := run(t, `openapi: 3.0.0
components:
  securitySchemes:
    a: {type: http, scheme: bearer}
    b: {type: apiKey, in: header, name: K}
security: [{a: []}]
paths:
  /x: {get: {}, put: {}}
  /y:
    get: {security: [{a: []}, {b: []}]}
  /z:
    get: {security: [{b: []}]}
`)
	check(t, res, []want{{"auth-mixed-schemes", "warning", "12:5",
		"2 operations accept a; 1 operation accepts only b"}})
}

func TestSensitiveNotStronger(t *testing.T) {
	tests := map[string]struct {
		doc  string
		want []want
		anti string
	}{
		"same credential": {doc: `openapi: 3.0.0
components: {securitySchemes: {k: {type: apiKey, in: header, name: K}}}
security: [{k: []}]
paths:
  /users/{id}: {get: {}, delete: {}}
  /payments: {post: {}}
  /users/{id}/change-email: {post: {}}
  /users/{id}/resend-email: {post: {}}
`, want: []want{{"auth-sensitive-not-stronger", "warning", "5:26",
			"3 sensitive operations accept"}}, anti: "api_key_only_for_critical"},
		"extra scope": {doc: `openapi: 3.0.0
components:
  securitySchemes:
    o: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t', scopes: {r: r, d: d}}}}
security: [{o: [r]}]
paths:
  /users/{id}:
    get: {}
    delete: {security: [{o: [r, d]}]}
`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := run(t, tt.doc)
			if tt.want == nil {
				check(t, res, nil, "auth-sensitive-not-stronger")
				return
			}
			check(t, res, tt.want)
			for _, f := range res.Findings {
				if f.Rule == "auth-sensitive-not-stronger" && f.AntiPattern != tt.anti {
					t.Errorf("anti-pattern %q, want %q", f.AntiPattern, tt.anti)
				}
			}
		})
	}
}

func TestMissing401(t *testing.T) {
	res := run(t, `openapi: 3.0.0
components: {securitySchemes: {k: {type: http, scheme: bearer}}}
security: [{k: []}]
paths:
  /a:
    get: {responses: {'200': {description: ok}, '401': {description: no}}}
    put: {responses: {'200': {description: ok}, 4XX: {description: no}}}
  /b:
    get: {responses: {'200': {description: ok}}}
    post: {security: [], responses: {'200': {description: ok}}}
`)
	check(t, res, []want{{"auth-missing-401-403", "info", "9:5", "1 of 3 protected"}})
}

// TestSchemeDefinedInAnotherDocument: a scheme whose definition is a
// reference to another file exists; audit cannot read it, so it says so in
// a note and does not call the scheme undefined. An unknown name still is.
func TestSchemeDefinedInAnotherDocument(t *testing.T) {
	d, err := audit.Read("api.yaml", []byte(`openapi: 3.0.3
paths:
  /a:
    get:
      security: [{shared: []}]
  /b:
    get:
      security: [{missing: []}]
components:
  securitySchemes:
    shared:
      $ref: common.yaml#/components/securitySchemes/shared
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "common.yaml") {
		t.Errorf("notes %q, want one naming common.yaml", d.Notes)
	}
	sel, _ := audit.Select(nil, nil)
	check(t, audit.Audit(d, sel), []want{
		{"auth-scheme-undefined", "error", "8:19", `scheme "missing"`},
	})
}
