// Command table turns what bench/run measured into one Markdown table,
// each figure beside its budget from the design notes, with the machine's
// details above it. With -results it replaces the table in that file
// (between the bench/run markers) instead of printing it.
package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	beginMark = "<!-- begin bench/run -->"
	endMark   = "<!-- end bench/run -->"
)

func main() {
	work := flag.String("work", "bench/.work", "folder bench/run wrote its measurements to")
	bin := flag.String("bin", "bench/.work/authadvisor", "the authadvisor binary measured")
	results := flag.String("results", "", "replace the table in this file instead of printing it")
	flag.Parse()
	var b bytes.Buffer
	if err := write(&b, *work, *bin); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	if *results == "" {
		os.Stdout.Write(b.Bytes())
		return
	}
	if err := replaceBlock(*results, b.Bytes()); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
}

// replaceBlock puts table between the markers in the file at path.
func replaceBlock(path string, table []byte) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	i := bytes.Index(data, []byte(beginMark))
	j := bytes.Index(data, []byte(endMark))
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %q … %q block to replace", path, beginMark, endMark)
	}
	var out bytes.Buffer
	out.Write(data[:i+len(beginMark)])
	out.WriteString("\n")
	out.Write(table)
	out.Write(data[j:])
	return os.WriteFile(path, out.Bytes(), 0o644)
}

var errNotRun = errors.New("not run")

// row is one line of the table.
type row struct {
	what, ours, other, ratio, memory, budget, met string
}

func write(w *bytes.Buffer, work, bin string) error {
	// bench/run writes load-end when it has measured everything.
	when := time.Now()
	if info, err := os.Stat(filepath.Join(work, "load-end")); err == nil {
		when = info.ModTime()
	}
	fmt.Fprintf(w, "Measured %s on %s.\n\n", when.UTC().Format("2006-01-02 15:04 MST"),
		machine(work, bin))
	var rows []row
	var skipped []string
	startup, err := startupRows(work)
	if err != nil {
		return err
	}
	rows = append(rows, startup...)
	if r, err := evaluateRow(work); err == nil {
		rows = append(rows, r)
	} else {
		skipped = append(skipped, "evaluation benchmark: "+err.Error())
	}
	if r, err := tuiRow(work); err == nil {
		rows = append(rows, r)
	} else {
		skipped = append(skipped, "`tui` first frame: "+err.Error())
	}
	audit, notes, err := auditRows(work)
	if err != nil && len(notes) == 0 {
		notes = []string{err.Error()}
	} else if err != nil && !errors.Is(err, errNotRun) {
		notes = append(notes, err.Error())
	}
	rows = append(rows, audit...)
	for _, n := range notes {
		skipped = append(skipped, "`audit` against vacuum and Spectral: "+n)
	}

	fmt.Fprintln(w, "| what | authadvisor | compared with | ratio | peak memory | budget | met |")
	fmt.Fprintln(w, "| --- | ---: | --- | ---: | --- | --- | --- |")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", r.what, r.ours, r.other, r.ratio,
			r.memory, r.budget, r.met)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Times are medians of wall-clock time (CPU: mean user + system time); "+
		"ratios are of the medians, ours ÷ the Go hello world's and theirs ÷ ours for `audit`; "+
		"MB is 10⁶ bytes of peak resident memory (`/usr/bin/time -v`).")
	for _, s := range skipped {
		fmt.Fprintf(w, "\nSkipped: %s\n", s)
	}
	return nil
}

// machine describes the CPU, the load, the Go version and the commit the
// binary was built from.
func machine(work, bin string) string {
	cpu := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	load := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			return "?"
		}
		f := strings.Fields(string(data))
		if len(f) < 3 {
			return "?"
		}
		return strings.Join(f[:3], " ")
	}
	goVersion, commit := runtime.Version(), "unknown commit"
	if info, err := buildinfo.ReadFile(bin); err == nil {
		goVersion = info.GoVersion
		var rev string
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			commit = "commit " + rev
			if modified {
				commit += " with uncommitted changes"
			}
		}
	}
	if data, err := os.ReadFile(filepath.Join(work, "commit")); commit == "unknown commit" && err == nil {
		commit = strings.TrimSpace(string(data))
	}
	end := filepath.Join(work, "load-end")
	if _, err := os.Stat(end); err != nil {
		end = "/proc/loadavg"
	}
	return fmt.Sprintf("%s, %d cores, load average %s at the start and %s at the end "+
		"(1, 5, 15 minutes), %s %s/%s, %s", cpu, runtime.NumCPU(), load(filepath.Join(work,
		"load-start")), load(end), goVersion, runtime.GOOS, runtime.GOARCH, commit)
}

// hyperfineResult is one command of a hyperfine JSON export; User and
// System are means.
type hyperfineResult struct {
	Command string    `json:"command"`
	Median  float64   `json:"median"`
	User    float64   `json:"user"`
	System  float64   `json:"system"`
	Times   []float64 `json:"times"`
}

// cpu is the mean CPU time (user and system) of a command.
func (r hyperfineResult) cpu() string { return "CPU " + seconds(r.User+r.System) }

