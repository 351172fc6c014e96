package snippet

import (
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// goDirective is the `go` line of go/go.mod; golang.org/x/oauth2 v0.38.0
// needs Go 1.26.
const goDirective = "1.26.0"

// module is one requirement of the generated go.mod.
type module struct {
	Path    string
	Version string
	// Needs lists the modules this one imports (and so requires) that the
	// generated code may not import itself.
	Needs []string
}

// pinnedModules returns the module versions snippets are tested against.
func pinnedModules() []module {
	return []module{
		{Path: "github.com/coreos/go-oidc/v3", Version: "v3.21.0",
			Needs: []string{"github.com/go-jose/go-jose/v4", "golang.org/x/oauth2"}},
		{Path: "github.com/go-jose/go-jose/v4", Version: "v4.1.9"},
		{Path: "golang.org/x/oauth2", Version: "v0.38.0"},
	}
}

// goImports returns the import paths of the Go source src. fileName is
// used in errors.
func goImports(fileName string, src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), fileName, src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// pinnedOf returns the paths of the pinned modules that provide imports.
func pinnedOf(imports []string) []string {
	var mods []string
	for _, p := range imports {
		for _, m := range pinnedModules() {
			if p == m.Path || strings.HasPrefix(p, m.Path+"/") {
				mods = append(mods, m.Path)
			}
		}
	}
	return mods
}

// missingLocal returns the first import of a package inside module that
// is not among pkgs (folders relative to the module root), or "".
func missingLocal(module string, imports, pkgs []string) string {
	for _, p := range imports {
		dir, ok := strings.CutPrefix(p, module+"/")
		if ok && !slices.Contains(pkgs, dir) {
			return p
		}
	}
	return ""
}

// requirements splits the pinned modules into those imported directly and
// those needed only by a direct one, both sorted by path.
func requirements(direct []string) (req, indirect []module) {
	all := pinnedModules()
	need := map[string]bool{}
	for _, m := range all {
		if slices.Contains(direct, m.Path) {
			for _, n := range m.Needs {
				need[n] = true
			}
		}
	}
	for _, m := range all {
		switch {
		case slices.Contains(direct, m.Path):
			req = append(req, m)
		case need[m.Path]:
			indirect = append(indirect, m)
		}
	}
	return req, indirect
}

// goMod returns the text of go/go.mod for the module path and requirements.
func goMod(modPath string, req, indirect []module) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n", modPath, goDirective)
	writeBlock(&b, req, "")
	writeBlock(&b, indirect, " // indirect")
	return []byte(b.String())
}

func writeBlock(b *strings.Builder, mods []module, suffix string) {
	switch len(mods) {
	case 0:
		return
	case 1:
		fmt.Fprintf(b, "\nrequire %s %s%s\n", mods[0].Path, mods[0].Version, suffix)
		return
	}
	b.WriteString("\nrequire (\n")
	for _, m := range mods {
		fmt.Fprintf(b, "\t%s %s%s\n", m.Path, m.Version, suffix)
	}
	b.WriteString(")\n")
}
