package clientcreds_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"example.com/authstarter/clientauth"
	"example.com/authstarter/clientcreds"
	"example.com/authstarter/internal/fakeas"
)

// newAS serves a token endpoint that requires private_key_jwt; every token
// it issues expires at once, so each Token call asks again.
func newAS(t *testing.T, calls *atomic.Int32) *fakeas.Server {
	as := fakeas.New(t)
	as.Mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		if id, err := as.CheckClient(r); err != nil || id != "svc" {
			fakeas.Refuse(w, http.StatusUnauthorized, "invalid_client",
				fmt.Errorf("%s: %v", id, err))
			return
		}
		if r.PostFormValue("grant_type") != "client_credentials" ||
			r.PostFormValue("scope") != "a b" || r.PostFormValue("resource") != "https://api.test" {
			fakeas.Refuse(w, http.StatusBadRequest, "invalid_request", fmt.Errorf("%v", r.PostForm))
			return
		}
		fakeas.WriteJSON(w, http.StatusOK, map[string]any{
			"access_token": fmt.Sprintf("at-%d", n), "token_type": "Bearer", "expires_in": 1})
	})
	return as
}

func config(as *fakeas.Server) clientcreds.Config {
	cfg := clientcreds.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.Scopes = as.URL, "svc", []string{"a", "b"}
	cfg.Audience, cfg.AudienceParam = "https://api.test", "resource"
	cfg.ClientKey = clientauth.Key{Signer: as.ClientKey, ID: "svc-key"}
	return cfg
}

// TestEveryTokenRequestHasAFreshAssertion fails if an assertion were
// reused: the fake server refuses a jti it has seen.
func TestEveryTokenRequestHasAFreshAssertion(t *testing.T) {
	var calls atomic.Int32
	as := newAS(t, &calls)
	ts, err := clientcreds.TokenSource(t.Context(), config(as))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		tok, err := ts.Token()
		if err != nil || tok.AccessToken != fmt.Sprintf("at-%d", i) {
			t.Fatalf("token %d: %+v, %v", i, tok, err)
		}
	}
}

func TestWrongKeyIsRefused(t *testing.T) {
	var calls atomic.Int32
	as := newAS(t, &calls)
	cfg := config(as)
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	cfg.ClientKey.Signer = other
	ts, err := clientcreds.TokenSource(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Token(); err == nil || !strings.Contains(err.Error(), "invalid_client") {
		t.Errorf("Token with an unregistered key = %v, want invalid_client", err)
	}
}

func TestNoSecretFallback(t *testing.T) {
	var calls atomic.Int32
	cfg := config(newAS(t, &calls))
	cfg.ClientKey = clientauth.Key{}
	if _, err := clientcreds.TokenSource(t.Context(), cfg); err == nil ||
		!strings.Contains(err.Error(), "ClientKey") {
		t.Errorf("TokenSource without a key or mTLS client = %v, want an error", err)
	}
	if calls.Load() != 0 {
		t.Error("a token request was sent without client authentication")
	}
}
