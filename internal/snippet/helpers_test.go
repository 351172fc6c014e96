package snippet

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// templatesFS reads the templates from the source tree, so these tests do
// not depend on which report templates exist yet.
func templatesFS() fs.FS {
	return os.DirFS(filepath.Join("..", "..", "templates"))
}

// allSpecs lists every snippet the templates folder provides.
func allSpecs() []Spec {
	goSpec := func(id, title, name, pkg string) Spec {
		return Spec{ID: id, Title: title, Target: "go",
			Template: "snippets/go/" + name + ".go.tmpl", Path: "go/" + pkg + "/" + pkg + ".go"}
	}
	return []Spec{
		goSpec("go_authcode_pkce", "Authorization code + PKCE client", "authcode", "authcode"),
		goSpec("go_authcode_web", "Confidential web sign-in", "authcodeweb", "authcodeweb"),
		goSpec("go_client_auth", "Client authentication", "clientauth", "clientauth"),
		goSpec("go_client_credentials", "Client credentials client", "clientcreds", "clientcreds"),
		goSpec("go_device_grant", "Device authorization grant client", "device", "device"),
		goSpec("go_jwt_middleware", "JWT access token middleware", "jwtauth", "jwtauth"),
		goSpec("go_introspection_middleware", "Token introspection middleware",
			"introspect", "introspect"),
		goSpec("go_apikey_middleware", "API key middleware", "apikey", "apikey"),
		goSpec("go_mtls_server", "mTLS server and client config", "mtls", "mtls"),
		goSpec("go_webhook_verify", "Webhook signature verification", "webhook", "webhook"),
		goSpec("go_stepup", "Step-up authentication challenge", "stepup", "stepup"),
		goSpec("go_session_cookie", "Server session cookies", "session", "session"),
		goSpec("go_token_exchange", "Token exchange client", "tokenexchange", "tokenexchange"),
		{ID: "nginx_gateway", Title: "nginx gateway with auth_request", Target: "nginx",
			Template: "snippets/nginx/gateway.conf.tmpl", Path: "nginx/authadvisor-gateway.conf"},
		{ID: "nginx_mtls", Title: "nginx mTLS server", Target: "nginx",
			Template: "snippets/nginx/mtls.conf.tmpl", Path: "nginx/authadvisor-mtls.conf"},
		{ID: "envoy_gateway", Title: "Envoy JWT gateway", Target: "envoy",
			Template: "snippets/envoy/gateway.yaml.tmpl", Path: "envoy/authadvisor-gateway.yaml"},
		{ID: "envoy_mtls", Title: "Envoy mTLS gateway", Target: "envoy",
			Template: "snippets/envoy/mtls.yaml.tmpl", Path: "envoy/authadvisor-mtls.yaml"},
		{ID: "istio_peer_authentication", Title: "Istio mesh-wide STRICT mTLS", Target: "istio",
			Template: "snippets/istio/peer-authentication.yaml.tmpl",
			Path:     "istio/peer-authentication.yaml"},
		{ID: "istio_jwt", Title: "Istio JWT validation", Target: "istio",
			Template: "snippets/istio/jwt-authentication.yaml.tmpl",
			Path:     "istio/jwt-authentication.yaml"},
		{ID: "kong_jwt", Title: "Kong jwt plugin", Target: "kong",
			Template: "snippets/kong/kong.yaml.tmpl", Path: "kong/kong.yaml"},
		{ID: "kong_gateway", Title: "Kong gateway without credential checks", Target: "kong",
			Template: "snippets/kong/gateway.yaml.tmpl", Path: "kong/kong-gateway.yaml"},
	}
}

// specsOf returns the specs of one target.
func specsOf(target string) []Spec {
	return specsFor(allSpecs(), target)
}

// hostileParams returns values that pass Validate yet carry every
// character that could end a string or comment in some target language.
func hostileParams() Params {
	p := DefaultParams(IdPGeneric)
	p.Issuer = "https://idp.example.com/a$b;c*/d'e(f)/*h"
	p.Audience = "aud\"ience\\ $x; } `tick` */ /* \u00e9 '"
	p.ClientID = "cl\"ient\\ $id; } `x` */"
	p.Scopes = []string{"read:`a`", "$scope;}", "*/x/*"}
	p.Module = "example.com/hostile-mod_x~y.z"
	p.IdleTimeout = 450 * time.Second
	p.AbsoluteTimeout = 90 * time.Minute
	return p
}

// writeFiles writes rendered files below dir.
func writeFiles(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, f.Mode); err != nil {
			t.Fatal(err)
		}
	}
}

// fileData returns the data of the rendered file at path, failing if absent.
func fileData(t *testing.T, files []File, path string) string {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	t.Fatalf("no file %s in %s", path, strings.Join(paths, ", "))
	return ""
}
