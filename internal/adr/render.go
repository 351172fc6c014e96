package adr

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"text/template"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// TemplateName is the record template's path in the template file system.
const TemplateName = "adr.md.tmpl"

// Render executes the record template (adr.md.tmpl at the root of fsys)
// for a recommendation. meta is normalised and checked first; number is
// the record's own number. The same input always gives the same bytes.
func Render(fsys fs.FS, rec *decision.Recommendation, meta Meta, number int) ([]byte, error) {
	if rec == nil {
		return nil, errors.New("no recommendation to record")
	}
	if number < 1 {
		return nil, fmt.Errorf("record number %d must be at least 1", number)
	}
	meta, err := meta.Normalize()
	if err != nil {
		return nil, err
	}

	tmpl, err := parseTemplate(fsys)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, newView(rec, meta)); err != nil {
		return nil, fmt.Errorf("%s: %w", TemplateName, err)
	}
	return buf.Bytes(), nil
}

func parseTemplate(fsys fs.FS) (*template.Template, error) {
	if fsys == nil {
		return nil, errors.New("no template files to render " + TemplateName + " from")
	}
	src, err := fs.ReadFile(fsys, TemplateName)
	if err != nil {
		return nil, fmt.Errorf("read template %s: %w", TemplateName, err)
	}
	tmpl, err := template.New(TemplateName).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	return tmpl, nil
}
