package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// reasons explains each kind of deliberate disagreement, for the README.
func reasons() map[string]string {
	return map[string]string{
		"doc-text": "asks for the text RFC8725 in a scheme's description; a description " +
			"proves nothing about how tokens are checked",
		"401-on-public": "asks for 401 on operations that take no credentials " +
			"(public, optional or undocumented security, which other findings report)",
		"401-documented":   "the operation documents 403 or 4XX, which we accept",
		"not-an-operation": "the responses object is not an operation's",
		"path-identifier": "a path parameter named token or key is an identifier, " +
			"such as a token object's id",
		"names-a-secret": "a name such as secret_name or key_id names a credential " +
			"without carrying it",
		"inherits-global": "the operation inherits the global security requirement",
		"relative-server": "a relative server URL is reached over whatever scheme serves " +
			"the document, so it is not plain http",
	}
}

// printFindings writes one row per document, tool and rule of theirs.
func printFindings(w io.Writer, rows []findingRow) {
	fmt.Fprintln(w, "| document | tool | their rule | findings | matched by ours | "+
		"deliberate disagreements | missed |")
	fmt.Fprintln(w, "| --- | --- | --- | ---: | ---: | --- | ---: |")
	used := map[string]bool{}
	for _, r := range rows {
		var ds []string
		for _, k := range sortedKeys(r.disagree) {
			ds = append(ds, fmt.Sprintf("%d %s", r.disagree[k], k))
			used[k] = true
		}
		rule := "`" + r.rule + "`"
		if strings.HasPrefix(r.rule, "(") {
			rule = r.rule
		}
		fmt.Fprintf(w, "| %s | %s | %s | %d | %d | %s | %d |\n", short(r.doc), r.tool,
			rule, r.total, r.matched, strings.Join(ds, ", "), r.missed)
	}
	fmt.Fprintln(w)
	for _, k := range sortedKeys(used) {
		fmt.Fprintf(w, "- `%s`: %s.\n", k, reasons()[k])
	}
	fmt.Fprintln(w)
}

// timingRow is the time and memory of each tool on one document.
type timingRow struct {
	doc  string
	size int64
	by   map[string]measured
}

func (d *document) timing() timingRow {
	t := timingRow{doc: d.name, size: d.size, by: map[string]measured{}}
	for _, tool := range append([]string{"authadvisor"}, tools()...) {
		t.by[tool] = d.measure(tool)
	}
	return t
}

// timingOrder lists the linters that ran in the timing table's order.
func timingOrder() []string {
	var order []string
	for _, t := range []string{"vacuum", "spectral"} {
		if contains(tools(), t) {
			order = append(order, t)
		}
	}
	return order
}

// displayName is a tool's name as its project writes it.
func displayName(tool string) string {
	if tool == "spectral" {
		return "Spectral"
	}
	return tool
}

// printTimings writes wall-clock and CPU times, the ratios to ours, and
// peak memory.
func printTimings(w io.Writer, rows []timingRow) {
	fmt.Fprintln(w, "Times are wall clock (median) / CPU (user + system); ratios are "+
		"theirs ÷ ours, wall clock / CPU.")
	fmt.Fprintln(w)
	order := timingOrder()
	head := "| document | size | authadvisor |"
	rule := "| --- | ---: | ---: |"
	rss := "peak RSS: ours"
	for _, t := range order {
		head += " " + displayName(t) + " |"
		rule += " ---: |"
		rss += " / " + displayName(t)
	}
	for _, t := range order {
		head += " " + displayName(t) + " ÷ ours |"
		rule += " ---: |"
	}
	fmt.Fprintln(w, head+" "+rss+" | ours ÷ size |")
	fmt.Fprintln(w, rule+" --- | ---: |")
	for _, r := range rows {
		ours := r.by["authadvisor"]
		line := fmt.Sprintf("| %s | %s | %s |", short(r.doc), mb(r.size), both(ours))
		mem := mb(int64(ours.rssKB) << 10)
		for _, t := range order {
			line += " " + both(r.by[t]) + " |"
			mem += " / " + mb(int64(r.by[t].rssKB)<<10)
		}
		for _, t := range order {
			line += " " + ratios(r.by[t], ours) + " |"
		}
		fmt.Fprintf(w, "%s %s | %.1f× |\n", line, mem, float64(ours.rssKB<<10)/float64(r.size))
	}
}

func both(m measured) string { return ms(m.seconds) + " / " + ms(m.cpu) }

func ratios(theirs, ours measured) string {
	return ratio(theirs.seconds, ours.seconds) + " / " + ratio(theirs.cpu, ours.cpu)
}

// short drops the ".openapi.yaml" or ".swagger.json" of a document name.
func short(doc string) string {
	for _, kind := range []string{".openapi.", ".swagger."} {
		if i := strings.Index(doc, kind); i > 0 {
			return doc[:i]
		}
	}
	return doc
}

func ms(s float64) string {
	if s >= 1 {
		return fmt.Sprintf("%.2f s", s)
	}
	return fmt.Sprintf("%.0f ms", s*1000)
}

func mb(b int64) string {
	if b < 1<<20 {
		return fmt.Sprintf("%d KB", b>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f×", a/b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
