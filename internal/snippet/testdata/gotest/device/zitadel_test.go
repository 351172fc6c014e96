package device_test

import (
	"strings"
	"testing"

	"example.com/authstarter/device"
	"example.com/authstarter/internal/zop"
	"example.com/authstarter/jwtauth"
)

func zitadelConfig(p *zop.Provider) device.Config {
	cfg := device.DefaultConfig()
	cfg.Issuer, cfg.ClientID = p.URL, zop.NativeClient
	cfg.Scopes = []string{"openid", "orders.read"}
	return cfg
}

// TestDeviceLoginAgainstZitadelProvider: Login shows the provider's
// verification URI and user code; the user approves on the provider's
// page; Login's polling then receives the user's access token.
func TestDeviceLoginAgainstZitadelProvider(t *testing.T) {
	p := zop.New(t)
	var shown device.Prompt
	show := func(pr device.Prompt) error {
		shown = pr
		return zop.ApproveDevice(pr.VerificationURI, pr.UserCode, zop.Password, "allow")
	}
	tok, err := device.Login(t.Context(), zitadelConfig(p), show)
	if err != nil {
		t.Fatalf("Login: %v", err)
	}
	if shown.VerificationURI != p.URL+zop.DevicePath || shown.UserCode == "" ||
		!strings.Contains(shown.Instructions(), shown.UserCode) {
		t.Errorf("prompt %+v", shown)
	}
	vcfg := jwtauth.DefaultConfig()
	vcfg.Issuer, vcfg.Audience, vcfg.AudienceClaim = p.URL, zop.APIAudience, "aud"
	vcfg.RequireATJWT = false // the op package types its access tokens "JWT"
	v, err := jwtauth.NewVerifier(t.Context(), vcfg)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.Verify(t.Context(), tok.AccessToken)
	if err != nil {
		t.Fatalf("access token: %v", err)
	}
	if claims.Subject != zop.Subject || !claims.HasScope("orders.read") {
		t.Errorf("access token claims %+v", claims)
	}
	// A public client has no secret to send (RFC 6749 §2.3.1).
	if n := p.BasicAuthRequests(); n != 0 {
		t.Errorf("%d requests sent Basic client credentials", n)
	}
}

// TestDeviceLoginDenied: the user refuses on the verification page.
func TestDeviceLoginDenied(t *testing.T) {
	p := zop.New(t)
	show := func(pr device.Prompt) error {
		return zop.ApproveDevice(pr.VerificationURI, pr.UserCode, zop.Password, "deny")
	}
	_, err := device.Login(t.Context(), zitadelConfig(p), show)
	if err == nil || !strings.Contains(err.Error(), "denied") {
		t.Fatalf("Login after the user refused = %v, want a denial", err)
	}
}
