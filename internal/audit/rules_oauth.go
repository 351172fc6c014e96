package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// Rules about OAuth 2.0 flows.
func oauthRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-oauth2-implicit", Severity: findings.Error,
			Title: "OAuth 2.0 implicit flow",
			Description: "The implicit flow returns access tokens in the redirect URL, " +
				"where they leak and cannot be sender-constrained. OAuth 2.1 removes it.",
			Sources:     []string{"RFC 9700 §2.1.2", "OAuth 2.1 §10"},
			AntiPattern: "implicit_grant"},
			advice: "Use the authorization code flow with PKCE (S256), for single-page " +
				"apps too, preferably behind a backend for frontend.",
			run: flowKind("implicit", findings.Error,
				"scheme %q offers the implicit flow")},
		{meta: findings.Rule{ID: "auth-oauth2-password", Severity: findings.Error,
			Title: "OAuth 2.0 resource owner password flow",
			Description: "The password flow hands users' passwords to the client, rules " +
				"out MFA and federation, and must not be used.",
			Sources:     []string{"RFC 9700 §2.4"},
			AntiPattern: "ropc_grant"},
			advice: "Use the authorization code flow with PKCE for people, the client " +
				"credentials flow for services, or the device flow where there is no browser.",
			run: flowKind("password", findings.Error,
				"scheme %q offers the resource owner password flow")},
		{meta: findings.Rule{ID: "auth-oauth2-no-scopes", Severity: findings.Warning,
			Title: "OAuth 2.0 flow without scopes",
			Description: "A flow that declares no scopes issues tokens that can do " +
				"everything the client may do; operations cannot ask for less.",
			Sources: []string{"RFC 9700 §2.3"}},
			advice: "Declare narrow scopes (read and write per resource, one for each " +
				"sensitive operation) and require them on the operations.",
			run: noScopes},
		{meta: findings.Rule{ID: "auth-oauth2-no-refresh-url", Severity: findings.Info,
			Title: "User flow without a refresh URL",
			Description: "An authorization code or device flow names no " +
				"refreshUrl, so the document does not say how sessions outlive short " +
				"access tokens. A warning when the flow offers offline_access.",
			Sources: []string{"OAuth 2.1 §7.1", "RFC 9700 §4.14.2"}},
			advice: "Keep access tokens short-lived and document the refresh endpoint; " +
				"rotate or sender-constrain refresh tokens of public clients.",
			run: noRefreshURL},
	}
}

// flowKind reports every flow of a kind.
func flowKind(kind string, sev findings.Severity, format string) func(c *check) {
	return func(c *check) {
		for _, s := range c.doc.Schemes {
			for _, f := range s.Flows {
				if f.Kind == kind {
					sv, msg := latent(s, sev, fmt.Sprintf(format, s.Name))
					c.add(sv, f.Loc, msg)
				}
			}
		}
	}
}

func noScopes(c *check) {
	for _, s := range c.doc.Schemes {
		for _, f := range s.Flows {
			if len(f.Scopes) > 0 {
				continue
			}
			sev, msg := latent(s, findings.Warning, fmt.Sprintf(
				"the %s flow of scheme %q declares no scopes", f.Kind, s.Name))
			c.add(sev, f.ScopesLoc, msg)
		}
	}
}

func noRefreshURL(c *check) {
	for _, s := range c.doc.Schemes {
		if c.doc.Swagger {
			continue // Swagger 2.0 has no refreshUrl to write.
		}
		for _, f := range s.Flows {
			user := f.Kind == "authorizationCode" || f.Kind == "deviceAuthorization"
			if !user || f.Refresh {
				continue
			}
			sev, msg := findings.Info, fmt.Sprintf(
				"the %s flow of scheme %q names no refreshUrl", f.Kind, s.Name)
			if slices.ContainsFunc(f.Scopes, func(sc string) bool {
				return strings.EqualFold(sc, "offline_access")
			}) {
				sev, msg = findings.Warning, msg+" although it offers offline_access"
			}
			sev, msg = latent(s, sev, msg)
			c.add(sev, f.Loc, msg)
		}
	}
}
