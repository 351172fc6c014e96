package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/audit"
	"github.com/authadvisor/authadvisor/internal/inventory"
)

// TestReadmeListsRules checks that the README names every rule of audit
// and check with its default severity, so that the table stays true.
func TestReadmeListsRules(t *testing.T) {
	root, _ := filepath.Abs("../..")
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, r := range audit.Rules() {
		row := "| `" + r.ID + "` | " + r.Severity.String()
		if !strings.Contains(readme, row) {
			t.Errorf("README has no row starting %q", row)
		}
	}
	for _, r := range inventory.Rules() {
		if !strings.Contains(readme, "`"+r.ID+"`") {
			t.Errorf("README does not name %s", r.ID)
		}
	}
}
