// Command authadvisor recommends how an API should authenticate its
// callers, writes starter configuration and decision records, and audits
// what exists.
package main

import (
	"os"

	"github.com/authadvisor/authadvisor/internal/cli"
)

func main() {
	os.Exit(cli.Main(cli.SystemIO(), os.Args[1:]))
}
