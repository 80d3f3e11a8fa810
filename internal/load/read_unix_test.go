//go:build unix

package load

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/i18n"
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

// TestSocketIsNotAFile: a socket given as a question file, an answers file
// or an earlier result is said to be a socket, not a file, with what to
// give instead: never the system's "no such device or address".
func TestSocketIsNotAFile(t *testing.T) {
	// A short path: a socket's name is limited to about 100 bytes.
	dir, err := os.MkdirTemp("", "sock")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "s")
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Skipf("no Unix sockets here: %v", err)
	}
	defer l.Close()
	for kind, want := range map[Kind]string{
		KindQuestions: "is a socket, not a file; give the path of a question file (.yaml)",
		KindAnswers:   "is a socket, not a file; pass the answers as flags, or give the path of an answers file",
		KindEarlier:   "is a socket, not a file; give --compare the path of an earlier result saved with -o json, -o fhir or -o markdown",
	} {
		_, err := Read(context.Background(), File(path), kind)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, errIsSocket) {
			t.Fatalf("%s: %v", kind, err)
		}
		if got := e.In(i18n.English); got != path+": "+want {
			t.Errorf("%s: %s", kind, got)
		}
	}
}
