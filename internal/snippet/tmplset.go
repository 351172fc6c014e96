package snippet

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"text/template"
)

// templateSet parses each template file at most once per Render call.
type templateSet struct {
	fsys   fs.FS
	funcs  template.FuncMap
	parsed map[string]*template.Template
}

func newTemplateSet(fsys fs.FS) *templateSet {
	return &templateSet{fsys: fsys, funcs: templateFuncs(),
		parsed: map[string]*template.Template{}}
}

// get returns the parsed template at name, reading it on first use.
func (s *templateSet) get(name string) (*template.Template, error) {
	if t, ok := s.parsed[name]; ok {
		return t, nil
	}
	if !fs.ValidPath(name) || !strings.HasSuffix(name, ".tmpl") {
		return nil, fmt.Errorf("template path %q must be a relative .tmpl path", name)
	}
	src, err := fs.ReadFile(s.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read template: %w", err)
	}
	t, err := template.New(name).Funcs(s.funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	s.parsed[name] = t
	return t, nil
}

// executeBlock runs the named block of t, or returns "" when t defines no
// such block.
func executeBlock(t *template.Template, name string, data any) (string, error) {
	block := t.Lookup(name)
	if block == nil {
		return "", nil
	}
	var buf bytes.Buffer
	if err := block.Execute(&buf, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(buf.String()), nil
}
