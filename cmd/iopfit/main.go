// Command iopfit helps a person see whether an intensive outpatient program
// (IOP) for addiction recovery may fit their life, or whether residential or
// other care may suit them better for now.
package main

import (
	"os"

	"github.com/iopfit/iopfit/internal/cli"
)

// Set by the release build: -ldflags "-X main.version=v1.0.0 -X main.commit=abc123".
var (
	version string
	commit  string
)

func main() {
	os.Exit(cli.Execute(cli.BuildInfo{Version: version, Commit: commit}))
}
