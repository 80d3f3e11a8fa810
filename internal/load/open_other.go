//go:build !unix

package load

import "os"

// openRegular opens path for reading if it is a regular file. Without
// FIFOs that block on open there is nothing to guard against before the
// file is open.
func openRegular(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return checkRegular(f)
}
