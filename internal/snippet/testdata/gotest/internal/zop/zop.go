// Package zop runs a real OpenID provider, built with
// github.com/zitadel/oidc/v3/pkg/op, on 127.0.0.1 for the behaviour tests
// of the generated clients. Its storage is in memory and holds one user,
// one confidential client that authenticates with private_key_jwt and one
// public native client. Tokens are signed JWTs, ID tokens and access
// tokens alike; the login and device pages are plain HTML forms that the
// tests fill in with an http.Client, as a browser would.
package zop

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// The registered clients, the user and the API the access tokens are for.
const (
	// ServiceClient is confidential: client credentials and the web sign-in
	// (authorization code to WebRedirectURL), authenticated only with a
	// private_key_jwt assertion signed by Provider.ClientKey.
	ServiceClient = "svc"
	// ClientKeyID is the kid ServiceClient's public key is registered under.
	ClientKeyID = "svc-key-1"
	// WebRedirectURL is ServiceClient's registered redirect URI.
	WebRedirectURL = "https://app.test/auth/callback"
	// NativeClient is public: authorization code with PKCE to any loopback
	// port of http://127.0.0.1/callback, and the device grant.
	NativeClient = "cli"
	// APIAudience is the aud of every access token.
	APIAudience = "https://api.test"
	// Username and Password sign the one user in; Subject is their sub.
	Username = "alice"
	Password = "correct horse battery staple"
	Subject  = "user-alice"
	// LoginPath and DevicePath are the provider's user-facing pages.
	LoginPath  = "/login"
	DevicePath = "/device"
)

// Provider is the running OpenID provider; its URL is the issuer.
type Provider struct {
	*httptest.Server
	// ClientKey is ServiceClient's private key, for the code under test.
	ClientKey *ecdsa.PrivateKey
	op        *op.Provider
	store     *storage
	basic     atomic.Int32
}

// New starts a provider on 127.0.0.1 that stops when the test ends.
func New(t testing.TB) *Provider {
	t.Helper()
	clientKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signing, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{ClientKey: clientKey}
	mux := http.NewServeMux()
	p.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter,
		r *http.Request) {
		if _, _, ok := r.BasicAuth(); ok {
			p.basic.Add(1)
		}
		mux.ServeHTTP(w, r)
	}))
	issuer := "http://" + p.Listener.Addr().String()
	p.store = newStorage(issuer, signing, &clientKey.PublicKey)

	cfg := &op.Config{
		CodeMethodS256:          true,
		AuthMethodPrivateKeyJWT: true,
		DeviceAuthorization: op.DeviceAuthorizationConfig{
			Lifetime:     5 * time.Minute,
			PollInterval: time.Second, // RFC 8628 §3.2 interval; 1s keeps the tests short
			UserFormPath: DevicePath,
			UserCode:     op.UserCodeBase20,
		},
	}
	if _, err := rand.Read(cfg.CryptoKey[:]); err != nil {
		t.Fatal(err)
	}
	p.op, err = op.NewProvider(cfg, p.store, op.StaticIssuer(issuer),
		op.WithAllowInsecure(), // http on 127.0.0.1 only
		op.WithHttpInterceptors(p.clientCredentialsAuth))
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/", p.op)
	mux.HandleFunc(LoginPath, p.login)
	mux.HandleFunc(DevicePath, p.device)
	p.Start() // p.URL is issuer from here on
	t.Cleanup(p.Close)
	return p
}

// BasicAuthRequests counts the requests that carried HTTP Basic client
// credentials. No client here has a secret, so each was a wasted attempt
// the provider refused.
func (p *Provider) BasicAuthRequests() int { return int(p.basic.Load()) }

// clientCredentialsAuth checks the client assertion of client credentials
// token requests. The op package hands only client_id and client_secret of
// such requests to the storage (ClientCredentials), so the assertion is
// verified here, with the op package's own JWT profile verifier (signature
// with the registered key, iss = sub, aud holding the issuer, exp, iat),
// and the verified client id is put in the request context.
func (p *Provider) clientCredentialsAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != p.op.TokenEndpoint().Relative() {
			next.ServeHTTP(w, r)
			return
		}
		if err := r.ParseForm(); err != nil {
			oauthError(w, http.StatusBadRequest, "invalid_request", err.Error())
			return
		}
		if oidc.GrantType(r.PostForm.Get("grant_type")) != oidc.GrantTypeClientCredentials ||
			r.PostForm.Get("client_assertion") == "" {
			next.ServeHTTP(w, r)
			return
		}
		ctx := op.ContextWithIssuer(r.Context(), p.URL)
		id, err := op.ClientJWTAuth(ctx, oidc.ClientAssertionParams{
			ClientAssertion:     r.PostForm.Get("client_assertion"),
			ClientAssertionType: r.PostForm.Get("client_assertion_type"),
		}, p.op)
		if err == nil && r.PostForm.Get("client_assertion_type") != oidc.ClientAssertionTypeJWTAssertion {
			err = errors.New("wrong client_assertion_type")
		}
		if err == nil && r.PostForm.Get("client_id") != "" && r.PostForm.Get("client_id") != id {
			err = errors.New("client_id differs from the assertion's issuer")
		}
		if err != nil {
			oauthError(w, http.StatusUnauthorized, "invalid_client", err.Error())
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), assertedClient{}, id)))
	})
}

