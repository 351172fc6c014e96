// Package fileout writes output files atomically and never overwrites an
// existing file unless asked to.
package fileout

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrExists is returned when a file exists and overwriting was not allowed.
var ErrExists = errors.New("already exists")

// File is one file to write, with a path relative to the target folder.
type File struct {
	Path string
	Data []byte
	Mode fs.FileMode
}

// Plan checks that every file can be written into dir: each path stays
// inside dir and, unless force is set, no file exists yet. It writes
// nothing, so a caller can refuse before touching the disk.
func Plan(dir string, files []File, force bool) error {
	if err := checkDir(dir); err != nil {
		return err
	}
	for _, f := range files {
		target, err := Inside(dir, f.Path)
		if err != nil {
			return err
		}
		if err := checkFolders(dir, target); err != nil {
			return err
		}
		if err := checkTarget(target, force); err != nil {
			return err
		}
	}
	return nil
}

// checkDir refuses a dir that cannot be made: the nearest part of it that
// exists must be a folder, or a symbolic link to one.
func checkDir(dir string) error {
	p := dir
	info, err := os.Lstat(p)
	for errors.Is(err, fs.ErrNotExist) && filepath.Dir(p) != p {
		p = filepath.Dir(p)
		info, err = os.Lstat(p)
	}
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		dest, _ := os.Readlink(p)
		if info, err = os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s is a symbolic link to %s, which does not exist; "+
				"create that folder or choose another", p, dest)
		}
		if err != nil {
			return err
		}
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is a file, not a folder", p)
	}
	return nil
}

// checkFolders refuses a target whose folders below dir include a symbolic
// link or a file, so that a write cannot land outside dir.
func checkFolders(dir, target string) error {
	rel, err := filepath.Rel(dir, filepath.Dir(target))
	if err != nil || rel == "." {
		return err
	}
	cur := dir
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link; refusing to write through it", cur)
		case !info.IsDir():
			return fmt.Errorf("%s is a file, not a folder", cur)
		}
	}
	return nil
}

// WriteAll writes files into dir after Plan accepts them, all or nothing:
// every file is first written to a temporary file beside its target, and
// only when all of them are complete are they moved into place. Folders
// are checked again as they are made and all writes go through an
// os.Root, so a symbolic link that appears after Plan cannot lead a file
// out of dir. If any step fails, the files and folders this call created
// are removed and files replaced with force are put back; the error is a
// *WriteError naming the destination file and what, if anything, is left.
func WriteAll(dir string, files []File, force bool) error {
	if err := Plan(dir, files, force); err != nil {
		return err
	}
	w := &writer{dir: dir, backups: map[string]string{}}
	if err := w.makeDir(); err != nil {
		return w.fail(dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return w.fail(dir, err)
	}
	w.root = root
	defer root.Close()
	for _, f := range files {
		target, _ := Inside(dir, f.Path)
		rel, _ := filepath.Rel(dir, target)
		if err := w.stage(rel, f); err != nil {
			return w.fail(target, err)
		}
	}
	for _, it := range w.staged {
		if err := w.place(it, force); err != nil {
			return w.fail(filepath.Join(dir, it.rel), err)
		}
	}
	for _, b := range w.backups {
		_ = root.Remove(b)
	}
	return nil
}

// Write writes one file atomically, creating its folder. Without force an
// existing file is an error wrapping ErrExists.
func Write(path string, data []byte, mode fs.FileMode, force bool) error {
	return WriteAll(filepath.Dir(path),
		[]File{{Path: filepath.Base(path), Data: data, Mode: mode}}, force)
}

// WriteError is a write that failed after Plan accepted the files. Path is
// the destination file (or folder) being written. Left lists files and
// folders this write created but could not remove; Replaced lists
// existing files that force replaced and that could not be put back.
type WriteError struct {
	Path     string
	Err      error
	Left     []string
	Replaced []string
}

func (e *WriteError) Error() string {
	msg := fmt.Sprintf("writing %s: %v", e.Path, e.Err)
	if len(e.Left) == 0 && len(e.Replaced) == 0 {
		return msg + "; nothing was written"
	}
	if len(e.Left) > 0 {
		msg += "; could not remove what this run wrote: " + strings.Join(e.Left, ", ")
	}
	if len(e.Replaced) > 0 {
		msg += "; overwritten and not restorable: " + strings.Join(e.Replaced, ", ")
	}
	return msg
}

func (e *WriteError) Unwrap() error { return e.Err }

// writer is one WriteAll call: what it has created so far, so that a
// failure can take it back. Paths other than above are relative to root.
type writer struct {
	dir     string
	root    *os.Root
	above   []string          // dir and missing parents, made in this order
	made    []string          // folders below dir, made in this order
	staged  []*staged         // files with a temporary file, in order
	placed  []string          // targets that did not exist before
	backups map[string]string // replaced target -> link to its old content
	lost    []string          // replaced targets with no link to restore
}

// staged is one file written to a temporary name; tmp is "" once the
// temporary file is gone.
type staged struct {
	rel, tmp string
	data     []byte
	mode     fs.FileMode
}

// makeDir creates dir and any missing parents, remembering each.
func (w *writer) makeDir() error {
	var missing []string
	for p := w.dir; ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append([]string{p}, missing...)
		if filepath.Dir(p) == p {
			break
		}
	}
	for _, p := range missing {
		if err := os.Mkdir(p, 0o755); err != nil {
			return bare(err)
		}
		w.above = append(w.above, p)
	}
	return nil
}