func readHyperfine(path string) (map[string]hyperfineResult, error) {
	var hf struct {
		Results []hyperfineResult `json:"results"`
	}
	if err := readJSON(path, &hf); err != nil {
		return nil, err
	}
	m := map[string]hyperfineResult{}
	for _, r := range hf.Results {
		m[r.Command] = r
	}
	return m, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

var rssLine = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)

// peakKB reads the peak resident memory from a /usr/bin/time -v output.
func peakKB(path string) (int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	m := rssLine.FindSubmatch(data)
	if m == nil {
		return 0, fmt.Errorf("%s: no peak memory", path)
	}
	return strconv.ParseInt(string(m[1]), 10, 64)
}

// startupRows are `recommend` against a Go hello world, and `version`,
// the floor every command starts from.
func startupRows(work string) ([]row, error) {
	hf, err := readHyperfine(filepath.Join(work, "startup.json"))
	if err != nil {
		return nil, err
	}
	hello, rec, ver := hf["hello"], hf["recommend"], hf["version"]
	if len(hello.Times) == 0 || len(rec.Times) == 0 {
		return nil, errors.New("startup.json lacks the hello and recommend results")
	}
	helloKB, _ := peakKB(filepath.Join(work, "hello.time"))
	recKB, err := peakKB(filepath.Join(work, "recommend.time"))
	if err != nil {
		return nil, err
	}
	ratio := rec.Median / hello.Median
	rows := []row{{
		what: fmt.Sprintf("`recommend --answers examples/spa-banking.yaml`, report to stdout, "+
			"built as the README installs it (`CGO_ENABLED=0`) (%d runs)", len(rec.Times)),
		ours:   seconds(rec.Median) + " (" + rec.cpu() + ")",
		other:  "Go hello world " + seconds(hello.Median) + " (" + hello.cpu() + ")",
		ratio:  fmt.Sprintf("%.1f×", ratio),
		memory: mb(recKB) + " (hello world " + mb(helloKB) + ")",
		budget: "≤ 3× hello world; < 30 MB",
		met:    verdict(check(ratio <= 3, "time %.1f×", ratio), check(kbToMB(recKB) < 30, "memory")),
	}}
	if st := hf["recommend-cgo"]; len(st.Times) > 0 {
		stKB, _ := peakKB(filepath.Join(work, "recommend-cgo.time"))
		r := st.Median / hello.Median
		rows = append(rows, row{
			what: fmt.Sprintf("the same, built with cgo (`go build`'s default where a C compiler "+
				"is installed): dynamically linked (%d runs)", len(st.Times)),
			ours:   seconds(st.Median) + " (" + st.cpu() + ")",
			other:  "Go hello world " + seconds(hello.Median),
			ratio:  fmt.Sprintf("%.1f×", r),
			memory: mb(stKB),
			budget: "≤ 3× hello world; < 30 MB",
			met:    verdict(check(r <= 3, "time %.1f×", r), check(kbToMB(stKB) < 30, "memory")),
		})
	}
	if len(ver.Times) > 0 {
		verKB, _ := peakKB(filepath.Join(work, "version.time"))
		rows = append(rows, row{
			what:   fmt.Sprintf("`version`, the floor every command starts from (%d runs)", len(ver.Times)),
			ours:   seconds(ver.Median) + " (" + ver.cpu() + ")",
			other:  "Go hello world " + seconds(hello.Median),
			ratio:  fmt.Sprintf("%.1f×", ver.Median/hello.Median),
			memory: mb(verKB),
			budget: "–", met: "–",
		})
	}
	return rows, nil
}

