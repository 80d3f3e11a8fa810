//go:build !unix

package cli

// stdoutWasClosed is false where Go's runtime does not put /dev/null in
// place of a closed stdout (Windows): a write to a closed stdout fails there,
// and that failure is reported as it is.
func stdoutWasClosed() bool { return false }
