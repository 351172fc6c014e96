package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// progress draws a one-line bar on a terminal: how many files are done
// and which one is being read. It draws nothing when off.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

// barWidth is the number of cells in the bar.
const barWidth = 24

func newProgress(w io.Writer, total int, on bool) *progress {
	return &progress{w: w, total: total, on: on}
}

// show redraws the bar before file i (0-based) is read.
func (p *progress) show(i int, name string) {
	if !p.on {
		return
	}
	filled := barWidth * i / p.total
	runes := []rune(safetext.Plain(name))
	if len(runes) > 40 {
		runes = append([]rune("…"), runes[len(runes)-39:]...)
	}
	name = string(runes)
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s", strings.Repeat("=", filled),
		strings.Repeat(" ", barWidth-filled), i, p.total, name)
}

// clear erases the bar so that a message can be printed.
func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// done erases the bar for good.
func (p *progress) done() {
	p.clear()
	p.on = false
}
