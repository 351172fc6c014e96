// Package fakeas is an OpenID provider on 127.0.0.1 for the behaviour
// tests of the generated packages: discovery, a JWKS, signed ID tokens and
// a check of private_key_jwt client authentication. Tests add their own
// /authorize, /token and /introspect handlers to Mux.
package fakeas

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// AssertionType is the client_assertion_type of RFC 7523 §2.2.
const AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// Server is the fake provider.
type Server struct {
	*httptest.Server
	Mux *http.ServeMux
	// ClientKey is the registered client's private key; tests hand it to
	// the code under test, the server checks assertions with its public half.
	ClientKey *ecdsa.PrivateKey
	// Meta is merged into the discovery document.
	Meta map[string]any

	idKey *ecdsa.PrivateKey
	mu    sync.Mutex
	jtis  map[string]bool
}

// New starts a provider on 127.0.0.1 that stops when the test ends.
func New(t testing.TB) *Server {
	s := &Server{Mux: http.NewServeMux(), ClientKey: newKey(t), idKey: newKey(t),
		Meta: map[string]any{}, jtis: map[string]bool{}}
	s.Mux.HandleFunc("GET /.well-known/openid-configuration", s.discovery)
	s.Mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, _ *http.Request) {
		WriteJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
			{Key: &s.idKey.PublicKey, KeyID: "id-1", Algorithm: "ES256", Use: "sig"}}})
	})
	s.Server = httptest.NewServer(s.Mux)
	t.Cleanup(s.Close)
	return s
}

func (s *Server) discovery(w http.ResponseWriter, _ *http.Request) {
	doc := map[string]any{
		"issuer":                                s.URL,
		"authorization_endpoint":                s.URL + "/authorize",
		"token_endpoint":                        s.URL + "/token",
		"introspection_endpoint":                s.URL + "/introspect",
		"jwks_uri":                              s.URL + "/jwks",
		"id_token_signing_alg_values_supported": []string{"ES256"},
		"token_endpoint_auth_methods_supported": []string{"private_key_jwt"},
	}
	s.mu.Lock()
	for k, v := range s.Meta {
		doc[k] = v
	}
	s.mu.Unlock()
	WriteJSON(w, http.StatusOK, doc)
}

// CheckClient checks the client authentication of a token, introspection
// or exchange request: no secret in any form, and a fresh, unused
// assertion signed with ClientKey whose iss and sub are the client id and
// whose aud is the token endpoint (RFC 7523 §3). It returns the client id.
func (s *Server) CheckClient(r *http.Request) (string, error) {
	if _, _, basic := r.BasicAuth(); basic || r.PostFormValue("client_secret") != "" {
		return "", errors.New("a client secret was sent")
	}
	if r.PostFormValue("client_assertion_type") != AssertionType {
		return "", fmt.Errorf("client_assertion_type %q", r.PostFormValue("client_assertion_type"))
	}
	tok, err := jwt.ParseSigned(r.PostFormValue("client_assertion"),
		[]jose.SignatureAlgorithm{jose.ES256, jose.PS256})
	if err != nil {
		return "", fmt.Errorf("assertion: %w", err)
	}
	var c jwt.Claims
	if err := tok.Claims(&s.ClientKey.PublicKey, &c); err != nil {
		return "", fmt.Errorf("assertion signature: %w", err)
	}
	want := jwt.Expected{Issuer: c.Subject, AnyAudience: jwt.Audience{s.URL + "/token"},
		Time: time.Now()}
	if err := c.ValidateWithLeeway(want, 0); err != nil || c.Subject == "" {
		return "", fmt.Errorf("assertion claims %+v: %v", c, err)
	}
	if c.Expiry == nil || c.IssuedAt == nil ||
		c.Expiry.Time().Sub(c.IssuedAt.Time()) > 5*time.Minute {
		return "", errors.New("assertion lives longer than 5 minutes")
	}
	if id := r.PostFormValue("client_id"); id != "" && id != c.Subject {
		return "", fmt.Errorf("client_id %q differs from the assertion's %q", id, c.Subject)
	}
	return c.Subject, s.useJTI(c.ID)
}

// useJTI records jti and fails for an empty or repeated one.
func (s *Server) useJTI(jti string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if jti == "" || s.jtis[jti] {
		return fmt.Errorf("assertion jti %q empty or reused", jti)
	}
	s.jtis[jti] = true
	return nil
}

// IDToken returns an ID token for clientID and subject carrying nonce.
func (s *Server) IDToken(t testing.TB, clientID, subject, nonce string) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: s.idKey},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", "id-1"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	raw, err := jwt.Signed(signer).Claims(map[string]any{
		"iss": s.URL, "aud": clientID, "sub": subject, "nonce": nonce,
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
	}).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// Refuse answers an OAuth error response (RFC 6749 §5.2).
func Refuse(w http.ResponseWriter, status int, code string, err error) {
	WriteJSON(w, status, map[string]string{"error": code, "error_description": err.Error()})
}

// WriteJSON answers status with v as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}
