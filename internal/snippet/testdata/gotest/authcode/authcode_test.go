package authcode_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"example.com/authstarter/authcode"
)

// fakeIdP is an authorization server on 127.0.0.1 that checks PKCE.
type fakeIdP struct {
	srv       *httptest.Server
	key       *rsa.PrivateKey
	mu        sync.Mutex
	challenge string
	nonce     string
	issParam  string // iss sent back on the redirect (RFC 9207)
	verified  bool
}

func newFakeIdP(t *testing.T) *fakeIdP {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeIdP{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter,
		_ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{
			"issuer": f.srv.URL, "authorization_endpoint": f.srv.URL + "/authorize",
			"token_endpoint": f.srv.URL + "/token", "jwks_uri": f.srv.URL + "/jwks"})
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
			{Key: &key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("/authorize", f.authorize)
	mux.HandleFunc("/token", f.token(t))
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	f.issParam = f.srv.URL
	return f
}

func (f *fakeIdP) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("response_type") != "code" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.challenge, f.nonce = q.Get("code_challenge"), q.Get("nonce")
	iss := f.issParam
	f.mu.Unlock()
	back := url.Values{"code": {"the-code"}, "state": {q.Get("state")}, "iss": {iss}}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func (f *fakeIdP) token(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		sum := sha256.Sum256([]byte(r.FormValue("code_verifier")))
		if base64.RawURLEncoding.EncodeToString(sum[:]) != f.challenge ||
			r.FormValue("code") != "the-code" {
			http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
			return
		}
		f.verified = true
		signer, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: f.key},
			(&jose.SignerOptions{}).WithHeader("kid", "k1"))
		claims, _ := json.Marshal(map[string]any{"iss": f.srv.URL, "aud": "cli", "sub": "alice",
			"nonce": f.nonce, "iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()})
		obj, _ := signer.Sign(claims)
		idt, _ := obj.CompactSerialize()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "at", "token_type": "Bearer",
			"expires_in": 300, "id_token": idt})
	}
}

// browser follows the authorization URL like a user agent would; a
// wrong-state request is sent first and must be refused.
func browser(t *testing.T) authcode.OpenURL {
	return func(authURL string) error {
		c := &http.Client{CheckRedirect: func(req *http.Request, _ []*http.Request) error {
			if !strings.HasPrefix(req.URL.Host, "127.0.0.1:") {
				t.Errorf("redirect to %s, want a 127.0.0.1 loopback port", req.URL.Host)
			}
			forged := *req.URL
			q := forged.Query()
			q.Set("state", "forged")
			forged.RawQuery = q.Encode()
			resp, err := http.Get(forged.String())
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("forged state answered %d, want 400", resp.StatusCode)
				}
			}
			return nil
		}}
		resp, err := c.Get(authURL)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func TestLogin(t *testing.T) {
	f := newFakeIdP(t)
	cfg := authcode.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.Timeout = f.srv.URL, "cli", 10*time.Second
	res, err := authcode.Login(t.Context(), cfg, browser(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Token.AccessToken != "at" || res.IDToken.Subject != "alice" || !f.verified {
		t.Errorf("result %+v, verifier checked %v", res, f.verified)
	}
}

func TestLoginRejectsIssuerMixUp(t *testing.T) {
	f := newFakeIdP(t)
	f.issParam = "https://other.example"
	cfg := authcode.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.Timeout = f.srv.URL, "cli", 10*time.Second
	if _, err := authcode.Login(t.Context(), cfg, browser(t)); err == nil ||
		!strings.Contains(err.Error(), "unexpected issuer") {
		t.Fatalf("Login = %v, want an unexpected issuer error", err)
	}
}
