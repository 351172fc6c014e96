package clientcreds_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/authstarter/clientauth"
	"example.com/authstarter/clientcreds"
	"example.com/authstarter/internal/zop"
	"example.com/authstarter/jwtauth"
)

// zitadelConfig configures the generated client for the in-process
// provider. The provider names the API by the client's registration, so no
// audience parameter is sent; it wants its issuer as the assertion's aud.
func zitadelConfig(p *zop.Provider) clientcreds.Config {
	cfg := clientcreds.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.Scopes = p.URL, zop.ServiceClient, []string{"orders.read"}
	cfg.Audience, cfg.AudienceParam = "", ""
	cfg.ClientKey = clientauth.Key{Signer: p.ClientKey, ID: zop.ClientKeyID, Audience: p.URL}
	return cfg
}

// TestTokenFromZitadelProvider obtains a real access token and checks it
// the way the API would: a JWT signed by the provider, for the API, whose
// subject is the client and which carries the requested scope.
func TestTokenFromZitadelProvider(t *testing.T) {
	p := zop.New(t)
	ts, err := clientcreds.TokenSource(t.Context(), zitadelConfig(p))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ts.Token()
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	if !strings.EqualFold(tok.TokenType, "Bearer") || tok.Expiry.IsZero() {
		t.Errorf("token type %q, expiry %v", tok.TokenType, tok.Expiry)
	}
	vcfg := jwtauth.DefaultConfig()
	vcfg.Issuer, vcfg.Audience, vcfg.AudienceClaim = p.URL, zop.APIAudience, "aud"
	vcfg.RequireATJWT = false // the op package types its access tokens "JWT"
	v, err := jwtauth.NewVerifier(t.Context(), vcfg)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.Verify(t.Context(), tok.AccessToken)
	if err != nil {
		t.Fatalf("the provider's access token does not verify: %v", err)
	}
	if claims.Subject != zop.ServiceClient || claims.ClientID != zop.ServiceClient ||
		!claims.HasScope("orders.read") {
		t.Errorf("claims %+v", claims)
	}
}

// TestClientHTTPSendsProviderToken checks that the client from Client puts
// the provider's token in the Authorization header.
func TestClientHTTPSendsProviderToken(t *testing.T) {
	p := zop.New(t)
	var got string
	api := http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
	})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	c, err := clientcreds.Client(t.Context(), zitadelConfig(p))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasPrefix(got, "Bearer ey") {
		t.Errorf("Authorization = %q, want a bearer JWT", got)
	}
}

// TestZitadelRefusesBadAssertions: a key the provider does not know for
// the client, and an assertion addressed to the token endpoint, which this
// provider does not accept as its audience.
func TestZitadelRefusesBadAssertions(t *testing.T) {
	p := zop.New(t)
	other := zop.New(t) // a second provider: its client key is not registered at p
	cases := map[string]func(*clientcreds.Config){
		"unregistered key": func(c *clientcreds.Config) { c.ClientKey.Signer = other.ClientKey },
		"unknown kid":      func(c *clientcreds.Config) { c.ClientKey.ID = "svc-key-2" },
		"aud token endpoint": func(c *clientcreds.Config) {
			c.ClientKey.Audience = ""
		},
		"aud another issuer": func(c *clientcreds.Config) { c.ClientKey.Audience = other.URL },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			cfg := zitadelConfig(p)
			edit(&cfg)
			ts, err := clientcreds.TokenSource(t.Context(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if tok, err := ts.Token(); err == nil || !strings.Contains(err.Error(), "invalid_client") {
				t.Errorf("Token = %v, %v; want invalid_client", tok, err)
			}
		})
	}
}
