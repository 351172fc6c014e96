package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchIO returns streams for a command run in a benchmark: stdout into
// out, stderr into errOut, the working folder at the repository's root.
func benchIO(b *testing.B, out, errOut *bytes.Buffer) *IO {
	b.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	return &IO{In: strings.NewReader(""), Out: out, Err: errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) },
		Dir:    root}
}

// BenchmarkNewRoot measures building the command tree, flags included,
// which every command pays before it runs.
func BenchmarkNewRoot(b *testing.B) {
	var out, errOut bytes.Buffer
	io := benchIO(b, &out, &errOut)
	for b.Loop() {
		if NewRoot(io) == nil {
			b.Fatal("no command tree")
		}
	}
}

// BenchmarkRecommend measures `recommend --answers FILE` from the command
// line to the report on stdout, in-process: the share of the command's
// start-up that is authadvisor's own work rather than the Go runtime's and
// the package initialisers'. bench/run measures the whole process.
func BenchmarkRecommend(b *testing.B) {
	var out, errOut bytes.Buffer
	io := benchIO(b, &out, &errOut)
	args := []string{"recommend", "--answers", "examples/spa-banking.yaml"}
	for b.Loop() {
		out.Reset()
		errOut.Reset()
		if code := Main(io, args); code != 0 {
			b.Fatalf("exit code %d: %s", code, errOut.String())
		}
		if !strings.Contains(out.String(), "**Recommended:**") {
			b.Fatalf("no report on stdout:\n%s", out.String())
		}
	}
}
