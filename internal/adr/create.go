package adr

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
)

// Result says where Create wrote the record.
type Result struct {
	Path   string
	Number int
}

// Create records a recommendation as a new decision record. It checks
// meta, finds the record folder under root (dir, from `--dir`, wins),
// numbers and names the file, renders it from the templates in fsys and,
// when meta.Supersedes is set, checks that record before writing anything.
// The new file is written atomically; then the superseded record is
// marked.
//
// A record with the same title already in the folder is not duplicated:
// without force Create fails with an error wrapping fileout.ErrExists and
// writes nothing; with force that record is rewritten under its own number.
func Create(root string, fsys fs.FS, rec *decision.Recommendation, meta Meta, dir string,
	force bool) (Result, error) {
	p, err := planRecord(root, meta, dir, force)
	if err != nil {
		return Result{}, err
	}
	data, err := Render(fsys, rec, p.meta, p.res.Number)
	if err != nil {
		return Result{}, err
	}

	if err := fileout.Write(p.res.Path, data, 0o644, force); err != nil {
		return Result{}, err
	}
	if p.meta.Supersedes > 0 {
		if err := p.old.write(); err != nil {
			return p.res, fmt.Errorf("wrote %s, but could not mark ADR-%04d as superseded: %w",
				p.res.Path, p.meta.Supersedes, err)
		}
	}
	return p.res, nil
}

// plan is a new record checked against the folder, ready to render.
type plan struct {
	meta Meta
	res  Result
	// old is the superseded record's new content, when there is one.
	old pendingChange
}

// planRecord checks meta, finds the folder, picks the number and file name
// and prepares the superseded record's change, writing nothing.
func planRecord(root string, meta Meta, dir string, force bool) (plan, error) {
	meta, err := meta.Normalize()
	if err != nil {
		return plan{}, err
	}
	folder, err := FindDir(root, dir)
	if err != nil {
		return plan{}, err
	}
	slug, err := Slug(meta.Title)
	if err != nil {
		return plan{}, err
	}
	number, err := numberFor(folder, slug, force)
	if err != nil {
		return plan{}, err
	}

	p := plan{meta: meta, res: Result{Path: filepath.Join(folder, fileName(number, slug)),
		Number: number}}
	if meta.Supersedes > 0 {
		p.old, err = prepareSupersede(folder, meta.Supersedes, number, meta.Title,
			filepath.Base(p.res.Path))
		if err != nil {
			return plan{}, err
		}
		p.meta.SupersedesFile = filepath.Base(p.old.path)
	}
	return p, nil
}

// numberFor returns the number of the new record: the next free one, or,
// with force, that of an existing record with the same slug.
func numberFor(folder, slug string, force bool) (int, error) {
	existing, found, err := findSlug(folder, slug)
	if err != nil {
		return 0, err
	}
	if !found {
		return Next(folder)
	}
	path := filepath.Join(folder, existing.Name)
	if !force {
		return 0, fmt.Errorf("%s %w with the same title; pass `--force` to rewrite it, "+
			"or change `--title`", path, fileout.ErrExists)
	}
	// A superseded record is history: rewriting it would break the chain
	// that the newer record links to.
	data, err := readRegular(path, MaxRecordSize)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if bytes.Contains(data, []byte("superseded by ADR-")) {
		return 0, fmt.Errorf("%s is superseded; write a new record with another `--title` "+
			"instead of rewriting it", path)
	}
	return existing.Number, nil
}
