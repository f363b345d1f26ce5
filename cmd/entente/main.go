// Command entente reads news articles and extracts political events between
// states. See the README for usage.
package main

import (
	"os"

	"entente/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
