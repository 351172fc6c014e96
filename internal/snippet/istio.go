package snippet

import "strings"

// istioView holds the values Istio templates place in their configuration.
// Names are DNS labels (RFC 1123) derived from the validated API host, so
// Kubernetes accepts them as object names, namespaces and label values.
type istioView struct {
	// Namespace is the namespace the API's workload runs in.
	Namespace string
	// App is the value of the workload's `app` label.
	App string
	// Name names the RequestAuthentication and AuthorizationPolicy.
	Name string
	// JWKSURI is where the provider usually publishes its keys; the README
	// asks the user to confirm it from discovery's `jwks_uri`.
	JWKSURI string
	// Discovery is the issuer's OpenID Connect discovery document.
	Discovery string
	// Principals matches the request principals ("<iss>/<sub>") of tokens
	// from the issuer: the issuer followed by `/*`.
	Principals string
}

func newIstioView(p Params, opt options) istioView {
	app := hostLabel(p.APIHost)
	return istioView{
		Namespace:  app,
		App:        app,
		Name:       dnsLabel(app, "-require-jwt"),
		JWKSURI:    jwksURI(p.IdP, p.Issuer),
		Discovery:  strings.TrimSuffix(p.Issuer, "/") + "/.well-known/openid-configuration",
		Principals: p.Issuer + "/*",
	}
}

// hostLabel returns the first label of host in lower case, a valid DNS
// label when host passed checkAPIHost, or "api" when it is empty.
func hostLabel(host string) string {
	label, _, _ := strings.Cut(strings.ToLower(host), ".")
	if label == "" {
		return "api"
	}
	return label
}

// dnsLabel joins base and suffix into an RFC 1123 label of at most 63
// bytes: base is cut to make room and loses trailing hyphens. base must
// already be a DNS label and suffix lower-case letters, digits and hyphens.
func dnsLabel(base, suffix string) string {
	const limit = 63
	if len(base)+len(suffix) > limit {
		base = base[:max(0, limit-len(suffix))]
	}
	base = strings.TrimRight(base, "-")
	if base == "" {
		return strings.Trim(suffix, "-")
	}
	return base + suffix
}
