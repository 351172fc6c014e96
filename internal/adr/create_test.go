package adr

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/fileout"
)

// listDir returns the names in dir, sorted, for "wrote nothing else" checks.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func create(t *testing.T, root, title string, supersedes int, force bool) (Result, error) {
	t.Helper()
	meta := Meta{Title: title, Date: fixedDate(), Supersedes: supersedes}
	return Create(root, templateFS(), sampleRecommendation(), meta, "", force)
}

func TestCreateNumbersRecords(t *testing.T) {
	root := t.TempDir()
	first, err := create(t, root, "Use client credentials", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	second, err := create(t, root, "Bind tokens to certificates", 0, false)
	if err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(root, "docs", "decisions")
	if first.Number != 1 || first.Path != filepath.Join(dir, "0001-use-client-credentials.md") {
		t.Errorf("first = %+v", first)
	}
	if second.Number != 2 ||
		second.Path != filepath.Join(dir, "0002-bind-tokens-to-certificates.md") {
		t.Errorf("second = %+v", second)
	}
	if text := readFile(t, second.Path); !strings.HasPrefix(text, "---\nstatus: \"proposed\"\n") {
		t.Errorf("second record starts %q", text[:min(len(text), 40)])
	}
	if got := listDir(t, dir); len(got) != 2 {
		t.Errorf("folder holds %q; want the two records only", got)
	}
}

func TestCreateUsesAdrDirAndOverride(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{".adr-dir": "arch/adr\n", "arch/adr/0041-old.md": ""})
	res, err := create(t, root, "Next one", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "arch", "adr", "0042-next-one.md"); res.Path != want {
		t.Errorf("path %q, want %q", res.Path, want)
	}

	meta := Meta{Title: "Elsewhere", Date: fixedDate()}
	res, err = Create(root, templateFS(), sampleRecommendation(), meta, "other", false)
	if err != nil || res.Path != filepath.Join(root, "other", "0001-elsewhere.md") {
		t.Errorf("with --dir: %+v, %v", res, err)
	}
}

func TestCreateRefusesOverwrite(t *testing.T) {
	root := t.TempDir()
	first, err := create(t, root, "Use client credentials", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(first.Path)
	if err := os.WriteFile(first.Path, []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	_, err = create(t, root, "Use client credentials", 0, false)
	if !errors.Is(err, fileout.ErrExists) || !strings.Contains(err.Error(), "`--force`") {
		t.Fatalf("second create: %v; want an error wrapping ErrExists naming `--force`", err)
	}
	if got := listDir(t, dir); len(got) != 1 || readFile(t, first.Path) != "edited by hand\n" {
		t.Fatalf("refused create changed the folder: %q", got)
	}

	res, err := create(t, root, "Use client credentials", 0, true)
	if err != nil {
		t.Fatal(err)
	}
	if res != first || !strings.HasPrefix(readFile(t, res.Path), "---\n") {
		t.Errorf("forced create = %+v; want %+v rewritten in place", res, first)
	}
	if got := listDir(t, dir); len(got) != 1 {
		t.Errorf("forced create left %q", got)
	}
}

func TestCreateSupersedes(t *testing.T) {
	root := t.TempDir()
	old, err := create(t, root, "Use API keys", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := create(t, root, "Use client credentials", old.Number, false)
	if err != nil {
		t.Fatal(err)
	}

	newText := readFile(t, res.Path)
	if !strings.Contains(newText, "\nSupersedes [ADR-0001](0001-use-api-keys.md)\n") {
		t.Error("new record does not link the one it supersedes")
	}
	oldText := readFile(t, old.Path)
	if !strings.HasPrefix(oldText, "---\nstatus: \"superseded by ADR-0002\"\ndate:") {
		t.Errorf("old record's front matter:\n%s", oldText[:min(len(oldText), 80)])
	}
	link := "\nSuperseded by [ADR-0002: Use client credentials](0002-use-client-credentials.md)\n"
	more := oldText[strings.Index(oldText, moreHeading):]
	if !strings.HasSuffix(more, "\n"+link) {
		t.Errorf("old record's More Information does not end with the link:\n%s", more)
	}
}

func TestCreateSupersedesMissingWritesNothing(t *testing.T) {
	root := t.TempDir()
	first, err := create(t, root, "Use API keys", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, first.Path)

	_, err = create(t, root, "Use client credentials", 7, false)
	if err == nil || !strings.Contains(err.Error(), "ADR-0007") {
		t.Fatalf("create superseding a missing record: %v; want an error naming ADR-0007", err)
	}
	if got := listDir(t, filepath.Dir(first.Path)); len(got) != 1 {
		t.Errorf("folder holds %q after the failure", got)
	}
	if readFile(t, first.Path) != before {
		t.Error("existing record changed after the failure")
	}
}

func TestCreateSupersedesWithoutFrontMatterWritesNothing(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"docs/decisions/0001-nygard.md": "# 1. Nygard\n"})
	_, err := create(t, root, "Replace it", 1, false)
	if err == nil || !strings.Contains(err.Error(), "0001-nygard.md") {
		t.Fatalf("error = %v; want one naming 0001-nygard.md", err)
	}
	if got := listDir(t, filepath.Join(root, "docs", "decisions")); len(got) != 1 {
		t.Errorf("folder holds %q after the failure", got)
	}
}

func TestCreateRejectsBadInput(t *testing.T) {
	root := t.TempDir()
	if _, err := create(t, root, "two\nlines", 0, false); err == nil {
		t.Error("a title with a newline was accepted")
	}
	if _, err := create(t, root, "!!!", 0, false); err == nil {
		t.Error("a title without letters was accepted")
	}
	if _, err := os.Stat(filepath.Join(root, "docs")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("bad input created the record folder (%v)", err)
	}
}
