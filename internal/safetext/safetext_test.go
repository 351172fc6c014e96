package safetext_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

func TestPlain(t *testing.T) {
	tests := map[string]string{
		"plain":                    "plain",
		"\x1b[31mred\x1b[0m":       "[31mred[0m",
		"a\nb\tc\rd":               "a b c d",
		"bell\a and \u009b csi":    "bell and  csi",
		"bidi \u202eevil\u202c ok": "bidi evil ok",
		"line\u2028sep":            "linesep",
		"héllo ✓":                  "héllo ✓",
	}
	for in, want := range tests {
		if got := safetext.Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMermaidLabel(t *testing.T) {
	got := safetext.MermaidLabel("say \"hi\" <b>|x|</b> `c`")
	want := "say #quot;hi#quot; #lt;b#gt;#124;x#124;#lt;/b#gt; #96;c#96;"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMarkdown(t *testing.T) {
	tests := map[string]string{
		"plain words":                "plain words",
		"<img src=x onerror=alert>":  `\<img src=x onerror=alert\>`,
		"[link](https://evil)":       `\[link\](https://evil)`,
		"a | b":                      `a \| b`,
		"*bold* _em_ `code`":         `\*bold\* \_em\_ \` + "`code\\`",
		"# heading\nnext":            `\# heading next`,
		"\x1b[31mred":                `\[31mred`,
		"/repos/{owner}/{repo}/keys": "/repos/{owner}/{repo}/keys",
	}
	for in, want := range tests {
		if got := safetext.Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}
