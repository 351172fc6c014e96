package audit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// input is the text of a document: in memory, or in a file read in pieces
// so that a large document is never held whole.
type input struct {
	r    io.ReaderAt
	size int
	// data is the whole text when it is in memory.
	data []byte
	// buf is reused for the pieces read from r; win is the piece last
	// read, starting at offset winLo.
	buf, win []byte
	winLo    int
}

// windowSize bounds the pieces read while walking lines.
const windowSize = 64 << 10

// text returns bytes [lo, hi). Unless the text is in memory, the bytes are
// only valid until the next call. Reads go ahead to fill a window, since
// the next request is usually just after this one or inside it.
func (in *input) text(lo, hi int) ([]byte, error) {
	if in.data != nil {
		return in.data[lo:hi], nil
	}
	if lo >= in.winLo && hi <= in.winLo+len(in.win) {
		return in.win[lo-in.winLo : hi-in.winLo], nil
	}
	end := min(max(hi, lo+windowSize), in.size)
	if cap(in.buf) < end-lo {
		in.buf = make([]byte, end-lo)
	}
	in.win, in.winLo = in.buf[:end-lo], lo
	if _, err := in.r.ReadAt(in.win, int64(lo)); err != nil && !errors.Is(err, io.EOF) {
		in.win = nil
		return nil, err
	}
	return in.win[:hi-lo], nil
}

// all returns the whole text, reading it into memory if needed.
func (in *input) all() ([]byte, error) {
	if in.data == nil {
		in.data = make([]byte, in.size)
		if _, err := in.r.ReadAt(in.data, 0); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
	}
	return in.data, nil
}

// scanned is what one pass over the text finds.
type scanned struct {
	lines lineIndex
	// cont marks lines that continue an earlier one (see lexer.go).
	cont []bool
	// first is the offset of the first byte that is not white space or a
	// byte-order mark, and firstByte that byte.
	first     int
	firstByte byte
	// otherBreaks is set when the text has line breaks other than LF and
	// CRLF, which the YAML parser counts and the line index would not.
	otherBreaks bool
	// unreadable is the first byte that is not UTF-8 or control
	// character, which the YAML parser would refuse without a position.
	unreadable *decision.Unreadable
	// alias is set when the text holds an alias, which the whole reading
	// refuses wherever it is.
	alias bool
}

// scan makes one sequential pass over the text: line starts, the lines
// that continue others, the first significant byte and odd line breaks.
func (in *input) scan() (*scanned, error) {
	sc := &scanned{first: -1, lines: lineIndex{size: in.size}}
	st := openState{block: -1}
	br := bufio.NewReaderSize(io.NewSectionReader(in.r, 0, int64(in.size)), windowSize)
	var long []byte
	for off := 0; off < in.size; {
		l, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, l...)
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if long != nil {
			l, long = append(long, l...), nil
		}
		if len(l) == 0 {
			break
		}
		sc.line(off, l, &st)
		off += len(l)
	}
	if sc.first < 0 {
		sc.first = in.size
	}
	sc.alias = st.alias
	return sc, nil
}

// line records one line, with its line break, starting at offset off.
func (sc *scanned) line(off int, l []byte, st *openState) {
	i := len(sc.lines.starts)
	sc.lines.starts = append(sc.lines.starts, int32(off))
	crlf := 0
	if n := len(l); n > 1 && l[n-2] == '\r' && l[n-1] == '\n' {
		crlf = 1
	}
	if bytes.Count(l, []byte{'\r'}) > crlf || unicodeBreak(l) {
		sc.otherBreaks = true
	}
	if sc.unreadable == nil {
		if u := decision.CheckText(l); u != nil {
			u.Pos.Line = i + 1
			sc.unreadable = u
		}
	}
	if sc.first < 0 {
		t := l
		if i == 0 {
			t = bytes.TrimPrefix(t, bom)
		}
		if j := bytes.IndexFunc(t, notSpace); j >= 0 {
			sc.first, sc.firstByte = off+len(l)-len(t)+j, t[j]
		}
	}
	sc.cont = append(sc.cont, st.next(trimBreak(l)))
}

// unicodeBreak reports NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR in l;
// their UTF-8 forms start with the bytes C2 and E2, which are rare enough
// to look for first.
func unicodeBreak(l []byte) bool {
	if bytes.IndexByte(l, 0xc2) < 0 && bytes.IndexByte(l, 0xe2) < 0 {
		return false
	}
	return bytes.ContainsAny(l, "\u0085\u2028\u2029")
}

func notSpace(r rune) bool { return r != ' ' && r != '\t' && r != '\r' && r != '\n' }

// trimBreak removes a line's LF or CRLF.
func trimBreak(l []byte) []byte {
	n := len(l)
	if n > 0 && l[n-1] == '\n' {
		n--
	}
	if n > 0 && l[n-1] == '\r' {
		n--
	}
	return l[:n]
}

// eachLine calls fn with lines [lo, hi), without their line breaks, read
// in windows of about windowSize bytes. fn may stop the walk with
// errStop.
func (s *source) eachLine(lo, hi int, fn func(i int, l []byte) error) error {
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && s.lines.start(j+1)-s.lines.start(i) <= windowSize {
			j++
		}
		base := s.lines.start(i)
		w, err := s.in.text(base, s.lines.start(j))
		if err != nil {
			return err
		}
		for ; i < j; i++ {
			l := trimBreak(w[s.lines.start(i)-base : s.lines.start(i+1)-base])
			if err := fn(i, l); err != nil {
				if errors.Is(err, errStop) {
					return nil
				}
				return err
			}
		}
	}
	return nil
}

// errStop ends an eachLine walk early.
var errStop = errors.New("stop")

// lineAt returns line i without its line break.
func (s *source) lineAt(i int) ([]byte, error) {
	l, err := s.in.text(s.lines.start(i), s.lines.start(i+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return trimBreak(l), nil
}
