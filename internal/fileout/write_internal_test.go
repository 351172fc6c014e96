package fileout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder replaced by a symbolic link after Plan has looked is refused
// when the write reaches it, and nothing lands where the link points.
func TestStageRechecksFoldersAtWriteTime(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	victim := filepath.Join(parent, "victim")
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(victim, 0o755)
	files := []File{{Path: "snippets/go/go.mod", Data: []byte("x")}}
	if err := Plan(dir, files, false); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, "snippets")); err != nil {
		t.Skip("symlinks unsupported here:", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	w := &writer{dir: dir, root: root, backups: map[string]string{}}
	err = w.stage(filepath.Join("snippets", "go", "go.mod"), files[0])
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link; refusing to write through it") {
		t.Fatalf("stage = %v, want a refusal of the link", err)
	}
	if entries, _ := os.ReadDir(victim); len(entries) > 0 {
		t.Errorf("%d entries landed outside the output folder", len(entries))
	}
}
