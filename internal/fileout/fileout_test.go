package fileout_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/authadvisor/authadvisor/internal/fileout"
)

func TestInside(t *testing.T) {
	for _, bad := range []string{"", "/etc/passwd", "../x", "a/../../x", "a\nb", "a\x00b"} {
		if _, err := fileout.Inside("/out", bad); err == nil {
			t.Errorf("Inside accepted %q", bad)
		}
	}
	got, err := fileout.Inside("/out", "a/./b/../c.md")
	if err != nil || got != filepath.Join("/out", "a", "c.md") {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f.txt")
	if err := fileout.Write(path, []byte("one"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	err := fileout.Write(path, []byte("two"), 0o644, false)
	if !errors.Is(err, fileout.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "one" {
		t.Errorf("file changed to %q without force", data)
	}
	if err := fileout.Write(path, []byte("two"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "two" {
		t.Errorf("force did not overwrite: %q", data)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", info.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(dir, "sub", ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestWriteRefusesSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("symlinks unsupported here:", err)
	}
	if err := fileout.Write(link, []byte("x"), 0o644, true); err == nil {
		t.Error("wrote through a symbolic link")
	}
	if data, _ := os.ReadFile(target); string(data) != "keep" {
		t.Errorf("target changed: %q", data)
	}
}

func TestWriteAllChecksEverythingFirst(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("old"), 0o644)
	files := []fileout.File{{Path: "a.md", Data: []byte("a")}, {Path: "b.md", Data: []byte("b")}}
	if err := fileout.WriteAll(dir, files, false); !errors.Is(err, fileout.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); err == nil {
		t.Error("a.md was written although b.md blocked the set")
	}
}

func TestPlanRefusesSymlinkedFolders(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	victim := filepath.Join(dir, "victim")
	os.MkdirAll(out, 0o755)
	os.MkdirAll(victim, 0o755)
	if err := os.Symlink(victim, filepath.Join(out, "snippets")); err != nil {
		t.Skip("symlinks unsupported here:", err)
	}
	files := []fileout.File{{Path: "snippets/go/go.mod", Data: []byte("x")}}
	if err := fileout.WriteAll(out, files, true); err == nil {
		t.Fatal("wrote through a symbolically linked folder")
	}
	if _, err := os.Stat(filepath.Join(victim, "go", "go.mod")); err == nil {
		t.Error("a file landed outside the output folder")
	}
}
