package snippet

import (
	"path"
	"slices"
	"strings"
)

// options are render settings that are not user parameters. Render uses
// defaultOptions; tests point certificates and listeners at a temp dir.
type options struct {
	tlsDir    string // folder holding the nginx certificate files
	listen    string // nginx listen address (port, or address:port)
	validator string // URL nginx's auth_request subrequest is proxied to
}

func defaultOptions() options {
	return options{
		tlsDir:    "/etc/nginx/tls",
		listen:    "443",
		validator: "http://127.0.0.1:8181/validate",
	}
}

// view is what a snippet template sees: the validated parameters plus
// values derived from them, already in final form.
type view struct {
	Params
	Spec Spec
	// IdPName is the display name of the identity provider.
	IdPName string
	// RequireATJWT is whether jwtauth insists on `typ: at+jwt`
	// (RFC 9068 §4); providers known to send `JWT` get false.
	RequireATJWT bool
	// AudienceClaim is the claim compared with Audience: "aud", or
	// "client_id" for Cognito access tokens.
	AudienceClaim string
	// AudienceParam is the token-request parameter that names the API:
	// "resource" (RFC 8707), "audience" (Auth0) or "" (scope carries it).
	AudienceParam string
	// WebRedirectURL is the callback of the confidential web client:
	// https on APIHost (a validated DNS name) at /auth/callback.
	WebRedirectURL string
	Session        sessionView
	Nginx          nginxView
	Envoy          envoyView // see envoy.go
	Istio          istioView // see istio.go
	Kong           kongView  // see kong.go
	// pkgs lists the Go package folders of this render, for Generated.
	pkgs []string
}

// sessionView holds the session timeouts, formatted from validated
// durations: digits, a unit word or a time constant, nothing else.
type sessionView struct {
	IdleGo, AbsoluteGo     string // Go expressions, e.g. 15 * time.Minute
	IdleText, AbsoluteText string // words, e.g. 15 minutes
}

// nginxView holds the values nginx templates place in directives.
type nginxView struct {
	Listen       string
	CertFile     string
	KeyFile      string
	ClientCAFile string
	Validator    string
	Upstream     string // Params.Upstream without a trailing slash
	// UpstreamCAFile verifies an https upstream's certificate, whose
	// UpstreamHost (a DNS name or IP address) it must be issued for.
	UpstreamCAFile string
	UpstreamHost   string
	UpstreamTLS    bool
	UpstreamIP     bool
}

// Generated reports whether this render writes Go package dir, such as
// "jwtauth", so notes mention only packages that exist.
func (v view) Generated(dir string) bool {
	return slices.Contains(v.pkgs, dir)
}

func newView(p Params, s Spec, opt options, pkgs []string) view {
	v := view{
		Params:         p,
		Spec:           s,
		IdPName:        idpName(p.IdP),
		RequireATJWT:   p.IdP == IdPGeneric,
		AudienceClaim:  "aud",
		AudienceParam:  "resource",
		WebRedirectURL: "https://" + p.APIHost + "/auth/callback",
		Session: sessionView{
			IdleGo: goDuration(p.IdleTimeout), AbsoluteGo: goDuration(p.AbsoluteTimeout),
			IdleText:     durationText(p.IdleTimeout),
			AbsoluteText: durationText(p.AbsoluteTimeout),
		},
		pkgs: pkgs,
	}
	switch p.IdP {
	case IdPAuth0:
		v.AudienceParam = "audience"
	case IdPEntraID, IdPCognito, IdPOkta, IdPKeycloak:
		v.AudienceParam = ""
	}
	if p.IdP == IdPCognito {
		v.AudienceClaim = "client_id"
	}
	v.Nginx = nginxView{
		Listen:       opt.listen,
		CertFile:     path.Join(opt.tlsDir, "server.crt"),
		KeyFile:      path.Join(opt.tlsDir, "server.key"),
		ClientCAFile: path.Join(opt.tlsDir, "client-ca.crt"),
		Validator:    opt.validator,
		Upstream:     strings.TrimSuffix(p.Upstream, "/"),

		UpstreamCAFile: path.Join(opt.tlsDir, "upstream-ca.crt"),
	}
	up := clusterFor("", p.Upstream)
	v.Nginx.UpstreamHost, v.Nginx.UpstreamTLS, v.Nginx.UpstreamIP = up.Host, up.TLS, up.IP
	v.Envoy = newEnvoyView(p, opt)
	v.Istio = newIstioView(p, opt)
	v.Kong = newKongView(p, opt)
	return v
}

func idpName(idp string) string {
	switch idp {
	case IdPKeycloak:
		return "Keycloak"
	case IdPAuth0:
		return "Auth0"
	case IdPOkta:
		return "Okta"
	case IdPEntraID:
		return "Microsoft Entra ID"
	case IdPCognito:
		return "Amazon Cognito"
	}
	return "a generic OpenID provider"
}

// readmeView is what a target's README template sees.
type readmeView struct {
	view
	Target string
	Files  []readmeEntry
	// GoMod lists the modules go/go.mod requires directly.
	GoMod []module
	// Metadata lists, as Markdown code spans, the provider metadata fields
	// the generated Go packages read; empty when none talks to the provider.
	Metadata string
}

// metadataUses lists, per Go package, the provider metadata it reads.
func metadataUses() map[string][]string {
	code := []string{"authorization_endpoint", "token_endpoint", "jwks_uri"}
	return map[string][]string{
		"authcode":      code,
		"authcodeweb":   code,
		"clientcreds":   {"token_endpoint"},
		"device":        {"device_authorization_endpoint", "token_endpoint"},
		"introspect":    {"introspection_endpoint", "token_endpoint"},
		"jwtauth":       {"jwks_uri"},
		"tokenexchange": {"token_endpoint"},
	}
}

// metadataText returns the metadata fields pkgs read as "`a`, `b` and `c`".
func metadataText(pkgs []string) string {
	var fields []string
	for _, p := range pkgs {
		fields = append(fields, metadataUses()[p]...)
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	for i, f := range fields {
		fields[i] = "`" + f + "`"
	}
	if len(fields) < 2 {
		return strings.Join(fields, "")
	}
	return strings.Join(fields[:len(fields)-1], ", ") + " and " + fields[len(fields)-1]
}

// readmeEntry describes one rendered file in the README.
type readmeEntry struct {
	ID    string
	Title string
	Path  string // relative to the target folder
	Dir   string // folder of Path, relative to the target folder
	Notes string // the snippet template's "readme" block, rendered
}
