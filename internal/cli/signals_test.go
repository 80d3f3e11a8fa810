package cli

import (
	"slices"
	"syscall"
	"testing"
)

// TestFirstSignalsComeFirst: the signals caught before anything else are a
// person's Ctrl-C and a script's kill; the rest are caught a moment later.
func TestFirstSignalsComeFirst(t *testing.T) {
	want := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}
	got := make([]syscall.Signal, 0, firstSignals)
	for _, s := range stopSignals[:firstSignals] {
		got = append(got, s.(syscall.Signal))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the first %d stop signals are %v, want %v", firstSignals, got, want)
	}
}
