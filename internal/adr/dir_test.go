package adr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNext(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  int
	}{
		{name: "empty folder", files: map[string]string{}, want: 1},
		{name: "one record", files: map[string]string{"0001-a.md": ""}, want: 2},
		{name: "gaps are not filled", files: map[string]string{
			"0001-a.md": "", "0004-d.md": ""}, want: 5},
		{name: "only NNNN-*.md counts", files: map[string]string{
			"0002-a.md": "", "12-b.md": "", "0003-c.txt": "", "README.md": "",
			"20240101-dated.md": "", "000x-odd.md": "", "0009.md": ""}, want: 3},
		{name: "folders are not records", files: map[string]string{
			"0001-a.md": "", "0008-folder/inner.md": ""}, want: 2},
		{name: "duplicate numbers", files: map[string]string{
			"0003-a.md": "", "0003-b.md": ""}, want: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			got, err := Next(dir)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Next = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNextMissingFolder(t *testing.T) {
	got, err := Next(filepath.Join(t.TempDir(), "no", "such"))
	if err != nil || got != 1 {
		t.Errorf("Next on a missing folder = %d, %v; want 1, nil", got, err)
	}
}

func TestFindDir(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		override string
		want     string // relative to root; "" when an error is expected
		errPart  string
	}{
		{name: "nothing yet", want: "docs/decisions"},
		{name: "docs/decisions exists", files: map[string]string{
			"docs/decisions/0001-a.md": "", "doc/adr/0001-a.md": ""}, want: "docs/decisions"},
		{name: "doc/adr exists", files: map[string]string{"doc/adr/0001-a.md": ""},
			want: "doc/adr"},
		{name: ".adr-dir wins", files: map[string]string{
			".adr-dir": "architecture/records\n", "docs/decisions/0001-a.md": ""},
			want: "architecture/records"},
		{name: ".adr-dir trimmed and cleaned", files: map[string]string{
			".adr-dir": "  ./adr//notes/ \n"}, want: "adr/notes"},
		{name: "override beats .adr-dir", files: map[string]string{".adr-dir": "x"},
			override: "records", want: "records"},
		{name: ".adr-dir escaping", files: map[string]string{".adr-dir": "../elsewhere"},
			errPart: ".adr-dir"},
		{name: ".adr-dir climbing back in", files: map[string]string{".adr-dir": "a/../../b"},
			errPart: "not a folder inside the project"},
		{name: ".adr-dir absolute", files: map[string]string{".adr-dir": "/etc"},
			errPart: ".adr-dir"},
		{name: ".adr-dir empty", files: map[string]string{".adr-dir": " \n"},
			errPart: "names no folder"},
		{name: ".adr-dir two lines", files: map[string]string{".adr-dir": "a\nb\n"},
			errPart: "one line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, tt.files)
			got, err := FindDir(root, tt.override)
			if tt.errPart != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errPart) {
					t.Fatalf("FindDir = %q, %v; want an error mentioning %q", got, err, tt.errPart)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, filepath.FromSlash(tt.want)); got != want {
				t.Errorf("FindDir = %q, want %q", got, want)
			}
		})
	}
}

func TestFindDirAbsoluteOverride(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "records")
	got, err := FindDir(t.TempDir(), abs)
	if err != nil || got != abs {
		t.Errorf("FindDir = %q, %v; want %q", got, err, abs)
	}
}

func TestFindRecord(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"0001-a.md": "", "0002-b.md": "", "0002-c.md": ""})
	if name, err := findRecord(dir, 1); err != nil || name != "0001-a.md" {
		t.Errorf("findRecord(1) = %q, %v", name, err)
	}
	if _, err := findRecord(dir, 2); err == nil || !strings.Contains(err.Error(), "0002-b.md") {
		t.Errorf("findRecord(2) with two files: %v; want an error naming both", err)
	}
	if _, err := findRecord(dir, 9); err == nil || !strings.Contains(err.Error(), "ADR-0009") {
		t.Errorf("findRecord(9) = %v; want an error naming ADR-0009", err)
	}
}

func TestNextPastNineThousandNineHundredNinetyNine(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"9999-last.md", "20240101-dated.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := Next(dir); err != nil || n != 10000 {
		t.Fatalf("Next = %d, %v; want 10000", n, err)
	}
	os.WriteFile(filepath.Join(dir, fileName(10000, "more")), []byte("x"), 0o644)
	if n, _ := Next(dir); n != 10001 {
		t.Errorf("after 10000-more.md, Next = %d, want 10001", n)
	}
}

func TestADRDirThroughSymlinkIsRefused(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "records")); err != nil {
		t.Skip("symlinks unsupported here:", err)
	}
	os.WriteFile(filepath.Join(root, ".adr-dir"), []byte("records\n"), 0o644)
	if _, err := FindDir(root, ""); err == nil {
		t.Error("FindDir accepted an .adr-dir that leads outside the project")
	}
}

func TestProjectRoot(t *testing.T) {
	top := t.TempDir()
	sub := filepath.Join(top, "services", "billing")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := ProjectRoot(sub); got != sub {
		t.Errorf("without markers, ProjectRoot = %s, want the start folder %s", got, sub)
	}
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := ProjectRoot(sub); got != top {
		t.Errorf("below a .git folder, ProjectRoot = %s, want %s", got, top)
	}
	inner := filepath.Join(top, "services")
	os.WriteFile(filepath.Join(inner, DirFile), []byte("adr\n"), 0o644)
	if got := ProjectRoot(sub); got != inner {
		t.Errorf("the nearest .adr-dir should win: ProjectRoot = %s, want %s", got, inner)
	}
}
