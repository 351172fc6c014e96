package snippet

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"
)

// templateFuncs returns the escaping functions templates use for every
// user value. A fresh map is built per call so no state is shared.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"goString":    goString,
		"goStrings":   goStrings,
		"nginxString": nginxString,
		"yamlString":  yamlString,
		"kongString":  kongString,
		"istioExact":  istioExact,
		"mdCode":      mdCode,
	}
}

// goString returns s as a Go interpreted string literal; strconv.Quote
// escapes quotes, backslashes and every non-printable rune.
func goString(s string) string {
	return strconv.Quote(s)
}

// goStrings returns the elements of list as comma-separated Go string
// literals, for use inside a []string{...} composite literal.
func goStrings(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = goString(s)
	}
	return strings.Join(quoted, ", ")
}

// errNginxUnsafe is returned for values nginx cannot hold verbatim.
var errNginxUnsafe = errors.New("nginx cannot hold this value safely")

// nginxString returns s as a double-quoted nginx configuration string.
// nginx has no escape for `$` (it always starts a variable in directives
// that take variables) and none for control characters, so those are
// refused; `"` and `\` are backslash-escaped, which the nginx
// configuration parser undoes.
func nginxString(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: invalid UTF-8", errNginxUnsafe)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '$':
			return "", fmt.Errorf("%w: %q contains '$'", errNginxUnsafe, s)
		case !unicode.IsPrint(r):
			return "", fmt.Errorf("%w: %q contains a control character", errNginxUnsafe, s)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String(), nil
}

// yamlString returns s as a YAML double-quoted scalar. Printable runes are
// kept; quotes, backslashes and every other rune are escaped, so for
// printable ASCII the result is also a valid JSON string.
func yamlString(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", errors.New("yaml value is not valid UTF-8")
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}

// kongString returns s as a YAML double-quoted scalar for a decK or Kong
// declarative file. decK runs the file through a text template whose
// actions open with `${{` before parsing the YAML, so every `$` is written
// as the YAML escape \u0024: the parsed value is unchanged, and no value
// can start a template action.
func kongString(s string) (string, error) {
	out, err := yamlString(s)
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(out, "$", `\u0024`), nil
}

// istioExact returns v as a YAML string for a value an Istio
// AuthorizationPolicy compares exactly. Istio reads a leading or trailing
// `*` in such values as a wildcard (suffix, prefix or any match), which
// would widen the check, so those values fail with a *ParamError naming
// flag.
func istioExact(flag, v string) (string, error) {
	if strings.HasPrefix(v, "*") || strings.HasSuffix(v, "*") {
		return "", &ParamError{Flag: flag, Value: v,
			Reason: "must not start or end with '*', which Istio reads as a wildcard"}
	}
	return yamlString(v)
}

// mdCode returns s as a Markdown code span whose backtick fence is longer
// than any backtick run inside s, so s cannot close it early.
func mdCode(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
