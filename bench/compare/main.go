// Command compare reads the outputs that bench/compare-audit collected for
// each corpus document (authadvisor's, Spectral's and vacuum's findings,
// timings and peak memory) and prints Markdown tables: every
// authentication or credential finding of theirs, matched to one of ours
// or classed as a deliberate disagreement, then times, ratios and memory.
// Each finding with its verdict goes to details.txt in the output folder.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	corpus := flag.String("corpus", "", "folder of the OpenAPI documents")
	out := flag.String("out", "", "folder holding the collected outputs")
	flag.Parse()
	if err := run(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}
}

func run(corpus, out string) error {
	docs, err := filepath.Glob(filepath.Join(corpus, "*.*.*"))
	if err != nil || len(docs) == 0 {
		return fmt.Errorf("no documents in %q", corpus)
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
	return nil
}
