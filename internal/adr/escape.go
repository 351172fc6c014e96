package adr

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean drops control characters and invisible bidirectional overrides,
// turning tabs and line or paragraph separators into spaces, so text stays on one line and
// reads as it displays.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r', r == 0x2028, r == 0x2029:
			return ' '
		case unicode.IsControl(r), r == utf8.RuneError:
			return -1
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}

// inline makes text safe to place inside a Markdown line: raw HTML is
// neutralised, backslashes and table pipes are escaped, and a leading
// character that would start a heading or a list is escaped. Code spans are
// kept as written, since escapes would show inside them.
func inline(s string) string {
	s = clean(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '`' {
			n := runLen(s, i)
			if end := closingRun(s, i+n, n); end >= 0 {
				b.WriteString(s[i : end+n])
				i = end + n
				continue
			}
			b.WriteString(strings.Repeat("\\`", n))
			i += n
			continue
		}
		if esc := escapeByte(s[i]); esc != "" {
			b.WriteString(esc)
		} else {
			b.WriteByte(s[i])
		}
		i++
	}
	return escapeLead(b.String())
}

// runLen counts the backticks starting at s[i].
func runLen(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	return n
}

// closingRun finds the next run of exactly n backticks at or after from.
func closingRun(s string, from, n int) int {
	for i := from; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := runLen(s, i)
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// escapeByte returns the escape for c, or "" when c needs none.
func escapeByte(c byte) string {
	switch c {
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '|':
		return `\|`
	case '\\':
		return `\\`
	}
	return ""
}

// escapeLead escapes a first character that Markdown would read as the
// start of a heading, a list item or a setext underline.
func escapeLead(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("#+-*=", rune(s[0])) {
		return `\` + s
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// heading is inline text for a heading line, whose closing '#' characters
// Markdown would otherwise drop.
func heading(s string) string {
	s = strings.TrimSpace(inline(s))
	if strings.HasSuffix(s, "#") {
		return s[:len(s)-1] + `\#`
	}
	return s
}

// linkText is inline text that is also safe between the brackets of a
// link.
func linkText(s string) string {
	s = inline(s)
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}

// linkURL returns u fit for a Markdown link destination, or "" when it is
// not an http or https address.
func linkURL(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Host == "" {
		return ""
	}
	return linkPath(parsed.String())
}

// linkPath percent-encodes the characters that would end a Markdown link
// destination early, and drops control characters.
func linkPath(dest string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").
		Replace(clean(dest))
}

// code shows an identifier as a code span, or as escaped text when it
// holds a backtick of its own.
func code(s string) string {
	s = clean(s)
	if s == "" || strings.Contains(s, "`") {
		return inline(s)
	}
	return "`" + s + "`"
}

// codeList shows identifiers as code spans separated by commas.
func codeList(ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = code(id)
	}
	return strings.Join(parts, ", ")
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(clean(s))
	return `"` + s + `"`
}

// lcFirst lower-cases the first letter of a sentence so it can follow
// "because", leaving acronyms such as "API" or "BFF" alone.
func lcFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsUpper(first) {
		return s
	}
	second, _ := utf8.DecodeRuneInString(s[size:])
	if unicode.IsUpper(second) || unicode.IsDigit(second) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// ucFirst capitalises the first letter of a sentence.
func ucFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(first)) + s[size:]
}

// period ends s with a full stop unless it already ends a sentence.
func period(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}
