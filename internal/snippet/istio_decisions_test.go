package snippet

import (
	"slices"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// gatewaySnippets evaluates the default decision file for every answer
// combination of signInAnswers plus the given gateway, and calls fn with
// the recommendation; each distinct snippet set is also rendered.
func gatewaySnippets(t *testing.T, gateway string,
	fn func(a decision.Answers, primary, ids []string)) {
	t.Helper()
	f, err := decision.Load(decisions.DefaultName, decisions.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	rendered := map[string]bool{}
	signInAnswers(func(a decision.Answers) {
		a["gateway"] = []string{gateway}
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
		fn(a, primary, ids)
		key := slices.Clone(ids)
		slices.Sort(key)
		if k := strings.Join(key, ","); !rendered[k] {
			rendered[k] = true
			renderRecommended(t, rec)
		}
	})
}

// TestIstioSnippetsFollowTheRecommendation: with --gateway istio, the JWT
// resources come exactly when JWT access tokens are recommended (Istio
// cannot check opaque tokens, API keys or sessions), and STRICT mutual TLS
// with them and with mesh service identity: a mesh-wide change is not
// written for recommendations Istio takes no part in. Nothing for the
// other gateways.
func TestIstioSnippetsFollowTheRecommendation(t *testing.T) {
	jwt, peer := 0, 0
	gatewaySnippets(t, "istio", func(a decision.Answers, primary, ids []string) {
		wantJWT := slices.Contains(primary, "jwt_access_token")
		wantPeer := wantJWT || slices.Contains(primary, "mtls_service_identity")
		if slices.Contains(ids, "istio_jwt") != wantJWT ||
			slices.Contains(ids, "istio_peer_authentication") != wantPeer {
			t.Errorf("%v (primary %v): snippets %v", a, primary, ids)
		}
		if wantJWT {
			jwt++
		}
		if wantPeer {
			peer++
		}
		for _, id := range ids {
			if slices.Contains([]string{"kong_jwt", "nginx_gateway", "nginx_mtls"}, id) {
				t.Errorf("%v: %s written for istio", a, id)
			}
		}
	})
	if jwt == 0 || peer == 0 {
		t.Errorf("no answers gave the JWT (%d) or mTLS (%d) resources", jwt, peer)
	}
}
