package snippet

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	clusterv3 "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	rbacconfigv3 "github.com/envoyproxy/go-control-plane/envoy/config/rbac/v3"
	routev3 "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	jwtv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/jwt_authn/v3"
	rbacv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/rbac/v3"
	routerv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	hcmv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	matcherv3 "github.com/envoyproxy/go-control-plane/envoy/type/matcher/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/known/anypb"
	"sigs.k8s.io/yaml"
)

// There is no Envoy binary to run these files against, so they are checked
// through go-control-plane: strict protojson decoding into the v3
// Bootstrap (unknown fields and unregistered typed_config types fail), the
// protoc-gen-validate rules of every message including those inside Any,
// and the security behaviour read back from the decoded configuration.

const envoyProvider = "authadvisor"

// envoyCases returns the parameters the Envoy files are checked with: every
// identity provider's defaults, the hostile values, and the cluster
// variants (IP upstream over https, plain-http loopback issuer).
func envoyCases() map[string]Params {
	cases := map[string]Params{"hostile": hostileParams()}
	for _, idp := range IdPs() {
		cases[idp] = DefaultParams(idp)
	}
	p := DefaultParams(IdPKeycloak)
	p.Upstream = "https://[2001:db8::1]:8443"
	p.Issuer = "http://127.0.0.1:8081/realms/dev"
	cases["ip_upstream_loopback_issuer"] = p
	p = DefaultParams(IdPOkta)
	p.Issuer = "https://example.okta.com"
	p.Upstream = "https://backend.internal.example:9443/"
	cases["okta_org_https_upstream"] = p
	// The keys of a v1.0 Entra ID issuer live on another host.
	p = DefaultParams(IdPEntraID)
	p.Issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/"
	cases["entra_v1_issuer"] = p
	return cases
}

func renderEnvoy(t *testing.T, p Params) []File {
	t.Helper()
	files, err := Render(templatesFS(), specsOf("envoy"), p)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// parseBootstrap decodes data like Envoy's YAML loader does (YAML to JSON
// to proto), strictly, and runs the validation rules of every message.
func parseBootstrap(t *testing.T, name string, data []byte) *bootstrapv3.Bootstrap {
	t.Helper()
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		t.Fatalf("%s: not YAML: %v", name, err)
	}
	var b bootstrapv3.Bootstrap
	if err := (protojson.UnmarshalOptions{}).Unmarshal(js, &b); err != nil {
		t.Fatalf("%s: not an Envoy v3 bootstrap: %v", name, err)
	}
	if err := validateDeep(b.ProtoReflect()); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &b
}

// validateDeep runs ValidateAll on m and on the message inside every Any
// below it; protoc-gen-validate does not look inside Any on its own.
func validateDeep(m protoreflect.Message) error {
	msg := m.Interface()
	if a, ok := msg.(*anypb.Any); ok {
		inner, err := a.UnmarshalNew()
		if err != nil {
			return fmt.Errorf("typed_config %s: %w", a.GetTypeUrl(), err)
		}
		return validateDeep(inner.ProtoReflect())
	}
	if v, ok := msg.(interface{ ValidateAll() error }); ok {
		if err := v.ValidateAll(); err != nil {
			return fmt.Errorf("%s: %w", m.Descriptor().FullName(), err)
		}
	}
	var err error
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		switch {
		case fd.IsList():
			for i := 0; i < v.List().Len() && err == nil; i++ {
				err = validateDeep(v.List().Get(i).Message())
			}
		case fd.IsMap():
			if fd.MapValue().Kind() == protoreflect.MessageKind {
				v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
					err = validateDeep(mv.Message())
					return err == nil
				})
			}
		default:
			err = validateDeep(v.Message())
		}
		return err == nil
	})
	return err
}

// unpack decodes a typed_config into a message of type T.
func unpack[T proto.Message](t *testing.T, a *anypb.Any, into T) T {
	t.Helper()
	if a == nil {
		t.Fatalf("missing typed_config, want %T", into)
	}
	if err := a.UnmarshalTo(into); err != nil {
		t.Fatalf("typed_config %s: %v", a.GetTypeUrl(), err)
	}
	return into
}

