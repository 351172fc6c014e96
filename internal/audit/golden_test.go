package audit_test

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/authadvisor/authadvisor/internal/audit"
	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/findings/sariftest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// corpus lists the corpus documents.
func corpus(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/corpus/*.*.*")
	if err != nil || len(files) != 8 {
		t.Fatalf("found %d corpus documents (%v), want 8", len(files), err)
	}
	return files
}

// auditFile reads and audits one file with every rule, as the CLI does.
func auditFile(t testing.TB, path string) *findings.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	doc, err := audit.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	sel, _ := audit.Select(nil, nil)
	res := audit.Audit(doc, sel)
	return &findings.Report{Command: "audit", Version: "test", Rules: audit.Rules(),
		Files: []string{name}, Findings: res.Findings}
}

// TestCorpusGolden audits every corpus document and compares the text
// report with testdata/golden; run with -update after a deliberate
// change, and read the diff.
func TestCorpusGolden(t *testing.T) {
	for _, path := range corpus(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := findings.Render(&got, "text", auditFile(t, path)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata/golden", name+".txt")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("findings differ from %s (run with -update and review the diff):\n%s",
					golden, got.String())
			}
		})
	}
}

// TestCorpusSARIFValidates checks the SARIF of every corpus document
// against the SARIF 2.1.0 schema.
func TestCorpusSARIFValidates(t *testing.T) {
	schema := sariftest.Schema(t)
	for _, path := range corpus(t) {
		var out bytes.Buffer
		if err := findings.Render(&out, "sarif", auditFile(t, path)); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(&out)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate: %v", path, err)
		}
	}
}

// TestCorpusIsUnchanged checks each corpus file against the git blob SHA
// its README records, so that an edit or a line-ending conversion shows.
func TestCorpusIsUnchanged(t *testing.T) {
	readme, err := os.ReadFile("testdata/corpus/README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|.*\\| `([0-9a-f]{40})` \\| [0-9,]+ B \\|")
	rows := row.FindAllSubmatch(readme, -1)
	if len(rows) != 8 {
		t.Fatalf("README lists %d files, want 8", len(rows))
	}
	for _, m := range rows {
		data, err := os.ReadFile(filepath.Join("testdata/corpus", string(m[1])))
		if err != nil {
			t.Fatal(err)
		}
		h := sha1.New()
		fmt.Fprintf(h, "blob %d\x00", len(data))
		h.Write(data)
		if got := hex.EncodeToString(h.Sum(nil)); got != string(m[2]) {
			t.Errorf("%s: blob %s, README says %s", m[1], got, m[2])
		}
	}
}
