//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLocalZone: the zone TZ names is read as Go's time package reads it
// (an absolute path, a name under the zone directories, a leading colon,
// unset for /etc/localtime, empty for UTC), but only from a regular file,
// never waiting: a FIFO, the terminal, a directory or a file that is no
// zone means UTC, at once.
func TestLocalZone(t *testing.T) {
	data, err := os.ReadFile("/usr/share/zoneinfo/America/New_York")
	if err != nil {
		t.Skipf("no zone files here: %v", err)
	}
	dir := t.TempDir()
	zone := filepath.Join(dir, "zone")
	fifo := filepath.Join(dir, "fifo")
	junk := filepath.Join(dir, "junk")
	if err := os.WriteFile(zone, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(junk, []byte("not a zone"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	// New York is 5 hours behind UTC in January.
	const newYork = -5 * 60 * 60
	tests := []struct {
		name   string
		tz     string
		set    bool
		offset int
	}{
		{"an absolute path", zone, true, newYork},
		{"a path after a colon", ":" + zone, true, newYork},
		{"a name under the zone directories", "America/New_York", true, newYork},
		{"empty", "", true, 0},
		{"UTC", "UTC", true, 0},
		{"a FIFO", fifo, true, 0},
		{"a FIFO after a colon", ":" + fifo, true, 0},
		{"the terminal", "/dev/tty", true, 0},
		{"the terminal, under the zone directories", "../../../../dev/tty", true, 0},
		{"a directory", dir, true, 0},
		{"not a zone file", junk, true, 0},
		{"missing", filepath.Join(dir, "missing"), true, 0},
		{"a rule, not a file", "EST5EDT,M3.2.0,M11.1.0", true, 0},
	}
	jan := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan *time.Location, 1)
			go func() {
				done <- localZone(func(k string) (string, bool) {
					if k == "TZ" {
						return tt.tz, tt.set
					}
					return "", false
				})
			}()
			select {
			case loc := <-done:
				if _, off := jan.In(loc).Zone(); off != tt.offset {
					t.Errorf("TZ=%q: offset %d, want %d", tt.tz, off, tt.offset)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("TZ=%q: still reading after 5 s", tt.tz)
			}
		})
	}
}
