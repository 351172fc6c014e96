package tui

import (
	"bufio"
	"bytes"
	"io"
)

// lineReader hands its input out at most one line per Read. Each of huh's
// accessible prompts reads through a buffer of its own, which would
// swallow the lines meant for the prompts after it when answers are piped
// in; given one line at a time, each prompt takes only its own. A last
// line without a newline gets one.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	ended   bool
	// starved is set once a prompt found the input at its end.
	starved bool
	// blankRefused, when set, is shown for a blank line, which is then
	// skipped: a question with no default must not take its first option
	// from a stray empty line.
	blankRefused func()
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

// Read returns the rest of the current line, reading the next one when
// none is left.
func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		if l.ended {
			l.starved = true
			return 0, io.EOF
		}
		line, err := l.r.ReadBytes('\n')
		if err != nil {
			l.ended = true
			if len(line) == 0 {
				l.starved = true
				return 0, io.EOF
			}
			if line[len(line)-1] != '\n' {
				line = append(line, '\n')
			}
		}
		if l.blankRefused != nil && len(bytes.TrimSpace(line)) == 0 {
			l.blankRefused()
			return l.Read(p)
		}
		l.pending = line
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}
