package findings

import (
	"fmt"
	"io"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// writeText writes one block per finding, `file:line:col: severity: message
// [rule]` then the advice and sources indented, and a summary line. Text
// from the inputs is stripped of control characters.
func writeText(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, s := range r.Subjects {
		fmt.Fprintf(&b, "%s: %s: %s\n", plain(s.Location.String()), plain(s.Name), s.Status)
		if s.Detail != "" {
			fmt.Fprintf(&b, "    %s\n", plain(s.Detail))
		}
	}
	if len(r.Subjects) > 0 && len(r.Findings) > 0 {
		b.WriteString("\n")
	}
	for _, f := range r.Findings {
		textFinding(&b, f)
	}
	b.WriteString(summaryLine(r) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func textFinding(b *strings.Builder, f Finding) {
	fmt.Fprintf(b, "%s: %s: %s [%s]\n", plain(f.Location.String()), f.Severity,
		plain(f.Message), f.Rule)
	if f.Advice != "" {
		fmt.Fprintf(b, "    advice: %s\n", plain(f.Advice))
	}
	meta := ""
	if len(f.Sources) > 0 {
		meta = "sources: " + strings.Join(f.Sources, "; ")
	}
	if f.AntiPattern != "" {
		if meta != "" {
			meta += "; "
		}
		meta += "anti-pattern: " + f.AntiPattern
	}
	if meta != "" {
		fmt.Fprintf(b, "    %s\n", meta)
	}
	for _, rel := range f.Related {
		fmt.Fprintf(b, "    also %s: %s\n", plain(rel.String()), plain(rel.Note))
	}
}

// summaryLine counts files and findings, and what a baseline suppressed.
func summaryLine(r *Report) string {
	c := r.Count()
	s := fmt.Sprintf("%s: %s, %s, %s", plural(len(r.Files), "file"),
		plural(c.Error, "error"), plural(c.Warning, "warning"), plural(c.Info, "info"))
	if r.Suppressed > 0 {
		s += fmt.Sprintf("; %d suppressed by the baseline", r.Suppressed)
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 || noun == "info" {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func plain(s string) string { return safetext.Plain(s) }
