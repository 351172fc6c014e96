package cli

import (
	"io"
	"os"
	"path/filepath"
	"time"
)

// IO holds the streams and the environment a command runs with; tests
// build it with buffers and fixed values.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// Getenv reads the environment.
	Getenv func(string) string
	// Now is the clock, used for decision record dates.
	Now func() time.Time
	// Dir is the working folder that relative paths start from.
	Dir string
	// MaxInput, when above zero, replaces every reader's default limit
	// on the size of an input file.
	MaxInput int64
}

// SystemIO returns the process's streams and environment.
func SystemIO() *IO {
	dir, _ := os.Getwd()
	return &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Getenv: os.Getenv, Now: time.Now, Dir: dir,
	}
}

// abs resolves a path given on the command line against Dir.
func (io *IO) abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(io.Dir, p)
}
