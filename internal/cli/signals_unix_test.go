//go:build unix

package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// TestEverySignalIsCaughtAtOnce: each stop signal, sent the moment
// watchSignals returns, cancels its context with that signal as the cause.
// Between signals the process's handling is reset to Go's own, so that no
// earlier watch can catch one for this one: a signal still unregistered
// would dump the test binary's stack (SIGQUIT), or be ignored (SIGUSR1) and
// time out here.
func TestEverySignalIsCaughtAtOnce(t *testing.T) {
	t.Cleanup(func() { signal.Reset(stopSignals...) })
	for _, sig := range stopSignals {
		s := sig.(syscall.Signal)
		signal.Reset(stopSignals...)
		ctx, stop := watchSignals(context.Background(), func(code int) {
			t.Errorf("%v: exit(%d) called; the watch was never stopped", s, code)
		})
		if err := syscall.Kill(os.Getpid(), s); err != nil {
			stop()
			t.Fatal(err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
			stop()
			t.Fatalf("%v sent after watchSignals returned was not caught", s)
		}
		var got *SignalError
		if !errors.As(context.Cause(ctx), &got) || got.Signal != s {
			t.Errorf("%v: cause %v, want a SignalError for it", s, context.Cause(ctx))
		}
		if code := exitCode(context.Cause(ctx)); s != syscall.SIGINT && code != 128+int(s) {
			t.Errorf("%v: exit code %d, want %d", s, code, 128+int(s))
		}
		stop()
	}
}

// BenchmarkWatchSignals is what catching every stop signal costs a run: the
// handling is reset each time, so that each watch starts to catch them all
// afresh, as a new process does.
func BenchmarkWatchSignals(b *testing.B) {
	b.Cleanup(func() { signal.Reset(stopSignals...) })
	for b.Loop() {
		_, stop := watchSignals(context.Background(), func(int) {})
		stop()
		b.StopTimer()
		signal.Reset(stopSignals...)
		b.StartTimer()
	}
}
