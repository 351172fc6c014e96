// Command compare reads the outputs that bench/compare-audit collected for
// each corpus document (authadvisor's, Spectral's and vacuum's findings,
// timings and peak memory) and prints Markdown tables: every
// authentication or credential finding of theirs, matched to one of ours
// or classed as a deliberate disagreement, then times, ratios and memory.
// Each finding with its verdict goes to details.txt in the output folder;
// -summary also writes the times, memory and missed findings per document
// as JSON, for bench/run's table.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	corpus := flag.String("corpus", "", "folder of the OpenAPI documents")
	out := flag.String("out", "", "folder holding the collected outputs")
	list := flag.String("tools", strings.Join(compared, ","),
		"the linters that ran, comma-separated (spectral, vacuum)")
	summary := flag.String("summary", "", "also write a JSON summary to this file")
	only := flag.String("only", "*", "only the documents whose file name matches this glob")
	flag.Parse()
	compared = nil
	for _, t := range strings.Split(*list, ",") {
		if t = strings.TrimSpace(t); t != "" {
			compared = append(compared, t)
		}
	}
	if err := run(*corpus, *only, *out, *summary); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}
}

func run(corpus, only, out, summary string) error {
	all, err := filepath.Glob(filepath.Join(corpus, "*.*.*"))
	if err != nil {
		return err
	}
	var docs []string
	for _, d := range all {
		if ok, err := filepath.Match(only, filepath.Base(d)); err != nil {
			return err
		} else if ok {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return fmt.Errorf("no documents matching %q in %q", only, corpus)
	}
	sort.Strings(docs)
	var rows []findingRow
	var times []timingRow
	details, err := os.Create(filepath.Join(out, "details.txt"))
	if err != nil {
		return err
	}
	defer details.Close()
	for _, doc := range docs {
		d, err := loadDoc(doc, out)
		if err != nil {
			return err
		}
		rows = append(rows, d.compare(details)...)
		times = append(times, d.timing())
	}
	printFindings(os.Stdout, rows)
	printTimings(os.Stdout, times)
	if summary != "" {
		return writeSummary(summary, rows, times)
	}
	return nil
}
