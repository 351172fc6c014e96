package decisions_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// oneQuestion and oneNode build small decision files for schema cases.
const (
	oneQuestion = "version: 1\nsources: []\nquestions: [{id: q, title: Q, options: [{value: a}]}]\n"
	oneNode     = "tree: {start: a, nodes: [{id: a}]}\n"
)

// schemaCases are decision files, valid and broken, on which the built-in
// schema checker must agree with a full JSON Schema validator.
func schemaCases(t *testing.T) map[string][]byte {
	t.Helper()
	cases := map[string][]byte{
		"default":    decisions.Default,
		"wrong type": []byte("version: 1\nsources: {}\nquestions: []\nschemes: []\ntree: {start: a, nodes: []}\n"),
		"bad enum": []byte(oneQuestion + "schemes: []\n" + oneNode +
			"snippets: [{id: s, title: S, target: rust, template: t, path: p}]\n"),
		"bad const": []byte(strings.Replace(oneQuestion, "version: 1", "version: 2", 1) +
			"schemes: []\n" + oneNode),
		"cites as map": []byte(oneQuestion +
			"schemes: [{id: s, title: S, summary: x, source: {a: b}}]\n" + oneNode),
		"extra property": []byte("extra: 1\n" + oneQuestion + "schemes: []\n" + oneNode),
	}
	paths, _ := filepath.Glob("../internal/decision/testdata/invalid/*.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases[filepath.Base(p)] = data
	}
	return cases
}

// TestSchemaCheckerAgreesWithFullValidator compares the verdicts (valid or
// not) of decision.CheckSchema and santhosh-tekuri/jsonschema.
func TestSchemaCheckerAgreesWithFullValidator(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(decisions.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	full, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range schemaCases(t) {
		t.Run(name, func(t *testing.T) {
			var v any
			if err := yaml.Unmarshal(data, &v); err != nil {
				t.Skip("not YAML; both checkers report the parse error")
			}
			fullOK := full.Validate(v) == nil
			ps, err := decision.CheckSchema(name, data, decisions.Schema)
			if err != nil {
				t.Fatal(err)
			}
			if ours := len(ps) == 0; ours != fullOK {
				t.Errorf("built-in checker says valid=%v, full validator says valid=%v\n%v",
					ours, fullOK, ps)
			}
		})
	}
}
