package inventory_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/inventory"
)

// FuzzParse feeds Parse and Check arbitrary inventories: they must not
// panic, and Check must give one verdict per integration Parse accepts.
func FuzzParse(f *testing.F) {
	f.Add([]byte("integrations:\n  - name: ci\n    answers: " + server +
		"\n    current: [api_key, implicit_grant]\n    credential: k\n"))
	f.Add([]byte("defaults: {trust: public_internet}\nintegrations: [{name: a, current: []}]\n"))
	f.Add([]byte("integrations: [{name: a, current: x, credential: [a, a]}, {name: a}]"))
	file := decisions.Snapshot()
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := inventory.Parse("inv.yaml", data, file)
		if err != nil {
			return
		}
		subjects, _, err := inventory.Check(inv, file)
		if err == nil && len(subjects) != len(inv.Integrations) {
			t.Errorf("%d verdicts for %d integrations", len(subjects), len(inv.Integrations))
		}
	})
}