// envoyGateway is a decoded gateway file, with the parts the checks read.
type envoyGateway struct {
	b       *bootstrapv3.Bootstrap
	tls     *tlsv3.DownstreamTlsContext
	hcm     *hcmv3.HttpConnectionManager
	filters []string // http_filters names in order
	jwt     *jwtv3.JwtAuthentication
	rbac    *rbacv3.RBAC // nil without the rbac filter
}

func decodeGateway(t *testing.T, name string, data []byte) envoyGateway {
	t.Helper()
	g := envoyGateway{b: parseBootstrap(t, name, data)}
	ls := g.b.GetStaticResources().GetListeners()
	if len(ls) != 1 || len(ls[0].GetFilterChains()) != 1 {
		t.Fatalf("%s: want one listener with one filter chain", name)
	}
	fc := ls[0].GetFilterChains()[0]
	if fc.GetTransportSocket() == nil {
		t.Fatalf("%s: the listener does not terminate TLS", name)
	}
	g.tls = unpack(t, fc.GetTransportSocket().GetTypedConfig(), &tlsv3.DownstreamTlsContext{})
	if len(fc.GetFilters()) != 1 {
		t.Fatalf("%s: want only the http_connection_manager network filter", name)
	}
	g.hcm = unpack(t, fc.GetFilters()[0].GetTypedConfig(), &hcmv3.HttpConnectionManager{})
	for _, f := range g.hcm.GetHttpFilters() {
		g.filters = append(g.filters, f.GetName())
		switch f.GetName() {
		case "envoy.filters.http.jwt_authn":
			g.jwt = unpack(t, f.GetTypedConfig(), &jwtv3.JwtAuthentication{})
		case "envoy.filters.http.rbac":
			g.rbac = unpack(t, f.GetTypedConfig(), &rbacv3.RBAC{})
		case "envoy.filters.http.router":
			unpack(t, f.GetTypedConfig(), &routerv3.Router{})
		default:
			t.Errorf("%s: unexpected http filter %s", name, f.GetName())
		}
	}
	if g.jwt == nil {
		t.Fatalf("%s: no jwt_authn filter", name)
	}
	// Envoy refuses a "#" in the request target unless a runtime flag
	// turns that off; the file must not carry runtime settings.
	if g.b.GetLayeredRuntime() != nil {
		t.Errorf("%s: layered_runtime set", name)
	}
	return g
}

func (g envoyGateway) cluster(name string) *clusterv3.Cluster {
	for _, c := range g.b.GetStaticResources().GetClusters() {
		if c.GetName() == name {
			return c
		}
	}
	return nil
}

// routeFor returns the first route of the only virtual host that matches a
// request for path (which may carry a query), the way Envoy's router picks
// routes: prefix, then every header matcher. It fails on match kinds the
// templates do not use, so a new kind cannot pass unchecked.
func (g envoyGateway) routeFor(t *testing.T, path string) *routev3.Route {
	t.Helper()
	vhs := g.hcm.GetRouteConfig().GetVirtualHosts()
	if len(vhs) != 1 {
		t.Fatalf("want one virtual host, got %d", len(vhs))
	}
	for _, r := range vhs[0].GetRoutes() {
		m := r.GetMatch()
		if _, ok := m.GetPathSpecifier().(*routev3.RouteMatch_Prefix); !ok {
			t.Fatalf("route %s: only prefix matches are simulated", r.GetName())
		}
		if !strings.HasPrefix(path, m.GetPrefix()) {
			continue
		}
		ok := true
		for _, h := range m.GetHeaders() {
			re := h.GetStringMatch().GetSafeRegex().GetRegex()
			if h.GetName() != ":path" || re == "" || h.GetInvertMatch() {
				t.Fatalf("route %s: only :path safe_regex header matches are simulated",
					r.GetName())
			}
			// Envoy's safe_regex must match the whole value.
			if !regexp.MustCompile(`^(?:` + re + `)$`).MatchString(path) {
				ok = false
			}
		}
		if ok {
			return r
		}
	}
	return nil
}

