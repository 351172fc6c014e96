package snippet

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// signInDims are the answers tried per question: every client type and
// every value of the questions that decide whether the client is public,
// whether a BFF takes over and which schemes are primary.
func signInDims() map[string][][]string {
	one := func(vals ...string) [][]string {
		out := make([][]string, len(vals))
		for i, v := range vals {
			out[i] = []string{v}
		}
		return out
	}
	return map[string][][]string{
		"client_type": one("server_m2m", "server_web_app", "spa_browser", "native_mobile",
			"native_desktop", "cli_tool", "input_constrained_device", "internal_service_mesh",
			"partner_integration", "third_party_developer_platform", "webhook_receiver",
			"webhook_sender"),
		"user_context":         one("none", "end_user_first_party", "end_user_delegated"),
		"can_hold_secret":      one("yes", "no"),
		"has_browser":          one("yes", "no"),
		"sensitivity":          one("low", "medium", "high", "critical"),
		"revocation":           one("eventual", "instant"),
		"compliance":           {{}, {"fapi"}},
		"sensitive_operations": {{}, {"payments"}},
		"trust":                one("public_internet"),
		"token_lifetime":       one("minutes"),
	}
}

// signInAnswers calls fn with every combination of signInDims.
func signInAnswers(fn func(decision.Answers)) {
	dims := signInDims()
	keys := slices.Sorted(maps.Keys(dims))
	var walk func(i int, a decision.Answers)
	walk = func(i int, a decision.Answers) {
		if i == len(keys) {
			fn(maps.Clone(a))
			return
		}
		for _, v := range dims[keys[i]] {
			a[keys[i]] = v
			walk(i+1, a)
		}
	}
	walk(0, decision.Answers{})
}

// isPublic mirrors the default decision file's notion of a public client.
func isPublic(a decision.Answers) bool {
	switch a["client_type"][0] {
	case "spa_browser", "native_mobile", "native_desktop", "cli_tool", "input_constrained_device":
		return true
	case "partner_integration", "third_party_developer_platform":
		return a["can_hold_secret"][0] == "no"
	}
	return false
}

// TestDefaultDecisionSnippets evaluates the default decision file and
// checks the sign-in code it picks: a BFF or a confidential client gets the
// web client, a public client without a BFF the native loopback client,
// never both; clientauth comes only with a package that imports it; and
// every distinct snippet set renders, so each package imported is written.
func TestDefaultDecisionSnippets(t *testing.T) {
	f, err := decision.Load(decisions.DefaultName, decisions.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	rendered := map[string]bool{}
	signInAnswers(func(a decision.Answers) {
		rec, err := f.Evaluate(a)
		if err != nil {
			t.Fatalf("%v: %v", a, err)
		}
		var ids, primary []string
		for _, s := range rec.Snippets {
			ids = append(ids, s.ID)
		}
		for _, p := range rec.Primary {
			primary = append(primary, p.ID)
		}
		checkSignIn(t, a, primary, ids)
		key := strings.Join(ids, ",")
		if !rendered[key] {
			rendered[key] = true
			renderRecommended(t, rec)
		}
	})
	t.Logf("%d distinct snippet sets", len(rendered))
	if len(rendered) < 10 {
		t.Errorf("only %d distinct snippet sets; the answers miss cases", len(rendered))
	}
}

func checkSignIn(t *testing.T, a decision.Answers, primary, ids []string) {
	t.Helper()
	has := func(id string) bool { return slices.Contains(ids, id) }
	bff := slices.Contains(primary, "bff")
	signIn := bff || slices.Contains(primary, "oauth2_auth_code_pkce") ||
		slices.Contains(primary, "oidc_login")
	wantWeb := signIn && (bff || !isPublic(a))
	wantNative := signIn && !wantWeb
	if has("go_authcode_web") != wantWeb || has("go_authcode_pkce") != wantNative {
		t.Errorf("%v (primary %v): snippets %v, want web %v, native %v",
			a, primary, ids, wantWeb, wantNative)
	}
	needsAuth := has("go_authcode_web") || has("go_client_credentials") ||
		has("go_introspection_middleware") || has("go_token_exchange")
	if has("go_client_auth") != needsAuth {
		t.Errorf("%v: snippets %v: go_client_auth present %v, needed %v",
			a, ids, has("go_client_auth"), needsAuth)
	}
}

func renderRecommended(t *testing.T, rec *decision.Recommendation) {
	t.Helper()
	specs := make([]Spec, len(rec.Snippets))
	for i, r := range rec.Snippets {
		specs[i] = Spec{ID: r.ID, Title: r.Title, Target: r.Target,
			Template: r.Template, Path: r.Path}
	}
	if _, err := Render(templatesFS(), specs, DefaultParams("")); err != nil {
		t.Errorf("snippets %v: %v", specs, err)
	}
}
