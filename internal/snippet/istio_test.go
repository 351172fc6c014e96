package snippet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	securityv1 "istio.io/client-go/pkg/apis/security/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// istioConfig is a rendered Istio folder, parsed.
type istioConfig struct {
	peer  []*securityv1.PeerAuthentication
	authn []*securityv1.RequestAuthentication
	authz []*securityv1.AuthorizationPolicy
}

// parseIstio splits data into YAML documents and decodes each strictly
// into the Istio security/v1 type its kind names: unknown or misspelt
// fields, duplicate keys, wrong enum values and unknown kinds are errors.
func parseIstio(data []byte, into *istioConfig) error {
	docs := regexp.MustCompile(`(?m)^---[ \t]*$`).Split(string(data), -1)
	for i, doc := range docs {
		if strings.TrimSpace(istioUncommented(doc)) == "" {
			continue
		}
		js, err := yaml.YAMLToJSONStrict([]byte(doc))
		if err != nil {
			return fmt.Errorf("document %d: %w", i+1, err)
		}
		var head struct {
			APIVersion string          `json:"apiVersion"`
			Kind       string          `json:"kind"`
			Spec       json.RawMessage `json:"spec"`
		}
		if err := json.Unmarshal(js, &head); err != nil {
			return fmt.Errorf("document %d: %w", i+1, err)
		}
		if head.APIVersion != "security.istio.io/v1" {
			return fmt.Errorf("document %d: apiVersion %q, want security.istio.io/v1",
				i+1, head.APIVersion)
		}
		var obj any
		var spec proto.Message
		switch head.Kind {
		case "PeerAuthentication":
			o := &securityv1.PeerAuthentication{}
			obj, spec = o, &o.Spec
			into.peer = append(into.peer, o)
		case "RequestAuthentication":
			o := &securityv1.RequestAuthentication{}
			obj, spec = o, &o.Spec
			into.authn = append(into.authn, o)
		case "AuthorizationPolicy":
			o := &securityv1.AuthorizationPolicy{}
			obj, spec = o, &o.Spec
			into.authz = append(into.authz, o)
		default:
			return fmt.Errorf("document %d: unknown kind %q", i+1, head.Kind)
		}
		// The object's own fields and metadata, strictly; the spec types
		// decode leniently through their JSON methods, so the spec is
		// decoded again below with protojson, which refuses unknown fields.
		dec := json.NewDecoder(bytes.NewReader(js))
		dec.DisallowUnknownFields()
		if err := dec.Decode(obj); err != nil {
			return fmt.Errorf("document %d (%s): %w", i+1, head.Kind, err)
		}
		if err := protojson.Unmarshal(head.Spec, spec); err != nil {
			return fmt.Errorf("document %d (%s) spec: %w", i+1, head.Kind, err)
		}
	}
	return nil
}

func istioUncommented(doc string) string {
	var keep []string
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// renderIstio renders every Istio snippet with p and parses the files.
func renderIstio(t *testing.T, p Params) (istioConfig, []File) {
	t.Helper()
	files, err := Render(templatesFS(), specsOf("istio"), p)
	if err != nil {
		t.Fatal(err)
	}
	var cfg istioConfig
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".yaml") {
			if err := parseIstio(f.Data, &cfg); err != nil {
				t.Fatalf("%s: %v\n%s", f.Path, err, f.Data)
			}
		}
	}
	return cfg, files
}

var dnsLabelRE = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)

func checkObjectMeta(t *testing.T, kind string, m metav1.ObjectMeta) {
	t.Helper()
	for _, v := range []string{m.Name, m.Namespace} {
		if !dnsLabelRE.MatchString(v) {
			t.Errorf("%s: %q is not a DNS label", kind, v)
		}
	}
}

// istioCases are the parameters every Istio check runs with: each
// provider's placeholders, and the hostile values under each provider.
func istioCases() map[string]Params {
	cases := map[string]Params{}
	for _, idp := range IdPs() {
		cases[idp] = DefaultParams(idp)
		h := hostileParams()
		h.IdP = idp
		cases["hostile-"+idp] = h
	}
	return cases
}

