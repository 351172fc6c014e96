package snippet

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	modpath "golang.org/x/mod/module"
)

// Each check returns "" when the value is fine, otherwise a reason that
// says what is wrong and what to pass instead.

// checkText rejects invalid UTF-8, control and format characters (which
// include newlines, tabs and bidirectional overrides), blanks other than
// the ASCII space, characters that print as blanks, and long values.
func checkText(v string, maxLen int) string {
	if !utf8.ValidString(v) {
		return "is not valid UTF-8"
	}
	if len(v) > maxLen {
		return "is longer than " + strconv.Itoa(maxLen) + " bytes"
	}
	for _, r := range v {
		switch {
		case !unicode.IsPrint(r):
			return "contains a control or invisible character; remove it"
		case r != ' ' && unicode.IsSpace(r) || isBlank(r):
			return fmt.Sprintf("contains the blank character %U, "+
				"which tokens would have to carry unseen; remove it", r)
		}
	}
	return ""
}

// isBlank reports letters and symbols that Unicode counts as printable
// but that show as empty space: Hangul fillers, the blank Braille
// pattern, Khmer inherent vowels and the combining grapheme joiner.
func isBlank(r rune) bool {
	switch r {
	case '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800', '\u17B4', '\u17B5', '\u034F':
		return true
	}
	return false
}

func checkIssuer(v string) string {
	if v == "" {
		return "is required: pass the issuer URL of your identity provider"
	}
	if reason := checkURLText(v); reason != "" {
		return reason
	}
	u, err := url.Parse(v)
	if err != nil || u.Opaque != "" || u.Host == "" {
		return "is not an absolute URL; pass e.g. https://idp.example.com"
	}
	switch {
	case u.User != nil:
		return "must not carry a user name or password"
	case u.RawQuery != "" || u.ForceQuery:
		return "must not have a query (OpenID Connect Discovery 1.0 §3)"
	case u.Fragment != "" || strings.Contains(v, "#"):
		return "must not have a fragment"
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
	case u.Scheme == "http":
		return "must use https; http is allowed only for 127.0.0.1, ::1 or localhost"
	default:
		return "must be an https URL"
	}
	if lower := lowerSchemeHost(v); lower != v {
		return "must have a lower-case scheme and host, because tokens' `iss` " +
			"must match it exactly; pass " + lower
	}
	return checkHostPort(u)
}

// lowerSchemeHost returns v, an absolute URL, with its scheme and
// authority in lower case and the rest kept.
func lowerSchemeHost(v string) string {
	i := strings.Index(v, "://")
	if i < 0 {
		return v
	}
	rest := v[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	return strings.ToLower(v[:i+3+end]) + rest[end:]
}

func checkAudience(v string) string {
	if v == "" {
		return "is required: pass the audience (`aud`) your API expects in tokens"
	}
	return checkText(v, 1024)
}

// checkClientID follows RFC 6749 Appendix A.1: client_id = *VSCHAR.
func checkClientID(v string) string {
	if v == "" {
		return "is required: pass the client id registered at the identity provider"
	}
	if len(v) > 256 {
		return "is longer than 256 bytes"
	}
	for _, r := range v {
		if r < 0x20 || r > 0x7e {
			return "may hold only printable ASCII (RFC 6749 Appendix A.1)"
		}
	}
	if strings.TrimSpace(v) != v {
		return "must not start or end with a space"
	}
	return ""
}

// checkScope follows RFC 6749 §3.3: scope-token = 1*NQCHAR.
func checkScope(v string) string {
	if v == "" {
		return "is empty; pass a scope name or leave the flag out"
	}
	if len(v) > 256 {
		return "is longer than 256 bytes"
	}
	for _, r := range v {
		if r < 0x21 || r > 0x7e || r == '"' || r == '\\' {
			return "may hold printable ASCII except space, '\"' and '\\' (RFC 6749 §3.3)"
		}
	}
	return ""
}

func checkAPIHost(v string) string {
	if v == "" {
		return "is required: pass the DNS name clients use for the API"
	}
	if net.ParseIP(v) != nil {
		return "must be a DNS name, not an IP address"
	}
	return checkDNSName(v)
}

// checkDNSName accepts letters, digits and hyphens in dot-separated labels
// (RFC 1123 §2.1); no wildcards, trailing dot or all-numeric last label.
func checkDNSName(v string) string {
	const reason = "must be a DNS name such as api.example.com " +
		"(letters, digits, hyphens and dots)"
	if len(v) > 253 {
		return "is longer than 253 bytes"
	}
	labels := strings.Split(v, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return reason
		}
		for _, r := range l {
			if !isASCIIAlnum(r) && r != '-' {
				return reason
			}
		}
	}
	if isAllDigits(labels[len(labels)-1]) {
		return reason
	}
	return ""
}

func checkUpstream(v string) string {
	if v == "" {
		return "is required: pass the URL the gateway proxies to, e.g. http://127.0.0.1:8080"
	}
	for _, r := range v {
		if !isASCIIAlnum(r) && !strings.ContainsRune(".-:/[]", r) {
			return "may hold only a scheme, host and port, e.g. http://127.0.0.1:8080"
		}
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "is not an absolute URL; pass e.g. http://127.0.0.1:8080"
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "must use http or https"
	}
	if u.Path != "" && u.Path != "/" {
		return "must not have a path; the gateway keeps the request path"
	}
	return checkHostPort(u)
}

// checkHostPort checks the host (DNS name or IP literal) and optional port.
func checkHostPort(u *url.URL) string {
	if strings.HasSuffix(u.Host, ":") {
		return "has a ':' but no port; give a port (1-65535) or leave out the ':'"
	}
	host := u.Hostname()
	if net.ParseIP(host) == nil {
		if reason := checkDNSName(host); reason != "" {
			return "has an invalid host: " + reason
		}
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return "has an invalid port; use 1-65535"
		}
	}
	return ""
}

// checkURLText allows only the characters RFC 3986 §2 permits in a URI.
func checkURLText(v string) string {
	if len(v) > 2048 {
		return "is longer than 2048 bytes"
	}
	for _, r := range v {
		if !isASCIIAlnum(r) && !strings.ContainsRune("-._~:/?#[]@!$&'()*+,;=%", r) {
			return "contains a character not allowed in a URL; percent-encode it"
		}
	}
	return ""
}

// checkModule follows the Go module path rules: dot-separated lower-case
// first element (a domain), then path elements of [A-Za-z0-9-._~].
func checkModule(v string) string {
	if v == "" {
		return ""
	}
	const reason = "must be a Go module path such as example.com/authstarter"
	if len(v) > 200 {
		return "is longer than 200 bytes"
	}
	elems := strings.Split(v, "/")
	first := elems[0]
	if !strings.Contains(first, ".") || first[0] == '-' {
		return reason
	}
	for _, r := range first {
		if !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9') && r != '.' && r != '-' {
			return reason
		}
	}
	for _, e := range elems {
		if e == "" || e[0] == '.' || e[len(e)-1] == '.' {
			return reason
		}
		for _, r := range e {
			if !isASCIIAlnum(r) && !strings.ContainsRune("-._~", r) {
				return reason
			}
		}
	}
	// The go command's own rules add reserved Windows names (con, aux.txt),
	// short names such as x~1 and more.
	if err := modpath.CheckPath(v); err != nil {
		var pe *modpath.InvalidPathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return reason + "; go rejects it: " + err.Error()
	}
	return ""
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isAllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
