package adr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const supersedeLink = "Superseded by [ADR-0005: New](0005-new.md)"

func TestMarkSuperseded(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "status replaced, link appended to the last section",
			in: "---\nstatus: \"accepted\"\ndate: 2026-01-02\n---\n\n# Old\n\n" +
				"## More Information\n\nSee x.\n\n",
			want: "---\nstatus: \"superseded by ADR-0005\"\ndate: 2026-01-02\n---\n\n# Old\n\n" +
				"## More Information\n\nSee x.\n\n" + supersedeLink + "\n",
		},
		{
			name: "link placed before a following section",
			in: "---\nstatus: proposed\n---\n\n## More Information\n\n* a\n\n" +
				"## Appendix\n\ntext\n",
			want: "---\nstatus: \"superseded by ADR-0005\"\n---\n\n## More Information\n\n* a\n\n" +
				supersedeLink + "\n\n## Appendix\n\ntext\n",
		},
		{
			name: "status added when missing, section added when missing",
			in:   "---\ndate: 2026-01-02\n---\n\n# Old\n\nBody without newline",
			want: "---\nstatus: \"superseded by ADR-0005\"\ndate: 2026-01-02\n---\n\n# Old\n\n" +
				"Body without newline\n\n## More Information\n\n" + supersedeLink + "\n",
		},
		{
			name: "CRLF line endings kept",
			in:   "---\r\nstatus: accepted\r\n---\r\n\r\n## More Information\r\n\r\nx\r\n",
			want: "---\r\nstatus: \"superseded by ADR-0005\"\r\n---\r\n\r\n" +
				"## More Information\r\n\r\nx\r\n\r\n" + supersedeLink + "\r\n",
		},
		{
			name: "a second run changes nothing",
			in: "---\nstatus: \"superseded by ADR-0005\"\n---\n\n## More Information\n\n" +
				supersedeLink + "\n",
			want: "---\nstatus: \"superseded by ADR-0005\"\n---\n\n## More Information\n\n" +
				supersedeLink + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := markSuperseded(tt.in, 5, supersedeLink)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

func TestMarkSupersededNeedsFrontMatter(t *testing.T) {
	for _, in := range []string{"", "# 1. Title\n\nDate: 2026-01-02\n", "---\nstatus: x\n"} {
		if _, err := markSuperseded(in, 5, supersedeLink); err == nil ||
			!strings.Contains(err.Error(), "front matter") {
			t.Errorf("markSuperseded(%q) = %v; want a front matter error", in, err)
		}
	}
}

func TestSupersede(t *testing.T) {
	dir := t.TempDir()
	old := "---\nstatus: \"accepted\"\n---\n\n# Old\n\n## More Information\n\nx\n"
	writeFiles(t, dir, map[string]string{"0003-old.md": old, "0004-other.md": old})
	path := filepath.Join(dir, "0003-old.md")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}

	if err := Supersede(dir, 3, 9, "New [draft] | v2", "docs/x/0009-new.md"); err != nil {
		t.Fatal(err)
	}
	got := readFile(t, path)
	want := "---\nstatus: \"superseded by ADR-0009\"\n---\n\n# Old\n\n" +
		"## More Information\n\nx\n\n" +
		"Superseded by [ADR-0009: New \\[draft\\] \\| v2](0009-new.md)\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode after rewrite: %v, %v; want 0600 kept", info.Mode(), err)
	}
	if readFile(t, filepath.Join(dir, "0004-other.md")) != old {
		t.Error("another record changed")
	}
}

func TestSupersedeErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"0001-plain.md": "# Plain\n"})
	tests := []struct {
		name      string
		old, next int
		file      string
		errPart   string
	}{
		{"missing record", 2, 3, "0003-x.md", "ADR-0002"},
		{"no front matter", 1, 3, "0003-x.md", "0001-plain.md"},
		{"itself", 1, 1, "0001-x.md", "itself"},
		{"no file name", 1, 3, " ", "file name"},
		{"bad number", 0, 3, "0003-x.md", "at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Supersede(dir, tt.old, tt.next, "New", tt.file)
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("Supersede = %v; want an error mentioning %q", err, tt.errPart)
			}
		})
	}
	if readFile(t, filepath.Join(dir, "0001-plain.md")) != "# Plain\n" {
		t.Error("a failed Supersede changed the record")
	}
}