// jwtDisabled reports whether route r turns jwt_authn off.
func jwtDisabled(t *testing.T, r *routev3.Route) bool {
	a, ok := r.GetTypedPerFilterConfig()["envoy.filters.http.jwt_authn"]
	if !ok {
		return false
	}
	pr := unpack(t, a, &jwtv3.PerRouteConfig{})
	if pr.GetRequirementName() != "" {
		t.Errorf("route %s names requirement %q; the rules are the only requirement",
			r.GetName(), pr.GetRequirementName())
	}
	return pr.GetDisabled()
}

// checkRequirement fails if req, or any requirement inside it, lets a
// request through without a verified token.
func checkRequirement(t *testing.T, where string, req *jwtv3.JwtRequirement) {
	t.Helper()
	switch r := req.GetRequiresType().(type) {
	case *jwtv3.JwtRequirement_ProviderName:
		if r.ProviderName != envoyProvider {
			t.Errorf("%s requires provider %q", where, r.ProviderName)
		}
	case *jwtv3.JwtRequirement_RequiresAll:
		for _, sub := range r.RequiresAll.GetRequirements() {
			checkRequirement(t, where, sub)
		}
	case nil:
		t.Errorf("%s requires nothing", where)
	default:
		t.Errorf("%s is %T, which can admit a request without a verified token", where, r)
	}
}

func TestEnvoyGatewayFiles(t *testing.T) {
	for name, p := range envoyCases() {
		t.Run(name, func(t *testing.T) {
			files := renderEnvoy(t, p)
			for _, file := range []string{"envoy/authadvisor-gateway.yaml",
				"envoy/authadvisor-mtls.yaml"} {
				t.Run(strings.TrimPrefix(file, "envoy/"), func(t *testing.T) {
					g := decodeGateway(t, file, []byte(fileData(t, files, file)))
					checkEnvoyTokens(t, g, p)
					checkEnvoyRoutes(t, g)
					checkEnvoyClusters(t, g, p)
					checkEnvoyTLS(t, g, strings.HasSuffix(file, "mtls.yaml"))
				})
			}
		})
	}
}

// checkEnvoyTokens checks the jwt_authn provider and requirements.
func checkEnvoyTokens(t *testing.T, g envoyGateway, p Params) {
	t.Helper()
	jwtAt := slices.Index(g.filters, "envoy.filters.http.jwt_authn")
	if routerAt := slices.Index(g.filters, "envoy.filters.http.router"); jwtAt != 0 ||
		routerAt != len(g.filters)-1 {
		t.Errorf("http filters %v: want jwt_authn first and the router last", g.filters)
	}
	if len(g.jwt.GetProviders()) != 1 {
		t.Fatalf("want one provider, got %d", len(g.jwt.GetProviders()))
	}
	prov := g.jwt.GetProviders()[envoyProvider]
	if prov == nil {
		t.Fatalf("no provider %q", envoyProvider)
	}
	if prov.GetIssuer() != p.Issuer {
		t.Errorf("issuer = %q, want %q", prov.GetIssuer(), p.Issuer)
	}
	if p.IdP == IdPCognito {
		if len(prov.GetAudiences()) != 0 {
			t.Errorf("Cognito access tokens have no aud, yet audiences = %q", prov.GetAudiences())
		}
		checkRBAC(t, g, map[string]string{"jwt_payload/client_id": p.Audience,
			"jwt_payload/token_use": "access"})
	} else if !slices.Equal(prov.GetAudiences(), []string{p.Audience}) {
		t.Errorf("audiences = %q, want [%q]", prov.GetAudiences(), p.Audience)
	}
	if p.IdP == IdPGeneric {
		checkRBAC(t, g, map[string]string{"jwt_header/typ": "re:(?i)(application/)?at\\+jwt"})
	} else if p.IdP != IdPCognito && g.rbac != nil {
		t.Errorf("%s: unexpected rbac filter", p.IdP)
	}
	if len(prov.GetFromParams()) != 0 || len(prov.GetFromCookies()) != 0 {
		t.Errorf("tokens are also read from the query (%q) or cookies (%q)",
			prov.GetFromParams(), prov.GetFromCookies())
	}
	hs := prov.GetFromHeaders()
	if len(hs) != 1 || hs[0].GetName() != "Authorization" || hs[0].GetValuePrefix() != "Bearer " {
		t.Errorf("from_headers = %v, want only Authorization with prefix \"Bearer \"", hs)
	}
	if !prov.GetRequireExpiration() {
		t.Error("require_expiration is off")
	}
	uri := prov.GetRemoteJwks().GetHttpUri()
	if want := jwksURI(p.IdP, p.Issuer); uri.GetUri() != want {
		t.Errorf("JWKS uri = %q, want %q", uri.GetUri(), want)
	}
	if uri.GetCluster() != "authadvisor_jwks" || g.cluster(uri.GetCluster()) == nil {
		t.Errorf("JWKS fetched through cluster %q, which is not the JWKS cluster",
			uri.GetCluster())
	}
	if len(g.jwt.GetRequirementMap()) != 0 || g.jwt.GetFilterStateRules() != nil {
		t.Error("requirement_map or filter_state_rules would bypass the rules")
	}
	rules := g.jwt.GetRules()
	if len(rules) != 1 || rules[0].GetMatch().GetPrefix() != "/" ||
		len(rules[0].GetMatch().GetHeaders()) != 0 {
		t.Fatalf("want one rule matching every path, got %v", rules)
	}
	if rules[0].GetRequires() == nil {
		t.Fatal("the rule requires nothing: requests without a token would pass")
	}
	checkRequirement(t, "rule for /", rules[0].GetRequires())
}

