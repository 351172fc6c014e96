package authcode_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/authstarter/authcode"
	"example.com/authstarter/internal/zop"
	"example.com/authstarter/jwtauth"
)

func zitadelConfig(p *zop.Provider) authcode.Config {
	cfg := authcode.DefaultConfig()
	cfg.Issuer, cfg.ClientID = p.URL, zop.NativeClient
	cfg.Scopes = []string{"profile", "orders.read"}
	cfg.Timeout = 30 * time.Second
	return cfg
}

// TestLoginAgainstZitadelProvider signs the user in through the provider's
// login page: the provider checks the redirect URI (any loopback port),
// PKCE and the code; Login verifies the ID token (signature, iss, aud, exp,
// nonce) against the provider's keys.
func TestLoginAgainstZitadelProvider(t *testing.T) {
	p := zop.New(t)
	var landed string
	open := func(authURL string) error {
		var err error
		landed, err = zop.Browser(authURL, zop.Password, "allow", "")
		return err
	}
	res, err := authcode.Login(t.Context(), zitadelConfig(p), open)
	if err != nil {
		t.Fatalf("Login: %v", err)
	}
	if !strings.HasPrefix(landed, "http://127.0.0.1:") || !strings.Contains(landed, "/callback?") {
		t.Errorf("the browser ended at %s, want the loopback callback", landed)
	}
	if res.IDToken.Subject != zop.Subject || res.IDToken.Issuer != p.URL ||
		!slices.Contains(res.IDToken.Audience, zop.NativeClient) {
		t.Errorf("ID token sub %q iss %q aud %v", res.IDToken.Subject, res.IDToken.Issuer,
			res.IDToken.Audience)
	}
	var claims struct {
		Username string `json:"preferred_username"`
	}
	if err := res.IDToken.Claims(&claims); err != nil || claims.Username != zop.Username {
		t.Errorf("ID token preferred_username %q, %v", claims.Username, err)
	}

	// The access token is the user's, for the API.
	vcfg := jwtauth.DefaultConfig()
	vcfg.Issuer, vcfg.Audience, vcfg.AudienceClaim = p.URL, zop.APIAudience, "aud"
	vcfg.RequireATJWT = false // the op package types its access tokens "JWT"
	v, err := jwtauth.NewVerifier(t.Context(), vcfg)
	if err != nil {
		t.Fatal(err)
	}
	at, err := v.Verify(t.Context(), res.Token.AccessToken)
	if err != nil {
		t.Fatalf("access token: %v", err)
	}
	if at.Subject != zop.Subject || !at.HasScope("orders.read") {
		t.Errorf("access token claims %+v", at)
	}
	// A public client has no secret to send (RFC 6749 §2.3.1).
	if n := p.BasicAuthRequests(); n != 0 {
		t.Errorf("%d requests sent Basic client credentials", n)
	}
}

// TestDeniedLoginAgainstZitadelProvider: the user refuses on the login
// page; the provider redirects back with an error and Login reports it.
func TestDeniedLoginAgainstZitadelProvider(t *testing.T) {
	p := zop.New(t)
	open := func(authURL string) error {
		_, err := zop.Browser(authURL, zop.Password, "deny", "")
		if err == nil {
			t.Error("the loopback listener answered a refused sign-in with 200")
		}
		return nil
	}
	_, err := authcode.Login(t.Context(), zitadelConfig(p), open)
	if err == nil || !strings.Contains(err.Error(), "authorization failed: access_denied") {
		t.Fatalf("Login after the user refused = %v, want an authorization error", err)
	}
}

// TestWrongPasswordGetsNoCode: the provider keeps the browser on its login
// page, so no redirect reaches the app.
func TestWrongPasswordGetsNoCode(t *testing.T) {
	p := zop.New(t)
	ctx, cancel := context.WithCancel(t.Context())
	open := func(authURL string) error {
		landed, err := zop.Browser(authURL, "wrong password", "allow", "")
		if err == nil || !strings.Contains(landed, zop.LoginPath) {
			t.Errorf("wrong password ended at %s, %v; want the login page", landed, err)
		}
		cancel() // the user gives up
		return nil
	}
	if _, err := authcode.Login(ctx, zitadelConfig(p), open); err == nil {
		t.Fatal("Login succeeded with a wrong password")
	}
}
