package answers_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
)

func TestParseFlag(t *testing.T) {
	f := decisions.Snapshot()
	tests := []struct {
		question, raw string
		want          []string
		err           string
	}{
		{"sensitivity", "high", []string{"high"}, ""},
		{"sensitivity", " low ", []string{"low"}, ""},
		{"sensitivity", "extreme", nil, "`--sensitivity`: \"extreme\" is not an answer"},
		{"trust", "a,b", nil, "`--trust` takes one value, not a list"},
		{"compliance", "", []string{}, ""},
		{"compliance", "none", []string{}, ""},
		{"compliance", "fapi, hipaa", []string{"fapi", "hipaa"}, ""},
		{"compliance", "fapi,fapi", nil, "\"fapi\" is listed twice"},
		{"user_context", "none", []string{"none"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.question+"="+tt.raw, func(t *testing.T) {
			got, err := answers.ParseFlag(f.Question(tt.question), tt.raw)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParseSet(t *testing.T) {
	f := decisions.Snapshot()
	for _, bad := range []string{"", "=x", "sensitivity", "sensitivty=low"} {
		if _, _, err := answers.ParseSet(f, bad); err == nil {
			t.Errorf("ParseSet(%q) accepted", bad)
		}
	}
	id, vals, err := answers.ParseSet(f, "compliance=fapi,pci_dss")
	if err != nil || id != "compliance" || len(vals) != 2 {
		t.Errorf("got %s %v %v", id, vals, err)
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	f := decisions.Snapshot()
	in := "client_type: spa\nclient_type: server_m2m\ncompliance: fapi\ntrust: [a]\nnope: 1\n"
	_, err := answers.Parse("a.yaml", []byte(in), f)
	want := []string{
		`a.yaml:1:14: "spa" is not an answer to client_type`,
		`a.yaml:2:1: question "client_type" is answered twice`,
		`a.yaml:3:13: compliance takes a list`,
		`a.yaml:4:8: trust takes one value, not a list`,
		`a.yaml:5:1: unknown question "nope"`,
	}
	for _, w := range want {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("errors lack %q; got:\n%v", w, err)
		}
	}
}

// TestMarshalRoundTrip writes answers and reads them back unchanged,
// including "yes" and "no", which YAML 1.1 readers take for booleans.
func TestMarshalRoundTrip(t *testing.T) {
	f := decisions.Snapshot()
	given := decision.Answers{
		"client_type": {"cli_tool"}, "user_context": {"end_user_delegated"},
		"trust": {"public_internet"}, "can_hold_secret": {"no"}, "has_browser": {"yes"},
		"token_lifetime": {"hours"}, "revocation": {"eventual"}, "sensitivity": {"low"},
		"sensitive_operations": {}, "compliance": {"fapi", "hipaa"},
	}
	_, shown, err := f.Resolve(given)
	if err != nil {
		t.Fatal(err)
	}
	data := answers.Marshal(f, shown)
	back, err := answers.Parse("answers.yaml", data, f)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(back, given) {
		t.Errorf("read back %v, want %v\n%s", back, given, data)
	}
	if !strings.Contains(string(data), `# (default) gateway: "none"`) {
		t.Errorf("defaults should be written as comments:\n%s", data)
	}
}
