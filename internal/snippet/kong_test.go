package snippet

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blang/semver/v4"
	"github.com/kong/go-database-reconciler/pkg/dump"
	"github.com/kong/go-database-reconciler/pkg/file"
	"github.com/kong/go-database-reconciler/pkg/state"
	"github.com/kong/go-database-reconciler/pkg/utils"
	"github.com/kong/go-kong/kong"
	"sigs.k8s.io/yaml"
)

// kongJWTConfig is the configuration of Kong 3.x's open-source jwt plugin
// (kong/plugins/jwt/schema.lua). go-database-reconciler does not know
// plugin fields offline, so the tests decode the config into this struct
// with unknown fields refused.
type kongJWTConfig struct {
	URIParamNames     []string `json:"uri_param_names"`
	CookieNames       []string `json:"cookie_names"`
	HeaderNames       []string `json:"header_names"`
	ClaimsToVerify    []string `json:"claims_to_verify"`
	KeyClaimName      string   `json:"key_claim_name"`
	SecretIsBase64    bool     `json:"secret_is_base64"`
	Anonymous         *string  `json:"anonymous"`
	RunOnPreflight    *bool    `json:"run_on_preflight"`
	MaximumExpiration float64  `json:"maximum_expiration"`
	Realm             *string  `json:"realm"`
}

// kongPreFunctionConfig is the part of the pre-function plugin's
// configuration the snippet uses (kong/plugins/pre-function/schema.lua
// has one list of Lua chunks per phase).
type kongPreFunctionConfig struct {
	Access []string `json:"access"`
}

// kongConfig is a rendered kong.yaml, read as `deck file validate` reads
// it, with the entities resolved.
type kongConfig struct {
	content *file.Content
	raw     *utils.KongRawState
}

// readKong reads data with go-database-reconciler the way `deck file
// validate` does, offline: decK's template pass, the JSON Schema of the
// file format (unknown entity fields are errors), the Content types, then
// the entity graph, which fails on a reference to nothing. On top, the
// top-level keys are decoded strictly.
func readKong(t *testing.T, data []byte) (kongConfig, error) {
	t.Helper()
	content, err := readKongContent(t, data)
	if err != nil {
		return kongConfig{}, err
	}
	if err := yaml.UnmarshalStrict(data, &file.Content{}); err != nil {
		return kongConfig{}, err
	}
	empty, err := state.NewKongState()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := file.Get(context.Background(), content, file.RenderConfig{
		CurrentState: empty, KongVersion: semver.MustParse("3.9.0"),
	}, dump.Config{}, nil)
	if err != nil {
		return kongConfig{}, err
	}
	if _, err := state.Get(raw); err != nil {
		return kongConfig{}, err
	}
	return kongConfig{content: content, raw: raw}, nil
}

// readKongContent is the first step of `deck file validate`: decK's
// template pass, the JSON Schema of the file format and the Content types.
func readKongContent(t *testing.T, data []byte) (*file.Content, error) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "kong.yaml")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file.GetContentFromFiles([]string{name}, false)
}

