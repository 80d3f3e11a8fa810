package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// graceTime is how long iopfit waits, after a signal, for the running command
// to wind down (a form restores the terminal in a few milliseconds) before it
// exits regardless. Nothing iopfit does should take that long; it is the
// backstop that keeps a signal from ever being ignored.
const graceTime = 2 * time.Second

// firstSignals is how many of stopSignals, from the start, are caught
// before anything else: SIGINT, SIGTERM and SIGHUP.
const firstSignals = 3

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
	// Go's runtime takes a round trip to its signal thread for each signal
	// it starts to catch, some 30 µs: all of them would add a millisecond
	// to every run. A person's Ctrl-C and a script's kill are caught before
	// anything else is done; the rest while iopfit loads its set, on the
	// other core. One that comes in that first millisecond meets Go's own
	// handling, as it would before main.
	first := stopSignals[:firstSignals]
	signal.Notify(ch, first...)
	go signal.Notify(ch, stopSignals[firstSignals:]...)
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-ch:
		case <-done:
			return
		}
		s := sig.(syscall.Signal)
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
