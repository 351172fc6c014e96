package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Folder names tried, in order, when neither `--dir` nor .adr-dir names one.
const (
	// DirFile is the file, at the project root, that names the record
	// folder; adr-tools writes it on `adr init DIR`.
	DirFile = ".adr-dir"
	// DefaultDir is where MADR keeps records, and where new ones go when
	// the project has no record folder yet.
	DefaultDir = "docs/decisions"
	// LegacyDir is the adr-tools default folder.
	LegacyDir = "doc/adr"
)

// ProjectRoot returns the folder whose records the adr command works on
// when it runs in start: the nearest of start and its parents that holds an
// .adr-dir file or a .git entry, as adr-tools finds .adr-dir from a
// subfolder. When none does, start itself.
func ProjectRoot(start string) string {
	for dir := filepath.Clean(start); ; {
		for _, marker := range []string{DirFile, ".git"} {
			if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Clean(start)
		}
		dir = parent
	}
}

// FindDir returns the folder that holds the project's decision records.
// A non-empty override (`--dir`) wins; a relative one is taken from root.
// Otherwise the folder named in root/.adr-dir is used, which must be a
// relative path that stays inside root. Otherwise an existing
// docs/decisions, then an existing doc/adr; failing both, docs/decisions,
// which the caller creates when it writes the first record.
func FindDir(root, override string) (string, error) {
	if override != "" {
		if filepath.IsAbs(override) {
			return filepath.Clean(override), nil
		}
		return filepath.Join(root, override), nil
	}

	named, err := readDirFile(filepath.Join(root, DirFile))
	if err != nil {
		return "", err
	}
	if named != "" {
		return filepath.Join(root, named), nil
	}

	for _, candidate := range []string{DefaultDir, LegacyDir} {
		local := filepath.FromSlash(candidate)
		if err := staysInside(root, local); err != nil {
			return "", fmt.Errorf("%s leads outside the project through a symbolic link; "+
				"pass `--dir` to write there anyway", filepath.Join(root, local))
		}
		path := filepath.Join(root, local)
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			return path, nil
		}
	}
	return filepath.Join(root, filepath.FromSlash(DefaultDir)), nil
}

// readDirFile returns the folder named in an .adr-dir file, or "" when the
// file does not exist.
func readDirFile(path string) (string, error) {
	data, err := readRegular(path, maxDirFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}

	named := strings.TrimSpace(string(data))
	switch {
	case named == "":
		return "", fmt.Errorf("%s names no folder; write a relative path in it or pass `--dir`",
			path)
	case strings.ContainsFunc(named, unicode.IsControl):
		return "", fmt.Errorf("%s must hold one folder path on one line, "+
			"without control characters", path)
	}
	local := filepath.FromSlash(named)
	if !filepath.IsLocal(local) {
		return "", fmt.Errorf("%s names %q, which is not a folder inside the project; "+
			"use a relative path without `..`, or pass `--dir`", path, named)
	}
	if err := staysInside(filepath.Dir(path), local); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return filepath.Clean(local), nil
}

// staysInside refuses a folder under root that a symbolic link leads out
// of root.
func staysInside(root, local string) error {
	real, err := filepath.EvalSymlinks(filepath.Join(root, local))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	base, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(base, real); err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("the folder it names leads outside the project")
	}
	return nil
}

// record is one numbered record file found in a folder.
type record struct {
	Number int
	Name   string
}

// Next returns the number for a new record in dir: one more than the
// highest four-digit "NNNN-" prefix of the *.md files there, or 1 when there
// are none or dir does not exist. Other names, such as log4brains' date
// prefixes, are not records of this numbering and are ignored. Existing
// files are never renumbered.
func Next(dir string) (int, error) {
	recs, err := listRecords(dir)
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 {
		return 1, nil
	}
	return recs[len(recs)-1].Number + 1, nil
}

// listRecords returns the numbered records in dir, sorted by number then
// name. A missing dir holds no records.
func listRecords(dir string) ([]record, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read record folder %s: %w", dir, err)
	}

	var recs []record
	for _, e := range entries {
		if n, ok := recordNumber(e.Name()); ok && !e.IsDir() {
			recs = append(recs, record{Number: n, Name: e.Name()})
		}
	}
	sort.Slice(recs, func(i, j int) bool {
		if recs[i].Number != recs[j].Number {
			return recs[i].Number < recs[j].Number
		}
		return recs[i].Name < recs[j].Name
	})
	return recs, nil
}

// recordNumber reads the number of a file named "NNNN-anything.md"; past
// 9999 the number takes a fifth digit. Longer digit runs, such as
// log4brains' dates, are not record numbers.
func recordNumber(name string) (int, bool) {
	dash := strings.IndexByte(name, '-')
	if !strings.HasSuffix(name, ".md") || dash < 4 || dash > 5 {
		return 0, false
	}
	for i := 0; i < dash; i++ {
		if name[i] < '0' || name[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(name[:dash])
	return n, err == nil
}

// fileName is the name of record number n with the given slug.
func fileName(n int, slug string) string {
	return fmt.Sprintf("%04d-%s.md", n, slug)
}

// findRecord returns the file name of record number n in dir. It fails when
// there is none, or when several files share the number (as happens when
// two branches each add one), since either could be meant.
func findRecord(dir string, n int) (string, error) {
	recs, err := listRecords(dir)
	if err != nil {
		return "", err
	}

	var names []string
	for _, r := range recs {
		if r.Number == n {
			names = append(names, r.Name)
		}
	}
	switch len(names) {
	case 0:
		return "", fmt.Errorf("no record ADR-%04d (%s) in %s; check `--supersedes`",
			n, fileName(n, "*"), dir)
	case 1:
		return names[0], nil
	}
	return "", fmt.Errorf("several records are numbered ADR-%04d in %s (%s); "+
		"renumber one before superseding", n, dir, strings.Join(names, ", "))
}

// findSlug returns the highest-numbered record in dir whose name ends in
// slug, so that re-recording the same title can reuse its number.
func findSlug(dir, slug string) (record, bool, error) {
	recs, err := listRecords(dir)
	if err != nil {
		return record{}, false, err
	}
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].Name[5:] == slug+".md" {
			return recs[i], true, nil
		}
	}
	return record{}, false, nil
}
