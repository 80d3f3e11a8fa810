//go:build !unix

package cli

import (
	"os"
	"syscall"
)

// stopSignals are the signals Windows delivers to a console program: Ctrl-C
// and Ctrl-Break as SIGINT, closing the console or logging off as SIGTERM.
// SIGHUP is listed for the code that names it; it is never sent there.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}
