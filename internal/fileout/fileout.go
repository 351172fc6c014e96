// Package fileout writes output files atomically and never overwrites an
// existing file unless asked to.
package fileout

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
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

// WriteAll writes files into dir after Plan accepts them. Each file is
// written to a temporary file in its folder and renamed into place.
func WriteAll(dir string, files []File, force bool) error {
	if err := Plan(dir, files, force); err != nil {
		return err
	}
	for _, f := range files {
		target, _ := Inside(dir, f.Path)
		if err := Write(target, f.Data, f.Mode, force); err != nil {
			return err
		}
	}
	return nil
}

// Write writes one file atomically, creating its folder. Without force an
// existing file is an error wrapping ErrExists.
func Write(path string, data []byte, mode fs.FileMode, force bool) error {
	if mode == 0 {
		mode = 0o644
	}
	if err := checkTarget(path, force); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if !force {
		// Link fails if the target appeared meanwhile; rename would not.
		if err := os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s %w; pass `--force` to overwrite it", path, ErrExists)
			}
			return os.Rename(tmp.Name(), path)
		}
		return nil
	}
	return os.Rename(tmp.Name(), path)
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
