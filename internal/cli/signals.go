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

// watchSignals owns SIGINT, SIGTERM and SIGHUP for the whole process. The
// first one cancels the returned context with a *SignalError as its cause, so
// the command (and any form) can stop cleanly and restore the terminal. stop
// releases the signals again.
func watchSignals(parent context.Context, exit func(int)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
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
		case <-ch:
			exit(128 + int(s))
		case <-time.After(graceTime):
			exit(128 + int(s))
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}
