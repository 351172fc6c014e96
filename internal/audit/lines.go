package audit

import (
	"sort"
	"unicode/utf8"
)

// Pos is a 1-based line and column; columns count characters, as the YAML
// parser does.
type Pos struct {
	Line, Col int
}

// lineIndex holds the offset at which each line of a file starts.
type lineIndex struct {
	starts []int32
	size   int
}

// count is the number of lines.
func (ix lineIndex) count() int { return len(ix.starts) }

// start is the offset of line i (0-based); start(count()) is the end.
func (ix lineIndex) start(i int) int {
	if i >= len(ix.starts) {
		return ix.size
	}
	return int(ix.starts[i])
}

// pos returns the line and column of a byte offset.
func (ix lineIndex) pos(data []byte, off int) Pos {
	i := sort.Search(len(ix.starts), func(i int) bool { return int(ix.starts[i]) > off }) - 1
	return Pos{Line: i + 1, Col: utf8.RuneCount(data[ix.start(i):off]) + 1}
}
