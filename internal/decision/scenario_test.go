package decision_test

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// scenarioFile is the shape of the scenario files: answers and what a
// correct advisor must say about them.
type scenarioFile struct {
	Scenarios []struct {
		ID      string         `yaml:"id"`
		Answers map[string]any `yaml:"answers"`
		Expect  struct {
			Primary     []string `yaml:"primary"`
			Forbidden   []string `yaml:"forbidden"`
			MustMention []string `yaml:"must_mention"`
		} `yaml:"expect"`
	} `yaml:"scenarios"`
}

func loadDefault(t testing.TB) *decision.File {
	t.Helper()
	f, err := decision.Load(decisions.DefaultName, decisions.Default, nil)
	if err != nil {
		t.Fatalf("default decision file: %v", err)
	}
	return f
}

func toAnswers(in map[string]any) decision.Answers {
	a := decision.Answers{}
	for k, v := range in {
		switch v := v.(type) {
		case string:
			a[k] = []string{v}
		case []any:
			vals := []string{}
			for _, x := range v {
				vals = append(vals, x.(string))
			}
			a[k] = vals
		}
	}
	return a
}

func itemIDs(items []decision.Item) map[string]bool {
	m := map[string]bool{}
	for _, it := range items {
		m[it.ID] = true
	}
	return m
}

// TestScenarios checks every scenario file under testdata/scenarios: the
// first primary scheme is an expected one, nothing forbidden is recommended
// and every required setting or control is mentioned.
func TestScenarios(t *testing.T) {
	f := loadDefault(t)
	paths, _ := filepath.Glob("testdata/scenarios/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no scenario files in testdata/scenarios")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var sf scenarioFile
		if err := yaml.Unmarshal(data, &sf); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, sc := range sf.Scenarios {
			t.Run(sc.ID, func(t *testing.T) {
				rec, err := f.Evaluate(toAnswers(sc.Answers))
				if err != nil {
					t.Fatalf("evaluate: %v", err)
				}
				checkScenario(t, rec, sc.Expect.Primary, sc.Expect.Forbidden, sc.Expect.MustMention)
			})
		}
	}
}

func checkScenario(t *testing.T, rec *decision.Recommendation, primary, forbidden, must []string) {
	t.Helper()
	if len(rec.Primary) == 0 {
		t.Fatal("no primary scheme")
	}
	if !contains(primary, rec.Primary[0].ID) {
		t.Errorf("primary[0] = %s, want one of %v", rec.Primary[0].ID, primary)
	}
	recommended := itemIDs(append(append(append([]decision.Item{}, rec.Primary...),
		rec.Alternatives...), rec.Settings...))
	for _, id := range forbidden {
		if recommended[id] {
			t.Errorf("forbidden %s is recommended", id)
		}
	}
	mentioned := itemIDs(append(append([]decision.Item{}, rec.Settings...), rec.Warnings...))
	for id := range recommended {
		mentioned[id] = true
	}
	for _, id := range must {
		if !mentioned[id] {
			t.Errorf("must mention %s", id)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestStepUpFitsTheCredential: a server-rendered app with its own session
// holds no bearer token, so its step-up goes back to the identity provider
// with acr_values or max_age, without the RFC 9470 challenge setting; an
// app that calls the API for a user keeps the challenge.
func TestStepUpFitsTheCredential(t *testing.T) {
	f := loadDefault(t)
	base := decision.Answers{
		"client_type": {"server_web_app"}, "trust": {"public_internet"},
		"can_hold_secret": {"yes"}, "token_lifetime": {"minutes"}, "revocation": {"eventual"},
		"sensitivity": {"high"}, "sensitive_operations": {"payments"}, "compliance": {},
	}
	for _, c := range []struct {
		user      string
		challenge bool
	}{{"end_user_first_party", false}, {"end_user_delegated", true}} {
		a := maps.Clone(base)
		a["user_context"] = []string{c.user}
		rec, err := f.Evaluate(a)
		if err != nil {
			t.Fatal(err)
		}
		var stepUp *decision.Item
		for i := range rec.Primary {
			if rec.Primary[i].ID == "step_up_auth" {
				stepUp = &rec.Primary[i]
			}
		}
		if stepUp == nil {
			t.Fatalf("%s: no step-up among %v", c.user, rec.Primary)
		}
		hasChallenge := slices.ContainsFunc(rec.Settings, func(it decision.Item) bool {
			return it.ID == "step_up_challenge"
		})
		if hasChallenge != c.challenge {
			t.Errorf("%s: step_up_challenge setting %v, want %v", c.user, hasChallenge, c.challenge)
		}
		if !c.challenge && !strings.Contains(stepUp.Why, "max_age") {
			t.Errorf("%s: step-up says %q, want the identity provider's max_age", c.user, stepUp.Why)
		}
	}
}

// TestDistributedAppClaimingASecretIsWarned: an installed app answered as
// able to keep a secret gets the warning whether or not a user is involved
// (RFC 8252 §8.5).
func TestDistributedAppClaimingASecretIsWarned(t *testing.T) {
	f := loadDefault(t)
	for _, user := range []string{"none", "end_user_first_party"} {
		rec, err := f.Evaluate(decision.Answers{
			"client_type": {"native_mobile"}, "user_context": {user},
			"trust": {"public_internet"}, "can_hold_secret": {"yes"},
			"token_lifetime": {"minutes"}, "revocation": {"eventual"}, "sensitivity": {"low"},
			"sensitive_operations": {}, "compliance": {},
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rec.Warnings, func(it decision.Item) bool {
			return it.ID == "static_secret_in_public_client"
		}) {
			t.Errorf("user_context %s: no warning about a secret shipped in the app", user)
		}
	}
}
