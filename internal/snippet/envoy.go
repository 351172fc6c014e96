package snippet

import (
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Envoy paths and names the Envoy templates use. The certificate folder and
// the system CA bundle (Debian's and Ubuntu's path) are placeholders the
// README tells the user to change.
const (
	envoyTLSDir       = "/etc/envoy/tls"
	envoySystemCAFile = "/etc/ssl/certs/ca-certificates.crt"
	envoyListenAddr   = "0.0.0.0"
	envoyListenPort   = 443
)

// envoyView holds the values Envoy templates place in their configuration.
// Strings still go through yamlString in the templates; numbers and flags
// are derived from validated parameters.
type envoyView struct {
	ListenAddress string
	ListenPort    int
	CertFile      string
	KeyFile       string
	ClientCAFile  string
	// SystemCAFile verifies the identity provider's certificate (and an
	// https upstream's).
	SystemCAFile string
	// JWKSURI is where Envoy fetches the provider's signing keys: a default
	// derived from the issuer per identity provider (see jwksURI); the
	// discovery document's jwks_uri is authoritative.
	JWKSURI string
	// DiscoveryURL is the issuer's OpenID discovery document, which names
	// the real jwks_uri.
	DiscoveryURL string
	// JWKS is the cluster JWKSURI is fetched through, Upstream the one the
	// API is proxied to.
	JWKS     envoyCluster
	Upstream envoyCluster
	// CheckAud is whether jwt_authn compares `aud` with Audience; false for
	// Cognito, whose access tokens carry the app client id in `client_id`
	// and have no `aud`, which the RBAC filter checks instead.
	CheckAud bool
	// CheckClientID is whether the RBAC filter requires `client_id` to
	// equal Audience and `token_use` to be "access" (Cognito).
	CheckClientID bool
	// CheckTyp is whether the RBAC filter requires the JWT header `typ` to
	// be at+jwt (RFC 9068 §4), as the Go jwtauth package does for the same
	// provider.
	CheckTyp bool
}

// RBAC reports whether the templates add the RBAC filter that checks what
// jwt_authn cannot: the token type and Cognito's client_id.
func (e envoyView) RBAC() bool { return e.CheckClientID || e.CheckTyp }

// envoyCluster describes one upstream cluster: a host name (resolved by
// DNS) or an IP address, a port, and whether the connection uses TLS.
type envoyCluster struct {
	Name string
	Host string
	Port int
	// IP is true for an IP literal: a STATIC cluster, an IP SAN and no SNI.
	IP  bool
	TLS bool
	// CAFile verifies the server certificate when TLS is true.
	CAFile string
}

func newEnvoyView(p Params, opt options) envoyView {
	jwks := jwksURI(p.IdP, p.Issuer)
	return envoyView{
		ListenAddress: envoyListenAddr,
		ListenPort:    envoyListenPort,
		CertFile:      envoyTLSDir + "/server.crt",
		KeyFile:       envoyTLSDir + "/server.key",
		ClientCAFile:  envoyTLSDir + "/client-ca.crt",
		SystemCAFile:  envoySystemCAFile,
		JWKSURI:       jwks,
		DiscoveryURL:  strings.TrimSuffix(p.Issuer, "/") + "/.well-known/openid-configuration",
		JWKS:          clusterFor("authadvisor_jwks", jwks),
		Upstream:      clusterFor("authadvisor_upstream", p.Upstream),
		CheckAud:      p.IdP != IdPCognito,
		CheckClientID: p.IdP == IdPCognito,
		CheckTyp:      p.IdP == IdPGeneric || p.IdP == "",
	}
}

// jwksURI returns the usual JWKS location of each identity provider for
// issuer. Providers publish it as jwks_uri in their discovery document;
// these defaults follow the providers' documented layouts.
func jwksURI(idp, issuer string) string {
	base := strings.TrimSuffix(issuer, "/")
	switch idp {
	case IdPKeycloak:
		// https://host/realms/NAME
		return base + "/protocol/openid-connect/certs"
	case IdPOkta:
		// Custom authorization servers: https://host/oauth2/ID; the org
		// authorization server's issuer is the bare https://host.
		if u, err := url.Parse(base); err == nil && strings.HasPrefix(u.Path, "/oauth2/") {
			return base + "/v1/keys"
		}
		return base + "/oauth2/v1/keys"
	case IdPEntraID:
		// v2.0 issuer: https://login.microsoftonline.com/TENANT/v2.0;
		// v1.0 issuer: https://sts.windows.net/TENANT/.
		if t, ok := strings.CutSuffix(base, "/v2.0"); ok {
			return t + "/discovery/v2.0/keys"
		}
		if u, err := url.Parse(base); err == nil && u.Host == "sts.windows.net" {
			return "https://login.microsoftonline.com" + u.Path + "/discovery/keys"
		}
	}
	// Cognito, Auth0 and many others.
	return base + "/.well-known/jwks.json"
}

// clusterFor returns the cluster called name for an http or https URL that Validate
// accepted (or one derived from such a URL by jwksURI).
func clusterFor(name, raw string) envoyCluster {
	c := envoyCluster{Name: name, CAFile: envoySystemCAFile, Port: 80}
	u, err := url.Parse(raw)
	if err != nil {
		return c
	}
	c.Host, c.TLS = u.Hostname(), u.Scheme == "https"
	if c.TLS {
		c.Port = 443
	}
	if n, err := strconv.Atoi(u.Port()); err == nil {
		c.Port = n
	}
	c.IP = net.ParseIP(c.Host) != nil
	return c
}
