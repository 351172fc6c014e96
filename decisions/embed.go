// Package decisions holds the default decision file, embedded in the binary.
package decisions

import _ "embed"

// DefaultName is the name under which the embedded decision file is reported
// in error messages and traces.
const DefaultName = "decisions/default.yaml"

// Default is the content of the default decision file.
//
//go:embed default.yaml
var Default []byte

//go:generate go run ./internal/snapshot

// Schema is the JSON Schema of decision files.
//
//go:embed decision-file.schema.json
var Schema []byte