type assertedClient struct{}

// page is the login and device form. It stands in for the provider's
// sign-in UI; the tests post to it as a browser would.
var page = template.Must(template.New("page").Parse(`<!doctype html>
<title>Sign in</title>
<form method="post" action="{{.Action}}">
{{range $k, $v := .Hidden}}<input type="hidden" name="{{$k}}" value="{{$v}}">
{{end}}<input name="username"> <input name="password" type="password">
<button name="action" value="allow">Allow</button>
<button name="action" value="deny">Deny</button>
</form>
`))

// login is the page Client.LoginURL sends the browser to. On a correct
// password with "allow" it marks the authorization request as done by the
// user and returns the browser to the op package's callback, which issues
// the code; on "deny" the op package redirects the browser to the client
// with access_denied.
func (p *Provider) login(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if r.Method == http.MethodGet {
		writePage(w, LoginPath, map[string]string{"id": id})
		return
	}
	ctx := op.ContextWithIssuer(r.Context(), p.URL)
	if r.PostFormValue("action") != "allow" {
		req, err := p.store.AuthRequestByID(ctx, id)
		if err != nil {
			http.Error(w, "unknown authorization request", http.StatusBadRequest)
			return
		}
		op.AuthRequestError(w, r.WithContext(ctx), req,
			oidc.ErrAccessDenied().WithDescription("the user refused"), p.op)
		return
	}
	if !p.store.checkPassword(r.PostFormValue("username"), r.PostFormValue("password")) {
		w.WriteHeader(http.StatusUnauthorized)
		writePage(w, LoginPath, map[string]string{"id": id})
		return
	}
	if err := p.store.completeAuthRequest(id, Subject); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, op.AuthCallbackURL(p.op)(ctx, id), http.StatusFound)
}

// device is the verification URI of the device grant (RFC 8628 §3.3).
func (p *Provider) device(w http.ResponseWriter, r *http.Request) {
	code := r.FormValue("user_code")
	if r.Method == http.MethodGet {
		writePage(w, DevicePath, map[string]string{"user_code": code})
		return
	}
	if !p.store.checkPassword(r.PostFormValue("username"), r.PostFormValue("password")) {
		w.WriteHeader(http.StatusUnauthorized)
		writePage(w, DevicePath, map[string]string{"user_code": code})
		return
	}
	allow := r.PostFormValue("action") == "allow"
	if err := p.store.completeDevice(code, Subject, allow); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_, _ = fmt.Fprintln(w, "Done. You can return to your device.")
}

func writePage(w http.ResponseWriter, action string, hidden map[string]string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = page.Execute(w, map[string]any{"Action": action, "Hidden": hidden})
}

func oauthError(w http.ResponseWriter, status int, code, description string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code,
		"error_description": description})
}

// Browser drives the user's side of a sign-in: it opens authURL, posts the
// login form with the given password and action ("allow" or "deny"), and
// follows the provider's redirects. It stops before a redirect to a URL
// starting with stopAt and returns that URL; with stopAt empty it follows
// every redirect (to a loopback listener) and returns the last URL.
func Browser(authURL, password, action, stopAt string) (string, error) {
	var stopped string
	c := &http.Client{CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if stopAt != "" && strings.HasPrefix(req.URL.String(), stopAt) {
			stopped = req.URL.String()
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := c.Get(authURL)
	if err != nil {
		return "", err
	}
	_ = resp.Body.Close()
	if resp.Request.URL.Path != LoginPath || resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("authorization request ended at %s with %s",
			resp.Request.URL, resp.Status)
	}
	form := url.Values{"id": {resp.Request.URL.Query().Get("id")},
		"username": {Username}, "password": {password}, "action": {action}}
	resp, err = c.PostForm(resp.Request.URL.String(), form)
	if err != nil {
		return "", err
	}
	_ = resp.Body.Close()
	if stopped != "" {
		return stopped, nil
	}
	if resp.StatusCode != http.StatusOK {
		return resp.Request.URL.String(), fmt.Errorf("sign-in ended at %s with %s",
			resp.Request.URL, resp.Status)
	}
	return resp.Request.URL.String(), nil
}

// ApproveDevice plays the user on the verification page: it posts the user
// code with the password and action ("allow" or "deny").
func ApproveDevice(verificationURI, userCode, password, action string) error {
	resp, err := http.PostForm(verificationURI, url.Values{"user_code": {userCode},
		"username": {Username}, "password": {password}, "action": {action}})
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("verification page answered %s", resp.Status)
	}
	return nil
}
