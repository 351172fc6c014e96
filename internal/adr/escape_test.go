package adr

import "testing"

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a <script> tag", "a &lt;script&gt; tag"},
		{"a | b", `a \| b`},
		{`back\slash`, `back\\slash`},
		{"keep `a|b<c>` as code", "keep `a|b<c>` as code"},
		{"keep ``a ` b`` too", "keep ``a ` b`` too"},
		{"lone ` tick", "lone \\` tick"},
		{"# not a heading", `\# not a heading`},
		{"- not a list", `\- not a list`},
		{"2024. not a list", `2024\. not a list`},
		{"two\nlines\tand\x07bell", "two lines andbell"},
		{"bidi \u202eevil", "bidi evil"},
		{"café", "café"},
	}
	for _, tt := range tests {
		if got := inline(tt.in); got != tt.want {
			t.Errorf("inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Use C#", `Use C\#`},
		{"# Title", `\# Title`},
		{" Plain ", "Plain"},
	}
	for _, tt := range tests {
		if got := heading(tt.in); got != tt.want {
			t.Errorf("heading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ana", `"Ana"`},
		{`Bo "B" \ C`, `"Bo \"B\" \\ C"`},
		{"line\nbreak: #x", `"line break: #x"`},
		{"para\u2029sep", `"para sep"`},
	}
	for _, tt := range tests {
		if got := yamlString(tt.in); got != tt.want {
			t.Errorf("yamlString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLinkURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"https://example.org/a b(c)", "https://example.org/a%20b%28c%29"},
		{"javascript:alert(1)", ""},
		{"ftp://example.org/x", ""},
		{"relative/path", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := linkURL(tt.in); got != tt.want {
			t.Errorf("linkURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLcFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tokens stay", "tokens stay"},
		{"API keys", "API keys"},
		{"BFF runs", "BFF runs"},
		{"É", "é"},
		{"", ""},
		{"x", "x"},
	}
	for _, tt := range tests {
		if got := lcFirst(tt.in); got != tt.want {
			t.Errorf("lcFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
