package audit

import (
	"strings"
	"unicode"
)

// words splits an identifier into lower-case words: "clientSecret",
// "client_secret" and "client-secret" all give [client secret].
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) ||
			(i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// credential says whether a parameter name carries a secret: certain for
// names such as password, client_secret or access_token; ambiguous for
// bare names such as token or key, which are as often identifiers.
// Names that end in id, name, type and the like describe a credential
// rather than carry it, and pagination tokens are not credentials.
func credential(name string) (certain, ambiguous bool) {
	w := words(name)
	if len(w) == 0 {
		return false, false
	}
	last := w[len(w)-1]
	if len(w) == 1 {
		switch last {
		case "token", "key", "auth", "authorization", "session":
			return false, true
		}
	}
	switch last {
	case "password", "passwd", "passphrase", "pwd", "secret", "apikey", "accesstoken",
		"authtoken", "refreshtoken", "idtoken", "jwt", "bearer", "credentials":
		return true, false
	}
	if len(w) >= 2 {
		switch w[len(w)-2] + " " + last {
		case "access token", "refresh token", "id token", "auth token", "bearer token",
			"session token", "api token", "oauth token", "private token", "personal token",
			"security token", "api key", "access key", "secret key", "private key",
			"subscription key", "app key", "auth key", "master key", "session id",
			"sessionid", "client assertion":
			return true, false
		}
	}
	return false, false
}

// describesIdentifier reports whether a parameter's description says it
// identifies something, such as "a key for identifying the cache".
func describesIdentifier(desc string) bool {
	d := strings.ToLower(desc)
	for _, w := range []string{"identif", "prefix", "cache", "lookup", "sort"} {
		if strings.Contains(d, w) {
			return true
		}
	}
	return false
}
