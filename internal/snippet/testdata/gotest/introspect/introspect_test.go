package introspect_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/authstarter/clientauth"
	"example.com/authstarter/internal/fakeas"
	"example.com/authstarter/introspect"
)

// fakeAS serves discovery and an introspection endpoint on 127.0.0.1 that
// accepts only the API's private_key_jwt client authentication.
func fakeAS(t *testing.T, calls *atomic.Int32) *fakeas.Server {
	as := fakeas.New(t)
	srv := as.Server
	as.Mux.HandleFunc("POST /introspect", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if id, err := as.CheckClient(r); err != nil || id != "api:client" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		exp := time.Now().Add(time.Hour).Unix()
		res := map[string]any{"active": false}
		switch r.FormValue("token") {
		case "good":
			res = map[string]any{"active": true, "iss": srv.URL, "aud": "api", "exp": exp,
				"sub": "alice"}
		case "other-aud":
			res = map[string]any{"active": true, "iss": srv.URL, "aud": []string{"x"}, "exp": exp}
		case "boom":
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(res)
	})
	return as
}

func TestMiddleware(t *testing.T) {
	var calls atomic.Int32
	as := fakeAS(t, &calls)
	for _, ttl := range []time.Duration{0, time.Minute} {
		calls.Store(0)
		cfg := introspect.Config{Issuer: as.URL, Audience: "api", ClientID: "api:client",
			ClientKey: clientauth.Key{Signer: as.ClientKey}, CacheTTL: ttl}
		in, err := introspect.New(t.Context(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		h := in.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if res, ok := introspect.FromContext(r.Context()); !ok || res.Subject != "alice" {
				t.Errorf("result in context: %+v", res)
			}
		}))
		cases := []struct {
			target, token string
			status        int
		}{
			{"/", "good", 200}, {"/", "good", 200}, {"/", "revoked", 401},
			{"/", "other-aud", 401}, {"/", "boom", 503}, {"/?token=good", "", 400}, {"/", "", 401},
		}
		for _, c := range cases {
			req := httptest.NewRequest(http.MethodGet, c.target, nil)
			if c.token != "" {
				req.Header.Set("Authorization", "Bearer "+c.token)
			}
			rr := httptest.NewRecorder()
			h.ServeHTTP(rr, req)
			if rr.Code != c.status {
				t.Errorf("ttl %v, token %q: status %d, want %d", ttl, c.token, rr.Code, c.status)
			}
		}
		// Without a cache every token is introspected; with one, "good" only once.
		want := int32(5)
		if ttl > 0 {
			want = 4
		}
		if n := calls.Load(); n != want {
			t.Errorf("ttl %v: %d introspection calls, want %d", ttl, n, want)
		}
	}
}

// TestClientAuthentication: the endpoint refuses an unregistered key (the
// middleware then fails closed with 503), and New refuses a config without
// any client authentication.
func TestClientAuthentication(t *testing.T) {
	var calls atomic.Int32
	as := fakeAS(t, &calls)
	other := fakeas.New(t) // a second provider, only for its unrelated key
	cfg := introspect.Config{Issuer: as.URL, Audience: "api", ClientID: "api:client",
		ClientKey: clientauth.Key{Signer: other.ClientKey}}
	in, err := introspect.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Authorization", "Bearer good")
	rr := httptest.NewRecorder()
	in.Middleware(http.NotFoundHandler()).ServeHTTP(rr, req)
	if rr.Code != http.StatusServiceUnavailable {
		t.Errorf("wrong client key: status %d, want 503", rr.Code)
	}
	cfg.ClientKey = clientauth.Key{}
	if _, err := introspect.New(t.Context(), cfg); err == nil ||
		!strings.Contains(err.Error(), "ClientKey") {
		t.Errorf("New without client authentication = %v", err)
	}
}
