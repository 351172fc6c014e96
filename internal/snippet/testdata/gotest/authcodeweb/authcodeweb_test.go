package authcodeweb_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"example.com/authstarter/authcodeweb"
	"example.com/authstarter/clientauth"
	"example.com/authstarter/internal/fakeas"
)

// idp wraps the fake provider with an authorization endpoint and a token
// endpoint that checks PKCE, redirect_uri and private_key_jwt.
type idp struct {
	*fakeas.Server
	mu        sync.Mutex
	authz     url.Values // the last authorization request
	iss       string     // iss sent on the redirect; "" sends none
	nonce     string     // nonce put in the ID token; "" echoes the request's
	exchanged int
}

func newIdP(t *testing.T) *idp {
	f := &idp{Server: fakeas.New(t)}
	f.iss = f.URL
	f.Mux.HandleFunc("GET /authorize", f.authorize)
	f.Mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		f.token(t, w, r)
	})
	return f
}

func (f *idp) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f.mu.Lock()
	f.authz = q
	back := url.Values{"code": {"the-code"}, "state": {q.Get("state")}}
	if f.iss != "" {
		back.Set("iss", f.iss)
	}
	f.mu.Unlock()
	// The browser would follow this to the app; the test reads it instead.
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func (f *idp) token(t *testing.T, w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id, err := f.CheckClient(r); err != nil || id != "web" {
		fakeas.Refuse(w, http.StatusUnauthorized, "invalid_client", fmt.Errorf("%s: %v", id, err))
		return
	}
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	if base64.RawURLEncoding.EncodeToString(sum[:]) != f.authz.Get("code_challenge") ||
		r.PostFormValue("code") != "the-code" ||
		r.PostFormValue("redirect_uri") != f.authz.Get("redirect_uri") {
		fakeas.Refuse(w, http.StatusBadRequest, "invalid_grant", errors.New("code"))
		return
	}
	f.exchanged++
	nonce := f.nonce
	if nonce == "" {
		nonce = f.authz.Get("nonce")
	}
	fakeas.WriteJSON(w, http.StatusOK, map[string]any{"access_token": "at",
		"refresh_token": "rt", "token_type": "Bearer", "expires_in": 300,
		"id_token": f.IDToken(t, "web", "alice", nonce)})
}

// tokenStore records what Callback hands over.
type tokenStore struct{ saved map[string]*oauth2.Token }

func (s *tokenStore) Save(_ context.Context, id *oidc.IDToken, tok *oauth2.Token) error {
	s.saved[id.Subject] = tok
	return nil
}

