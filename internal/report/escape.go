package report

import (
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// stripControl neutralises text for plain output.
func stripControl(s string) string { return safetext.Plain(s) }

// mdText makes text safe as inline Markdown: no control characters and no
// raw HTML.
func mdText(s string) string {
	return strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(stripControl(s))
}

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdText(s), "|", `\|`)
}
