//go:build unix

package prompt

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// TestStillStopping: the last of the signals read decides, and a signal
// that reaches the channel a moment late (as on a busy machine) still
// counts: a SIGCONT after the last SIGTSTP means no stop.
func TestStillStopping(t *testing.T) {
	cases := []struct {
		name string
		sigs []os.Signal
		late os.Signal
		want bool
	}{
		{"nothing more", nil, nil, true},
		{"a SIGCONT", []os.Signal{syscall.SIGCONT}, nil, false},
		{"another stop", []os.Signal{syscall.SIGCONT, syscall.SIGTSTP}, nil, true},
		{"a late SIGCONT", []os.Signal{syscall.SIGCONT, syscall.SIGTSTP}, syscall.SIGCONT, false},
	}
	for _, c := range cases {
		ch := make(chan os.Signal, 8)
		for _, s := range c.sigs {
			ch <- s
		}
		if c.late != nil {
			go func() {
				time.Sleep(time.Millisecond)
				ch <- c.late
			}()
		}
		if got := stillStopping(ch); got != c.want {
			t.Errorf("%s: stillStopping = %v, want %v", c.name, got, c.want)
		}
	}
}
