// Package snippet renders starter configuration ("snippets") for the chosen
// authentication schemes from templates, escaping every user value for the
// language of the file it lands in.
package snippet

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Spec declares one snippet file; it comes from the decision file.
type Spec struct {
	ID    string
	Title string
	// Target is one of Targets(); it is also the output folder.
	Target string
	// Template is the path inside the templates FS,
	// e.g. "snippets/go/jwtauth.go.tmpl".
	Template string
	// Path is the output path relative to the snippets folder,
	// e.g. "go/jwtauth/jwtauth.go".
	Path string
}

// File is one rendered file.
type File struct {
	Path string // relative to the snippets folder, slash-separated
	Data []byte
	Mode fs.FileMode
}

// fileMode is the mode of every rendered file.
const fileMode fs.FileMode = 0o644

// Targets returns the targets Render knows, in output order.
func Targets() []string {
	return []string{"go", "nginx", "envoy", "istio", "kong"}
}

// Render validates p, renders each spec's template from fsys and adds a
// README.md per target folder (and go/go.mod for the go target). Go files
// are formatted with go/format. The result is sorted by Path and is
// byte-identical for the same input.
func Render(fsys fs.FS, specs []Spec, p Params) ([]File, error) {
	return render(fsys, specs, p, defaultOptions())
}

func render(fsys fs.FS, specs []Spec, p Params, opt options) ([]File, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := checkSpecs(specs); err != nil {
		return nil, err
	}
	r := &renderer{fsys: fsys, p: p.withDefaults(), opt: opt, parsed: newTemplateSet(fsys),
		pkgs: goPackages(specs)}

	var files []File
	for _, target := range Targets() {
		group := specsFor(specs, target)
		if len(group) == 0 {
			continue
		}
		out, err := r.target(target, group)
		if err != nil {
			return nil, err
		}
		files = append(files, out...)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// checkSpecs rejects unknown targets, unsafe or clashing output paths.
func checkSpecs(specs []Spec) error {
	seen := map[string]string{}
	for _, s := range specs {
		if !slices.Contains(Targets(), s.Target) {
			return fmt.Errorf("snippet %q: unknown target %q; use one of %s",
				s.ID, s.Target, strings.Join(Targets(), ", "))
		}
		if !fs.ValidPath(s.Path) || !strings.HasPrefix(s.Path, s.Target+"/") {
			return fmt.Errorf("snippet %q: path %q must be a relative path inside %q",
				s.ID, s.Path, s.Target+"/")
		}
		if s.Target == "go" && path.Ext(s.Path) != ".go" {
			return fmt.Errorf("snippet %q: go path %q must end in .go", s.ID, s.Path)
		}
		base := strings.TrimPrefix(s.Path, s.Target+"/")
		if base == "README.md" || base == "go.mod" || base == "go.sum" {
			return fmt.Errorf("snippet %q: path %q is reserved", s.ID, s.Path)
		}
		if other, dup := seen[s.Path]; dup {
			return fmt.Errorf("snippets %q and %q both write %q", other, s.ID, s.Path)
		}
		seen[s.Path] = s.ID
	}
	return nil
}

// specsFor returns the specs of target sorted by Path, so the output does
// not depend on the order of specs.
func specsFor(specs []Spec, target string) []Spec {
	var out []Spec
	for _, s := range specs {
		if s.Target == target {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Spec) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// goPackages returns the sorted folders, relative to go/, of the Go specs.
func goPackages(specs []Spec) []string {
	var dirs []string
	for _, s := range specs {
		if s.Target == "go" {
			dirs = append(dirs, path.Dir(strings.TrimPrefix(s.Path, "go/")))
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// renderer holds the state of one Render call.
type renderer struct {
	fsys   fs.FS
	p      Params
	opt    options
	parsed *templateSet
	pkgs   []string // Go package folders, see goPackages
}

// target renders the specs of one target plus its README (and go.mod).
func (r *renderer) target(target string, specs []Spec) ([]File, error) {
	var files []File
	var entries []readmeEntry
	var direct []string
	for _, s := range specs {
		data, notes, err := r.spec(s)
		if err != nil {
			return nil, err
		}
		if target == "go" {
			mods, err := r.goModules(s, data)
			if err != nil {
				return nil, err
			}
			direct = append(direct, mods...)
		}
		files = append(files, File{Path: s.Path, Data: data, Mode: fileMode})
		rel := strings.TrimPrefix(s.Path, target+"/")
		entries = append(entries, readmeEntry{
			ID: s.ID, Title: s.Title, Path: rel, Dir: path.Dir(rel), Notes: notes,
		})
	}

	req, indirect := requirements(direct)
	if target == "go" {
		files = append(files, File{Path: "go/go.mod",
			Data: goMod(r.p.Module, req, indirect), Mode: fileMode})
	}
	readme, err := r.readme(target, entries, req)
	if err != nil {
		return nil, err
	}
	return append(files, File{Path: target + "/README.md", Data: readme, Mode: fileMode}), nil
}

// goModules returns the pinned modules the Go file data of s imports, and
// fails when it imports a package of the generated module that this render
// does not write: the module would not build.
func (r *renderer) goModules(s Spec, data []byte) ([]string, error) {
	imports, err := goImports(s.Path, data)
	if err != nil {
		return nil, fmt.Errorf("snippet %q: %w", s.ID, err)
	}
	if p := missingLocal(r.p.Module, imports, r.pkgs); p != "" {
		return nil, fmt.Errorf("snippet %q imports %s, which no snippet writes; list the "+
			"snippet for go/%s/ wherever %q is listed", s.ID, p,
			strings.TrimPrefix(p, r.p.Module+"/"), s.ID)
	}
	return pinnedOf(imports), nil
}

// spec renders one snippet and its README notes.
func (r *renderer) spec(s Spec) (data []byte, notes string, err error) {
	t, err := r.parsed.get(s.Template)
	if err != nil {
		return nil, "", fmt.Errorf("snippet %q: %w", s.ID, err)
	}
	v := newView(r.p, s, r.opt, r.pkgs)
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		// A value refused by an escaping function is the user's to fix:
		// name the flag, not the template.
		if pe := (*ParamError)(nil); errors.As(err, &pe) {
			return nil, "", pe
		}
		return nil, "", fmt.Errorf("snippet %q: %w", s.ID, err)
	}
	data = buf.Bytes()
	if s.Target == "go" {
		if data, err = format.Source(data); err != nil {
			return nil, "", fmt.Errorf("snippet %q: rendered Go does not parse: %w", s.ID, err)
		}
	}
	if notes, err = executeBlock(t, "readme", v); err != nil {
		return nil, "", fmt.Errorf("snippet %q: readme notes: %w", s.ID, err)
	}
	return data, notes, nil
}

// readme renders snippets/<target>/README.md.tmpl.
func (r *renderer) readme(target string, entries []readmeEntry, req []module) ([]byte, error) {
	name := "snippets/" + target + "/README.md.tmpl"
	t, err := r.parsed.get(name)
	if err != nil {
		return nil, fmt.Errorf("%s README: %w", target, err)
	}
	v := readmeView{view: newView(r.p, Spec{Target: target}, r.opt, r.pkgs),
		Target: target, Files: entries, GoMod: req, Metadata: metadataText(r.pkgs)}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("%s README: %w", target, err)
	}
	return buf.Bytes(), nil
}
