package audit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/authadvisor/authadvisor/internal/audit"
)

// BenchmarkAudit reads each corpus document from its file, as the CLI
// does, and runs every rule. Compare with vacuum and Spectral using
// bench/compare-audit.
func BenchmarkAudit(b *testing.B) {
	sel, _ := audit.Select(nil, nil)
	for _, path := range corpus(b) {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		info, _ := f.Stat()
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(info.Size())
			for b.Loop() {
				doc, err := audit.ReadFrom(path, f, info.Size())
				if err != nil {
					b.Fatal(err)
				}
				audit.Audit(doc, sel)
			}
		})
		f.Close()
	}
}
