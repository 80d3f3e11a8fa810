//go:build iopfit_testhook

package prompt

import "os"

// In test builds only, IOPFIT_TEST_PANIC=form makes the form panic inside its
// event loop, so that a test can prove the terminal is restored and iopfit
// exits 1 with a request for a bug report.
func init() {
	if os.Getenv("IOPFIT_TEST_PANIC") == "form" {
		fieldHook = func() { panic("test panic inside the form") }
	}
}
