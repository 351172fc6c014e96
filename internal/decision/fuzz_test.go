package decision_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// FuzzLoad feeds arbitrary bytes to the decision-file loader: it must never
// panic, and it either loads a file or reports problems with a position.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(tinyTree))
	f.Add(decisions.Default[:4096])
	f.Add([]byte("version: 1\nquestions: [{id: a, title: A, options: [{value: x, title: X}]}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("tree: {start: a, nodes: [{id: a, otherwise: a, question: q}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := decision.Load("fuzz.yaml", data, fstest.MapFS{})
		if err != nil {
			ps, ok := err.(decision.Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			return
		}
		if file == nil {
			t.Fatal("no file and no error")
		}
	})
}

// FuzzCheckSchema feeds arbitrary bytes to the schema pass of validate.
func FuzzCheckSchema(f *testing.F) {
	f.Add([]byte(tinyTree))
	f.Add([]byte("version: 1\nsources: {}\n"))
	f.Add([]byte("[1, 2, {a: b}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := decision.CheckSchema("fuzz.yaml", data, decisions.Schema); err != nil {
			t.Fatalf("schema error on input: %v", err)
		}
	})
}

// FuzzEvaluate evaluates arbitrary answer sets against the default tree:
// never a panic, always a primary scheme or a clear error, and never an
// anti-pattern recommended.
func FuzzEvaluate(f *testing.F) {
	file := decisions.Snapshot()
	f.Add("spa_browser", "end_user_delegated", "public_internet", "no", "yes", "hours",
		"eventual", "low", "payments", "fapi")
	f.Add("server_m2m", "none", "internal_same_network", "yes", "no", "long_lived",
		"instant", "critical", "", "nist_aal3,pci_dss")
	f.Add("webhook_sender", "none", "partner_known", "yes", "no", "days", "eventual",
		"medium", "bulk_export,privilege_change", "")
	f.Fuzz(func(t *testing.T, client, user, trust, secret, browser, lifetime, revocation,
		sensitivity, ops, compliance string) {
		a := decision.Answers{
			"client_type": {client}, "user_context": {user}, "trust": {trust},
			"can_hold_secret": {secret}, "has_browser": {browser},
			"token_lifetime": {lifetime}, "revocation": {revocation},
			"sensitivity":          {sensitivity},
			"sensitive_operations": split(ops), "compliance": split(compliance),
		}
		rec, err := file.Evaluate(a)
		if err != nil {
			return
		}
		if len(rec.Primary) == 0 {
			t.Fatal("no primary scheme and no error")
		}
		for _, list := range [][]decision.Item{rec.Primary, rec.Alternatives, rec.Settings} {
			for _, it := range list {
				if it.Kind == decision.KindAntiPattern {
					t.Fatalf("anti-pattern %s recommended for %v", it.ID, a)
				}
			}
		}
	})
}

func split(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}
