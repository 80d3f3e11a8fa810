package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/iopfit/iopfit/internal/testmark"
)

// graceTime is how long iopfit waits, after a signal, for the running command
// to wind down (a form restores the terminal in a few milliseconds) before it
// exits regardless. Nothing iopfit does should take that long; it is the
// backstop that keeps a signal from ever being ignored.
const graceTime = 2 * time.Second

// watchSignals owns the stop signals for the whole process. The first one
// cancels the returned context with a *SignalError as its cause, so the
// command (and any form) can stop cleanly and restore the terminal; the exit
// code is that first signal's. Later signals, of any kind, do not cut the
// restore short: iopfit waits for the command, up to graceTime, and then
// exits regardless. stop ends the watch but keeps the signals caught: one
// that arrives after the command ended, as iopfit exits, must not turn the
// exit code into its own.
func watchSignals(parent context.Context, exit func(int)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, len(stopSignals))
	// Every signal is caught before watchSignals returns, and so before
	// anything is asked or drawn: one that came a moment later met Go's own
	// handling (SIGQUIT: a stack dump and exit 2; SIGUSR1: ignored, and a
	// prompt waited on). Go's runtime takes a round trip to its signal
	// thread for each signal it starts to catch; BenchmarkWatchSignals
	// puts all of them at about a millisecond, on the path to the first
	// prompt, where nobody can tell.
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-ch:
		case <-done:
			return
		}
		s := sig.(syscall.Signal)
		// Marked before it acts: once cancelled, iopfit may end at once.
		testmark.Mark("signal %d", int(s))
		cancel(&SignalError{Signal: s})
		select {
		case <-done:
		case <-time.After(graceTime):
			exit(128 + int(s))
		}
	}()
	return ctx, func() {
		close(done)
		cancel(nil)
	}
}
