package tokenexchange_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/authstarter/tokenexchange"
)

func TestExchange(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, secret, _ := r.BasicAuth()
		f := func(k string) string { return r.PostFormValue(k) }
		switch {
		case id != "svc" || secret != "pw":
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"invalid_client"}`))
		case f("grant_type") != tokenexchange.GrantType || f("subject_token") != "incoming" ||
			f("subject_token_type") != tokenexchange.TypeAccessToken || f("actor_token") != "":
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":"invalid_request"}`))
		case f("audience") != "https://downstream.test":
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":"invalid_target","error_description":"unknown"}`))
		default:
			_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "new",
				"issued_token_type": tokenexchange.TypeAccessToken, "token_type": "Bearer",
				"expires_in": 60})
		}
	}))
	t.Cleanup(srv.Close)
	cfg := tokenexchange.DefaultConfig()
	cfg.TokenURL, cfg.ClientID, cfg.ClientSecret = srv.URL, "svc", "pw"
	c, err := tokenexchange.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	req := tokenexchange.Request{SubjectToken: "incoming",
		SubjectTokenType: tokenexchange.TypeAccessToken,
		Audience:         []string{"https://downstream.test"}}
	res, err := c.Exchange(t.Context(), req)
	if err != nil || res.AccessToken != "new" {
		t.Fatalf("Exchange = %+v, %v", res, err)
	}

	req.Audience = []string{"https://elsewhere.test"}
	var e *tokenexchange.Error
	if _, err := c.Exchange(t.Context(), req); !errors.As(err, &e) || e.Code != "invalid_target" {
		t.Errorf("wrong audience: %v, want invalid_target", err)
	}
	req.ActorToken = "actor"
	if _, err := c.Exchange(t.Context(), req); err == nil {
		t.Error("actor token without type accepted")
	}
}
