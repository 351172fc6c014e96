package zop

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// tokenLifetime is how long access and ID tokens are valid.
const tokenLifetime = 5 * time.Minute

var errNotFound = errors.New("not found")

// storage implements op.Storage, op.ClientCredentialsStorage and
// op.DeviceAuthorizationStorage in memory.
type storage struct {
	issuer  string
	signing *rsa.PrivateKey
	clients map[string]*client

	mu       sync.Mutex
	requests map[string]*authRequest // by id
	codes    map[string]string       // code -> request id
	devices  map[string]*deviceGrant // by device code
	tokens   map[string]accessToken  // by token id (jti)
}

type accessToken struct {
	clientID, subject string
	audience, scopes  []string
	expires           time.Time
}

type deviceGrant struct {
	userCode string
	state    op.DeviceAuthorizationState
}

func newStorage(issuer string, signing *rsa.PrivateKey, clientKey *ecdsa.PublicKey) *storage {
	return &storage{
		issuer:  issuer,
		signing: signing,
		clients: map[string]*client{
			ServiceClient: {id: ServiceClient, appType: op.ApplicationTypeWeb,
				authMethod:   oidc.AuthMethodPrivateKeyJWT,
				redirectURIs: []string{WebRedirectURL},
				grants: []oidc.GrantType{oidc.GrantTypeClientCredentials,
					oidc.GrantTypeCode},
				keys:     map[string]any{ClientKeyID: clientKey},
				loginURL: issuer + LoginPath},
			NativeClient: {id: NativeClient, appType: op.ApplicationTypeNative,
				authMethod:   oidc.AuthMethodNone,
				redirectURIs: []string{"http://127.0.0.1/callback"},
				grants:       []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeDeviceCode},
				loginURL:     issuer + LoginPath},
		},
		requests: map[string]*authRequest{},
		codes:    map[string]string{},
		devices:  map[string]*deviceGrant{},
		tokens:   map[string]accessToken{},
	}
}

func (s *storage) checkPassword(user, password string) bool {
	return user == Username && subtle.ConstantTimeCompare([]byte(password), []byte(Password)) == 1
}

// completeAuthRequest records that subject signed in for request id.
func (s *storage) completeAuthRequest(id, subject string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, ok := s.requests[id]
	if !ok {
		return errors.New("unknown authorization request")
	}
	req.subject, req.authTime, req.done = subject, time.Now(), true
	return nil
}

// completeDevice approves or denies the device grant with userCode.
func (s *storage) completeDevice(userCode, subject string, allow bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.devices {
		if d.userCode != userCode || d.state.Done || d.state.Denied {
			continue
		}
		if !time.Now().Before(d.state.Expires) {
			return errors.New("the code has expired")
		}
		if !allow {
			d.state.Denied = true
			return nil
		}
		d.state.Done, d.state.Subject, d.state.AuthTime = true, subject, time.Now()
		d.state.AMR = []string{"pwd"}
		return nil
	}
	return errors.New("unknown user code")
}

// AuthStorage

func (s *storage) CreateAuthRequest(_ context.Context, r *oidc.AuthRequest,
	userID string) (op.AuthRequest, error) {
	req := &authRequest{id: rand.Text(), req: *r, subject: userID,
		audience: []string{r.ClientID, APIAudience}}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[req.id] = req
	return req, nil
}

func (s *storage) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, ok := s.requests[id]
	if !ok {
		return nil, errNotFound
	}
	return req, nil
}

func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, errNotFound
	}
	return s.AuthRequestByID(ctx, id)
}

func (s *storage) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.codes[code] = id
	return nil
}

func (s *storage) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.requests, id)
	for code, reqID := range s.codes {
		if reqID == id {
			delete(s.codes, code) // a code is redeemed once
		}
	}
	return nil
}