// kongPluginConfig decodes a plugin's configuration strictly into v.
func kongPluginConfig(c kong.Configuration, v any) error {
	js, err := json.Marshal(c)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func renderKong(t *testing.T, p Params) ([]byte, []File) {
	t.Helper()
	files, err := Render(templatesFS(), specsOf("kong"), p)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(fileData(t, files, "kong/kong.yaml")), files
}

func TestKongConfigRequiresHeaderJWT(t *testing.T) {
	for name, p := range istioCases() {
		t.Run(name, func(t *testing.T) {
			data, _ := renderKong(t, p)
			cfg, err := readKong(t, data)
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			checkKong(t, cfg, p)
		})
	}
}

// TestKongMaximumExpirationFollowsTheTokenLifetime: the jwt plugin refuses
// tokens that expire further ahead than the recommendation's longest
// access-token lifetime.
func TestKongMaximumExpirationFollowsTheTokenLifetime(t *testing.T) {
	for _, d := range []time.Duration{5 * time.Minute, 10 * time.Minute, time.Hour} {
		p := DefaultParams("")
		p.TokenLifetime = d
		data, _ := renderKong(t, p)
		cfg, err := readKong(t, data)
		if err != nil {
			t.Fatal(err)
		}
		checkKongPlugins(t, cfg.content, d)
	}
}

func checkKong(t *testing.T, cfg kongConfig, p Params) {
	t.Helper()
	if cfg.content.FormatVersion != "3.0" {
		t.Errorf("_format_version %q", cfg.content.FormatVersion)
	}
	raw := cfg.raw
	if len(raw.Services) != 1 || len(raw.Routes) != 1 || len(raw.Consumers) != 1 ||
		len(raw.JWTAuths) != 1 || len(raw.Plugins) != 2 {
		t.Fatalf("%d services, %d routes, %d consumers, %d jwt secrets, %d plugins",
			len(raw.Services), len(raw.Routes), len(raw.Consumers), len(raw.JWTAuths),
			len(raw.Plugins))
	}
	svc, route := raw.Services[0], raw.Routes[0]
	if route.Service == nil || *route.Service.ID != *svc.ID {
		t.Error("the route does not belong to the service")
	}
	if want := strings.TrimSuffix(p.Upstream, "/"); kongStr(svc.Protocol)+"://"+
		kongStr(svc.Host)+fmt.Sprintf(":%d", kongInt(svc.Port)) != want {
		t.Errorf("service %s://%s:%d, want %s", kongStr(svc.Protocol),
			kongStr(svc.Host), kongInt(svc.Port), want)
	}
	if hosts := kongStrs(route.Hosts); !slices.Equal(hosts, []string{p.APIHost}) {
		t.Errorf("route hosts %q, want [%q]", hosts, p.APIHost)
	}
	if protos := kongStrs(route.Protocols); !slices.Equal(protos, []string{"https"}) {
		t.Errorf("route protocols %q, want only https", protos)
	}

	names := map[string]bool{}
	for _, pl := range raw.Plugins {
		names[kongStr(pl.Name)] = true
		// Plugins on the service cover every route of it; a plugin bound
		// to a consumer would only run after authentication.
		if pl.Service == nil || *pl.Service.ID != *svc.ID || pl.Route != nil ||
			pl.Consumer != nil || (pl.Enabled != nil && !*pl.Enabled) {
			t.Errorf("plugin %s is not enabled on the whole service", kongStr(pl.Name))
		}
	}
	if !names["jwt"] || !names["pre-function"] {
		t.Fatalf("plugins %v, want jwt and pre-function", names)
	}
	checkKongPlugins(t, cfg.content, p.withDefaults().TokenLifetime)

	c, secret := raw.Consumers[0], raw.JWTAuths[0]
	if secret.Consumer == nil || *secret.Consumer.ID != *c.ID {
		t.Error("the jwt secret does not belong to the consumer")
	}
	if kongStr(secret.Key) != p.Issuer {
		t.Errorf("jwt secret key %q, want the issuer %q", kongStr(secret.Key), p.Issuer)
	}
	if kongStr(secret.Algorithm) != "RS256" ||
		!strings.Contains(kongStr(secret.RSAPublicKey), "BEGIN PUBLIC KEY") {
		t.Errorf("jwt secret %s with key %q, want RS256 with a public key",
			kongStr(secret.Algorithm), kongStr(secret.RSAPublicKey))
	}
}

// checkKongPlugins decodes the plugin configurations as written in the
// file, strictly, and checks the jwt plugin's settings.
func checkKongPlugins(t *testing.T, content *file.Content, lifetime time.Duration) {
	t.Helper()
	for _, pl := range content.Services[0].Plugins {
		switch kongStr(pl.Name) {
		case "jwt":
			var c kongJWTConfig
			if err := kongPluginConfig(pl.Config, &c); err != nil {
				t.Fatalf("jwt config: %v", err)
			}
			if c.URIParamNames == nil || len(c.URIParamNames) != 0 {
				t.Errorf("uri_param_names %q, want an explicit empty list "+
					"(the default reads ?jwt=)", c.URIParamNames)
			}
			if c.CookieNames == nil || len(c.CookieNames) != 0 {
				t.Errorf("cookie_names %q, want an explicit empty list", c.CookieNames)
			}
			if !slices.Equal(c.HeaderNames, []string{"authorization"}) {
				t.Errorf("header_names %q", c.HeaderNames)
			}
			if !slices.Equal(c.ClaimsToVerify, []string{"exp", "nbf"}) {
				t.Errorf("claims_to_verify %q", c.ClaimsToVerify)
			}
			if c.KeyClaimName != "iss" || c.SecretIsBase64 || c.Anonymous != nil {
				t.Errorf("key_claim_name %q, secret_is_base64 %v, anonymous %v",
					c.KeyClaimName, c.SecretIsBase64, c.Anonymous)
			}
			if want := lifetime.Seconds() + 60; c.MaximumExpiration != want {
				t.Errorf("maximum_expiration %v, want the token lifetime and a minute "+
					"for clock skew, %v seconds", c.MaximumExpiration, want)
			}
			if c.RunOnPreflight != nil && !*c.RunOnPreflight {
				t.Error("run_on_preflight false lets OPTIONS through without a token")
			}
		case "pre-function":
			checkKongPreFunction(t, pl)
		default:
			t.Errorf("unexpected plugin %s", kongStr(pl.Name))
		}
	}
}

// checkKongPreFunction checks the plugin that refuses credentials in the
// query string. Its Lua is not run here (there is no Kong); the test
// checks that it covers the names the nginx gateway refuses.
func checkKongPreFunction(t *testing.T, pl *file.FPlugin) {
	t.Helper()
	var c kongPreFunctionConfig
	if err := kongPluginConfig(pl.Config, &c); err != nil {
		t.Fatalf("pre-function config: %v", err)
	}
	if len(c.Access) != 1 {
		t.Fatalf("%d access chunks", len(c.Access))
	}
	lua := c.Access[0]
	for _, n := range []string{"accesstoken", "idtoken", "refreshtoken", "token",
		"apikey", "key", "clientsecret", "password", "passwd", "jwt"} {
		if !strings.Contains(lua, " "+n+" = true") {
			t.Errorf("pre-function does not refuse %s", n)
		}
	}
	if !strings.Contains(lua, "kong.response.exit(400") {
		t.Error("pre-function does not answer 400")
	}
}

// TestKongGatewayLeavesChecksToTheAPI: without JWT access tokens the
// configuration only refuses credentials in the query string and passes
// the rest to the API, which checks them.
func TestKongGatewayLeavesChecksToTheAPI(t *testing.T) {
	for name, p := range istioCases() {
		t.Run(name, func(t *testing.T) {
			files, err := Render(templatesFS(), specsOf("kong"), p)
			if err != nil {
				t.Fatal(err)
			}
			data := fileData(t, files, "kong/kong-gateway.yaml")
			cfg, err := readKong(t, []byte(data))
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			raw := cfg.raw
			if len(raw.Services) != 1 || len(raw.Routes) != 1 || len(raw.Plugins) != 1 ||
				len(raw.Consumers) != 0 {
				t.Fatalf("%d services, %d routes, %d plugins, %d consumers", len(raw.Services),
					len(raw.Routes), len(raw.Plugins), len(raw.Consumers))
			}
			if !slices.Equal(kongStrs(raw.Routes[0].Hosts), []string{p.APIHost}) ||
				!slices.Equal(kongStrs(raw.Routes[0].Protocols), []string{"https"}) {
				t.Errorf("route hosts %q protocols %q", kongStrs(raw.Routes[0].Hosts),
					kongStrs(raw.Routes[0].Protocols))
			}
			pl := cfg.content.Services[0].Plugins
			if len(pl) != 1 || kongStr(pl[0].Name) != "pre-function" {
				t.Fatalf("plugins %v, want only pre-function", pl)
			}
			checkKongPreFunction(t, pl[0])
		})
	}
}

// TestReadKongIsStrict proves the reader the checks above rely on refuses
// misspelt fields and references to nothing.
func TestReadKongIsStrict(t *testing.T) {
	data, _ := renderKong(t, DefaultParams(""))
	good := string(data)
	cases := []struct{ name, old, new string }{
		{"misspelt top-level key", "_format_version:", "_format_versio:"},
		{"misspelt service field", "    url:", "    uri:"},
		{"misspelt route field", "strip_path:", "strip_paths:"},
		{"misspelt consumer field", "jwt_secrets:", "jwt_secret:"},
		{"misspelt credential field", "rsa_public_key:", "rsa_public_keys:"},
		{"misspelt plugin field", "        config:\n          # Only", "        confg:\n          # Only"},
		{"plugin for a missing service", "consumers:",
			"plugins:\n  - name: cors\n    service: missing\nconsumers:"},
		{"plugin for a missing consumer", "consumers:",
			"plugins:\n  - name: cors\n    consumer: missing\nconsumers:"},
	}
	for _, c := range cases {
		if !strings.Contains(good, c.old) {
			t.Fatalf("%s: %q not in the file", c.name, c.old)
		}
		bad := strings.Replace(good, c.old, c.new, 1)
		_, err := readKong(t, []byte(bad))
		if err == nil {
			t.Errorf("%s: read without error:\n%s", c.name, bad)
		}
		t.Logf("%s: %v", c.name, err)
	}
	// Misspelt plugin settings pass decK's offline check; the strict
	// decode of the configuration catches them.
	bad := strings.Replace(good, "uri_param_names:", "uri_param_name:", 1)
	cfg, err := readKong(t, []byte(bad))
	if err != nil {
		t.Fatalf("misspelt plugin setting: %v", err)
	}
	for _, pl := range cfg.content.Services[0].Plugins {
		if kongStr(pl.Name) == "jwt" {
			if err := kongPluginConfig(pl.Config, &kongJWTConfig{}); err == nil {
				t.Error("misspelt jwt setting decoded without error")
			}
		}
	}
	if _, err := readKong(t, data); err != nil {
		t.Errorf("the unchanged file fails: %v", err)
	}
}

// TestKongStringSurvivesDeck reads values through decK's template pass and
// YAML parser: a `${{` in a value must not run as a template action.
func TestKongStringSurvivesDeck(t *testing.T) {
	values := append(hostileStrings(), `${{ env "DECK_AUTHADVISOR_TEST" }}`, "${{", "$${{x}}")
	var b strings.Builder
	b.WriteString("_format_version: \"3.0\"\nconsumers:\n")
	for i, v := range values {
		q, err := kongString(v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(q, "$") || strings.ContainsAny(q, "\n\r") {
			t.Errorf("kongString(%q) = %s keeps a '$' or a line break", v, q)
		}
		fmt.Fprintf(&b, "  - username: u%d\n    custom_id: %s\n", i, q)
	}
	t.Setenv("DECK_AUTHADVISOR_TEST", "substituted")
	content, err := readKongContent(t, []byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(content.Consumers) != len(values) {
		t.Fatalf("%d consumers read, want %d", len(content.Consumers), len(values))
	}
	for i, c := range content.Consumers {
		if got := kongStr(c.CustomID); got != values[i] {
			t.Errorf("value %q reads back as %q", values[i], got)
		}
	}
	if _, err := kongString("bad\xff"); err == nil {
		t.Error("kongString accepted invalid UTF-8")
	}
}

func TestKongReadmeStatesLimits(t *testing.T) {
	for _, idp := range IdPs() {
		_, files := renderKong(t, DefaultParams(idp))
		readme := fileData(t, files, "kong/README.md")
		for _, want := range []string{"does not fetch the\nprovider's JWKS", "does not check `aud`",
			"openid-connect", "deck gateway validate", "do not run Kong or decK"} {
			if !strings.Contains(readme, want) {
				t.Errorf("%s: README does not say %q", idp, want)
			}
		}
	}
}

func kongStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func kongInt(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

func kongStrs(list []*string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = kongStr(s)
	}
	return out
}

// TestKongVerifiesHTTPSUpstream: Kong checks an https upstream's
// certificate only with tls_verify, which an http service does not take.
func TestKongVerifiesHTTPSUpstream(t *testing.T) {
	for upstream, want := range map[string]bool{
		"https://api.internal:8443": true, "https://10.0.0.5": true,
		"http://127.0.0.1:8080": false,
	} {
		p := DefaultParams(IdPGeneric)
		p.Upstream = upstream
		files, err := Render(templatesFS(), specsOf("kong"), p)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"kong/kong.yaml", "kong/kong-gateway.yaml"} {
			content, err := readKongContent(t, []byte(fileData(t, files, path)))
			if err != nil {
				t.Fatal(err)
			}
			svc := content.Services[0]
			got := svc.TLSVerify != nil && *svc.TLSVerify
			if got != want || (!want && svc.TLSVerify != nil) {
				t.Errorf("%s with upstream %s: tls_verify %v, want %v", path, upstream,
					svc.TLSVerify, want)
			}
		}
	}
}
