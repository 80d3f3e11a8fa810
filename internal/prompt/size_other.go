//go:build !unix

package prompt

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// screenOf is the console itself where there is no SIGWINCH (Windows):
// Bubble Tea must set the console's modes, and it reads the console's
// resizes as input, which capSize caps on their way in.
func screenOf(out io.Writer) io.Writer { return out }

// terminalSize is the size of the console out writes to, or 0×0.
func terminalSize(out io.Writer) (int, int) {
	if f, ok := out.(*os.File); ok {
		if w, h, err := term.GetSize(f.Fd()); err == nil {
			return w, h
		}
	}
	return 0, 0
}

// watchSize does nothing: Bubble Tea reads a console's resizes itself.
func watchSize(*tea.Program, io.Writer) (stop func()) { return func() {} }
