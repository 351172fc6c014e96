package decision_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

func BenchmarkParseDefault(b *testing.B) {
	for b.Loop() {
		if _, err := decision.Parse(decisions.DefaultName, decisions.Default); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateDefault(b *testing.B) {
	f, err := decision.Parse(decisions.DefaultName, decisions.Default)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ps := f.Validate(nil); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	f := loadDefault(b)
	a := decision.Answers{
		"client_type": {"spa_browser"}, "user_context": {"end_user_delegated"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"},
		"token_lifetime": {"long_lived"}, "revocation": {"eventual"}, "sensitivity": {"low"},
		"sensitive_operations": {}, "compliance": {},
	}
	for b.Loop() {
		if _, err := f.Evaluate(a); err != nil {
			b.Fatal(err)
		}
	}
}
