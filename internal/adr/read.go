package adr

import (
	"errors"
	"fmt"
	"io"
	"os"
)

const (
	// MaxRecordSize is the largest decision record read, to supersede it or
	// to see whether it is superseded.
	MaxRecordSize = 4 << 20
	// maxDirFileSize bounds .adr-dir, which holds one folder path.
	maxDirFileSize = 4 << 10
)

// readRegular reads a regular file of at most limit bytes. A folder, a
// device or a named pipe is refused before it is opened, so that reading
// never waits or runs without end; the read itself is bounded too. A
// missing file gives an error wrapping fs.ErrNotExist. Other errors do
// not name the file: the caller does.
func readRegular(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, errors.New("is a folder, not a file")
	case !info.Mode().IsRegular():
		return nil, errors.New("is not a regular file")
	case info.Size() > limit:
		return nil, fmt.Errorf("is larger than %d bytes", limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = errors.New("grew while it was read")
	}
	return data, err
}
