package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/authadvisor/authadvisor/templates"
)

// templateMaxSize is the default limit on the size of one template.
const templateMaxSize = 1 << 20

// templateOverlay is the built-in templates with those of a folder taking
// precedence. Only a template missing from the folder comes from the
// binary: one the folder has but cannot give is an error, never a silent
// fallback.
type templateOverlay struct {
	top  templateDir
	base fs.FS
}

func (o templateOverlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	return f, err
}

// templateDir reads templates from a folder through os.Root, so that no
// path or symbolic link leads out of it, and reads only regular files of
// at most limit bytes: never a device, a named pipe or a socket.
type templateDir struct {
	root  *os.Root
	dir   string
	limit int64
}

// newTemplateOverlay opens dir for templateOverlay.
func newTemplateOverlay(dir, shown string, limit int64) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, usagef("`--templates %s`: not a folder", shown)
	}
	return templateOverlay{top: templateDir{root: root, dir: shown, limit: limit},
		base: templates.FS()}, nil
}

func (t templateDir) Open(name string) (fs.File, error) {
	shown := filepath.Join(t.dir, filepath.FromSlash(name))
	fail := func(err error) error { return &fs.PathError{Op: "read", Path: shown, Err: err} }
	if !fs.ValidPath(name) {
		return nil, fail(fs.ErrInvalid)
	}
	info, err := t.root.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, fail(errors.New("leads outside the templates folder or cannot be read"))
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		return nil, fail(errors.New("is not a regular file"))
	}
	if info.Size() > t.limit {
		return nil, fail(fmt.Errorf("is larger than the input limit of %s; raise it with "+
			"`--%s SIZE` or %s=SIZE", formatSize(t.limit), maxInputFlag, maxInputEnv))
	}
	f, err := t.root.Open(name)
	if err != nil {
		return nil, fail(errors.New("cannot be opened"))
	}
	if info, err = f.Stat(); err != nil || (!info.IsDir() && !info.Mode().IsRegular()) {
		f.Close()
		return nil, fail(errors.New("is not a regular file"))
	}
	if info.IsDir() {
		return f, nil
	}
	return &limitedFile{File: f, r: io.LimitReader(f, t.limit+1), limit: t.limit,
		fail: fail}, nil
}

// limitedFile stops reading past the limit, in case the file grows after
// its size was checked.
type limitedFile struct {
	*os.File
	r     io.Reader
	n     int64
	limit int64
	fail  func(error) error
}

func (f *limitedFile) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if f.n += int64(n); f.n > f.limit {
		return n, f.fail(errors.New("grew past the input limit while it was read"))
	}
	return n, err
}
