// Command tuiframe measures how long `authadvisor tui` takes from process
// start to its first frame on a pseudo-terminal, and its peak memory, and
// for scale the same for a Go hello world printing its line on the same
// kind of terminal. It answers the terminal queries the review sends
// (background colour, cursor position) as a terminal would, then presses
// ctrl+c. Nothing touches the network.
//
// Usage: go run ./bench/tuiframe -bin AUTHADVISOR [-hello HELLO] [-runs N] [-json FILE]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// frameMark is the review's title, drawn in its first frame.
const frameMark = "authadvisor · how should this API"

// Result is what the JSON file holds: medians in milliseconds, peak
// resident memory in KiB (the largest of all runs).
type Result struct {
	Runs          int     `json:"runs"`
	FirstFrameMS  float64 `json:"first_frame_ms"`
	PeakKB        int64   `json:"peak_kb"`
	HelloMS       float64 `json:"hello_ms,omitempty"`
	HelloPeakKB   int64   `json:"hello_peak_kb,omitempty"`
	FirstFrameMin float64 `json:"first_frame_min_ms"`
	FirstFrameMax float64 `json:"first_frame_max_ms"`
}

func main() {
	bin := flag.String("bin", "", "authadvisor binary")
	hello := flag.String("hello", "", "a Go hello world binary, measured for scale")
	runs := flag.Int("runs", 20, "runs of each")
	out := flag.String("json", "", "also write the result as JSON to this file")
	flag.Parse()
	if *bin == "" || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: tuiframe -bin AUTHADVISOR [-hello HELLO] [-runs N] [-json FILE]")
		os.Exit(2)
	}
	r, err := measureAll(absPath(*bin), absPath(*hello), *runs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tuiframe:", err)
		os.Exit(1)
	}
	fmt.Printf("tui first frame: median %.1f ms (%.1f–%.1f ms, %d runs), peak %.1f MiB\n",
		r.FirstFrameMS, r.FirstFrameMin, r.FirstFrameMax, r.Runs, float64(r.PeakKB)/1024)
	if *hello != "" {
		fmt.Printf("Go hello world on the same terminal: median %.1f ms, peak %.1f MiB\n",
			r.HelloMS, float64(r.HelloPeakKB)/1024)
	}
	if *out != "" {
		data, _ := json.MarshalIndent(r, "", "  ")
		if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "tuiframe:", err)
			os.Exit(1)
		}
	}
}

// absPath makes a path absolute, since the programs run in a temporary
// folder; "" stays "".
func absPath(p string) string {
	if p == "" {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

func measureAll(bin, hello string, runs int) (Result, error) {
	r := Result{Runs: runs}
	dir, err := os.MkdirTemp("", "tuiframe")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	var frames, hellos []float64
	for range runs {
		d, kb, err := firstOutput(dir, frameMark, bin, "tui")
		if err != nil {
			return r, err
		}
		frames = append(frames, d)
		r.PeakKB = max(r.PeakKB, kb)
		if hello != "" {
			d, kb, err := firstOutput(dir, "hello", hello)
			if err != nil {
				return r, err
			}
			hellos = append(hellos, d)
			r.HelloPeakKB = max(r.HelloPeakKB, kb)
		}
	}
	r.FirstFrameMS = median(frames)
	r.FirstFrameMin, r.FirstFrameMax = slices.Min(frames), slices.Max(frames)
	if hello != "" {
		r.HelloMS = median(hellos)
	}
	return r, nil
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// firstOutput starts name with args on a fresh 120×40 pseudo-terminal and
// returns the milliseconds until mark shows, then presses ctrl+c, waits
// for the process to end and returns its peak resident memory in KiB.
func firstOutput(dir, mark, name string, args ...string) (float64, int64, error) {
	ptm, pts, err := openPTY(40, 120)
	if err != nil {
		return 0, 0, err
	}
	defer ptm.Close()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=", "HOME="+dir)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}

	start := time.Now()
	if err := cmd.Start(); err != nil {
		pts.Close()
		return 0, 0, err
	}
	pts.Close()
	elapsed, readErr := readUntil(ptm, []byte(mark), start)
	// Keep reading, or the program blocks writing to a full terminal and
	// never sees the ctrl+c.
	_ = ptm.SetReadDeadline(time.Time{})
	go func() { _, _ = io.Copy(io.Discard, ptm) }()
	_, _ = ptm.Write([]byte{3})
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		return 0, 0, fmt.Errorf("%s did not end after ctrl+c", name)
	}
	if readErr != nil {
		return 0, 0, fmt.Errorf("%s %v: %w", name, args, readErr)
	}
	var kb int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kb = ru.Maxrss
	}
	return float64(elapsed.Microseconds()) / 1000, kb, nil
}

// readUntil reads the terminal's output, answering queries, until mark
// shows; it gives up after 10 seconds.
func readUntil(ptm *os.File, mark []byte, start time.Time) (time.Duration, error) {
	var seen []byte
	buf := make([]byte, 32<<10)
	_ = ptm.SetReadDeadline(time.Now().Add(10 * time.Second))
	for !bytes.Contains(seen, mark) {
		n, err := ptm.Read(buf)
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				err = errors.New("timed out")
			}
			return 0, fmt.Errorf("%q never showed: %v; output: %q", mark, err, tail(seen))
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
	return time.Since(start), nil
}

func tail(b []byte) []byte {
	if len(b) > 400 {
		return b[len(b)-400:]
	}
	return b
}

// openPTY opens a pseudo-terminal of rows by cols: the controlling side,
// and the terminal side a program runs on.
func openPTY(rows, cols uint16) (ptm, pts *os.File, err error) {
	ptm, err = os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("no pseudo-terminals here: %w", err)
	}
	fail := func(err error) (*os.File, *os.File, error) {
		ptm.Close()
		return nil, nil, err
	}
	fd := int(ptm.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		return fail(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		return fail(err)
	}
	pts, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		return fail(err)
	}
	ws := &unix.Winsize{Row: rows, Col: cols}
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		pts.Close()
		return fail(err)
	}
	return ptm, pts, nil
}
