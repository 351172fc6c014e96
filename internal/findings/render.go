package findings

import (
	"fmt"
	"io"
	"strings"
)

// Formats are the output formats of audit and check.
var Formats = []string{"text", "json", "sarif", "markdown"}

// Render writes the report in the named format.
func Render(w io.Writer, format string, r *Report) error {
	switch format {
	case "text":
		return writeText(w, r)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r)
	case "markdown":
		return writeMarkdown(w, r)
	}
	return fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(Formats, ", "))
}