var nsPerOp = regexp.MustCompile(`^BenchmarkEvaluate(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// evaluateRow is the in-process evaluation of one set of answers, the
// median of the benchmark's repetitions.
func evaluateRow(work string) (row, error) {
	data, err := os.ReadFile(filepath.Join(work, "evaluate.txt"))
	if err != nil {
		return row{}, errors.New("not run")
	}
	var ns []float64
	for line := range strings.SplitSeq(string(data), "\n") {
		if m := nsPerOp.FindStringSubmatch(line); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			ns = append(ns, v)
		}
	}
	if len(ns) == 0 {
		return row{}, errors.New("no BenchmarkEvaluate result in evaluate.txt")
	}
	med := median(ns)
	return row{
		what: fmt.Sprintf("evaluating one set of answers against the default tree, in-process "+
			"(`BenchmarkEvaluate`, median of %d)", len(ns)),
		ours: seconds(med / 1e9), other: "–", ratio: "–", memory: "–",
		budget: "< 50 µs",
		met:    verdict(check(med < 50_000, "%.0f µs", med/1000)),
	}, nil
}

// tuiRow is the review's first frame on a pseudo-terminal.
func tuiRow(work string) (row, error) {
	var r struct {
		Runs         int     `json:"runs"`
		FirstFrameMS float64 `json:"first_frame_ms"`
		PeakKB       int64   `json:"peak_kb"`
		HelloMS      float64 `json:"hello_ms"`
	}
	if err := readJSON(filepath.Join(work, "tui.json"), &r); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return row{}, errors.New("not run")
		}
		return row{}, err
	}
	other, ratio := "–", "–"
	if r.HelloMS > 0 {
		other = "Go hello world on the same terminal " + seconds(r.HelloMS/1000)
		ratio = fmt.Sprintf("%.0f×", r.FirstFrameMS/r.HelloMS)
	}
	return row{
		what: fmt.Sprintf("`tui`, process start to the first frame on a pseudo-terminal "+
			"(%d runs)", r.Runs),
		ours: seconds(r.FirstFrameMS / 1000), other: other, ratio: ratio,
		memory: mb(r.PeakKB), budget: "< 50 ms",
		met: verdict(check(r.FirstFrameMS < 50, "%.0f ms", r.FirstFrameMS)),
	}, nil
}

// toolFigures mirror bench/compare's summary.
type toolFigures struct {
	Seconds  float64 `json:"seconds"`
	Runs     int     `json:"runs"`
	PeakKB   int64   `json:"peak_kb"`
	Findings int     `json:"auth_findings"`
	Missed   int     `json:"missed"`
}

type docFigures struct {
	Short string                 `json:"short"`
	Bytes int64                  `json:"bytes"`
	Tools map[string]toolFigures `json:"tools"`
}

// auditRows are `audit` on each corpus document against vacuum and
// Spectral, from bench/compare's summary; notes say which linter was left
// out and why.
func auditRows(work string) ([]row, []string, error) {
	var notes []string
	if data, err := os.ReadFile(filepath.Join(work, "audit-skipped.txt")); err == nil {
		for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
			if line != "" {
				notes = append(notes, line)
			}
		}
	}
	var docs []docFigures
	if err := readJSON(filepath.Join(work, "audit-summary.json"), &docs); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			err = errNotRun
		}
		return nil, notes, err
	}
	linters := []struct{ id, name string }{{"vacuum", "vacuum"}, {"spectral", "Spectral"}}
	budgets := map[string]float64{"vacuum": 5, "spectral": 50}
	var rows []row
	for _, d := range docs {
		ours := d.Tools["authadvisor"]
		var others, ratios, mems, checks []string
		for _, l := range linters {
			t, ok := d.Tools[l.id]
			if !ok {
				others = append(others, l.name+" not run")
				checks = append(checks, "not compared with "+l.name)
				continue
			}
			r := t.Seconds / ours.Seconds
			others = append(others, fmt.Sprintf("%s %s (%s; %d of %d auth findings missed)",
				l.name, seconds(t.Seconds), plural(t.Runs, "run"), t.Missed, t.Findings))
			ratios = append(ratios, times(r))
			mems = append(mems, l.name+" "+mb(t.PeakKB))
			checks = append(checks, check(r >= budgets[l.id], "%s %s", times(r), l.name),
				check(t.Missed == 0, "%d of %d %s findings missed", t.Missed, t.Findings, l.name))
		}
		times := plural(ours.Runs, "run")
		size := float64(ours.PeakKB<<10) / float64(d.Bytes)
		checks = append(checks, check(size <= 5, "memory %.0f× size", size))
		rows = append(rows, row{
			what:   fmt.Sprintf("`audit` %s (%s, %s)", d.Short, sizeText(d.Bytes), times),
			ours:   seconds(ours.Seconds),
			other:  strings.Join(others, " · "),
			ratio:  orDash(strings.Join(ratios, " · ")),
			memory: fmt.Sprintf("%s = %.1f× size (%s)", mb(ours.PeakKB), size, strings.Join(mems, " · ")),
			budget: "≥ 5× faster than vacuum, ≥ 50× than Spectral, none of their auth " +
				"findings missed; < 5× size",
			met: verdict(checks...),
		})
	}
	return rows, notes, nil
}

// check returns "" when ok, or the failure described.
func check(ok bool, format string, args ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// verdict is "yes" when every check passed, or "no: " and the failures.
func verdict(checks ...string) string {
	var failed []string
	for _, c := range checks {
		if c != "" {
			failed = append(failed, c)
		}
	}
	if len(failed) == 0 {
		return "yes"
	}
	return "**no**: " + strings.Join(failed, "; ")
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func seconds(s float64) string {
	switch {
	case s < 1e-3:
		return fmt.Sprintf("%.0f µs", s*1e6)
	case s < 10e-3:
		return fmt.Sprintf("%.1f ms", s*1e3)
	case s < 1:
		return fmt.Sprintf("%.0f ms", s*1e3)
	}
	return fmt.Sprintf("%.2f s", s)
}

func kbToMB(kb int64) float64 { return float64(kb) * 1024 / 1e6 }

func mb(kb int64) string {
	if kb == 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f MB", kbToMB(kb))
}

func sizeText(b int64) string {
	if b < 1e6 {
		return fmt.Sprintf("%.0f kB", float64(b)/1e3)
	}
	return fmt.Sprintf("%.1f MB", float64(b)/1e6)
}

// times shows a ratio, with a decimal when it is small enough for one to
// matter against a budget such as 5×.
func times(r float64) string {
	if r < 10 {
		return fmt.Sprintf("%.1f×", r)
	}
	return fmt.Sprintf("%.0f×", r)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
