package report

import (
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// stripControl neutralises text for plain output.
func stripControl(s string) string { return safetext.Plain(s) }

// mdText makes text safe as inline Markdown: no control characters, no raw
// HTML, and no links or images (square brackets are escaped).
func mdText(s string) string {
	return mdReplacer.Replace(stripControl(s))
}

var mdReplacer = strings.NewReplacer("<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)

// mdURL makes a URL safe as a Markdown link target.
func mdURL(s string) string {
	return urlReplacer.Replace(stripControl(s))
}

// urlReplacer is built once: a report has a link per source, and building
// a replacer costs more than using it.
var urlReplacer = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E",
	"[", "%5B", "]", "%5D", `"`, "%22")

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdText(s), "|", `\|`)
}
