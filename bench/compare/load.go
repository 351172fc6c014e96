package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/authadvisor/authadvisor/internal/audit"
)

// ourFinding is one finding of `authadvisor audit --format json`.
type ourFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Pointer  string `json:"pointer"`
	Line     int    `json:"line"`
	Related  []struct {
		Pointer string `json:"pointer"`
	} `json:"related"`
}

// theirFinding is one result of Spectral's JSON output, which vacuum's
// spectral-report writes too.
type theirFinding struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Path    []any  `json:"path"`
	Range   struct {
		Start struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"range"`
}

// document is everything collected for one corpus document.
type document struct {
	name   string
	size   int64
	model  *audit.Document
	ours   []ourFinding
	theirs map[string][]theirFinding
	dir    string
}

// compared are the linters compared with authadvisor, in table order; -tools
// narrows them to those that could be installed.
var compared = []string{"spectral", "vacuum"}

func tools() []string { return compared }

func loadDoc(path, out string) (*document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	model, err := audit.Read(name, data)
	if err != nil {
		return nil, err
	}
	d := &document{name: name, size: int64(len(data)), model: model, dir: out,
		theirs: map[string][]theirFinding{}}
	var ours struct {
		Findings []ourFinding `json:"findings"`
	}
	if err := readJSON(filepath.Join(out, name+".ours.json"), &ours); err != nil {
		return nil, err
	}
	d.ours = ours.Findings
	for _, tool := range tools() {
		var fs []theirFinding
		if err := readJSON(filepath.Join(out, name+"."+tool+".json"), &fs); err != nil {
			return nil, err
		}
		d.theirs[tool] = fs
	}
	return d, nil
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

// pointer turns a Spectral path into a JSON pointer. vacuum splits a
// bracketed key that holds dots, such as paths['/v4.0/login'], into
// several elements; they are joined back first.
func (f theirFinding) pointer() string {
	var keys []string
	open := false
	for _, p := range f.Path {
		s := fmt.Sprint(p)
		switch {
		case open:
			keys[len(keys)-1] += "." + s
		case strings.Contains(s, "['"):
			before, key, _ := strings.Cut(s, "['")
			if before != "" {
				keys = append(keys, before)
			}
			keys = append(keys, key)
			open = true
		default:
			keys = append(keys, s)
		}
		if open && strings.HasSuffix(keys[len(keys)-1], "']") {
			keys[len(keys)-1] = strings.TrimSuffix(keys[len(keys)-1], "']")
			open = false
		}
	}
	var b strings.Builder
	for _, k := range keys {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k))
	}
	return b.String()
}

// measured is one tool's time and memory on one document: wall-clock
// seconds (the median of the runs), CPU seconds (user and system, their
// mean), and peak resident memory. CPU time is the fairer comparison on a busy
// machine.
type measured struct {
	seconds, cpu float64
	rssKB        int
	runs         int
}

var (
	rssLine  = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)
	userLine = regexp.MustCompile(`User time \(seconds\): ([\d.]+)`)
	sysLine  = regexp.MustCompile(`System time \(seconds\): ([\d.]+)`)
	wallLine = regexp.MustCompile(
		`Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)`)
)

// measure reads the /usr/bin/time -v output and, when hyperfine ran, its
// median times, for one tool on one document. A command too slow for
// hyperfine is timed by the /usr/bin/time run alone.
func (d *document) measure(tool string) measured {
	var m measured
	if data, err := os.ReadFile(filepath.Join(d.dir, d.name+"."+tool+".time")); err == nil {
		if s := rssLine.FindSubmatch(data); s != nil {
			m.rssKB, _ = strconv.Atoi(string(s[1]))
		}
		for _, re := range []*regexp.Regexp{userLine, sysLine} {
			if s := re.FindSubmatch(data); s != nil {
				v, _ := strconv.ParseFloat(string(s[1]), 64)
				m.cpu += v
			}
		}
		if s := wallLine.FindSubmatch(data); s != nil {
			h, _ := strconv.ParseFloat(string(s[1]), 64)
			mi, _ := strconv.ParseFloat(string(s[2]), 64)
			sec, _ := strconv.ParseFloat(string(s[3]), 64)
			m.seconds = h*3600 + mi*60 + sec
			m.runs = 1
		}
	}
	var hf struct {
		Results []struct {
			Command string    `json:"command"`
			Median  float64   `json:"median"`
			User    float64   `json:"user"`
			System  float64   `json:"system"`
			Times   []float64 `json:"times"`
		} `json:"results"`
	}
	if readJSON(filepath.Join(d.dir, d.name+"."+tool+".hyperfine.json"), &hf) == nil {
		for _, r := range hf.Results {
			if r.Command == tool {
				m.seconds, m.cpu, m.runs = r.Median, r.User+r.System, len(r.Times)
			}
		}
	}
	return m
}
