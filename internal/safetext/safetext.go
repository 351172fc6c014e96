// Package safetext neutralises text read from files before it reaches a
// terminal or a document.
package safetext

import (
	"strings"
	"unicode"
)

// Plain removes control characters, including the ESC that starts terminal
// escape sequences, and the Unicode line and paragraph separators.
// Newlines, carriage returns and tabs become spaces.
func Plain(s string) string {
	if printableASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
			unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}

// printableASCII reports whether s holds only printable ASCII, which Plain
// leaves as it is; most text does, and checking bytes is cheaper than
// looking runes up in Unicode tables.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// MermaidLabel makes text safe inside a double-quoted Mermaid label.
func MermaidLabel(s string) string {
	return mermaidReplacer.Replace(Plain(s))
}

var mermaidReplacer = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "`", "#96;",
	"|", "#124;")

// markdownSpecial are the characters that could start formatting, a link,
// raw HTML or a table cell boundary in Markdown.
const markdownSpecial = "\\`*_[]<>&|#~!"

// Markdown makes text read from files safe to place inside a line of
// Markdown: control characters are removed as by Plain, and every
// character that could format, link, open raw HTML or end a table cell is
// escaped, so the text shows as written.
func Markdown(s string) string {
	s = Plain(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