// mkdirs makes the folders of rel below root, refusing any that is a
// symbolic link or a file now, whatever Plan saw.
func (w *writer) mkdirs(rel string) error {
	if rel == "." {
		return nil
	}
	cur := ""
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		info, err := w.root.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			if err := w.root.Mkdir(cur, 0o755); err != nil {
				return bare(err)
			}
			w.made = append(w.made, cur)
			continue
		}
		if err := folderErr(filepath.Join(w.dir, cur), info, err); err != nil {
			return err
		}
	}
	return nil
}

func folderErr(path string, info fs.FileInfo, err error) error {
	switch {
	case err != nil:
		return bare(err)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; refusing to write through it", path)
	case !info.IsDir():
		return fmt.Errorf("%s is a file, not a folder", path)
	}
	return nil
}

// stage writes f completely into a new temporary file beside rel.
func (w *writer) stage(rel string, f File) error {
	if err := w.mkdirs(filepath.Dir(rel)); err != nil {
		return err
	}
	mode := f.Mode
	if mode == 0 {
		mode = 0o644
	}
	tmp, file, err := w.createTemp(rel)
	if err != nil {
		return err
	}
	w.staged = append(w.staged, &staged{rel: rel, tmp: tmp, data: f.Data, mode: mode})
	return fill(file, f.Data, mode)
}

