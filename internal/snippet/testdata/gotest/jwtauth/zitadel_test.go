package jwtauth_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/authstarter/clientauth"
	"example.com/authstarter/clientcreds"
	"example.com/authstarter/internal/zop"
	"example.com/authstarter/jwtauth"
)

// zitadelToken returns an access token the provider issues to its
// confidential client, obtained with the generated clientcreds package.
func zitadelToken(t *testing.T, p *zop.Provider) string {
	cfg := clientcreds.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.Scopes = p.URL, zop.ServiceClient, []string{"orders.read"}
	cfg.Audience, cfg.AudienceParam = "", ""
	cfg.ClientKey = clientauth.Key{Signer: p.ClientKey, ID: zop.ClientKeyID, Audience: p.URL}
	ts, err := clientcreds.TokenSource(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ts.Token()
	if err != nil {
		t.Fatal(err)
	}
	return tok.AccessToken
}

// TestMiddlewareWithZitadelTokens runs the middleware against the
// provider's discovery document, keys and real access tokens.
func TestMiddlewareWithZitadelTokens(t *testing.T) {
	p := zop.New(t)
	other := zop.New(t)
	token, otherToken := zitadelToken(t, p), zitadelToken(t, other)

	cases := []struct {
		name   string
		edit   func(*jwtauth.Config)
		token  string
		status int
	}{
		{"accepted", nil, token, http.StatusOK},
		{"wrong audience", func(c *jwtauth.Config) { c.Audience = "https://other-api.test" },
			token, http.StatusUnauthorized},
		{"another provider's token", nil, otherToken, http.StatusUnauthorized},
		{"issuer of another provider", func(c *jwtauth.Config) { c.Issuer = other.URL },
			token, http.StatusUnauthorized},
		// The op package types access tokens "JWT", not "at+jwt".
		{"at+jwt required", func(c *jwtauth.Config) { c.RequireATJWT = true },
			token, http.StatusUnauthorized},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := jwtauth.DefaultConfig()
			cfg.Issuer, cfg.Audience, cfg.AudienceClaim = p.URL, zop.APIAudience, "aud"
			cfg.RequireATJWT = false
			if c.edit != nil {
				c.edit(&cfg)
			}
			v, err := jwtauth.NewVerifier(t.Context(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			var subject string
			h := v.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				if claims, ok := jwtauth.ClaimsFromContext(r.Context()); ok {
					subject = claims.Subject
				}
			}))
			req := httptest.NewRequest(http.MethodGet, "/orders", nil)
			req.Header.Set("Authorization", "Bearer "+c.token)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if c.status == http.StatusOK && subject != zop.ServiceClient {
				t.Errorf("subject in context %q, want %q", subject, zop.ServiceClient)
			}
		})
	}
}
