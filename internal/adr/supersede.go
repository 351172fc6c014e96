package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/authadvisor/authadvisor/internal/fileout"
)

const moreHeading = "## More Information"

// Supersede marks record number old in dir as superseded by record number
// next: the status in its front matter becomes "superseded by ADR-NNNN",
// quoted and without a link as MADR 4.0 asks, and its More Information
// section gains a line linking to newFile (the new record's file name in
// dir) titled newTitle. The file is rewritten atomically. It fails, naming
// the file, when the old record is missing or has no front matter.
func Supersede(dir string, old, next int, newTitle, newFile string) error {
	change, err := prepareSupersede(dir, old, next, newTitle, newFile)
	if err != nil {
		return err
	}
	return change.write()
}

// pendingChange is a rewrite of an existing record, checked and ready to
// write.
type pendingChange struct {
	path string
	data []byte
	mode fs.FileMode
}

func (c pendingChange) write() error {
	return fileout.Write(c.path, c.data, c.mode, true)
}

// prepareSupersede reads the old record and computes its new content
// without writing anything.
func prepareSupersede(dir string, old, next int, newTitle, newFile string) (pendingChange, error) {
	switch {
	case old < 1 || next < 1:
		return pendingChange{}, fmt.Errorf("record numbers must be at least 1, got %d and %d",
			old, next)
	case old == next:
		return pendingChange{}, fmt.Errorf("ADR-%04d cannot supersede itself", old)
	case strings.TrimSpace(newFile) == "":
		return pendingChange{}, errors.New("the superseding record needs a file name to link to")
	}

	name, err := findRecord(dir, old)
	if err != nil {
		return pendingChange{}, err
	}
	path := filepath.Join(dir, name)
	info, err := os.Stat(path)
	if err != nil {
		return pendingChange{}, err
	}
	data, err := readRegular(path, MaxRecordSize)
	if err != nil {
		return pendingChange{}, fmt.Errorf("%s: %w", path, err)
	}

	link := fmt.Sprintf("Superseded by [ADR-%04d: %s](%s)", next,
		linkText(strings.TrimSpace(newTitle)), linkPath(filepath.Base(newFile)))
	out, err := markSuperseded(string(data), next, link)
	if err != nil {
		return pendingChange{}, fmt.Errorf("%s: %w", path, err)
	}
	return pendingChange{path: path, data: []byte(out), mode: info.Mode().Perm()}, nil
}

// markSuperseded sets the status in a record's front matter and adds link
// to its More Information section, keeping the file's line endings.
func markSuperseded(text string, next int, link string) (string, error) {
	eol := "\n"
	if strings.Contains(text, "\r\n") {
		eol = "\r\n"
	}
	lines := strings.SplitAfter(text, "\n")
	end := frontMatterEnd(lines)
	if end < 0 {
		return "", errors.New("no YAML front matter (a `---` block at the top) " +
			"to set the status in; add one or edit the record by hand")
	}

	status := fmt.Sprintf(`status: "superseded by ADR-%04d"`, next) + eol
	lines = setStatus(lines, end, status)
	if end = frontMatterEnd(lines); hasLine(lines[end:], link) {
		return strings.Join(lines, ""), nil
	}
	return strings.Join(addMoreInformation(lines, end, link, eol), ""), nil
}

// frontMatterEnd returns the index of the line closing the front matter,
// or -1 when the text does not open with one.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 || trimEOL(lines[0]) != "---" {
		return -1
	}
	for i := 1; i < len(lines); i++ {
		if l := trimEOL(lines[i]); l == "---" || l == "..." {
			return i
		}
	}
	return -1
}

// setStatus replaces the front matter's status line, or adds one first.
func setStatus(lines []string, end int, status string) []string {
	for i := 1; i < end; i++ {
		if strings.HasPrefix(lines[i], "status:") {
			lines[i] = status
			return lines
		}
	}
	return append(lines[:1], append([]string{status}, lines[1:]...)...)
}

// addMoreInformation appends link as the last paragraph of the More
// Information section, adding the section at the end when there is none.
func addMoreInformation(lines []string, from int, link, eol string) []string {
	start := -1
	for i := from + 1; i < len(lines); i++ {
		if trimEOL(lines[i]) == moreHeading {
			start = i
			break
		}
	}
	if start < 0 {
		lines = endWithEOL(trimBlankTail(lines), eol)
		return append(lines, eol, moreHeading+eol, eol, link+eol)
	}

	stop := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "# ") || strings.HasPrefix(lines[i], "## ") {
			stop = i
			break
		}
	}
	head := endWithEOL(trimBlankTail(append([]string{}, lines[:stop]...)), eol)
	head = append(head, eol, link+eol)
	if stop < len(lines) {
		head = append(head, eol)
	}
	return append(head, lines[stop:]...)
}

func trimEOL(line string) string {
	return strings.TrimRight(line, "\r\n")
}

func hasLine(lines []string, want string) bool {
	for _, l := range lines {
		if trimEOL(l) == want {
			return true
		}
	}
	return false
}

// trimBlankTail drops empty lines (and an empty last fragment) from the
// end.
func trimBlankTail(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// endWithEOL makes sure the last line is terminated.
func endWithEOL(lines []string, eol string) []string {
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += eol
	}
	return lines
}