func (s *storage) CreateAccessToken(_ context.Context, r op.TokenRequest) (string, time.Time, error) {
	clientID := ""
	switch r := r.(type) {
	case *authRequest:
		clientID = r.req.ClientID
	case *tokenRequest:
		clientID = r.clientID
	case *op.DeviceAuthorizationState:
		clientID = r.ClientID
	}
	id, exp := rand.Text(), time.Now().Add(tokenLifetime)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[id] = accessToken{clientID: clientID, subject: r.GetSubject(),
		audience: r.GetAudience(), scopes: r.GetScopes(), expires: exp}
	return id, exp, nil
}

func (s *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest,
	string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errors.New("refresh tokens are not issued")
}

func (s *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

func (s *storage) TerminateSession(context.Context, string, string) error { return nil }

func (s *storage) RevokeToken(_ context.Context, id, _, _ string) *oidc.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, id)
	return nil
}

func (s *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

func (s *storage) SigningKey(context.Context) (op.SigningKey, error) {
	return signingKey{s.signing}, nil
}

func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *storage) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{&s.signing.PublicKey}}, nil
}

// OPStorage

func (s *storage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	c, ok := s.clients[id]
	if !ok {
		return nil, errNotFound
	}
	return c, nil
}

func (s *storage) AuthorizeClientIDSecret(context.Context, string, string) error {
	return errors.New("no client has a secret")
}

func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string,
	[]string) error {
	return nil
}

// SetUserinfoFromRequest fills the ID token's user claims.
func (s *storage) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo,
	r op.IDTokenRequest, _ []string) error {
	info.Subject = r.GetSubject()
	if info.Subject == Subject {
		info.PreferredUsername = Username
	}
	return nil
}

func (s *storage) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, id,
	_, _ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tok, ok := s.tokens[id]
	if !ok || !time.Now().Before(tok.expires) {
		return errNotFound
	}
	info.Subject = tok.subject
	return nil
}

func (s *storage) SetIntrospectionFromToken(_ context.Context, resp *oidc.IntrospectionResponse,
	id, _, _ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tok, ok := s.tokens[id]
	if !ok || !time.Now().Before(tok.expires) {
		return errNotFound
	}
	resp.Subject, resp.ClientID, resp.Audience = tok.subject, tok.clientID, tok.audience
	resp.Scope = tok.scopes
	return nil
}

func (s *storage) GetPrivateClaimsFromScopes(_ context.Context, _, _ string,
	scopes []string) (map[string]any, error) {
	// RFC 9068 §2.2.3: the granted scopes in the access token.
	return map[string]any{"scope": strings.Join(scopes, " ")}, nil
}

func (s *storage) GetKeyByIDAndClientID(_ context.Context, keyID, clientID string) (*jose.JSONWebKey, error) {
	c, ok := s.clients[clientID]
	if !ok {
		return nil, errNotFound
	}
	key, ok := c.keys[keyID]
	if !ok {
		return nil, errNotFound
	}
	return &jose.JSONWebKey{Key: key, KeyID: keyID, Use: "sig"}, nil
}

func (s *storage) ValidateJWTProfileScopes(_ context.Context, _ string, scopes []string) ([]string, error) {
	return scopes, nil
}

func (s *storage) Health(context.Context) error { return nil }

// ClientCredentialsStorage

// ClientCredentials returns the client whose assertion clientCredentialsAuth
// verified for this request; no client authenticates with a secret.
func (s *storage) ClientCredentials(ctx context.Context, clientID, secret string) (op.Client, error) {
	asserted, _ := ctx.Value(assertedClient{}).(string)
	c, ok := s.clients[clientID]
	if !ok || secret != "" || asserted != clientID {
		return nil, errors.New("client authentication failed")
	}
	return c, nil
}

func (s *storage) ClientCredentialsTokenRequest(_ context.Context, clientID string,
	scopes []string) (op.TokenRequest, error) {
	return &tokenRequest{clientID: clientID, scopes: scopes}, nil
}

// DeviceAuthorizationStorage

