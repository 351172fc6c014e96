package snippet

import (
	"slices"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// TestEnvoySnippetsFollowTheRecommendation evaluates the default decision
// file with every gateway for every answer combination of signInAnswers:
// with --gateway envoy, the JWT gateway comes exactly when JWT access
// tokens are recommended (jwt_authn cannot check opaque tokens or API
// keys) and the mutual-TLS variant exactly when, in addition, client
// certificates or service identities are; no other gateway gets an Envoy
// file. Each distinct snippet set renders.
func TestEnvoySnippetsFollowTheRecommendation(t *testing.T) {
	f, err := decision.Load(decisions.DefaultName, decisions.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	rendered := map[string]bool{}
	gateways, mtls := 0, 0
	for _, gw := range []string{"none", "nginx", "envoy", "istio", "kong"} {
		signInAnswers(func(a decision.Answers) {
			a["gateway"] = []string{gw}
			rec, err := f.Evaluate(a)
			if err != nil {
				t.Fatalf("%v: %v", a, err)
			}
			var primary, ids []string
			for _, p := range rec.Primary {
				primary = append(primary, p.ID)
			}
			for _, s := range rec.Snippets {
				ids = append(ids, s.ID)
			}
			jwt := slices.Contains(primary, "jwt_access_token")
			certs := slices.Contains(primary, "mtls_client_auth") ||
				slices.Contains(primary, "mtls_service_identity")
			wantGateway := gw == "envoy" && jwt
			wantMTLS := wantGateway && certs
			if slices.Contains(ids, "envoy_gateway") != wantGateway ||
				slices.Contains(ids, "envoy_mtls") != wantMTLS {
				t.Errorf("%v (primary %v): snippets %v", a, primary, ids)
			}
			if wantGateway {
				gateways++
			}
			if wantMTLS {
				mtls++
			}
			key := slices.Clone(ids)
			slices.Sort(key)
			if k := strings.Join(key, ","); gw == "envoy" && !rendered[k] {
				rendered[k] = true
				renderRecommended(t, rec)
			}
		})
	}
	if gateways == 0 || mtls == 0 {
		t.Errorf("no answers gave the Envoy gateway (%d) or its mTLS variant (%d)",
			gateways, mtls)
	}
}
