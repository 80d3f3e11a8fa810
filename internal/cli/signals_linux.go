package cli

import (
	"os"
	"syscall"
)

// firstRealtime and lastRealtime bound the real-time signals iopfit can
// catch on Linux. The C library keeps 32 and 33 for itself, and Go's runtime
// keeps 34 (musl's SIGSYNCCALL, golang/go#39343): signal.Notify never sees
// it, so signal 34, like SIGKILL, ends iopfit with no chance to restore the
// terminal.
const firstRealtime, lastRealtime = 35, 64

// platformStopSignals are Linux's own signals whose default ends a process.
func platformStopSignals() []os.Signal {
	sigs := []os.Signal{syscall.SIGSTKFLT, syscall.SIGPWR}
	for n := firstRealtime; n <= lastRealtime; n++ {
		sigs = append(sigs, syscall.Signal(n))
	}
	return sigs
}