func TestIstioSnippetsEnforceTokensAndMTLS(t *testing.T) {
	for name, p := range istioCases() {
		t.Run(name, func(t *testing.T) {
			cfg, _ := renderIstio(t, p)
			if len(cfg.peer) != 1 || len(cfg.authn) != 1 || len(cfg.authz) != 1 {
				t.Fatalf("got %d PeerAuthentication, %d RequestAuthentication, "+
					"%d AuthorizationPolicy; want one each",
					len(cfg.peer), len(cfg.authn), len(cfg.authz))
			}
			checkPeerAuthentication(t, cfg.peer[0])
			checkRequestAuthentication(t, cfg.authn[0], p)
			checkAuthorizationPolicy(t, cfg.authz[0], cfg.authn[0], p)
		})
	}
}

func checkPeerAuthentication(t *testing.T, pa *securityv1.PeerAuthentication) {
	t.Helper()
	checkObjectMeta(t, "PeerAuthentication", pa.ObjectMeta)
	if pa.Name != "default" || pa.Namespace != "istio-system" {
		t.Errorf("PeerAuthentication is %s/%s, want the mesh-wide istio-system/default",
			pa.Namespace, pa.Name)
	}
	if pa.Spec.GetMtls().GetMode().String() != "STRICT" {
		t.Errorf("mTLS mode %v, want STRICT", pa.Spec.GetMtls().GetMode())
	}
	if pa.Spec.GetSelector() != nil || len(pa.Spec.GetPortLevelMtls()) != 0 {
		t.Error("PeerAuthentication narrows STRICT to a selector or some ports")
	}
}

func checkRequestAuthentication(t *testing.T, ra *securityv1.RequestAuthentication, p Params) {
	t.Helper()
	checkObjectMeta(t, "RequestAuthentication", ra.ObjectMeta)
	rules := ra.Spec.GetJwtRules()
	if len(rules) != 1 {
		t.Fatalf("%d jwtRules, want 1", len(rules))
	}
	r := rules[0]
	if r.GetIssuer() != p.Issuer {
		t.Errorf("issuer %q, want %q", r.GetIssuer(), p.Issuer)
	}
	wantAud := []string{p.Audience}
	if p.IdP == IdPCognito {
		wantAud = nil // no aud in Cognito access tokens; client_id is checked
	}
	if !slices.Equal(r.GetAudiences(), wantAud) {
		t.Errorf("audiences %q, want %q", r.GetAudiences(), wantAud)
	}
	if len(r.GetFromParams()) != 0 || len(r.GetFromCookies()) != 0 {
		t.Errorf("tokens also read from params %q or cookies %q",
			r.GetFromParams(), r.GetFromCookies())
	}
	h := r.GetFromHeaders()
	if len(h) != 1 || h[0].GetName() != "Authorization" || h[0].GetPrefix() != "Bearer " {
		t.Errorf("fromHeaders %v, want only Authorization with prefix \"Bearer \"", h)
	}
	iss, _ := url.Parse(p.Issuer)
	jwks, err := url.Parse(r.GetJwksUri())
	if r.GetJwks() != "" || err != nil || jwks.Scheme != iss.Scheme || jwks.Host != iss.Host {
		t.Errorf("keys from %q (inline %q), want a jwksUri on the issuer's host",
			r.GetJwksUri(), r.GetJwks())
	}
	if r.GetForwardOriginalToken() {
		t.Error("forwardOriginalToken set")
	}
}

