package decision_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/authadvisor/authadvisor/internal/decision"
)

func loadProblems(t *testing.T, path string) decision.Problems {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = decision.Load(path, data, fstest.MapFS{})
	var ps decision.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load(%s) error = %v, want Problems", path, err)
	}
	return ps
}

// TestValidateReportsEveryProblem checks that one run names every problem
// of a broken file, each with its line and column.
func TestValidateReportsEveryProblem(t *testing.T) {
	ps := loadProblems(t, "testdata/invalid/many.yaml")
	text := ps.Error()
	want := []string{
		`many.yaml:10:9: duplicate option id "spa"`,
		`many.yaml:11:5: duplicate question id "client_type"`,
		`names unknown snippet "nope"`,
		`unknown source "bogus" in citation "bogus §1"`,
		`template "snippets/missing.tmpl" not found`,
		`needs a relative path inside the snippets folder, found "../escape.go"`,
		`unreachable branch: earlier branches of "root" already take spa`,
		`unknown value "desktop" for question "client_type"`,
		`node "root" does not handle server of "client_type"`,
		`cycle in the tree: root -> a -> root`,
		`anti-pattern "implicit_grant" can never be recommended`,
		`unknown scheme, setting or anti-pattern id "not_a_scheme"`,
		`"not_a_scheme" in primary cites no source`,
		`node "orphan" is never reached from "root"`,
		`unknown value "mobile" for question "client_type"`,
		`unknown question "nosuch" in condition`,
		`"pkce_s256" in settings cites no source`,
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("problems lack %q; got:\n%s", w, text)
		}
	}
	for _, p := range ps {
		if p.Pos.Line == 0 {
			t.Errorf("problem without a line: %s", p)
		}
	}
}

func TestParseErrorsNamePosition(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"testdata/invalid/syntax.yaml", "testdata/invalid/syntax.yaml:2: did not find expected"},
		{"testdata/invalid/unknown_field.yaml", `unknown_field.yaml:4:5: unknown field "titel"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ps := loadProblems(t, tt.file)
			if !strings.Contains(ps.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", ps.Error(), tt.want)
			}
		})
	}
}

func TestDefaultFileIsValid(t *testing.T) {
	loadDefault(t)
}
