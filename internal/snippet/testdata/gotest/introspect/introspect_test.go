package introspect_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"example.com/authstarter/introspect"
)

// fakeAS serves discovery and an introspection endpoint on 127.0.0.1.
func fakeAS(t *testing.T, calls *atomic.Int32) *httptest.Server {
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter,
		_ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{
			"issuer": srv.URL, "authorization_endpoint": srv.URL + "/authorize",
			"token_endpoint": srv.URL + "/token", "jwks_uri": srv.URL + "/jwks",
			"introspection_endpoint": srv.URL + "/introspect"})
	})
	mux.HandleFunc("POST /introspect", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		id, secret, ok := r.BasicAuth()
		if !ok || id != "api%3Aclient" || secret != "s3cret" {
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
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestMiddleware(t *testing.T) {
	var calls atomic.Int32
	srv := fakeAS(t, &calls)
	for _, ttl := range []time.Duration{0, time.Minute} {
		calls.Store(0)
		cfg := introspect.Config{Issuer: srv.URL, Audience: "api", ClientID: "api:client",
			ClientSecret: "s3cret", CacheTTL: ttl}
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