// fill writes data into a new file, sets its mode and closes it.
func fill(file *os.File, data []byte, mode fs.FileMode) error {
	_, err := file.Write(data)
	if err == nil {
		err = file.Chmod(mode)
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return bare(err)
}

// createTemp creates an empty file with a new name in rel's folder.
func (w *writer) createTemp(rel string) (string, *os.File, error) {
	base := filepath.Base(rel)
	for len(base) > 40 {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	for range 100 {
		name := filepath.Join(filepath.Dir(rel),
			"."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := w.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, f, bare(err)
	}
	return "", nil, errors.New("no free name for a temporary file")
}

// place moves rel's temporary file into place. Without force it never
// replaces a file, not even one that appeared after Plan.
func (w *writer) place(it *staged, force bool) error {
	info, err := w.root.Lstat(it.rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return w.link(it, force)
	case err != nil:
		return bare(err)
	case info.IsDir():
		return errors.New("is a folder, not a file")
	case info.Mode()&fs.ModeSymlink != 0:
		return errors.New("is a symbolic link; refusing to write through it")
	case !force:
		return fmt.Errorf("%w; pass `--force` to overwrite it", ErrExists)
	}
	return w.replace(it)
}

// link gives the temporary file its final name. A link fails if the
// name has been taken meanwhile, where a rename would replace the file.
func (w *writer) link(it *staged, force bool) error {
	err := w.root.Link(it.tmp, it.rel)
	switch {
	case err == nil:
		w.placed = append(w.placed, it.rel)
		w.dropTemp(it)
		return nil
	case errors.Is(err, fs.ErrExist) && force:
		return w.replace(it)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%w; pass `--force` to overwrite it", ErrExists)
	}
	// No hard links here: create the name exclusively and copy the data.
	f, err := w.root.OpenFile(it.rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w; pass `--force` to overwrite it", ErrExists)
	}
	if err != nil {
		return bare(err)
	}
	w.placed = append(w.placed, it.rel)
	if err := fill(f, it.data, it.mode); err != nil {
		return err
	}
	w.dropTemp(it)
	return nil
}

// replace renames the temporary file over an existing rel, keeping a
// link to the old content so that a later failure can put it back.
func (w *writer) replace(it *staged) error {
	rel := it.rel
	backup, f, err := w.createTemp(rel)
	if err == nil {
		f.Close()
		if err = w.root.Remove(backup); err == nil {
			err = w.root.Link(rel, backup)
		}
	}
	if err := w.root.Rename(it.tmp, rel); err != nil {
		if backup != "" {
			_ = w.root.Remove(backup)
		}
		return bare(err)
	}
	it.tmp = ""
	_, seen := w.backups[rel]
	switch {
	case seen:
		// Replaced twice in one set: the first backup holds the old file.
		if err == nil {
			_ = w.root.Remove(backup)
		}
	case err == nil:
		w.backups[rel] = backup
	default:
		w.lost = append(w.lost, filepath.Join(w.dir, rel))
	}
	return nil
}

func (w *writer) dropTemp(it *staged) {
	if err := w.root.Remove(it.tmp); err == nil {
		it.tmp = ""
	}
}

// fail undoes what this call has done and says what could not be undone.
func (w *writer) fail(path string, err error) error {
	var left []string
	remove := func(rel string) {
		if err := w.root.Remove(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
			left = append(left, filepath.Join(w.dir, rel))
		}
	}
	if w.root != nil {
		for i := len(w.placed) - 1; i >= 0; i-- {
			remove(w.placed[i])
		}
		for _, it := range w.staged {
			if it.tmp != "" {
				remove(it.tmp)
			}
		}
		for rel, b := range w.backups {
			if err := w.root.Rename(b, rel); err != nil {
				w.lost = append(w.lost, filepath.Join(w.dir, rel))
			}
		}
		for i := len(w.made) - 1; i >= 0; i-- {
			remove(w.made[i])
		}
		w.root.Close()
	}
	for i := len(w.above) - 1; i >= 0; i-- {
		if err := os.Remove(w.above[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			left = append(left, w.above[i])
		}
	}
	sort.Strings(w.lost)
	return &WriteError{Path: path, Err: err, Left: left, Replaced: w.lost}
}

// bare drops the path from an operating system error, which may name a
// temporary file the caller never sees; WriteError names the target.
func bare(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

func checkTarget(path string, force bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return fmt.Errorf("%s is a folder, not a file", path)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; refusing to write through it", path)
	case !force:
		return fmt.Errorf("%s %w; pass `--force` to overwrite it", path, ErrExists)
	}
	return nil
}

// Inside joins dir and a relative path, refusing paths that are absolute,
// climb out of dir or contain control characters.
func Inside(dir, rel string) (string, error) {
	if rel == "" || filepath.IsAbs(rel) || strings.ContainsFunc(rel, unicode.IsControl) {
		return "", fmt.Errorf("refusing to write %q: not a plain relative path", rel)
	}
	clean := filepath.Clean(filepath.FromSlash(rel))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("refusing to write %q: it leaves the output folder", rel)
	}
	return filepath.Join(dir, clean), nil
}
