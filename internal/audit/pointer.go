package audit

import (
	"net/url"
	"strings"
)

// Pointer is a JSON pointer (RFC 6901) into the document, such as
// /paths/~1pets/get.
type Pointer string

// add appends one reference token.
func (p Pointer) add(tokens ...string) Pointer {
	var b strings.Builder
	b.WriteString(string(p))
	for _, t := range tokens {
		b.WriteByte('/')
		for i := 0; i < len(t); i++ {
			switch t[i] {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteByte(t[i])
			}
		}
	}
	return Pointer(b.String())
}

// refTokens splits a local reference such as "#/components/parameters/x"
// into its unescaped tokens. ok is false for references to other files
// or URLs, which audit does not follow.
func refTokens(ref string) (toks []string, ok bool) {
	frag, found := strings.CutPrefix(ref, "#")
	if !found {
		return nil, false
	}
	if un, err := url.PathUnescape(frag); err == nil {
		frag = un
	}
	if frag == "" || frag == "/" {
		return []string{}, true
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, false
	}
	toks = strings.Split(frag[1:], "/")
	for i, t := range toks {
		if strings.IndexByte(t, '~') >= 0 {
			toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
		}
	}
	return toks, true
}

// refPointer is the pointer a local reference names.
func refPointer(toks []string) Pointer {
	return Pointer("").add(toks...)
}
