//go:build iopfit_testhook

package cli

import "os"

// In test builds only, IOPFIT_TEST_PANIC=check makes check panic before it
// prints, so that a test can prove how iopfit ends after a panic outside a form.
func init() {
	if os.Getenv("IOPFIT_TEST_PANIC") == "check" {
		checkHook = func() { panic("test panic in check") }
	}
}
