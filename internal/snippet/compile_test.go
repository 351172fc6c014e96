package snippet

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestGoSnippetsBuild renders every Go snippet, then builds and vets the
// result with the real Go toolchain, offline, and checks that the values
// compiled into DefaultConfig functions equal the parameters.
func TestGoSnippetsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go modules; skipped with -short")
	}
	type tc struct {
		name string
		p    Params
	}
	cases := []tc{{"hostile", hostileParams()}}
	for _, idp := range IdPs() {
		cases = append(cases, tc{idp, DefaultParams(idp)})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			goDir := renderGo(t, c.p)
			writeRoundTrip(t, goDir, c.p.Module)
			runGo(t, goDir, "build", "./...")
			runGo(t, goDir, "vet", "./...")
			checkRoundTrip(t, runGo(t, goDir, "run", "./cmd/roundtrip"), c.p)
		})
	}
}

// TestGoSnippetsBehaviour runs the tests in testdata/gotest next to the
// rendered packages: they drive the generated code with httptest servers
// on 127.0.0.1 (testdata/gotest/internal holds their shared fakes).
func TestGoSnippetsBehaviour(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests Go modules; skipped with -short")
	}
	goDir := renderGo(t, DefaultParams(IdPGeneric))
	pkgs := copyGoTests(t, filepath.Join("testdata", "gotest"), goDir)
	if len(pkgs) == 0 {
		t.Fatal("no behaviour tests found in testdata/gotest")
	}
	requireTestModules(t, filepath.Join("testdata", "gotest"), goDir)
	runGo(t, goDir, "vet", "./...")
	out := runGo(t, goDir, "test", "-count=1", "-v", "./...")
	t.Log(out)
	for _, pkg := range pkgs {
		if !strings.Contains(out, "ok  \t"+DefaultModule+"/"+pkg) {
			t.Errorf("package %s did not report ok:\n%s", pkg, out)
		}
	}
}

// copyGoTests copies every .go file below src to the same place below
// dst and returns the folders, slash-separated, that hold tests.
func copyGoTests(t *testing.T, src, dst string) []string {
	t.Helper()
	var pkgs []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".go" {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, "_test.go") {
			pkgs = append(pkgs, filepath.ToSlash(filepath.Dir(rel)))
		}
		writeFiles(t, dst, []File{{Path: filepath.ToSlash(rel), Data: data, Mode: 0o644}})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pkgs)
	return slices.Compact(pkgs)
}

