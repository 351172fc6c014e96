package decision_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/decision"
)

const tinyTree = `
version: 1
sources:
  - {id: src, short: "SRC", title: "A source", url: "https://example.org/src"}
questions:
  - id: kind
    title: "Kind?"
    options: [{value: a, title: A}, {value: b, title: B}]
  - id: ops
    title: "Ops?"
    multi: true
    options: [{value: pay, title: Pay}, {value: del, title: Delete}]
  - id: extra
    title: "Only for b"
    when: {kind: [b]}
    options: [{value: x, title: X}]
  - id: stack
    title: "Stack"
    default: none
    options: [{value: none, title: None}, {value: nginx, title: NGINX}]
schemes:
  - {id: s_one, title: "One", summary: "s", source: src §1}
  - {id: s_two, title: "Two", summary: "s", source: src §2}
settings:
  - {id: set_a, title: "Set A", value: "default value", summary: "s", source: src}
anti_patterns:
  - {id: bad, title: "Bad", summary: "s", source: src §9}
tree:
  start: root
  nodes:
    - id: root
      title: "Root"
      question: kind
      branches:
        - {values: [a], goto: one}
      otherwise: two
    - id: one
      title: "One"
      outcome:
        source: src §1
        primary: [{id: s_one, why: "because one"}]
        alternatives: [{id: s_two, why: "maybe two"}]
    - id: two
      title: "Two"
      outcome:
        source: src §2
        primary: [{id: s_two, why: "because two"}]
policies:
  - id: nothing_selected
    title: "No ops"
    when: {ops: []}
    add:
      source: src §3
      settings: [{id: set_a, value: "no ops value"}]
  - id: any_ops
    title: "Ops"
    when: {ops: [pay, del]}
    add:
      source: src §4
      settings: [{id: set_a}]
      warnings: [{id: bad, why: "careful", safe: "do the safe thing"}]
  - id: reject_two
    title: "Reject two for one"
    when: {primary: [s_one]}
    add:
      source: src §5
      rejected: [{id: s_two, why: "not with one"}]
`

func tiny(t *testing.T) *decision.File {
	t.Helper()
	f, err := decision.Load("tiny.yaml", []byte(tinyTree), nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEvaluatePolicies(t *testing.T) {
	f := tiny(t)
	tests := []struct {
		name     string
		answers  decision.Answers
		primary  string
		alts     []string
		value    string
		warnings int
		policies []string
	}{
		{"empty list matches nothing selected",
			decision.Answers{"kind": {"a"}, "ops": {}}, "s_one", []string{},
			"no ops value", 0, []string{"nothing_selected", "reject_two"}},
		{"first rule to set a value wins; rejected beats alternatives",
			decision.Answers{"kind": {"a"}, "ops": {"pay"}}, "s_one", []string{},
			"default value", 1, []string{"any_ops", "reject_two"}},
		{"otherwise branch",
			decision.Answers{"kind": {"b"}, "ops": {"del"}, "extra": {"x"}}, "s_two", []string{},
			"default value", 1, []string{"any_ops"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := f.Evaluate(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Primary[0].ID != tt.primary {
				t.Errorf("primary = %s, want %s", rec.Primary[0].ID, tt.primary)
			}
			if got := ids(rec.Alternatives); !reflect.DeepEqual(got, tt.alts) {
				t.Errorf("alternatives = %v, want %v", got, tt.alts)
			}
			if rec.Settings[0].Value != tt.value {
				t.Errorf("set_a = %q, want %q", rec.Settings[0].Value, tt.value)
			}
			if len(rec.Warnings) != tt.warnings {
				t.Errorf("warnings = %d, want %d", len(rec.Warnings), tt.warnings)
			}
			var fired []string
			for _, s := range rec.Trace {
				if s.Kind == decision.StepPolicy {
					fired = append(fired, s.ID)
				}
			}
			if !reflect.DeepEqual(fired, tt.policies) {
				t.Errorf("policies = %v, want %v", fired, tt.policies)
			}
		})
	}
}

func ids(items []decision.Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestEvaluateTraceNamesFileAndLine(t *testing.T) {
	rec, err := tiny(t).Evaluate(decision.Answers{"kind": {"a"}, "ops": {}})
	if err != nil {
		t.Fatal(err)
	}
	first := rec.Trace[0]
	if first.Kind != decision.StepNode || first.File != "tiny.yaml" || first.Line != 31 {
		t.Errorf("first step = %+v, want node at tiny.yaml:31", first)
	}
	if rec.Primary[0].Sources[0] != "SRC §1" {
		t.Errorf("sources = %v, want SRC §1", rec.Primary[0].Sources)
	}
	if !strings.HasPrefix(rec.Primary[0].Rule, "one (tiny.yaml:") {
		t.Errorf("rule = %q", rec.Primary[0].Rule)
	}
}

func TestEvaluateMissingAnswers(t *testing.T) {
	_, err := tiny(t).Evaluate(decision.Answers{"kind": {"b"}})
	var missing *decision.MissingError
	if !errors.As(err, &missing) {
		t.Fatalf("err = %v, want MissingError", err)
	}
	var got []string
	for _, q := range missing.Questions {
		got = append(got, q.ID)
	}
	// stack has a default; extra applies because kind is b.
	if want := []string{"ops", "extra"}; !reflect.DeepEqual(got, want) {
		t.Errorf("missing = %v, want %v", got, want)
	}
}

func TestEvaluateDropsAnswersThatDoNotApply(t *testing.T) {
	rec, err := tiny(t).Evaluate(decision.Answers{"kind": {"a"}, "ops": {}, "extra": {"x"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rec.Answers {
		if a.Question == "extra" {
			t.Errorf("answer to extra kept although kind is a")
		}
		if a.Question == "stack" && !a.Defaulted {
			t.Errorf("stack should come from its default")
		}
	}
}

func TestEvaluateIsDeterministic(t *testing.T) {
	f := loadDefault(t)
	a := decision.Answers{
		"client_type": {"spa_browser"}, "user_context": {"end_user_delegated"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"},
		"token_lifetime": {"long_lived"}, "revocation": {"eventual"}, "sensitivity": {"low"},
		"sensitive_operations": {}, "compliance": {},
	}
	first, err := f.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := f.Evaluate(a)
		if !reflect.DeepEqual(first, again) {
			t.Fatal("two evaluations of the same answers differ")
		}
	}
}
