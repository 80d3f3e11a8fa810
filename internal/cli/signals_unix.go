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
//
// SIGSEGV, SIGBUS, SIGFPE and SIGILL are caught only as signals sent to
// iopfit (kill): a fault of iopfit's own still panics, as it must. The
// rest (SIGXFSZ, SIGVTALRM, SIGIO, and on Linux SIGSTKFLT, SIGPWR and the
// real-time signals) are ones Go's runtime would ignore or end the process
// on with the terminal still raw.
var stopSignals = append([]os.Signal{
	syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP,
	syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGTRAP, syscall.SIGSYS,
	syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGXCPU,
	syscall.SIGSEGV, syscall.SIGBUS, syscall.SIGFPE, syscall.SIGILL,
	syscall.SIGXFSZ, syscall.SIGVTALRM, syscall.SIGIO,
}, platformStopSignals()...)
