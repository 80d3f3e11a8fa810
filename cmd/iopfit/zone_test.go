//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestZoneNeverWaits: TZ naming a FIFO (with or without the colon POSIX
// allows) never holds up the markdown result, which names the day it was
// made: it is made in UTC, at once.
func TestZoneNeverWaits(t *testing.T) {
	bin := binary(t, "")
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, tz := range []string{fifo, ":" + fifo} {
		var out bytes.Buffer
		code, stderr := run(t, bin, nil, &out, []string{"TZ=" + tz}, 5*time.Second, append(allAnswers, "-o", "markdown")...)
		if code != 0 || stderr != "" || !strings.Contains(out.String(), "Made on ") {
			t.Errorf("TZ=%s: exit %d, stderr %q, stdout:\n%s", tz, code, stderr, out.String())
		}
	}
}

// TestZoneIsNeverTheTerminal: TZ=/dev/tty, at a terminal, never reads the
// person's typing: the markdown result comes at once.
func TestZoneIsNeverTheTerminal(t *testing.T) {
	s := startSession(t, sessionOpts{env: []string{"TZ=/dev/tty"}}, append(allAnswers, "-o", "markdown")...)
	if out := s.succeed(); !strings.Contains(out, "Made on ") {
		t.Fatalf("stdout:\n%s", out)
	}
}
