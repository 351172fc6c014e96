package snippet_test

import (
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/snippet"
	"github.com/authadvisor/authadvisor/templates"
)

// BenchmarkRender renders, for each target Render knows, every snippet of
// that target in the default decision file, with the placeholder values
// `recommend --out` uses when no flags are given. A target the default
// file has no snippet for yet is skipped with its name.
func BenchmarkRender(b *testing.B) {
	all := decisions.Snapshot().Snippets
	p := snippet.DefaultParams("")
	for _, target := range snippet.Targets() {
		var specs []snippet.Spec
		for _, s := range all {
			if s.Target == target {
				specs = append(specs, snippet.Spec{ID: s.ID, Title: s.Title, Target: s.Target,
					Template: s.Template, Path: s.Path})
			}
		}
		b.Run(target, func(b *testing.B) {
			if len(specs) == 0 {
				b.Skipf("the default decision file has no %s snippet", target)
			}
			for b.Loop() {
				files, err := snippet.Render(templates.FS(), specs, p)
				if err != nil {
					b.Fatal(err)
				}
				if len(files) <= len(specs) || !strings.HasPrefix(files[0].Path, target+"/") {
					b.Fatalf("%d files for %d %s snippets, first %q", len(files), len(specs),
						target, files[0].Path)
				}
			}
		})
	}
}
