package tokenexchange_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"example.com/authstarter/clientauth"
	"example.com/authstarter/internal/fakeas"
	"example.com/authstarter/tokenexchange"
)

// exchangeHandler is a token endpoint that accepts token exchange for the
// client "svc", authenticated with private_key_jwt, and one audience.
func exchangeHandler(as *fakeas.Server) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f := r.PostFormValue
		if id, err := as.CheckClient(r); err != nil || id != "svc" {
			fakeas.Refuse(w, http.StatusUnauthorized, "invalid_client", errors.New("client"))
			return
		}
		switch {
		case f("grant_type") != tokenexchange.GrantType || f("subject_token") != "incoming" ||
			f("subject_token_type") != tokenexchange.TypeAccessToken || f("actor_token") != "":
			fakeas.Refuse(w, http.StatusBadRequest, "invalid_request", errors.New("request"))
		case f("audience") != "https://downstream.test":
			fakeas.Refuse(w, http.StatusBadRequest, "invalid_target", errors.New("unknown"))
		default:
			fakeas.WriteJSON(w, http.StatusOK, map[string]any{"access_token": "new",
				"issued_token_type": tokenexchange.TypeAccessToken, "token_type": "Bearer",
				"expires_in": 60})
		}
	}
}

func TestExchange(t *testing.T) {
	as := fakeas.New(t)
	as.Mux.HandleFunc("POST /token", exchangeHandler(as))
	cfg := tokenexchange.DefaultConfig()
	cfg.Issuer, cfg.ClientID = as.URL, "svc"
	cfg.ClientKey = clientauth.Key{Signer: as.ClientKey}
	c, err := tokenexchange.New(t.Context(), cfg) // discovers the token endpoint
	if err != nil {
		t.Fatal(err)
	}
	req := tokenexchange.Request{SubjectToken: "incoming",
		SubjectTokenType: tokenexchange.TypeAccessToken,
		Audience:         []string{"https://downstream.test"}}
	for range 2 { // a second exchange needs a new assertion (new jti)
		if res, err := c.Exchange(t.Context(), req); err != nil || res.AccessToken != "new" {
			t.Fatalf("Exchange = %+v, %v", res, err)
		}
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

func TestExchangeNeedsClientAuthentication(t *testing.T) {
	as := fakeas.New(t)
	as.Mux.HandleFunc("POST /token", exchangeHandler(as))
	cfg := tokenexchange.Config{Issuer: as.URL, ClientID: "svc", TokenURL: as.URL + "/token"}
	if _, err := tokenexchange.New(t.Context(), cfg); err == nil ||
		!strings.Contains(err.Error(), "ClientKey") {
		t.Errorf("New without client authentication = %v", err)
	}
	other := fakeas.New(t)
	cfg.ClientKey = clientauth.Key{Signer: other.ClientKey}
	c, err := tokenexchange.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var e *tokenexchange.Error
	_, err = c.Exchange(t.Context(), tokenexchange.Request{SubjectToken: "incoming",
		SubjectTokenType: tokenexchange.TypeAccessToken})
	if !errors.As(err, &e) || e.Code != "invalid_client" {
		t.Errorf("unregistered key: %v, want invalid_client", err)
	}
}
