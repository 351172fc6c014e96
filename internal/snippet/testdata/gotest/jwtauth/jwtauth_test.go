package jwtauth_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"example.com/authstarter/jwtauth"
)

// provider is a minimal OpenID provider on 127.0.0.1: discovery and JWKS.
type provider struct {
	srv *httptest.Server
	key *rsa.PrivateKey
}

func newProvider(t *testing.T) *provider {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &provider{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter,
		_ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{
			"issuer":                 p.srv.URL,
			"authorization_endpoint": p.srv.URL + "/authorize",
			"token_endpoint":         p.srv.URL + "/token",
			"jwks_uri":               p.srv.URL + "/jwks",
		})
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
			{Key: &key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *provider) sign(t *testing.T, alg jose.SignatureAlgorithm, key any, typ string,
	claims map[string]any) string {
	opts := (&jose.SignerOptions{}).WithHeader("kid", "k1")
	if typ != "" {
		opts = opts.WithType(jose.ContentType(typ))
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(claims)
	obj, err := signer.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := obj.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestMiddleware(t *testing.T) {
	p := newProvider(t)
	cfg := jwtauth.DefaultConfig()
	cfg.Issuer = p.srv.URL
	cfg.Audience = "https://api.test"
	cfg.RequireATJWT = true
	v, err := jwtauth.NewVerifier(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := jwtauth.ClaimsFromContext(r.Context())
		if !ok || c.Subject != "alice" || !c.HasScope("read") {
			t.Errorf("claims in context: %+v %v", c, ok)
		}
	}))

	now := time.Now()
	claims := func(edit func(map[string]any)) map[string]any {
		c := map[string]any{"iss": p.srv.URL, "aud": "https://api.test", "sub": "alice",
			"exp": now.Add(5 * time.Minute).Unix(), "iat": now.Unix(), "scope": "read write"}
		if edit != nil {
			edit(c)
		}
		return c
	}
	good := p.sign(t, jose.RS256, p.key, "at+jwt", claims(nil))
	cases := []struct {
		name, target, auth string
		status             int
	}{
		{"valid", "/", "Bearer " + good, 200},
		{"scheme any case", "/", "bearer " + good, 200},
		{"token in query", "/?access_token=" + good, "", 400},
		{"api_key in query", "/?API_KEY=x", "Bearer " + good, 400},
		{"no token", "/", "", 401},
		{"basic scheme", "/", "Basic Zm9vOmJhcg==", 401},
		{"empty bearer", "/", "Bearer ", 400},
		{"wrong audience", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "at+jwt",
			claims(func(c map[string]any) { c["aud"] = "https://other.test" })), 401},
		{"wrong issuer", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "at+jwt",
			claims(func(c map[string]any) { c["iss"] = "https://evil.test" })), 401},
		{"expired", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "at+jwt",
			claims(func(c map[string]any) { c["exp"] = now.Add(-time.Minute).Unix() })), 401},
		{"no exp", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "at+jwt",
			claims(func(c map[string]any) { delete(c, "exp") })), 401},
		{"not yet valid", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "at+jwt",
			claims(func(c map[string]any) { c["nbf"] = now.Add(time.Hour).Unix() })), 401},
		{"typ JWT refused", "/", "Bearer " + p.sign(t, jose.RS256, p.key, "JWT", claims(nil)), 401},
		{"HS256 refused", "/", "Bearer " + p.sign(t, jose.HS256,
			[]byte("0123456789abcdef0123456789abcdef"), "at+jwt", claims(nil)), 401},
		// Algorithm confusion: the published RSA public key used as the
		// HMAC secret, as PEM and as DER.
		{"HS256 with the public key PEM as secret", "/", "Bearer " + p.sign(t, jose.HS256,
			publicKeyPEM(t, p), "at+jwt", claims(nil)), 401},
		{"HS256 with the public key DER as secret", "/", "Bearer " + p.sign(t, jose.HS256,
			publicKeyDER(t, p), "at+jwt", claims(nil)), 401},
		{"alg none", "/", "Bearer " + unsigned(t, claims(nil)), 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, c.target, nil)
			if c.auth != "" {
				req.Header.Set("Authorization", c.auth)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if c.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

func publicKeyDER(t *testing.T, p *provider) []byte {
	der, err := x509.MarshalPKIXPublicKey(&p.key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func publicKeyPEM(t *testing.T, p *provider) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: publicKeyDER(t, p)})
}

// unsigned returns an unsecured JWT (RFC 7519 §6): alg "none", no signature.
func unsigned(t *testing.T, claims map[string]any) string {
	header, err := json.Marshal(map[string]string{"alg": "none", "typ": "at+jwt", "kid": "k1"})
	if err != nil {
		t.Fatal(err)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding.EncodeToString
	return enc(header) + "." + enc(payload) + "."
}

func TestTypJWTAllowedWhenConfigured(t *testing.T) {
	p := newProvider(t)
	cfg := jwtauth.DefaultConfig()
	cfg.Issuer, cfg.Audience, cfg.RequireATJWT = p.srv.URL, "api", false
	v, err := jwtauth.NewVerifier(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	raw := p.sign(t, jose.RS256, p.key, "JWT", map[string]any{"iss": p.srv.URL, "aud": "api",
		"sub": "bob", "exp": time.Now().Add(time.Minute).Unix()})
	if _, err := v.Verify(t.Context(), raw); err != nil {
		t.Fatalf("typ JWT with RequireATJWT=false: %v", err)
	}
}

func TestRejectsNoneAndHMACInConfig(t *testing.T) {
	for _, alg := range []string{"none", "HS256"} {
		cfg := jwtauth.DefaultConfig()
		cfg.SigningAlgs = []string{alg}
		if _, err := jwtauth.NewVerifier(t.Context(), cfg); err == nil {
			t.Errorf("NewVerifier accepted algorithm %s", alg)
		}
	}
}
