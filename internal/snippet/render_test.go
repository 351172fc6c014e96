package snippet

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/authadvisor/authadvisor/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are the renders kept in testdata/golden/<name>/.
func goldenCases() map[string]Params {
	return map[string]Params{
		"generic_oidc": DefaultParams(IdPGeneric),
		"cognito":      DefaultParams(IdPCognito),
		"hostile":      hostileParams(),
	}
}

func TestRenderGolden(t *testing.T) {
	for name, p := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			files, err := Render(templatesFS(), allSpecs(), p)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
			}
			var want []string
			for _, f := range files {
				golden := filepath.Join(dir, filepath.FromSlash(f.Path)+".golden")
				want = append(want, golden)
				if *update {
					writeFiles(t, dir, []File{{Path: f.Path + ".golden", Data: f.Data,
						Mode: 0o644}})
					continue
				}
				data, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(data, f.Data) {
					t.Errorf("%s differs from %s (check, then run go test -update)",
						f.Path, golden)
				}
			}
			checkNoStaleGolden(t, dir, want)
		})
	}
}

// checkNoStaleGolden fails when dir holds golden files Render no longer writes.
func checkNoStaleGolden(t *testing.T, dir string, want []string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !slices.Contains(want, p) {
			t.Errorf("stale golden file %s", p)
		}
		return nil
	})
}

func TestRenderDeterministic(t *testing.T) {
	first, err := Render(templatesFS(), allSpecs(), hostileParams())
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(allSpecs())
	slices.Reverse(reversed)
	second, err := Render(templatesFS(), reversed, hostileParams())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, second) {
		t.Fatal("two renders of the same input differ")
	}
	if !slices.IsSortedFunc(first, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("files are not sorted by path")
	}
	for _, f := range first {
		if f.Mode != 0o644 {
			t.Errorf("%s has mode %v, want 0644", f.Path, f.Mode)
		}
	}
}

func TestRenderAddsReadmeAndGoMod(t *testing.T) {
	files, err := Render(templatesFS(), allSpecs(), DefaultParams(""))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range Targets() {
		if len(specsOf(target)) == 0 {
			continue // no README without files
		}
		readme := fileData(t, files, target+"/README.md")
		for _, s := range specsOf(target) {
			rel := strings.TrimPrefix(s.Path, target+"/")
			if !strings.Contains(readme, "`"+rel+"` — "+s.Title) {
				t.Errorf("%s/README.md does not describe %s", target, rel)
			}
		}
	}
	for _, f := range files {
		if data := string(f.Data); strings.Contains(data, "{{") ||
			strings.Contains(data, "<no value>") {
			t.Errorf("%s carries template residue", f.Path)
		}
	}
}

func TestGoModRequiresOnlyWhatIsImported(t *testing.T) {
	cases := []struct {
		ids  []string
		want string
	}{
		{[]string{"go_webhook_verify", "go_stepup"},
			"module example.com/authstarter\n\ngo 1.26.0\n"},
		{[]string{"go_jwt_middleware"}, "require github.com/coreos/go-oidc/v3 v3.21.0\n\n" +
			"require (\n\tgithub.com/go-jose/go-jose/v4 v4.1.9 // indirect\n" +
			"\tgolang.org/x/oauth2 v0.38.0 // indirect\n)\n"},
		{[]string{"go_authcode_pkce"}, "require (\n\tgithub.com/coreos/go-oidc/v3 v3.21.0\n" +
			"\tgolang.org/x/oauth2 v0.38.0\n)\n\n" +
			"require github.com/go-jose/go-jose/v4 v4.1.9 // indirect\n"},
		{[]string{"go_client_credentials", "go_client_auth"}, "require (\n" +
			"\tgithub.com/coreos/go-oidc/v3 v3.21.0\n\tgithub.com/go-jose/go-jose/v4 v4.1.9\n" +
			"\tgolang.org/x/oauth2 v0.38.0\n)\n"},
	}
	for _, c := range cases {
		var specs []Spec
		for _, s := range allSpecs() {
			if slices.Contains(c.ids, s.ID) {
				specs = append(specs, s)
			}
		}
		files, err := Render(templatesFS(), specs, DefaultParams(""))
		if err != nil {
			t.Fatal(err)
		}
		if got := fileData(t, files, "go/go.mod"); !strings.HasSuffix(got, c.want) {
			t.Errorf("%v: go.mod =\n%s\nwant suffix\n%s", c.ids, got, c.want)
		}
	}
}

// TestRenderRefusesMissingPackage: a Go snippet that imports a package of
// the generated module no snippet writes would not build, so Render says
// which snippet to add.
func TestRenderRefusesMissingPackage(t *testing.T) {
	for _, id := range []string{"go_client_credentials", "go_introspection_middleware",
		"go_token_exchange", "go_authcode_web"} {
		var specs []Spec
		for _, s := range allSpecs() {
			if s.ID == id {
				specs = append(specs, s)
			}
		}
		_, err := Render(templatesFS(), specs, DefaultParams(""))
		if err == nil || !strings.Contains(err.Error(), "go/clientauth/") {
			t.Errorf("%s alone: %v, want an error naming go/clientauth/", id, err)
		}
	}
}

