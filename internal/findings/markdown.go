package findings

import (
	"fmt"
	"io"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// writeMarkdown writes a Markdown section: the summary, the subjects as a
// table, then the findings of each file as a list with their advice. Text
// from the inputs is escaped.
func writeMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# authadvisor %s\n\n%s.\n", r.Command, summaryLine(r))
	if len(r.Subjects) > 0 {
		b.WriteString("\n| name | status | where | detail |\n| --- | --- | --- | --- |\n")
		for _, s := range r.Subjects {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", md(s.Name), md(s.Status),
				md(s.Location.String()), md(s.Detail))
		}
	}
	file := "\x00"
	for _, f := range r.Findings {
		if f.File != file {
			file = f.File
			fmt.Fprintf(&b, "\n## %s\n\n", md(file))
		}
		mdFinding(&b, f)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdFinding(b *strings.Builder, f Finding) {
	fmt.Fprintf(b, "- **%s** `%s` at line %d, column %d: %s\n", f.Severity, f.Rule,
		f.Line, f.Column, md(f.Message))
	if f.Advice != "" {
		fmt.Fprintf(b, "  - Advice: %s\n", md(f.Advice))
	}
	if len(f.Sources) > 0 {
		fmt.Fprintf(b, "  - Sources: %s\n", md(strings.Join(f.Sources, "; ")))
	}
	if f.AntiPattern != "" {
		fmt.Fprintf(b, "  - Anti-pattern: `%s`\n", f.AntiPattern)
	}
	for _, rel := range f.Related {
		where := fmt.Sprintf("line %d, column %d", rel.Line, rel.Column)
		if rel.File != f.File {
			where = md(rel.String())
		}
		fmt.Fprintf(b, "  - Also %s: %s\n", where, md(rel.Note))
	}
}

func md(s string) string { return safetext.Markdown(s) }
