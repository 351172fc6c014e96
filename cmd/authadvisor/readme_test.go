package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/authadvisor/authadvisor/internal/cli"
)

// readmeCommands returns the `go run ./cmd/authadvisor` command lines in
// the README's code blocks, with continuation lines joined.
func readmeCommands(t *testing.T, readme string) []string {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
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
		if strings.HasPrefix(cur, readmeRun) {
			cmds = append(cmds, cur)
		}
		cur = ""
	}
	return cmds
}

const readmeRun = "go run ./cmd/authadvisor "

// TestReadmeCommands runs the README's commands as written, through the
// shell, from the repository root, with the binary built once in place of
// `go run`, so that they stay true.
func TestReadmeCommands(t *testing.T) {
	root, _ := filepath.Abs("../..")
	cmds := readmeCommands(t, filepath.Join(root, "README.md"))
	if len(cmds) < 5 {
		t.Fatalf("found %d README commands, want the quick start and the examples", len(cmds))
	}
	bin := filepath.Join(t.TempDir(), "authadvisor")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, line := range cmds {
		t.Run(line, func(t *testing.T) {
			sh := exec.Command("bash", "-euo", "pipefail", "-c",
				bin+" "+strings.TrimPrefix(line, readmeRun))
			sh.Dir = root
			var out, errOut bytes.Buffer
			sh.Stdout, sh.Stderr = &out, &errOut
			if err := sh.Run(); err != nil {
				t.Fatalf("%v: %s", err, errOut.String())
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
