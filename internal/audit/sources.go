package audit

import "strings"

// Citations used by the rules, as the outputs print them.
const (
	citeAPI2        = "OWASP API2:2023"
	citeREST        = "OWASP REST Security"
	citeSession     = "OWASP Session Management"
	citeOASSecurity = "OpenAPI Security Requirement Object"
	citeOASFlows    = "OpenAPI OAuth Flows Object"
)

// sourceURL links a citation to the document it cites, at the section when
// the document has anchors for it.
func sourceURL(cite string) string {
	doc, section, _ := strings.Cut(cite, " §")
	if num, ok := strings.CutPrefix(doc, "RFC "); ok {
		u := "https://www.rfc-editor.org/rfc/rfc" + num
		if section != "" {
			u += "#section-" + section
		}
		return u
	}
	return map[string]string{
		"OAuth 2.1": "https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/",
		"Browser-apps BCP": "https://datatracker.ietf.org/doc/" +
			"draft-ietf-oauth-browser-based-apps/",
		citeAPI2: "https://owasp.org/API-Security/editions/2023/en/" +
			"0xa2-broken-authentication/",
		citeREST: "https://cheatsheetseries.owasp.org/cheatsheets/" +
			"REST_Security_Cheat_Sheet.html",
		citeSession: "https://cheatsheetseries.owasp.org/cheatsheets/" +
			"Session_Management_Cheat_Sheet.html",
		citeOASSecurity: "https://spec.openapis.org/oas/v3.1.0#security-requirement-object",
		citeOASFlows:    "https://spec.openapis.org/oas/v3.1.0#oauth-flows-object",
	}[doc]
}