// checkRBAC checks that the rbac filter, between jwt_authn and the router,
// allows only requests whose verified token has each metadata value of
// want ("namespace/key" to an exact value, or "re:" and a regex).
func checkRBAC(t *testing.T, g envoyGateway, want map[string]string) {
	t.Helper()
	if g.rbac == nil {
		t.Fatal("no rbac filter")
	}
	if i := slices.Index(g.filters, "envoy.filters.http.rbac"); i != 1 {
		t.Errorf("rbac filter at %d in %v, want right after jwt_authn", i, g.filters)
	}
	rules := g.rbac.GetRules()
	if rules.GetAction() != rbacconfigv3.RBAC_ALLOW || len(rules.GetPolicies()) != 1 ||
		g.rbac.GetShadowRules() != nil {
		t.Fatalf("want one ALLOW policy, got %v", rules)
	}
	for _, pol := range rules.GetPolicies() {
		if len(pol.GetPrincipals()) != 1 {
			t.Fatalf("want one principal, got %d", len(pol.GetPrincipals()))
		}
		got := map[string]string{}
		for _, id := range pol.GetPrincipals()[0].GetAndIds().GetIds() {
			mm := id.GetSourcedMetadata().GetMetadataMatcher()
			if mm.GetFilter() != "envoy.filters.http.jwt_authn" || len(mm.GetPath()) != 2 ||
				mm.GetInvert() {
				t.Fatalf("principal %v does not match jwt_authn metadata", id)
			}
			key := mm.GetPath()[0].GetKey() + "/" + mm.GetPath()[1].GetKey()
			sm := mm.GetValue().GetStringMatch()
			switch pat := sm.GetMatchPattern().(type) {
			case *matcherv3.StringMatcher_Exact:
				got[key] = pat.Exact
			case *matcherv3.StringMatcher_SafeRegex:
				got[key] = "re:" + pat.SafeRegex.GetRegex()
			default:
				t.Fatalf("%s: unexpected matcher %T", key, pat)
			}
			if sm.GetIgnoreCase() {
				t.Errorf("%s is compared ignoring case", key)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("rbac requires %q, want %q", got, want)
		}
	}
}

// checkEnvoyRoutes checks which requests reach the upstream: none with a
// credential in the query, none that skip jwt_authn.
func checkEnvoyRoutes(t *testing.T, g envoyGateway) {
	t.Helper()
	refused := []string{
		"/v1/items?access_token=abc", "/v1/items?ACCESS_TOKEN=abc", "/?token=x",
		"/a?x=1&api_key=k", "/a?Api-Key=k", "/a?key=k", "/a?api_key[]=k", "/a?api_key%5B%5D=k",
		"/a?client_secret=s", "/a?client.secret=s", "/a?x=1;Password=p", "/a?passwd",
		"/a?jwt=e30", "/a?id_token=x", "/a?refresh-token=x", "/a?+access_token=x",
		"/a?%61ccess_token=x", "/a?acc%65ss=1", "/a?x%5Fy=1",
		// Unicode case folding maps U+017F to "s" and U+212A to "k".
		"/a?acce%C5%BF%C5%BF_token=x", "/a?api_%E2%84%AAey=x", "/a?acce\u017f\u017f_token=x",
		"/a?x=1&api_\u212aey=x", "/a?access_token%00=x", "/a?x%e9=1",
	}
	allowed := []string{
		"/", "/v1/items", "/v1/items?page=2", "/access_token", "/a?q=access_token",
		"/a?monkey=1", "/a?tokens=2", "/a?keyboard=1", "/a?passwords_changed=1",
		"/a?name=%41", "/a?q=a%20b", "/a?q=caf%C3%A9", "/a?q=\u017f",
	}
	for _, path := range refused {
		r := g.routeFor(t, path)
		if r == nil || r.GetDirectResponse().GetStatus() != 400 {
			t.Errorf("%s is not answered with 400", path)
		}
	}
	for _, path := range allowed {
		r := g.routeFor(t, path)
		if r == nil || r.GetRoute().GetCluster() != "authadvisor_upstream" {
			t.Errorf("%s does not reach the upstream", path)
		} else if jwtDisabled(t, r) {
			t.Errorf("%s reaches the upstream without jwt_authn", path)
		}
	}
	for _, r := range g.hcm.GetRouteConfig().GetVirtualHosts()[0].GetRoutes() {
		if jwtDisabled(t, r) && r.GetDirectResponse() == nil {
			t.Errorf("route %s skips jwt_authn and is not a direct response", r.GetName())
		}
		if d := r.GetDirectResponse(); d != nil && d.GetStatus() != 400 {
			t.Errorf("route %s answers %d", r.GetName(), d.GetStatus())
		}
	}
}

// checkEnvoyClusters checks the JWKS and upstream clusters: the right host
// and port, and TLS that verifies the server whenever the URL is https.
func checkEnvoyClusters(t *testing.T, g envoyGateway, p Params) {
	t.Helper()
	if n := len(g.b.GetStaticResources().GetClusters()); n != 2 {
		t.Errorf("want 2 clusters, got %d", n)
	}
	for name, raw := range map[string]string{
		"authadvisor_jwks":     jwksURI(p.IdP, p.Issuer),
		"authadvisor_upstream": p.Upstream,
	} {
		c := g.cluster(name)
		if c == nil {
			t.Errorf("no cluster %s", name)
			continue
		}
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		port := u.Port()
		if port == "" {
			port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
		}
		eps := c.GetLoadAssignment().GetEndpoints()
		if len(eps) != 1 || len(eps[0].GetLbEndpoints()) != 1 {
			t.Fatalf("%s: want one endpoint", name)
		}
		sa := eps[0].GetLbEndpoints()[0].GetEndpoint().GetAddress().GetSocketAddress()
		if sa.GetAddress() != u.Hostname() || strconv.Itoa(int(sa.GetPortValue())) != port {
			t.Errorf("%s: endpoint %s:%d, want %s:%s", name, sa.GetAddress(),
				sa.GetPortValue(), u.Hostname(), port)
		}
		ts := c.GetTransportSocket()
		if u.Scheme == "http" {
			if ts != nil {
				t.Errorf("%s: TLS to an http URL", name)
			}
			continue
		}
		if ts == nil {
			t.Errorf("%s: plain text to an https URL", name)
			continue
		}
		up := unpack(t, ts.GetTypedConfig(), &tlsv3.UpstreamTlsContext{})
		vc := up.GetCommonTlsContext().GetValidationContext()
		if vc.GetTrustedCa().GetFilename() == "" {
			t.Errorf("%s: the server certificate is not verified", name)
		}
		sans := vc.GetMatchTypedSubjectAltNames()
		if len(sans) != 1 || sans[0].GetMatcher().GetExact() != u.Hostname() {
			t.Errorf("%s: certificate names %v, want only %s", name, sans, u.Hostname())
		}
	}
}

// checkEnvoyTLS checks downstream TLS and the client certificate header.
func checkEnvoyTLS(t *testing.T, g envoyGateway, mtls bool) {
	t.Helper()
	ctx := g.tls.GetCommonTlsContext()
	if len(ctx.GetTlsCertificates()) != 1 {
		t.Error("want one server certificate")
	}
	if v := ctx.GetTlsParams().GetTlsMinimumProtocolVersion(); v != tlsv3.TlsParameters_TLSv1_2 {
		t.Errorf("minimum TLS version %v, want TLSv1_2", v)
	}
	fcc := g.hcm.GetForwardClientCertDetails()
	if !mtls {
		if g.tls.GetRequireClientCertificate().GetValue() {
			t.Error("the gateway requires client certificates")
		}
		if fcc != hcmv3.HttpConnectionManager_SANITIZE {
			t.Errorf("forward_client_cert_details = %v, want SANITIZE", fcc)
		}
		return
	}
	if !g.tls.GetRequireClientCertificate().GetValue() {
		t.Error("require_client_certificate is not true")
	}
	if ctx.GetValidationContext().GetTrustedCa().GetFilename() == "" {
		t.Error("client certificates are not validated against a CA")
	}
	if fcc != hcmv3.HttpConnectionManager_SANITIZE_SET ||
		!g.hcm.GetSetCurrentClientCertDetails().GetCert() {
		t.Errorf("forward_client_cert_details = %v: want SANITIZE_SET with the certificate", fcc)
	}
}

// TestEnvoyJWKSURI checks the default key set location per provider.
func TestEnvoyJWKSURI(t *testing.T) {
	cases := []struct{ idp, issuer, want string }{
		{IdPGeneric, "https://idp.example.com", "https://idp.example.com/.well-known/jwks.json"},
		{IdPKeycloak, "https://kc.example.com/realms/shop",
			"https://kc.example.com/realms/shop/protocol/openid-connect/certs"},
		{IdPAuth0, "https://example.auth0.com/", "https://example.auth0.com/.well-known/jwks.json"},
		{IdPOkta, "https://example.okta.com/oauth2/default",
			"https://example.okta.com/oauth2/default/v1/keys"},
		{IdPOkta, "https://example.okta.com", "https://example.okta.com/oauth2/v1/keys"},
		{IdPEntraID, "https://login.microsoftonline.com/TENANT/v2.0",
			"https://login.microsoftonline.com/TENANT/discovery/v2.0/keys"},
		{IdPEntraID, "https://sts.windows.net/TENANT/",
			"https://login.microsoftonline.com/TENANT/discovery/keys"},
		{IdPCognito, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X",
			"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X/.well-known/jwks.json"},
	}
	for _, c := range cases {
		if got := jwksURI(c.idp, c.issuer); got != c.want {
			t.Errorf("%s %s: got %s, want %s", c.idp, c.issuer, got, c.want)
		}
	}
}

// TestEnvoyReadme checks that the folder README tells the user what to
// confirm and how the files were checked.
func TestEnvoyReadme(t *testing.T) {
	p := DefaultParams(IdPKeycloak)
	readme := fileData(t, renderEnvoy(t, p), "envoy/README.md")
	for _, want := range []string{
		"`" + jwksURI(p.IdP, p.Issuer) + "`",
		"`" + p.Issuer + "/.well-known/openid-configuration`",
		"`jwks_uri`", "no Envoy binary", "envoy --mode validate",
		"`authadvisor-gateway.yaml` — ", "`authadvisor-mtls.yaml` — ",
		"/etc/envoy/tls/server.key", "/etc/envoy/tls/client-ca.crt",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("envoy/README.md does not mention %s", want)
		}
	}
}
