package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// auditIO is an IO on buffers in a folder with two small documents.
func auditIO(t *testing.T, env map[string]string) (*IO, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	doc := "openapi: 3.0.0\ncomponents: {securitySchemes: {b: {type: http, scheme: basic}}}\n" +
		"security: [{b: []}]\npaths: {}\n"
	for _, name := range []string{"a.yaml", "b.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	return &IO{In: strings.NewReader(""), Out: &out, Err: &errOut,
		Getenv: func(k string) string { return env[k] }, Now: time.Now, Dir: dir}, &out, &errOut
}

// TestProgressBar draws the bar on stderr only on a terminal, only for
// several files, and erases it before the report.
func TestProgressBar(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		files    []string
		env      map[string]string
		bar      bool
	}{
		{"terminal, several files", true, []string{"a.yaml", "b.yaml"}, nil, true},
		{"terminal, one file", true, []string{"a.yaml"}, nil, false},
		{"no terminal", false, []string{"a.yaml", "b.yaml"}, nil, false},
		{"dumb terminal", true, []string{"a.yaml", "b.yaml"},
			map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, out, errOut := auditIO(t, tt.env)
			o := &AuditOptions{IO: io, Files: tt.files,
				Terminal: func() bool { return tt.terminal }}
			o.Report.Format, o.Report.FailOn = "text", "none"
			if err := RunAudit(o); err != nil {
				t.Fatal(err)
			}
			drawn := strings.Contains(errOut.String(), "] 1/2 b.yaml")
			if drawn != tt.bar {
				t.Errorf("bar drawn = %v, want %v; stderr %q", drawn, tt.bar, errOut.String())
			}
			if tt.bar && !strings.HasSuffix(errOut.String(), "\r\x1b[K") {
				t.Errorf("the bar is not erased at the end: %q", errOut.String())
			}
			if strings.Contains(out.String(), "\r") ||
				!strings.Contains(out.String(), "auth-basic") {
				t.Errorf("stdout = %q", out.String())
			}
		})
	}
}