func checkAuthorizationPolicy(t *testing.T, ap *securityv1.AuthorizationPolicy,
	ra *securityv1.RequestAuthentication, p Params) {
	t.Helper()
	checkObjectMeta(t, "AuthorizationPolicy", ap.ObjectMeta)
	if ap.Namespace != ra.Namespace ||
		!istioSameLabels(ap.Spec.GetSelector().GetMatchLabels(), ra.Spec.GetSelector().GetMatchLabels()) {
		t.Errorf("policy applies to %s %v, authentication to %s %v", ap.Namespace,
			ap.Spec.GetSelector().GetMatchLabels(), ra.Namespace,
			ra.Spec.GetSelector().GetMatchLabels())
	}
	for k, v := range ap.Spec.GetSelector().GetMatchLabels() {
		if !dnsLabelRE.MatchString(k) || !dnsLabelRE.MatchString(v) {
			t.Errorf("selector label %q=%q is not valid", k, v)
		}
	}
	if ap.Spec.GetAction().String() != "DENY" || ap.Spec.GetProvider() != nil {
		t.Fatalf("action %v, want DENY", ap.Spec.GetAction())
	}
	rules := ap.Spec.GetRules()
	want := 2
	if p.IdP == IdPCognito {
		want = 3
	}
	if len(rules) != want {
		t.Fatalf("%d rules, want %d", len(rules), want)
	}
	// The first rule alone must deny every request without a principal
	// from the issuer: no path, method or condition may narrow it.
	r := rules[0]
	if len(r.GetTo()) != 0 || len(r.GetWhen()) != 0 || len(r.GetFrom()) != 1 {
		t.Fatalf("the principal rule is narrowed: %v", r)
	}
	src := r.GetFrom()[0].GetSource()
	if !slices.Equal(src.GetNotRequestPrincipals(), []string{p.Issuer + "/*"}) {
		t.Errorf("notRequestPrincipals %q, want [%q]", src.GetNotRequestPrincipals(),
			p.Issuer+"/*")
	}
	if len(src.GetRequestPrincipals()) != 0 || len(src.GetPrincipals()) != 0 ||
		len(src.GetNamespaces()) != 0 || len(src.GetIpBlocks()) != 0 ||
		len(src.GetNotNamespaces()) != 0 || len(src.GetNotPrincipals()) != 0 {
		t.Errorf("the principal rule has more conditions: %v", src)
	}
	// The second denies every token whose iss is not exactly the issuer.
	if c := rules[1]; len(c.GetFrom()) != 0 || len(c.GetTo()) != 0 ||
		len(c.GetWhen()) != 1 || c.GetWhen()[0].GetKey() != "request.auth.claims[iss]" ||
		!slices.Equal(c.GetWhen()[0].GetNotValues(), []string{p.Issuer}) ||
		len(c.GetWhen()[0].GetValues()) != 0 {
		t.Errorf("iss rule %v, want a deny unless iss is %q", c, p.Issuer)
	}
	if p.IdP == IdPCognito {
		c := rules[2]
		if len(c.GetFrom()) != 0 || len(c.GetTo()) != 0 || len(c.GetWhen()) != 1 ||
			c.GetWhen()[0].GetKey() != "request.auth.claims[client_id]" ||
			!slices.Equal(c.GetWhen()[0].GetNotValues(), []string{p.Audience}) ||
			len(c.GetWhen()[0].GetValues()) != 0 {
			t.Errorf("client_id rule %v, want a deny unless client_id is %q", c, p.Audience)
		}
	}
}

