//go:build !unix

package prompt

import (
	"io"

	tea "charm.land/bubbletea/v2"
)

// relaySuspend does nothing where there is no job control (Windows): there
// is no SIGTSTP to relay, and a console program is not stopped by its shell.
func relaySuspend(*tea.Program, io.Reader, io.Writer) (stop func()) { return func() {} }

// suspendSelf is Ctrl-Z as a key. Without job control it does nothing, as in
// any other console program, and the form carries on.
func suspendSelf() tea.Msg { return nil }
