//go:build unix

package load

import (
	"os"
	"syscall"
)

// openRegular opens path for reading if it is a regular file. O_NONBLOCK
// keeps the open of a FIFO from waiting for a writer that never comes, and
// O_NOCTTY keeps a terminal device from becoming iopfit's controlling
// terminal; either is refused as soon as it is open. Neither flag changes how
// a regular file reads.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	return checkRegular(f)
}
