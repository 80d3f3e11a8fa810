//go:build unix

package cli

import (
	"os"
	"syscall"
)

// stopSignals are the signals whose default is to end the process, and which
// iopfit catches so that it always ends the same way: the terminal restored,
// nothing more printed (Ctrl-C aside), exit 128+N. SIGQUIT, SIGABRT, SIGTRAP
// and SIGSYS would otherwise dump every goroutine's stack and exit 2, which
// reads as a crash and as a usage error; SIGUSR1, SIGUSR2, SIGALRM and
// SIGXCPU would be ignored (Go's runtime does so by default), and a run
// waiting on input would wait on.
var stopSignals = []os.Signal{
	syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP,
	syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGTRAP, syscall.SIGSYS,
	syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGXCPU,
}
