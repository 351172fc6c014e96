package decisions_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// TestSnapshotIsCurrent fails when default.yaml changed and snapshot.go
// was not regenerated.
func TestSnapshotIsCurrent(t *testing.T) {
	f, err := decision.Parse(decisions.DefaultName, decisions.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, decisions.Snapshot()) {
		t.Fatal("decisions/snapshot.go is stale: run `go generate ./decisions`")
	}
}

// TestDefaultIsValid checks the embedded file, templates included, since
// the binary trusts its snapshot without validating it again.
func TestDefaultIsValid(t *testing.T) {
	if ps := decisions.Snapshot().Validate(templates.FS()); len(ps) > 0 {
		t.Fatal(ps)
	}
}

// TestSnapshotEvaluates evaluates a fresh snapshot, as the binary does.
func TestSnapshotEvaluates(t *testing.T) {
	rec, err := decisions.Snapshot().Evaluate(decision.Answers{
		"client_type": {"webhook_receiver"}, "user_context": {"none"},
		"trust": {"public_internet"}, "can_hold_secret": {"yes"}, "token_lifetime": {"days"},
		"revocation": {"eventual"}, "sensitivity": {"medium"}, "sensitive_operations": {},
		"compliance": {},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Primary[0].ID != "hmac_webhook_signature" {
		t.Errorf("primary = %s, want hmac_webhook_signature", rec.Primary[0].ID)
	}
}

// TestDefaultMatchesSchema checks the built-in file against the JSON Schema
// that editors and `validate` use.
func TestDefaultMatchesSchema(t *testing.T) {
	ps, err := decision.CheckSchema(decisions.DefaultName, decisions.Default, decisions.Schema)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) > 0 {
		t.Fatal(ps)
	}
}

func TestSchemaProblemsNamePositions(t *testing.T) {
	in := "version: 1\nsources: []\nquestions:\n  - id: Kind\n    title: K\n    options: []\n" +
		"schemes: []\ntree: {start: a, nodes: [{id: a, colour: red}]}\n"
	ps, err := decision.CheckSchema("x.yaml", []byte(in), decisions.Schema)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`x.yaml:4:9: schema: at /questions/0/id: "Kind" does not match pattern`,
		"x.yaml:6:14: schema: at /questions/0/options: minItems: got 0, want 1",
		`x.yaml:8:34: schema: at /tree/nodes/0: additional properties "colour" not allowed`,
	}
	got := ps.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q; got:\n%s", w, got)
		}
	}
}
