//go:build unix

package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRegularFileOnly: a terminfo entry the environment points at is read
// only if it is a regular file. A FIFO is refused without waiting for a
// writer, a device such as /dev/zero without reading it, a directory at
// once.
func TestRegularFileOnly(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("entry"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		path string
		want error
	}{
		{"a FIFO with no writer", fifo, errNotRegular},
		{"a link to /dev/zero", zero, errNotRegular},
		{"a directory", dir, errIsDir},
		{"missing", filepath.Join(dir, "none"), os.ErrNotExist},
	} {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Read(context.Background(), RegularFile(tt.path), KindTerminfo)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Read waited")
			}
		})
	}
	if data, err := Read(context.Background(), RegularFile(file), KindTerminfo); err != nil || string(data) != "entry" {
		t.Fatalf("a regular file: %q, %v", data, err)
	}
}
