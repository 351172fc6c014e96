package snippet

import (
	"slices"
	"testing"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// TestKongSnippetsFollowTheRecommendation: with --gateway kong the jwt
// plugin configuration comes exactly when JWT access tokens are
// recommended (the open-source plugins cannot check opaque tokens); other
// APIs that take credentials in the Authorization header get the gateway
// that only refuses credentials in URLs.
func TestKongSnippetsFollowTheRecommendation(t *testing.T) {
	n := 0
	gatewaySnippets(t, "kong", func(a decision.Answers, primary, ids []string) {
		want := slices.Contains(primary, "jwt_access_token")
		webhook := slices.Contains([]string{"webhook_receiver", "webhook_sender"},
			a["client_type"][0])
		if slices.Contains(ids, "kong_jwt") != want ||
			slices.Contains(ids, "kong_gateway") != (!want && !webhook) {
			t.Errorf("%v (primary %v): snippets %v", a, primary, ids)
		}
		if want {
			n++
			if !slices.Contains(ids, "go_jwt_middleware") {
				t.Errorf("%v: kong_jwt without the jwtauth middleware that checks aud", a)
			}
		}
		for _, id := range ids {
			if slices.Contains([]string{"istio_jwt", "istio_peer_authentication",
				"nginx_gateway"}, id) {
				t.Errorf("%v: %s written for kong", a, id)
			}
		}
	})
	if n == 0 {
		t.Error("no answers gave the Kong configuration")
	}
}
