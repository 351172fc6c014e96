package adr

import (
	"fmt"
	"strings"
	"unicode"
)

// maxSlug is the longest slug Slug returns, so file names stay manageable.
const maxSlug = 60

// Slug turns a title into the name part of a record file: lower-case ASCII
// letters and digits separated by single dashes. Common accented Latin
// letters are folded (é becomes e); anything else becomes a dash. A slug
// longer than 60 characters is cut at a dash where one falls in the second
// half, else at 60. The result never holds '/', "..", or control
// characters; an empty result is an error.
func Slug(title string) (string, error) {
	var b strings.Builder
	for _, r := range title {
		b.WriteString(foldRune(unicode.ToLower(r)))
	}

	slug := collapseDashes(b.String())
	if len(slug) > maxSlug {
		slug = cutAtDash(slug, maxSlug)
	}
	if slug == "" {
		return "", fmt.Errorf("title %q has no letters or digits to name the file with; "+
			"change `--title`", title)
	}
	return slug, nil
}

// collapseDashes maps every byte outside [a-z0-9] to a dash, collapses runs
// of dashes and trims them from both ends.
func collapseDashes(s string) string {
	var b strings.Builder
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteByte(c)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// cutAtDash shortens s to at most n bytes, preferring to end at a word.
func cutAtDash(s string, n int) string {
	if s[n] == '-' {
		return s[:n]
	}
	cut := s[:n]
	if i := strings.LastIndexByte(cut, '-'); i >= n/2 {
		return cut[:i]
	}
	return strings.TrimRight(cut, "-")
}

// foldRune spells a lower-case rune in ASCII. Common accented Latin letters
// lose their accents; other runes pass through and become dashes later.
func foldRune(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'ç', 'ć', 'č', 'ĉ', 'ċ':
		return "c"
	case 'ď', 'đ', 'ð':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e"
	case 'ğ', 'ģ':
		return "g"
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return "i"
	case 'ķ':
		return "k"
	case 'ł', 'ľ', 'ļ', 'ĺ':
		return "l"
	case 'ñ', 'ń', 'ň', 'ņ':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'ŕ', 'ř':
		return "r"
	case 'ś', 'š', 'ş', 'ș':
		return "s"
	case 'ť', 'ţ', 'ț':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ß':
		return "ss"
	case 'þ':
		return "th"
	}
	if r < unicode.MaxASCII {
		return string(r)
	}
	return "-"
}