func TestRenderRejectsBadInput(t *testing.T) {
	ok := Spec{ID: "x", Target: "go", Template: "snippets/go/webhook.go.tmpl", Path: "go/x/x.go"}
	cases := []struct {
		name  string
		specs []Spec
		p     Params
		want  string
	}{
		{"invalid params", []Spec{ok}, Params{}, "`--issuer`"},
		{"unknown target", []Spec{{ID: "x", Target: "traefik", Path: "traefik/x.yaml"}},
			DefaultParams(""), "unknown target"},
		{"path escapes", []Spec{{ID: "x", Target: "go", Path: "go/../x.go"}},
			DefaultParams(""), "relative path inside"},
		{"absolute path", []Spec{{ID: "x", Target: "go", Path: "/go/x.go"}},
			DefaultParams(""), "relative path inside"},
		{"other folder", []Spec{{ID: "x", Target: "go", Path: "nginx/x.go"}},
			DefaultParams(""), "relative path inside"},
		{"not .go", []Spec{{ID: "x", Target: "go", Path: "go/x.txt"}}, DefaultParams(""), ".go"},
		{"reserved", []Spec{{ID: "x", Target: "nginx", Path: "nginx/README.md"}},
			DefaultParams(""), "reserved"},
		{"duplicate", []Spec{ok, ok}, DefaultParams(""), "both write"},
		{"missing template", []Spec{{ID: "gone", Target: "go", Template: "snippets/go/gone.go.tmpl",
			Path: "go/gone/gone.go"}}, DefaultParams(""), `snippet "gone"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Render(templatesFS(), c.specs, c.p)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Render error = %v, want it to mention %q", err, c.want)
			}
		})
	}
	var pe *ParamError
	if _, err := Render(templatesFS(), []Spec{ok}, Params{}); !errors.As(err, &pe) {
		t.Errorf("invalid params error %v is not a *ParamError", err)
	}
}

// countingFS counts opens per file.
type countingFS struct {
	fs.FS
	opens map[string]int
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.FS.Open(name)
}

func TestRenderTemplateErrors(t *testing.T) {
	mem := fstest.MapFS{
		"snippets/go/README.md.tmpl":    {Data: []byte("readme")},
		"snippets/nginx/README.md.tmpl": {Data: []byte("readme")},
		"snippets/go/bad.go.tmpl":       {Data: []byte("package x\nfunc {")},
		"snippets/go/ok.go.tmpl": {
			Data: []byte("package x\nconst A = {{goString .Audience}}\n")},
		"snippets/nginx/dollar.tmpl": {Data: []byte(`x {{nginxString "$host"}};`)},
	}
	spec := func(id, target, tmpl, path string) Spec {
		return Spec{ID: id, Target: target, Template: tmpl, Path: path}
	}
	_, err := Render(mem, []Spec{spec("bad", "go", "snippets/go/bad.go.tmpl", "go/x/x.go")},
		DefaultParams(""))
	if err == nil || !strings.Contains(err.Error(), "does not parse") {
		t.Errorf("unparsable Go: %v", err)
	}
	_, err = Render(mem, []Spec{spec("n", "nginx", "snippets/nginx/dollar.tmpl", "nginx/x.conf")},
		DefaultParams(""))
	if !errors.Is(err, errNginxUnsafe) {
		t.Errorf("nginx value with $: %v, want errNginxUnsafe", err)
	}

	// Two snippets from one template: the template is read and parsed once.
	counting := countingFS{FS: mem, opens: map[string]int{}}
	files, err := Render(counting, []Spec{
		spec("a", "go", "snippets/go/ok.go.tmpl", "go/a/a.go"),
		spec("b", "go", "snippets/go/ok.go.tmpl", "go/b/b.go"),
	}, DefaultParams(""))
	if err != nil {
		t.Fatal(err)
	}
	if n := counting.opens["snippets/go/ok.go.tmpl"]; n != 1 {
		t.Errorf("template opened %d times, want 1", n)
	}
	want := "package x\n\nconst A = \"https://api.example.com\"\n"
	if got := fileData(t, files, "go/a/a.go"); got != want {
		t.Errorf("formatted Go = %q, want %q", got, want)
	}
}

// TestEmbeddedTemplates renders from the templates the binary embeds and
// expects the same output as from the source tree.
func TestEmbeddedTemplates(t *testing.T) {
	fromTree, err := Render(templatesFS(), allSpecs(), DefaultParams(""))
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := Render(templates.FS(), allSpecs(), DefaultParams(""))
	if err != nil {
		t.Fatalf("embedded templates: %v", err)
	}
	if !reflect.DeepEqual(fromTree, embedded) {
		t.Error("embedded templates differ from templates/ in the source tree")
	}
}
