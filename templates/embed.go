// Package templates holds the report, decision-record and snippet templates,
// embedded in the binary.
package templates

import (
	"embed"
	"io/fs"
	"os"
)

//go:embed *.tmpl snippets
var embedded embed.FS

// FS returns the embedded templates.
func FS() fs.FS { return embedded }

// Overlay returns the templates with files in dir taking precedence over the
// embedded ones of the same name. An empty dir returns the embedded set.
func Overlay(dir string) fs.FS {
	if dir == "" {
		return embedded
	}
	return overlayFS{top: os.DirFS(dir), base: embedded}
}

type overlayFS struct {
	top, base fs.FS
}

// Open opens name from the top layer when it exists there, else from base.
func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	return o.base.Open(name)
}
