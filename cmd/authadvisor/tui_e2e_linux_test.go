package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal of rows by cols: the controlling side,
// and the terminal side a program runs on.
func openPTY(tb testing.TB, rows, cols uint16) (ptm, pts *os.File) {
	tb.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("no pseudo-terminals here: %v", err)
		}
		tb.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(ptm.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		tb.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		tb.Fatal(err)
	}
	pts, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	ws := &unix.Winsize{Row: rows, Col: cols}
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		tb.Fatal(err)
	}
	return ptm, pts
}

// BenchmarkTUIFirstFrame measures the time from starting the process to
// the review's first frame on a terminal, answering the terminal queries
// (background colour, cursor position) as a terminal would. For scale on
// a busy machine it also measures `authadvisor version` printing its line
// on the same kind of terminal. README.md gives the figures.
func BenchmarkTUIFirstFrame(b *testing.B) {
	bin := buildBinary(b)
	var frame, version time.Duration
	for b.Loop() {
		frame += firstOutput(b, bin, "authadvisor · how should this API", "tui")
		version += firstOutput(b, bin, "authadvisor ", "version")
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(b.N) / 1000 }
	b.ReportMetric(ms(frame), "ms/first-frame")
	b.ReportMetric(ms(version), "ms/version")
}

// firstOutput starts authadvisor with args on a fresh pseudo-terminal and
// waits until it shows mark; then presses ctrl+c and waits for it to end.
func firstOutput(b *testing.B, bin, mark string, args ...string) time.Duration {
	ptm, pts := openPTY(b, 40, 120)
	defer ptm.Close()
	cmd := exec.Command(bin, args...)
	cmd.Dir = b.TempDir()
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}

	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	pts.Close()
	elapsed := readUntil(b, ptm, []byte(mark), start)
	// Keep reading, or the review blocks writing to a full terminal and
	// never sees the ctrl+c.
	_ = ptm.SetReadDeadline(time.Time{})
	go func() { _, _ = io.Copy(io.Discard, ptm) }()
	_, _ = ptm.Write([]byte{3}) // ctrl+c
	_ = cmd.Wait()
	return elapsed
}

// readUntil reads the terminal's output, answering queries, until mark
// shows.
func readUntil(b *testing.B, ptm *os.File, mark []byte, start time.Time) time.Duration {
	var seen []byte
	buf := make([]byte, 32<<10)
	_ = ptm.SetReadDeadline(time.Now().Add(10 * time.Second))
	for !bytes.Contains(seen, mark) {
		n, err := ptm.Read(buf)
		if err != nil {
			b.Fatalf("%q never showed: %v\n%q", mark, err, seen)
		}
		out := buf[:n]
		if bytes.Contains(out, []byte("\x1b]11;?")) {
			_, _ = ptm.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
		}
		if bytes.Contains(out, []byte("\x1b[6n")) {
			_, _ = ptm.Write([]byte("\x1b[1;1R"))
		}
		seen = append(seen, out...)
	}
	return time.Since(start)
}
