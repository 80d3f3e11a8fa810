//go:build unix

package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/load"
)

// notes is a stderr that hands each write to the test, from whichever
// goroutine makes it.
type notes chan string

func (n notes) Write(p []byte) (int, error) {
	n <- string(p)
	return len(p), nil
}

// TestCompareSaysWhatItWaitsFor: a FIFO given to --compare (as
// --compare <(…) gives one) is read, however long its writer takes; at a
// terminal, once the wait is long, stderr says once what iopfit waits for
// and how to stop, and nothing at all goes to a stderr that is no
// terminal. The test waits for the line itself, not for a time.
func TestCompareSaysWhatItWaitsFor(t *testing.T) {
	set, err := load.Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	earlier := `{"schema_version": 1, "question_set": {"id": "` + set.ID + `", "version": "0.0.9"}, "answers": [{"id": "stable-home", "answer": "no"}], "recommendation": "residential"}`
	defer func(w time.Duration) { compareWait = w }(compareWait)
	compareWait = time.Millisecond
	for _, errTTY := range []bool{true, false} {
		fifo := filepath.Join(t.TempDir(), "earlier.json")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		stderr := make(notes, 10)
		o := &checkOptions{IO: &Streams{In: strings.NewReader(""), ErrOut: stderr, ErrTTY: errTTY}, Set: set, Compare: fifo}
		done := make(chan error, 1)
		var e *assess.Earlier
		go func() {
			var err error
			e, err = o.readEarlier(context.Background(), false)
			done <- err
		}()
		want := "iopfit is waiting for the earlier result from " + fifo + " (--compare); press Ctrl-C to stop.\n"
		if errTTY {
			select {
			case got := <-stderr:
				if got != want {
					t.Errorf("said %q, want %q", got, want)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("nothing said while waiting")
			}
		} else {
			time.Sleep(20 * compareWait) // long past the wait: still nothing may be said
		}
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteString(earlier); err != nil {
			t.Fatal(err)
		}
		w.Close()
		if err := <-done; err != nil {
			t.Fatalf("stderr a terminal %v: %v", errTTY, err)
		}
		if e == nil {
			t.Fatal("not read")
		}
		if len(stderr) > 0 {
			t.Errorf("stderr a terminal %v: also said %q", errTTY, <-stderr)
		}
	}
}
