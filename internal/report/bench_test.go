package report_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/templates"
)

func BenchmarkRender(b *testing.B) {
	rec := evaluate(b, cases["mobile-payments-fapi"])
	for _, format := range report.Formats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if _, err := report.Render(templates.FS(), format, rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