// signIn runs Login, follows the provider's redirect without a browser and
// returns the callback request the browser would send, with its cookie.
func signIn(t *testing.T, c *authcodeweb.Client) (*http.Request, *http.Cookie) {
	rr := httptest.NewRecorder()
	c.Login(rr, httptest.NewRequest(http.MethodGet, "https://app.test/login", nil))
	cookies := rr.Result().Cookies()
	if rr.Code != http.StatusFound || len(cookies) != 1 {
		t.Fatalf("Login = %d with cookies %v", rr.Code, cookies)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := noFollow.Get(rr.Header().Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req := httptest.NewRequest(http.MethodGet, resp.Header.Get("Location"), nil)
	req.AddCookie(cookies[0])
	return req, cookies[0]
}

func newClient(t *testing.T, f *idp) (*authcodeweb.Client, *tokenStore) {
	cfg := authcodeweb.DefaultConfig()
	cfg.Issuer, cfg.ClientID = f.URL, "web"
	cfg.ClientKey = clientauth.Key{Signer: f.ClientKey, ID: "web-key"}
	store := &tokenStore{saved: map[string]*oauth2.Token{}}
	c, err := authcodeweb.New(t.Context(), cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	return c, store
}

func TestSignIn(t *testing.T) {
	f := newIdP(t)
	c, store := newClient(t, f)
	req, cookie := signIn(t, c)

	q := f.authz
	if q.Get("code_challenge_method") != "S256" || q.Get("nonce") == "" ||
		q.Get("redirect_uri") != authcodeweb.DefaultConfig().RedirectURL ||
		!strings.HasPrefix(q.Get("redirect_uri"), "https://") || q.Has("client_secret") {
		t.Errorf("authorization request %v", q)
	}
	if cookie.Name != "__Host-signin" || !cookie.Secure || !cookie.HttpOnly ||
		cookie.Path != "/" || cookie.SameSite != http.SameSiteLaxMode {
		t.Errorf("sign-in cookie %+v", cookie)
	}
	idt, err := c.Callback(httptest.NewRecorder(), req)
	if err != nil {
		t.Fatal(err)
	}
	if idt.Subject != "alice" || store.saved["alice"].RefreshToken != "rt" || f.exchanged != 1 {
		t.Errorf("subject %q, saved %v, exchanges %d", idt.Subject, store.saved, f.exchanged)
	}
	if _, err := c.Callback(httptest.NewRecorder(), req); err == nil {
		t.Error("the same authorization response was accepted twice")
	}
}

func TestCallbackRefuses(t *testing.T) {
	cases := []struct {
		name  string
		setup func(f *idp)            // before the client starts
		edit  func(req *http.Request) // on the callback request
		want  string
	}{
		{name: "forged state", edit: func(req *http.Request) { setQuery(req, "state", "x") },
			want: "state"},
		{name: "no cookie", edit: func(req *http.Request) { req.Header.Del("Cookie") },
			want: "no sign-in"},
		{name: "error response", edit: func(req *http.Request) {
			setQuery(req, "error", "access_denied")
		}, want: "access_denied"},
		{name: "mix-up", setup: func(f *idp) { f.iss = "https://other.example" },
			want: "unexpected issuer"},
		{name: "iss promised but missing", setup: func(f *idp) {
			f.iss = ""
			f.Meta["authorization_response_iss_parameter_supported"] = true
		}, want: "lacks the iss"},
		{name: "wrong nonce", setup: func(f *idp) { f.nonce = "replayed" }, want: "nonce"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newIdP(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			c, store := newClient(t, f)
			req, _ := signIn(t, c)
			if tc.edit != nil {
				tc.edit(req)
			}
			_, err := c.Callback(httptest.NewRecorder(), req)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Callback = %v, want an error mentioning %q", err, tc.want)
			}
			if len(store.saved) != 0 {
				t.Errorf("tokens saved despite the error: %v", store.saved)
			}
		})
	}
}

func TestIssOptionalWhenNotPromised(t *testing.T) {
	f := newIdP(t)
	f.iss = ""
	c, _ := newClient(t, f)
	req, _ := signIn(t, c)
	if _, err := c.Callback(httptest.NewRecorder(), req); err != nil {
		t.Errorf("response without iss from a provider that does not promise it: %v", err)
	}
}

func TestTokenRequestNeedsTheRegisteredKey(t *testing.T) {
	f := newIdP(t)
	other := fakeas.New(t)
	cfg := authcodeweb.DefaultConfig()
	cfg.Issuer, cfg.ClientID = f.URL, "web"
	cfg.ClientKey = clientauth.Key{Signer: other.ClientKey}
	c, err := authcodeweb.New(t.Context(), cfg, &tokenStore{saved: map[string]*oauth2.Token{}})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := signIn(t, c)
	if _, err := c.Callback(httptest.NewRecorder(), req); err == nil ||
		!strings.Contains(err.Error(), "invalid_client") {
		t.Errorf("Callback with an unregistered key = %v, want invalid_client", err)
	}
}

func TestNewChecksConfig(t *testing.T) {
	f := newIdP(t)
	store := &tokenStore{saved: map[string]*oauth2.Token{}}
	cases := map[string]func(*authcodeweb.Config){
		"http redirect": func(c *authcodeweb.Config) { c.RedirectURL = "http://app.test/cb" },
		"no client authentication": func(c *authcodeweb.Config) {
			c.ClientKey = clientauth.Key{}
		},
	}
	for name, edit := range cases {
		cfg := authcodeweb.DefaultConfig()
		cfg.Issuer, cfg.ClientID = f.URL, "web"
		cfg.ClientKey = clientauth.Key{Signer: f.ClientKey}
		edit(&cfg)
		if _, err := authcodeweb.New(t.Context(), cfg, store); err == nil {
			t.Errorf("%s: New accepted the config", name)
		}
	}
}

func setQuery(req *http.Request, key, value string) {
	q := req.URL.Query()
	q.Set(key, value)
	req.URL.RawQuery = q.Encode()
}
