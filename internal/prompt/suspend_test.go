//go:build linux

package prompt

import (
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestReadDelivered: a read counts each kind it finds, in whatever order
// they come off the channel, since the runtime's order is not the order
// they were sent.
func TestReadDelivered(t *testing.T) {
	cases := []struct {
		name string
		sigs []os.Signal
		want delivered
	}{
		{"nothing more", nil, delivered{}},
		{"another stop", []os.Signal{syscall.SIGTSTP}, delivered{stop: true}},
		{"a SIGCONT", []os.Signal{syscall.SIGCONT}, delivered{cont: true}},
		{"a SIGCONT then a stop", []os.Signal{syscall.SIGCONT, syscall.SIGTSTP}, delivered{stop: true, cont: true}},
		{"a stop then a SIGCONT", []os.Signal{syscall.SIGTSTP, syscall.SIGCONT}, delivered{stop: true, cont: true}},
	}
	for _, c := range cases {
		ch := make(chan os.Signal, 8)
		for _, s := range c.sigs {
			ch <- s
		}
		if got := readDelivered(ch); got != c.want {
			t.Errorf("%s: readDelivered = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestReadDeliveredWaitsForTheRuntime: a signal the kernel has delivered is
// counted even before Go's runtime has put it on the channel, which is what
// the probe is for. Each is sent to the test's own thread, whose handler
// runs before the send returns: delivered, then, for sure, and still to be
// handed on by the runtime. Sent to a running process, SIGCONT does nothing
// else; a SIGTSTP is caught here, so it stops nothing.
func TestReadDeliveredWaitsForTheRuntime(t *testing.T) {
	// The probe alone: the grace after it would let the runtime catch up
	// without it.
	grace := probeGrace
	probeGrace = 0
	defer func() { probeGrace = grace }()
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, syscall.SIGTSTP, syscall.SIGCONT)
	defer signal.Stop(ch)
	for i := range 50 {
		for _, c := range []struct {
			sig  syscall.Signal
			want delivered
		}{
			{syscall.SIGCONT, delivered{cont: true}},
			{syscall.SIGTSTP, delivered{stop: true}},
		} {
			if err := toThisThread(c.sig); err != nil {
				t.Fatal(err)
			}
			if got := readDelivered(ch); got != c.want {
				t.Fatalf("try %d: readDelivered = %+v after %v", i, got, c.sig)
			}
		}
	}
}

// toThisThread sends sig to the calling thread, which runs its handler
// before the call returns.
func toThisThread(sig syscall.Signal) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return unix.Tgkill(os.Getpid(), unix.Gettid(), sig)
}