// requireTestModules adds to goDir/go.mod the modules that provide the
// packages the tests below src import (such as the OpenID provider in
// internal/zop), at the versions our own go.mod selects, so that the
// tests build offline from the module cache `go mod download` fills.
// Modules the generated go.mod already requires must be at those versions.
func requireTestModules(t *testing.T, src, goDir string) {
	t.Helper()
	imports := map[string]bool{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".go" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		paths, err := goImports(p, data)
		if err != nil {
			return err
		}
		for _, imp := range paths {
			first, _, _ := strings.Cut(imp, "/")
			if strings.Contains(first, ".") && imp != DefaultModule &&
				!strings.HasPrefix(imp, DefaultModule+"/") {
				imports[imp] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) == 0 {
		return
	}
	// List the modules of those packages and their dependencies in our
	// module; -mod=readonly so that nothing here can change our go.mod.
	args := []string{"list", "-mod=readonly", "-deps",
		"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}"}
	args = append(args, slices.Sorted(maps.Keys(imports))...)
	out := runGoEnv(t, ".", []string{"GOFLAGS=", "GOPROXY=off", "GOWORK=off",
		"GOTOOLCHAIN=local"}, args...)
	modPath := filepath.Join(goDir, "go.mod")
	gomod, err := os.ReadFile(modPath)
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]string{}
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && strings.HasPrefix(f[1], "v") {
			required[f[0]] = f[1]
		}
	}
	var add []string
	for _, line := range slices.Compact(slices.Sorted(strings.SplitSeq(out, "\n"))) {
		path, version, ok := strings.Cut(line, " ")
		if !ok || !strings.HasPrefix(version, "v") {
			continue
		}
		if have, ok := required[path]; ok {
			if have != version {
				t.Errorf("generated go.mod requires %s %s; our go.mod selects %s",
					path, have, version)
			}
			continue
		}
		add = append(add, "\t"+path+" "+version+"\n")
	}
	if len(add) > 0 {
		gomod = fmt.Appendf(gomod, "\nrequire (\n%s)\n", strings.Join(add, ""))
		if err := os.WriteFile(modPath, gomod, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// renderGo renders all Go snippets into a temp dir and returns its go/.
func renderGo(t *testing.T, p Params) string {
	t.Helper()
	files, err := Render(templatesFS(), specsOf("go"), p)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return filepath.Join(dir, "go")
}

// runGo runs the go command offline in dir and returns its combined output.
func runGo(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return runGoEnv(t, dir, []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off",
		"GOWORK=off", "GOTOOLCHAIN=local"}, args...)
}

// runGoEnv runs the go command in dir with env added to the environment
// and returns its combined output.
func runGoEnv(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go command not found: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// roundTrip lists, per package, the DefaultConfig fields that hold
// parameters, as Go expressions and the parameter each must equal.
func roundTrip(p Params) []struct{ expr, want any } {
	d := p.withDefaults()
	return []struct{ expr, want any }{
		{"authcode.DefaultConfig().Issuer", p.Issuer},
		{"authcode.DefaultConfig().ClientID", p.ClientID},
		{"authcode.DefaultConfig().Scopes", p.Scopes},
		{"authcodeweb.DefaultConfig().Issuer", p.Issuer},
		{"authcodeweb.DefaultConfig().ClientID", p.ClientID},
		{"authcodeweb.DefaultConfig().Scopes", p.Scopes},
		{"authcodeweb.DefaultConfig().RedirectURL", "https://" + p.APIHost + "/auth/callback"},
		{"clientcreds.DefaultConfig().Issuer", p.Issuer},
		{"clientcreds.DefaultConfig().ClientID", p.ClientID},
		{"clientcreds.DefaultConfig().Scopes", p.Scopes},
		{"clientcreds.DefaultConfig().Audience", p.Audience},
		{"device.DefaultConfig().Issuer", p.Issuer},
		{"device.DefaultConfig().ClientID", p.ClientID},
		{"device.DefaultConfig().Scopes", p.Scopes},
		{"jwtauth.DefaultConfig().Issuer", p.Issuer},
		{"jwtauth.DefaultConfig().Audience", p.Audience},
		{"introspect.DefaultConfig().Issuer", p.Issuer},
		{"introspect.DefaultConfig().Audience", p.Audience},
		{"introspect.DefaultConfig().ClientID", p.ClientID},
		{"tokenexchange.DefaultConfig().Issuer", p.Issuer},
		{"tokenexchange.DefaultConfig().ClientID", p.ClientID},
		{"mtls.DefaultClientOptions().ServerName", p.APIHost},
		{"session.DefaultManager(nil).IdleTimeout", d.IdleTimeout},
		{"session.DefaultManager(nil).AbsoluteTimeout", d.AbsoluteTimeout},
	}
}

// writeRoundTrip writes cmd/roundtrip, which prints the roundTrip
// expressions as a JSON array.
func writeRoundTrip(t *testing.T, goDir, module string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"encoding/json\"\n\t\"os\"\n\n")
	for _, pkg := range []string{"authcode", "authcodeweb", "clientcreds", "device",
		"introspect", "jwtauth", "mtls", "session", "tokenexchange"} {
		fmt.Fprintf(&b, "\t%q\n", module+"/"+pkg)
	}
	b.WriteString(")\n\nfunc main() {\n\t_ = json.NewEncoder(os.Stdout).Encode([]any{\n")
	for _, rt := range roundTrip(Params{}) {
		fmt.Fprintf(&b, "\t\t%s,\n", rt.expr)
	}
	b.WriteString("\t})\n}\n")
	writeFiles(t, goDir, []File{{Path: "cmd/roundtrip/main.go",
		Data: []byte(b.String()), Mode: 0o644}})
}

// checkRoundTrip compares the printed values with the parameters.
func checkRoundTrip(t *testing.T, out string, p Params) {
	t.Helper()
	var got []any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("roundtrip output: %v\n%s", err, out)
	}
	cases := roundTrip(p)
	if len(got) != len(cases) {
		t.Fatalf("roundtrip printed %d values, want %d", len(got), len(cases))
	}
	for i, c := range cases {
		wantJSON, _ := json.Marshal(c.want)
		var want any
		_ = json.Unmarshal(wantJSON, &want)
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s = %#v, want %#v", c.expr, got[i], want)
		}
	}
}
