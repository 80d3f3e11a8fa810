//go:build unix

package prompt

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// screen is the terminal the form draws on, as a plain writer. Bubble Tea
// asks a terminal it writes to for its size, keeps a cell in memory for each
// character of it, and follows its resizes; a writer it cannot ask, it
// draws at the size it is given. So iopfit reads the size itself, caps it
// (windowSize), and sends each change on: a window of 8000×8000 costs what
// 200×100 does.
type screen struct{ w io.Writer }

func (s screen) Write(b []byte) (int, error) { return s.w.Write(b) }

func screenOf(out io.Writer) io.Writer { return screen{out} }

// terminalSize is the size of the terminal out writes to, or 0×0 when it
// cannot say (windowSize draws that as 80×24).
func terminalSize(out io.Writer) (int, int) {
	f, ok := out.(*os.File)
	if !ok {
		return 0, 0
	}
	w, h, err := term.GetSize(f.Fd())
	if err != nil {
		return 0, 0
	}
	return w, h
}

// watchSize sends p the terminal's size each time the window changes, until
// stop is called. Bubble Tea caps nothing here: capSize and windowSize do.
func watchSize(p *tea.Program, out io.Writer) (stop func()) {
	return onSignal(syscall.SIGWINCH, func(<-chan struct{}) { sendSize(p, out) })
}

// onSignal calls handle for each sig that arrives, one at a time, until
// stop is called. handle is given the channel that stop closes, so that a
// handler that waits (for the terminal, after SIGTSTP) stops waiting too.
func onSignal(sig os.Signal, handle func(done <-chan struct{})) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sig)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				handle(done)
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		signal.Stop(ch)
	}
}

// sendSize tells p the terminal's size as it is now.
func sendSize(p *tea.Program, out io.Writer) {
	w, h := terminalSize(out)
	p.Send(tea.WindowSizeMsg{Width: w, Height: h})
}
