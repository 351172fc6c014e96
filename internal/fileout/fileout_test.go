package fileout_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// tree lists every file and folder under root with its content, so that a
// test can see whether a failed write changed anything.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		switch {
		case d.IsDir():
			got[rel] = "folder"
		case d.Type()&fs.ModeSymlink != 0:
			dest, _ := os.Readlink(path)
			got[rel] = "-> " + dest
		default:
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			got[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, was := range before {
		if now, ok := after[p]; !ok {
			t.Errorf("%s was removed", p)
		} else if now != was {
			t.Errorf("%s changed from %q to %q", p, was, now)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was left behind", p)
		}
	}
}

// checkNothingWritten asserts the error a failed WriteAll gives: it names
// the destination file, not a temporary one, and says nothing was written.
func checkNothingWritten(t *testing.T, err error, dest string) {
	t.Helper()
	var we *fileout.WriteError
	if !errors.As(err, &we) {
		t.Fatalf("err = %v, want a *WriteError", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "writing "+dest+": ") ||
		!strings.HasSuffix(msg, "; nothing was written") || strings.Contains(msg, ".tmp") {
		t.Errorf("message %q should name %s and say nothing was written", msg, dest)
	}
}

func TestWriteAllFailureInReadOnlyFolderLeavesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders; " +
			"TestWriteAllFailureWhilePlacingRestoresEverything covers root")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	locked := filepath.Join(dir, "snippets", "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	before := tree(t, parent)
	files := []fileout.File{
		{Path: "report.md", Data: []byte("r")},
		{Path: "snippets/go/go.mod", Data: []byte("m")},
		{Path: "snippets/locked/a.conf", Data: []byte("a")},
		{Path: "snippets/z/z.conf", Data: []byte("z")},
	}
	err := fileout.WriteAll(dir, files, false)
	checkNothingWritten(t, err, filepath.Join(locked, "a.conf"))
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want the permission error", err)
	}
	sameTree(t, before, tree(t, parent))
	// Nothing left behind means a second run meets no "already exists".
	os.Chmod(locked, 0o755)
	if err := fileout.WriteAll(dir, files, false); err != nil {
		t.Fatalf("rerun: %v", err)
	}
}

func TestWriteAllFailureWhilePlacingRestoresEverything(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	os.MkdirAll(filepath.Join(dir, "keep"), 0o755)
	os.WriteFile(filepath.Join(dir, "report.md"), []byte("old report"), 0o644)
	before := tree(t, parent)
	// "conf" is to be a file, but conf/x.conf needs it as a folder: every
	// file is staged, and placing fails at the last one, after report.md
	// has been replaced and new files have been placed.
	files := []fileout.File{
		{Path: "report.md", Data: []byte("new report")},
		{Path: "answers.yaml", Data: []byte("a")},
		{Path: "snippets/deep/x.conf", Data: []byte("x")},
		{Path: "conf/x.conf", Data: []byte("x")},
		{Path: "conf", Data: []byte("c")},
	}
	err := fileout.WriteAll(dir, files, true)
	checkNothingWritten(t, err, filepath.Join(dir, "conf"))
	sameTree(t, before, tree(t, parent))
}

func TestWriteAllRemovesTheFolderItMade(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "new", "out")
	files := []fileout.File{{Path: "a.md", Data: []byte("a")},
		{Path: "a.md/b.md", Data: []byte("b")}}
	err := fileout.WriteAll(dir, files, false)
	checkNothingWritten(t, err, filepath.Join(dir, "a.md"))
	if _, err := os.Lstat(filepath.Join(parent, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder made for the output is left: %v", err)
	}
}

func TestWriteAllExistsAfterPlanIsNotReplaced(t *testing.T) {
	dir := t.TempDir()
	// The same name twice: the second finds the first in place, as a file
	// created by someone else between Plan and the write would be found.
	files := []fileout.File{{Path: "a.md", Data: []byte("one")},
		{Path: "b.md", Data: []byte("b")}, {Path: "a.md", Data: []byte("two")}}
	err := fileout.WriteAll(dir, files, false)
	if !errors.Is(err, fileout.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	sameTree(t, map[string]string{".": "folder"}, tree(t, dir))
}

func TestPlanExplainsDanglingOutputLink(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.Symlink("missing", out); err != nil {
		t.Skip("symlinks unsupported here:", err)
	}
	err := fileout.WriteAll(out, []fileout.File{{Path: "a.md"}}, false)
	want := out + " is a symbolic link to missing, which does not exist"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if _, err := os.Lstat(filepath.Join(dir, "missing")); err == nil {
		t.Error("the link's target was created")
	}
}