func istioSameLabels(a, b map[string]string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestParseIstioIsStrict proves the parser the checks above rely on
// refuses what Istio would refuse or silently ignore.
func TestParseIstioIsStrict(t *testing.T) {
	_, files := renderIstio(t, DefaultParams(IdPCognito))
	jwt := fileData(t, files, "istio/jwt-authentication.yaml")
	peer := fileData(t, files, "istio/peer-authentication.yaml")
	cases := []struct{ name, data, old, new string }{
		{"misspelt spec field", jwt, "fromHeaders:", "fromHeader:"},
		{"misspelt query list", jwt, "jwksUri:", "fromParam: [access_token]\n      jwksUri:"},
		{"misspelt rule field", jwt, "notRequestPrincipals:", "notRequestPrincipal:"},
		{"misspelt when field", jwt, "notValues:", "notValue:"},
		{"misspelt metadata", peer, "namespace:", "namespce:"},
		{"misspelt top-level field", peer, "spec:", "spex:"},
		{"unknown mode", peer, "STRICT", "STRIKT"},
		{"duplicate key", peer, "  name: default", "  name: default\n  name: other"},
		{"unknown kind", peer, "kind: PeerAuthentication", "kind: PeerAuthenticaton"},
		{"old apiVersion", peer, "security.istio.io/v1", "security.istio.io/v1beta2"},
	}
	for _, c := range cases {
		if !strings.Contains(c.data, c.old) {
			t.Fatalf("%s: %q not in the file", c.name, c.old)
		}
		bad := strings.Replace(c.data, c.old, c.new, 1)
		err := parseIstio([]byte(bad), &istioConfig{})
		if err == nil {
			t.Errorf("%s: parsed without error:\n%s", c.name, bad)
		}
		t.Logf("%s: %v", c.name, err)
	}
	for _, good := range []string{jwt, peer} {
		if err := parseIstio([]byte(good), &istioConfig{}); err != nil {
			t.Errorf("the unchanged file fails: %v", err)
		}
	}
}

func TestIstioJWKSDefaults(t *testing.T) {
	want := map[string]string{
		IdPGeneric:  "https://idp.example.com/.well-known/jwks.json",
		IdPKeycloak: "https://idp.example.com/realms/example/protocol/openid-connect/certs",
		IdPAuth0:    "https://example.auth0.com/.well-known/jwks.json",
		IdPOkta:     "https://example.okta.com/oauth2/default/v1/keys",
		IdPEntraID: "https://login.microsoftonline.com/" +
			"00000000-0000-0000-0000-000000000000/discovery/v2.0/keys",
		IdPCognito: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE/" +
			".well-known/jwks.json",
	}
	for idp, uri := range want {
		cfg, files := renderIstio(t, DefaultParams(idp))
		if got := cfg.authn[0].Spec.GetJwtRules()[0].GetJwksUri(); got != uri {
			t.Errorf("%s: jwksUri %q, want %q", idp, got, uri)
		}
		if readme := fileData(t, files, "istio/README.md"); !strings.Contains(readme, "jwks_uri") {
			t.Errorf("%s: README does not ask to confirm the key set URL", idp)
		}
	}
	if got := jwksURI(IdPOkta, "https://example.okta.com"); got !=
		"https://example.okta.com/oauth2/v1/keys" {
		t.Errorf("Okta org authorization server: %q", got)
	}
}

// TestIstioRefusesWildcardClientID: Istio reads a leading or trailing `*`
// in a `when` value as a wildcard, so such a Cognito app client id would
// let other clients' tokens through; it fails naming the flag.
func TestIstioRefusesWildcardClientID(t *testing.T) {
	for _, aud := range []string{"abc*", "*abc", "*"} {
		p := DefaultParams(IdPCognito)
		p.Audience = aud
		_, err := Render(templatesFS(), specsOf("istio"), p)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Flag != "--audience" {
			t.Errorf("audience %q: error %v, want a *ParamError for --audience", aud, err)
		}
		if err != nil && strings.Contains(err.Error(), "template") {
			t.Errorf("audience %q: error %q speaks of templates; name only the flag", aud, err)
		}
	}
	// A wildcard-looking aud is compared exactly by RequestAuthentication.
	p := DefaultParams(IdPGeneric)
	p.Audience = "api*"
	cfg, _ := renderIstio(t, p)
	if got := cfg.authn[0].Spec.GetJwtRules()[0].GetAudiences(); !slices.Equal(got, []string{"api*"}) {
		t.Errorf("audiences %q", got)
	}
}

func TestIstioNamesAreDNSLabels(t *testing.T) {
	long := strings.Repeat("a", 62) + "b"
	for _, host := range []string{"api.example.com", "My-API.example.com", long + ".example.com",
		"x.example.com", "0abc-9.example.com"} {
		p := DefaultParams("")
		p.APIHost = host
		cfg, _ := renderIstio(t, p)
		for _, m := range []metav1.ObjectMeta{cfg.authn[0].ObjectMeta, cfg.authz[0].ObjectMeta} {
			checkObjectMeta(t, host, m)
		}
		for _, v := range cfg.authn[0].Spec.GetSelector().GetMatchLabels() {
			if !dnsLabelRE.MatchString(v) {
				t.Errorf("%s: label value %q", host, v)
			}
		}
	}
}

func TestDNSLabel(t *testing.T) {
	cases := []struct{ base, suffix, want string }{
		{"api", "-require-jwt", "api-require-jwt"},
		{strings.Repeat("a", 63), "-x", strings.Repeat("a", 61) + "-x"},
		{strings.Repeat("a", 50) + "-" + strings.Repeat("b", 12), "-require-jwt",
			strings.Repeat("a", 50) + "-require-jwt"},
		{"", "-route", "route"},
	}
	for _, c := range cases {
		got := dnsLabel(c.base, c.suffix)
		if got != c.want || !dnsLabelRE.MatchString(got) {
			t.Errorf("dnsLabel(%q, %q) = %q, want %q", c.base, c.suffix, got, c.want)
		}
	}
}

// istioValueMatches reports whether v matches an AuthorizationPolicy value:
// exact, or with a leading or trailing "*" a suffix or prefix match, or
// "*" alone for any non-empty value.
func istioValueMatches(pattern, v string) bool {
	switch {
	case pattern == "*":
		return v != ""
	case strings.HasPrefix(pattern, "*"):
		return strings.HasSuffix(v, pattern[1:])
	case strings.HasSuffix(pattern, "*"):
		return strings.HasPrefix(v, pattern[:len(pattern)-1])
	}
	return v == pattern
}

// istioDenies evaluates the DENY policy for a request with a valid token
// whose iss and sub are given, the way Istio does for the fields the
// template uses: a rule matches when all its from and when conditions do,
// and the request is denied when any rule matches.
func istioDenies(t *testing.T, ap *securityv1.AuthorizationPolicy, iss, sub string) bool {
	t.Helper()
	principal := iss + "/" + sub
	for _, r := range ap.Spec.GetRules() {
		if len(r.GetTo()) != 0 {
			t.Fatalf("rule %v: to is not simulated", r)
		}
		match := true
		for _, f := range r.GetFrom() {
			not := f.GetSource().GetNotRequestPrincipals()
			if len(not) == 0 {
				t.Fatalf("rule %v: only notRequestPrincipals is simulated", r)
			}
			if slices.ContainsFunc(not, func(p string) bool {
				return istioValueMatches(p, principal)
			}) {
				match = false
			}
		}
		for _, c := range r.GetWhen() {
			claims := map[string]string{"request.auth.claims[iss]": iss,
				"request.auth.claims[client_id]": "", "request.auth.claims[sub]": sub}
			v, ok := claims[c.GetKey()]
			if !ok || len(c.GetValues()) != 0 {
				t.Fatalf("rule %v: only notValues on iss, sub or client_id is simulated", r)
			}
			if slices.ContainsFunc(c.GetNotValues(), func(p string) bool {
				return istioValueMatches(p, v)
			}) {
				match = false
			}
		}
		if match {
			return true
		}
	}
	return false
}

// TestIstioDeniesOtherIssuersOnTheSameHost: the principal pattern
// "<issuer>/*" also matches a longer issuer on the same host (Okta's org
// issuer and its /oauth2/default server), so iss must be compared exactly.
func TestIstioDeniesOtherIssuersOnTheSameHost(t *testing.T) {
	p := DefaultParams(IdPOkta)
	p.Issuer = "https://example.okta.com"
	cfg, _ := renderIstio(t, p)
	ap := cfg.authz[0]
	if istioDenies(t, ap, p.Issuer, "alice") {
		t.Error("a token from the issuer is denied")
	}
	for _, iss := range []string{"https://example.okta.com/oauth2/default",
		"https://example.okta.com/", "https://example.okta.com.evil.test", "https://other.test"} {
		if !istioDenies(t, ap, iss, "alice") {
			t.Errorf("a token from %s is allowed", iss)
		}
	}
}

func TestIstioRefusesWildcardIssuer(t *testing.T) {
	p := DefaultParams(IdPGeneric)
	p.Issuer = "https://idp.example.com/*"
	_, err := Render(templatesFS(), specsOf("istio"), p)
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Flag != "--issuer" {
		t.Errorf("issuer %q: error %v, want a *ParamError for --issuer", p.Issuer, err)
	}
}
