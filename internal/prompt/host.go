package prompt

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// escCheckMsg comes escWait after an Esc was held.
type escCheckMsg struct{}

// host is the form's Bubble Tea model: the huh form, and what iopfit keeps
// around it. huh's Form is a Bubble Tea model, hosted here rather than run by
// Form.Run, which would own the program: iopfit needs the program for its
// signals, suspend and resume, and the size it draws for. Every message goes
// through host first. It keeps the size and colours (in pages, for every
// page), drops keys that nobody meant (typed before a page settled, while a
// page turns, or pieces of a terminal reply), stops on Esc, Ctrl-C and
// Ctrl-\, and passes the rest to huh.
type host struct {
	form  *huh.Form
	note  *huh.Note // the intro page, nil when the set has no intro
	p     *pages
	guard keyGuard
	// interrupted is set by the terminal's reader as soon as it reads
	// Ctrl-C: the messages of keys typed before it may still be queued,
	// and none of them may be handled first.
	interrupted atomic.Bool
	// floodAt is when (in Unix nanoseconds) the terminal's reader last
	// read more at once than a person types between two reads: see
	// flooding.
	floodAt atomic.Int64
	// frame is the last page drawn; stale says it must be drawn again.
	// Bubble Tea asks for a frame after every message, and a key that
	// changes nothing must not cost a layout of the page.
	frame string
	stale bool
}

// interrupt tells the host that Ctrl-C was typed. It is safe to call from
// any goroutine.
func (h *host) interrupt() { h.interrupted.Store(true) }

// flood tells the host that the terminal's reader just read more bytes at
// once than a person types (see floodBytes). It is safe to call from any
// goroutine.
func (h *host) flood() { h.floodAt.Store(h.p.now().UnixNano()) }

// flooding is true within pasteGap of a flood: keys then were typed ahead
// in bulk, or pasted without a paste's markers, and are no one's answer.
// Dropped before huh sees them, they cost no layout either, so that a
// Ctrl-C behind a hundred thousand of them comes at once.
func (h *host) flooding() bool {
	at := h.floodAt.Load()
	return at != 0 && h.p.now().Sub(time.Unix(0, at)) < pasteGap
}

// formKeys are the keys some page of the form acts on (see question.key,
// question.readKey and review.Update). Any other key is dropped before huh
// sees it: huh lays the page out again for every key it is given.
var formKeys = map[string]bool{
	"1": true, "2": true, "3": true, "enter": true,
	"up": true, "k": true, "down": true, "j": true,
	"shift+tab": true, "left": true,
	"space": true, "pgdown": true, "pgup": true, "b": true,
}

func (h *host) Init() tea.Cmd {
	// Ask the terminal for its background, never waiting: until (unless)
	// it answers, the form uses the terminal's own colours.
	cmds := []tea.Cmd{tea.RequestBackgroundColor, h.form.Init()}
	if h.note != nil && h.p.introFits() {
		// huh's note has no Focus of iopfit's to say it is on screen.
		cmds = append(cmds, h.p.arriveIntro())
	}
	return tea.Batch(cmds...)
}

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	p := h.p
	if h.interrupted.Load() {
		// Stopped: nothing queued counts, and the page is cleared at once.
		// The program ends at the Ctrl-C key itself, which the terminal's
		// reader passes on after every key queued before it (see ttyIn).
		h.stale = h.stale || !p.aborted
		p.aborted = true
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			if msg.String() == "ctrl+c" {
				return h, tea.Quit
			}
		case goneMsg:
			// The terminal went before the Ctrl-C key came through.
			p.gone = msg.err
			return h, tea.Quit
		}
		return h, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return h.key(msg)
	case uv.UnknownEvent:
		h.guard.unknown(string(msg), p.now())
		return h, nil
	case uv.UnknownCsiEvent:
		// How ESC [ M comes when a mouse report's bytes are still to come.
		h.guard.unknown(string(msg), p.now())
		return h, nil
	case tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		// Pasted text is never an answer, nor is what comes with it.
		h.guard.paste(p.now())
		return h, nil
	case tea.MouseMsg, tea.KeyReleaseMsg:
		// A click is never an answer.
		return h, nil
	}
	// Every other message may change what the page shows.
	h.stale = true
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.resize(msg.Width, msg.Height)
		h.sizeNote()
		return h, nil
	case tea.BackgroundColorMsg:
		p.setBackground(msg.Color)
		return h, nil
	case settledMsg:
		if msg.generation == p.generation {
			p.settled = true
		}
		return h, nil
	case escCheckMsg:
		if h.guard.escExpired(p.now()) {
			return h.stop()
		}
		return h, nil
	case tea.ResumeMsg:
		// Back from Ctrl-Z: drop what was typed while away, as on any page
		// just shown.
		return h, p.resettle()
	case goneMsg:
		p.gone = msg.err
		return h, tea.Quit
	}
	return h.forward(msg)
}

// key decides whether a key press reaches the page on screen.
func (h *host) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p, k := h.p, msg.String()
	if k == "ctrl+c" || k == "ctrl+\\" {
		return h.stop()
	}
	v, esc := h.guard.key(k, p.now())
	switch {
	case esc:
		return h.stop()
	case v == drop:
		return h, nil
	case v == hold:
		return h, p.after(escWait, escCheckMsg{})
	}
	switch {
	case k == "esc":
		return h.stop()
	case k == "ctrl+z":
		return h, suspendSelf
	case !p.settled || p.turning || !formKeys[k] || h.flooding():
		return h, nil
	case p.focus == introPage:
		// huh's note turns the page on any key; only Enter means to.
		if k != "enter" {
			return h, nil
		}
		p.turning = true
	}
	return h.forward(msg)
}

// forward gives msg to huh, and ends the program once huh says the form is
// complete (the person chose to see their result).
func (h *host) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	h.stale = true
	_, cmd := h.form.Update(msg)
	if h.form.State == huh.StateCompleted {
		return h, tea.Quit
	}
	if h.note != nil && h.p.focus != introPage && h.form.GetFocusedField() == huh.Field(h.note) {
		// Back on the intro page (Shift+Tab from the first question).
		cmd = tea.Batch(cmd, h.p.arriveIntro())
	}
	return h, cmd
}

func (h *host) stop() (tea.Model, tea.Cmd) {
	h.stale = true
	h.p.aborted = true
	return h, tea.Quit
}

// sizeNote gives huh's note the width of the window: huh sizes its fields
// from the size messages host keeps from it.
func (h *host) sizeNote() {
	if h.note != nil {
		fillNote(h.note, h.p, h.p.intro)
	}
}

func (h *host) View() tea.View {
	var v tea.View
	if h.stale {
		h.frame, h.stale = "", false
		if !h.p.done && !h.p.aborted {
			h.frame = h.form.View()
		}
	}
	v.SetContent(h.frame)
	// The form runs on the alternate screen, so that it leaves the person's
	// terminal exactly as it was, whether they finish, stop, or are stopped.
	v.AltScreen = true
	return v
}
