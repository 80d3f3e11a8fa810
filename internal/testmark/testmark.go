// Package testmark lets the tests that drive the built binary wait for what
// they need instead of for a fixed time: a page that has settled, a key that
// reached the form, a prompt about to be drawn, a signal taken. In a test
// build (tag iopfit_testhook) with IOPFIT_TEST_MARKS naming an open file
// descriptor, each Mark writes one line to it; in the shipped binary Mark is
// empty, and the variable means nothing.
package testmark

import "fmt"

// sink writes one mark; nil in shipped builds, and in test builds run
// without IOPFIT_TEST_MARKS.
var sink func(string)

// Mark records event, formatted as fmt.Sprintf would, for a test to wait on.
// In a shipped build enabled is the constant false, so the compiler drops
// each call, its arguments included.
func Mark(format string, args ...any) {
	if enabled && sink != nil {
		sink(fmt.Sprintf(format, args...))
	}
}
