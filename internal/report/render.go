package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// Formats lists the output formats of Render.
var Formats = []string{"markdown", "json", "text"}

// Render writes the recommendation in one of Formats. Markdown and text
// come from report.md.tmpl and report.txt.tmpl in fsys; the output is
// byte-identical for the same recommendation.
func Render(fsys fs.FS, format string, r *decision.Recommendation) ([]byte, error) {
	switch format {
	case "markdown", "md":
		return execute(fsys, "report.md.tmpl", newView(r, mdText, mdCell))
	case "text":
		return execute(fsys, "report.txt.tmpl", newView(r, stripControl, stripControl))
	case "json":
		return JSON(r)
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(Formats, ", "))
}

// JSON encodes the recommendation with the keys documented in the README.
func JSON(r *decision.Recommendation) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func execute(fsys fs.FS, name string, data any) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	t, err := template.New(name).Funcs(template.FuncMap{
		"add":  func(a, b int) int { return a + b },
		"join": strings.Join,
	}).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