func (s *storage) StoreDeviceAuthorization(_ context.Context, clientID, deviceCode, userCode string,
	expires time.Time, scopes []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.devices {
		if d.userCode == userCode {
			return op.ErrDuplicateUserCode
		}
	}
	s.devices[deviceCode] = &deviceGrant{userCode: userCode, state: op.DeviceAuthorizationState{
		ClientID: clientID, Scopes: scopes, Expires: expires,
		Audience: []string{clientID, APIAudience}}}
	return nil
}

func (s *storage) GetDeviceAuthorizatonState(_ context.Context, clientID,
	deviceCode string) (*op.DeviceAuthorizationState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.devices[deviceCode]
	if !ok || d.state.ClientID != clientID {
		return nil, errNotFound
	}
	state := d.state
	return &state, nil
}

// authRequest implements op.AuthRequest.
type authRequest struct {
	id       string
	req      oidc.AuthRequest
	audience []string
	subject  string
	authTime time.Time
	done     bool
}

func (a *authRequest) GetID() string          { return a.id }
func (a *authRequest) GetACR() string         { return "" }
func (a *authRequest) GetAMR() []string       { return []string{"pwd"} }
func (a *authRequest) GetAudience() []string  { return a.audience }
func (a *authRequest) GetAuthTime() time.Time { return a.authTime }
func (a *authRequest) GetClientID() string    { return a.req.ClientID }
func (a *authRequest) GetNonce() string       { return a.req.Nonce }
func (a *authRequest) GetRedirectURI() string { return a.req.RedirectURI }
func (a *authRequest) GetScopes() []string    { return a.req.Scopes }
func (a *authRequest) GetState() string       { return a.req.State }
func (a *authRequest) GetSubject() string     { return a.subject }
func (a *authRequest) Done() bool             { return a.done }
func (a *authRequest) GetResponseMode() oidc.ResponseMode {
	return a.req.ResponseMode
}
func (a *authRequest) GetResponseType() oidc.ResponseType {
	return a.req.ResponseType
}
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if a.req.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: a.req.CodeChallenge, Method: a.req.CodeChallengeMethod}
}

// tokenRequest is a client credentials grant: the client is the subject.
type tokenRequest struct {
	clientID string
	scopes   []string
}

func (r *tokenRequest) GetSubject() string    { return r.clientID }
func (r *tokenRequest) GetAudience() []string { return []string{APIAudience} }
func (r *tokenRequest) GetScopes() []string   { return r.scopes }

// client implements op.Client.
type client struct {
	id           string
	appType      op.ApplicationType
	authMethod   oidc.AuthMethod
	redirectURIs []string
	grants       []oidc.GrantType
	keys         map[string]any // kid -> public key, for private_key_jwt
	loginURL     string
}

func (c *client) GetID() string                       { return c.id }
func (c *client) RedirectURIs() []string              { return c.redirectURIs }
func (c *client) PostLogoutRedirectURIs() []string    { return nil }
func (c *client) ApplicationType() op.ApplicationType { return c.appType }
func (c *client) AuthMethod() oidc.AuthMethod         { return c.authMethod }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) GrantTypes() []oidc.GrantType { return c.grants }
func (c *client) LoginURL(id string) string {
	return c.loginURL + "?id=" + id
}
func (c *client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeJWT }
func (c *client) IDTokenLifetime() time.Duration      { return tokenLifetime }
func (c *client) DevMode() bool                       { return false }
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return slices.Clone[[]string]
}
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return slices.Clone[[]string]
}
func (c *client) IsScopeAllowed(string) bool           { return true }
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return false }
func (c *client) ClockSkew() time.Duration             { return 0 }

// signingKey and publicKey are the provider's RS256 key pair.
type signingKey struct{ key *rsa.PrivateKey }

func (k signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k signingKey) Key() any                                    { return k.key }
func (k signingKey) ID() string                                  { return "op-1" }

type publicKey struct{ key *rsa.PublicKey }

func (k publicKey) ID() string                         { return "op-1" }
func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k publicKey) Use() string                        { return "sig" }
func (k publicKey) Key() any                           { return k.key }
