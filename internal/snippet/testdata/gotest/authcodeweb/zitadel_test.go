package authcodeweb_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"example.com/authstarter/authcodeweb"
	"example.com/authstarter/clientauth"
	"example.com/authstarter/internal/zop"
)

func zitadelClient(t *testing.T, p *zop.Provider, key clientauth.Key) (*authcodeweb.Client,
	*tokenStore) {
	cfg := authcodeweb.DefaultConfig()
	cfg.Issuer, cfg.ClientID, cfg.RedirectURL = p.URL, zop.ServiceClient, zop.WebRedirectURL
	cfg.Scopes = []string{"profile"}
	cfg.ClientKey = key
	store := &tokenStore{saved: map[string]*oauth2.Token{}}
	c, err := authcodeweb.New(t.Context(), cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	return c, store
}

// zitadelSignIn runs Login, lets the user sign in on the provider's page
// and returns the callback request their browser would send to the app.
func zitadelSignIn(t *testing.T, c *authcodeweb.Client) *http.Request {
	rr := httptest.NewRecorder()
	c.Login(rr, httptest.NewRequest(http.MethodGet, "https://app.test/login", nil))
	cookies := rr.Result().Cookies()
	if rr.Code != http.StatusFound || len(cookies) != 1 {
		t.Fatalf("Login = %d with cookies %v", rr.Code, cookies)
	}
	back, err := zop.Browser(rr.Header().Get("Location"), zop.Password, "allow",
		zop.WebRedirectURL)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(back, zop.WebRedirectURL+"?") {
		t.Fatalf("the provider sent the browser to %s", back)
	}
	req := httptest.NewRequest(http.MethodGet, back, nil)
	req.AddCookie(cookies[0])
	return req
}

// TestSignInAgainstZitadelProvider: the confidential client redeems the
// code with a private_key_jwt assertion and the PKCE verifier, and the ID
// token verifies against the provider's keys.
func TestSignInAgainstZitadelProvider(t *testing.T) {
	p := zop.New(t)
	c, store := zitadelClient(t, p, clientauth.Key{Signer: p.ClientKey, ID: zop.ClientKeyID,
		Audience: p.URL})
	req := zitadelSignIn(t, c)
	idt, err := c.Callback(httptest.NewRecorder(), req)
	if err != nil {
		t.Fatalf("Callback: %v", err)
	}
	if idt.Subject != zop.Subject || idt.Issuer != p.URL {
		t.Errorf("ID token sub %q iss %q", idt.Subject, idt.Issuer)
	}
	tok := store.saved[zop.Subject]
	if tok == nil || !strings.HasPrefix(tok.AccessToken, "ey") {
		t.Fatalf("saved tokens %v", store.saved)
	}
	// The same authorization response again: the pending sign-in is used up.
	if _, err := c.Callback(httptest.NewRecorder(), req); err == nil {
		t.Error("a second Callback with the same response succeeded")
	}
}

// TestZitadelRefusesCodeWithoutValidAssertion: the provider refuses to
// redeem the code when the assertion is signed with an unregistered key.
func TestZitadelRefusesCodeWithoutValidAssertion(t *testing.T) {
	p := zop.New(t)
	other := zop.New(t)
	c, store := zitadelClient(t, p, clientauth.Key{Signer: other.ClientKey,
		ID: zop.ClientKeyID, Audience: p.URL})
	_, err := c.Callback(httptest.NewRecorder(), zitadelSignIn(t, c))
	if err == nil || !strings.Contains(err.Error(), "token request") {
		t.Fatalf("Callback with an unregistered key = %v, want a refused token request", err)
	}
	if len(store.saved) != 0 {
		t.Errorf("tokens saved: %v", store.saved)
	}
}
