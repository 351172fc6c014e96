package inventory

import "github.com/authadvisor/authadvisor/internal/findings"

// Rule ids of check.
const (
	ruleAntiPattern = "check-anti-pattern"
	ruleShared      = "check-shared-credential"
	ruleRejected    = "check-rejected"
	ruleMismatch    = "check-mismatch"
	ruleAlternative = "check-alternative"
)

// Rules describes the findings check reports.
func Rules() []findings.Rule {
	return []findings.Rule{
		{ID: ruleAntiPattern, Severity: findings.Error,
			Title: "Anti-pattern in use",
			Description: "An integration uses an id from the anti-pattern catalogue, such as " +
				"implicit_grant or credentials_in_url, which the advisor never recommends.",
			Sources: []string{"RFC 9700 §2", "OWASP API2:2023"},
			HelpURL: "https://www.rfc-editor.org/rfc/rfc9700#section-2"},
		{ID: ruleShared, Severity: findings.Error,
			Title: "Credential shared by several integrations",
			Description: "Several integrations hold the same credential: a leak anywhere " +
				"exposes all of them, and revoking it breaks all of them at once.",
			Sources: []string{"OWASP REST Security", "Twilio API keys", "Stripe keys"},
			HelpURL: "https://cheatsheetseries.owasp.org/cheatsheets/" +
				"REST_Security_Cheat_Sheet.html"},
		{ID: ruleRejected, Severity: findings.Error,
			Title: "Scheme rejected for this integration",
			Description: "An integration uses a scheme that the decision file rejects for " +
				"its answers.",
			Sources: []string{"RFC 9700 §2"},
			HelpURL: "https://www.rfc-editor.org/rfc/rfc9700#section-2"},
		{ID: ruleMismatch, Severity: findings.Warning,
			Title: "Scheme differs from the recommendation",
			Description: "An integration uses neither the recommended scheme nor an " +
				"acceptable alternative.",
			Sources: []string{"RFC 9700 §2"},
			HelpURL: "https://www.rfc-editor.org/rfc/rfc9700#section-2"},
		{ID: ruleAlternative, Severity: findings.Info,
			Title: "Acceptable alternative in use",
			Description: "An integration uses an acceptable alternative to the recommended " +
				"scheme; the finding says when the alternative is the better choice.",
			Sources: []string{"RFC 9700 §2"},
			HelpURL: "https://www.rfc-editor.org/rfc/rfc9700#section-2"},
	}
}
