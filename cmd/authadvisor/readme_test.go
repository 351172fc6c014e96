package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/authadvisor/authadvisor/internal/cli"
)

// readmeCommands returns the `go run ./cmd/authadvisor` commands in the
// README's code blocks, with continuation lines joined.
func readmeCommands(t *testing.T, readme string) [][]string {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var cmds [][]string
	inCode, cur := false, ""
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if !inCode {
			continue
		}
		cur += strings.TrimSpace(line)
		if strings.HasSuffix(cur, `\`) {
			cur = strings.TrimSuffix(cur, `\`) + " "
			continue
		}
		if rest, ok := strings.CutPrefix(cur, "go run ./cmd/authadvisor "); ok {
			cmds = append(cmds, strings.Fields(rest))
		}
		cur = ""
	}
	return cmds
}

// TestReadmeCommands runs the README's commands as written, from the
// repository root, so that they stay true.
func TestReadmeCommands(t *testing.T) {
	root, _ := filepath.Abs("../..")
	cmds := readmeCommands(t, filepath.Join(root, "README.md"))
	if len(cmds) < 5 {
		t.Fatalf("found %d README commands, want the quick start and the examples", len(cmds))
	}
	for _, args := range cmds {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			io := &cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut,
				Getenv: func(string) string { return "" }, Now: time.Now, Dir: root}
			if code := cli.Main(io, args); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			if out.Len() == 0 {
				t.Error("no output")
			}
		})
	}
}

// TestExamples checks that each example says what the README promises.
func TestExamples(t *testing.T) {
	root, _ := filepath.Abs("../..")
	tests := []struct {
		file, primary, mention string
	}{
		{"github-ci-script.yaml", "oauth2_client_credentials", `"id": "restricted_api_key"`},
		{"github-third-party-app.yaml", "oauth2_auth_code_pkce", `"id": "password_sharing_with_third_party"`},
		{"github-app-installation.yaml", "app_installation_token", `"id": "app_installation_token"`},
		{"twilio-master-credential.yaml", "oauth2_client_credentials",
			"Issue one restricted, revocable credential per integration"},
		{"spa-banking.yaml", "bff", `"id": "step_up_challenge"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var out, errOut bytes.Buffer
			io := &cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut,
				Getenv: func(string) string { return "" }, Now: time.Now, Dir: root}
			args := []string{"recommend", "--answers", "examples/" + tt.file, "--format", "json"}
			if code := cli.Main(io, args); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			s := out.String()
			first := `"primary": [` + "\n    {\n      \"id\": \"" + tt.primary + `"`
			if !strings.Contains(s, first) {
				t.Errorf("primary[0] is not %s", tt.primary)
			}
			if !strings.Contains(s, tt.mention) {
				t.Errorf("output lacks %s", tt.mention)
			}
		})
	}
}
