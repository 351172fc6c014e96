package snippet

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultModule is the Go module path written into go/go.mod when
// Params.Module is empty.
const DefaultModule = "example.com/authstarter"

// Params are the values a user supplies for the snippets. Every field is
// checked by Validate before any template sees it.
type Params struct {
	// Issuer is the OpenID issuer URL: https, or http only for loopback
	// hosts (127.0.0.1, ::1, localhost).
	Issuer string
	// Audience is the expected `aud` of access tokens sent to the API.
	Audience string
	// ClientID is the OAuth client identifier of the app or service.
	ClientID string
	// Scopes are the scopes a client asks for.
	Scopes []string
	// APIHost is the DNS name the API is served under (nginx server_name).
	APIHost string
	// Upstream is where the gateway proxies to, e.g. http://127.0.0.1:8080.
	Upstream string
	// IdP names the identity provider: generic_oidc, keycloak, auth0, okta,
	// entra_id or cognito. It only changes notes and default values.
	IdP string
	// Module is the Go module path of the generated Go folder.
	Module string
	// IdleTimeout ends a session after this long without requests and
	// AbsoluteTimeout this long after login. Zero means
	// DefaultIdleTimeout or DefaultAbsoluteTimeout. Each is a whole number
	// of seconds up to 24 hours, and the idle timeout is no longer than the
	// absolute one.
	IdleTimeout     time.Duration
	AbsoluteTimeout time.Duration
	// TokenLifetime is the longest access-token lifetime the
	// recommendation allows; gateways that can bound a token's `exp`
	// (Kong's maximum_expiration) use it. Zero means
	// DefaultTokenLifetime. A whole number of seconds up to 24 hours.
	TokenLifetime time.Duration
}

// DefaultTokenLifetime is the token lifetime bound when the
// recommendation sets none: the longest any of its settings allows.
const DefaultTokenLifetime = time.Hour

// IdP identifiers accepted in Params.IdP.
const (
	IdPGeneric  = "generic_oidc"
	IdPKeycloak = "keycloak"
	IdPAuth0    = "auth0"
	IdPOkta     = "okta"
	IdPEntraID  = "entra_id"
	IdPCognito  = "cognito"
)

// IdPs returns the accepted identity provider ids, generic first.
func IdPs() []string {
	return []string{IdPGeneric, IdPKeycloak, IdPAuth0, IdPOkta, IdPEntraID, IdPCognito}
}

// DefaultParams returns placeholder values shaped like the given identity
// provider's. An empty idp means generic_oidc; an unknown one keeps its name
// (so Validate reports it) and gets the generic values.
func DefaultParams(idp string) Params {
	if idp == "" {
		idp = IdPGeneric
	}
	p := Params{
		Issuer:   "https://idp.example.com",
		Audience: "https://api.example.com",
		ClientID: "example-client",
		Scopes:   []string{"api.read"},
		APIHost:  "api.example.com",
		Upstream: "http://127.0.0.1:8080",
		IdP:      idp,
		Module:   DefaultModule,

		IdleTimeout:     DefaultIdleTimeout,
		AbsoluteTimeout: DefaultAbsoluteTimeout,
	}
	switch idp {
	case IdPKeycloak:
		p.Issuer = "https://idp.example.com/realms/example"
		p.Audience = "example-api"
	case IdPAuth0:
		p.Issuer = "https://example.auth0.com/"
		p.Scopes = []string{"read:api"}
	case IdPOkta:
		p.Issuer = "https://example.okta.com/oauth2/default"
		p.Audience = "api://default"
	case IdPEntraID:
		p.Issuer = "https://login.microsoftonline.com/" +
			"00000000-0000-0000-0000-000000000000/v2.0"
		p.Audience = "11111111-1111-1111-1111-111111111111"
		p.ClientID = "22222222-2222-2222-2222-222222222222"
		p.Scopes = []string{"api://11111111-1111-1111-1111-111111111111/.default"}
	case IdPCognito:
		p.Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE"
		// Cognito access tokens carry the app client id in `client_id`
		// and have no `aud`, so the audience to check is the client id.
		p.ClientID = "1example23456789abcdefghij"
		p.Audience = p.ClientID
		p.Scopes = []string{"example-api/read"}
	}
	return p
}

// ParamError reports one invalid parameter, named by its command-line flag.
type ParamError struct {
	Flag   string // e.g. "--issuer"
	Value  string // the offending value, shown quoted and shortened
	Reason string // what is wrong and what to pass instead
}

// Error returns a lower-case message naming the flag in backticks.
func (e *ParamError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("`%s` %s", e.Flag, e.Reason)
	}
	return fmt.Sprintf("`%s` %s: %s", e.Flag, shortQuote(e.Value), e.Reason)
}

// shortQuote quotes v with control characters escaped, cut to 80 runes.
func shortQuote(v string) string {
	if r := []rune(v); len(r) > 80 {
		v = string(r[:80]) + "…"
	}
	return strconv.QuoteToGraphic(v)
}

// Validate checks every field and reports all problems at once, joined.
// Each problem is a *ParamError.
func (p Params) Validate() error {
	var errs []error
	add := func(flag, value, reason string) {
		if reason != "" {
			errs = append(errs, &ParamError{Flag: flag, Value: value, Reason: reason})
		}
	}
	add("--issuer", p.Issuer, checkIssuer(p.Issuer))
	add("--audience", p.Audience, checkAudience(p.Audience))
	add("--client-id", p.ClientID, checkClientID(p.ClientID))
	for _, s := range p.Scopes {
		add("--scope", s, checkScope(s))
	}
	add("--scope", "", checkScopeList(p.Scopes))
	add("--api-host", p.APIHost, checkAPIHost(p.APIHost))
	add("--upstream", p.Upstream, checkUpstream(p.Upstream))
	add("--idp", p.IdP, checkIdP(p.IdP))
	add("--module", p.Module, checkModule(p.Module))
	errs = append(errs, p.checkTimeouts()...)
	if reason := checkTimeout(p.TokenLifetime); reason != "" {
		errs = append(errs, &ParamError{Flag: "max_lifetime", Value: p.TokenLifetime.String(),
			Reason: "(the decision file's access-token lifetime) " + reason})
	}
	return errors.Join(errs...)
}

// withDefaults fills the optional fields.
func (p Params) withDefaults() Params {
	if p.Module == "" {
		p.Module = DefaultModule
	}
	if p.IdP == "" {
		p.IdP = IdPGeneric
	}
	if p.IdleTimeout == 0 {
		p.IdleTimeout = DefaultIdleTimeout
	}
	if p.AbsoluteTimeout == 0 {
		p.AbsoluteTimeout = DefaultAbsoluteTimeout
	}
	if p.TokenLifetime == 0 {
		p.TokenLifetime = DefaultTokenLifetime
	}
	return p
}

func checkIdP(idp string) string {
	if idp == "" {
		return ""
	}
	for _, known := range IdPs() {
		if idp == known {
			return ""
		}
	}
	return "unknown identity provider; pass one of " + strings.Join(IdPs(), ", ")
}

func checkScopeList(scopes []string) string {
	if len(scopes) > 50 {
		return "lists more than 50 scopes; ask only for what the client needs"
	}
	seen := make(map[string]bool, len(scopes))
	for _, s := range scopes {
		if seen[s] {
			return fmt.Sprintf("lists %s twice; pass each scope once", shortQuote(s))
		}
		seen[s] = true
	}
	return ""
}
