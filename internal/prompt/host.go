package prompt

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/testmark"
	"github.com/iopfit/iopfit/internal/wrap"
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
	// frame is the last page drawn, and cursor the line of it where the
	// terminal's cursor goes; stale says it must be drawn again. Bubble
	// Tea asks for a frame after every message, and a key that changes
	// nothing must not cost a layout of the page.
	frame  string
	cursor int
	stale  bool
	// asking is true while the form asks whether to stop and lose the
	// answers given: Esc throws them away only when the person says so.
	asking bool
	// shown is the page last drawn, to repaint the whole window when
	// another page comes: a screen reader then hears the new page whole,
	// top to bottom, not the pieces that differ from the last one.
	shown int
	// clearing is true from a page turn until Bubble Tea has taken the
	// clear that comes with it (clearedMsg), and the frame is blank until
	// then. Bubble Tea skips a frame equal to the one before, and a pending
	// clear with it, and spends the clear on whichever frame it draws next:
	// drawn before the clear was taken, or drawn with it while the new page
	// had yet to come, the new page came as the pieces that differ from the
	// last and was never cleared (under load, one test run in ten side by
	// side). After a blank frame, the new page is drawn whole: on an erased
	// screen, or over a blank one.
	clearing bool
}

// clearedMsg follows a page turn's clear: Bubble Tea handles messages in
// order, so the screen has been erased, and the next frame is drawn whole.
type clearedMsg struct{}

// interrupt tells the host that Ctrl-C was typed. It is safe to call from
// any goroutine.
func (h *host) interrupt() { h.interrupted.Store(true) }

// plainKey switches from the form to plain prompts, on any page.
const plainKey = "p"

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
	testmark.Mark("ask form")
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
		testmark.Mark("unknown")
		h.guard.unknown(string(msg), p.now())
		return h, nil
	case uv.UnknownCsiEvent:
		// How ESC [ M comes when a mouse report's bytes are still to come.
		h.guard.unknown(string(msg), p.now())
		return h, nil
	case tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		// Pasted text is never an answer, nor is what comes with it.
		testmark.Mark("paste")
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
		testmark.Mark("size %dx%d", msg.Width, msg.Height)
		p.resize(msg.Width, msg.Height)
		h.sizeNote()
		return h, nil
	case tea.BackgroundColorMsg:
		p.setBackground(msg.Color)
		return h, nil
	case settledMsg:
		if msg.generation == p.generation {
			p.settled = true
			testmark.Mark("settled %d", p.focus)
		}
		return h, nil
	case escCheckMsg:
		if h.guard.escExpired(p.now()) {
			return h.askStop()
		}
		return h, nil
	case clearedMsg:
		h.clearing = false
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
	testmark.Mark("key %s", k)
	if turnsPage(k) {
		// When, by the form's clock: a test that holds a key down tells the
		// guard's rule from a machine too busy to read repeats on time.
		testmark.Mark("keytime %s %d", k, p.now().UnixMilli())
	}
	if k == "ctrl+c" || k == "ctrl+\\" {
		return h.stop()
	}
	v, esc := h.guard.key(k, p.now())
	switch {
	case esc:
		return h.askStop()
	case v == drop:
		return h, nil
	case v == hold:
		return h, p.after(escWait, escCheckMsg{})
	}
	if h.asking {
		return h.answerStop(k)
	}
	switch {
	case k == "esc":
		return h.askStop()
	case k == "ctrl+z":
		return h, suspendSelf
	case k == plainKey && p.settled && !p.turning && !h.flooding():
		// Plain prompts, for a screen reader: the form ends, keeping the
		// answers given, and the rest are asked line by line.
		testmark.Mark("plain")
		h.stale, p.plain = true, true
		return h, tea.Quit
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
	if h.p.focus != h.shown {
		// Another page: draw it whole, top to bottom, for a screen reader
		// that speaks what is written.
		h.shown, h.clearing = h.p.focus, true
		cmd = tea.Batch(cmd, tea.Sequence(tea.ClearScreen, func() tea.Msg { return clearedMsg{} }))
	}
	return h, cmd
}

// askStop is Esc: it stops at once while nothing is answered, and asks
// first once something is, since stopping throws the answers away.
func (h *host) askStop() (tea.Model, tea.Cmd) {
	if !slices.ContainsFunc(h.p.answers, func(a assess.Answer) bool { return a != "" }) {
		return h.stop()
	}
	testmark.Mark("ask stop")
	h.asking, h.stale = true, true
	return h, nil
}

// answerStop reads the answer to "stop and lose your answers?": y (or s,
// sí) stops; n or Esc goes back to the page; any other key does nothing.
func (h *host) answerStop(k string) (tea.Model, tea.Cmd) {
	switch k {
	case "y", "Y", "s", "S":
		return h.stop()
	case "n", "N", "esc":
		h.asking, h.stale = false, true
	}
	return h, nil
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
	// The form runs on the alternate screen, so that it leaves the person's
	// terminal exactly as it was, whether they finish, stop, or are stopped.
	v.AltScreen = true
	ending := h.p.done || h.p.aborted || h.p.plain
	if h.clearing && !ending {
		// Blank until the page turn's clear is taken (see clearing).
		return v
	}
	if h.stale {
		h.frame, h.stale = "", false
		if !ending {
			h.frame = h.form.View()
			if h.asking {
				h.frame = h.withStopQuestion(h.frame)
			}
		}
		h.cursor = cursorLine(h.frame)
	}
	v.SetContent(h.frame)
	// The terminal's cursor sits on the option chosen, or on the page's
	// first line when none is: a screen reader's "read this line" and a
	// magnifier follow it.
	v.Cursor = tea.NewCursor(0, h.cursor)
	return v
}

// withStopQuestion puts the question whether to stop, whole, on the page's
// last lines, where it is seen whatever the window's size.
func (h *host) withStopQuestion(frame string) string {
	ask := wrap.Words(h.p.labels.Get("form_stop"), h.p.textWidth())
	lines := strings.Split(frame, "\n")
	if keep := h.p.height - len(ask); len(lines) > keep {
		lines = lines[:max(keep, 0)]
	}
	return strings.Join(append(lines, ask...), "\n")
}

// cursorLine is the line of frame where the terminal's cursor belongs: the
// option or item under the form's cursor (marked "> "), else the first
// line with text, the question's.
func cursorLine(frame string) int {
	first := -1
	for i, l := range strings.Split(frame, "\n") {
		plain := ansi.Strip(l)
		if strings.HasPrefix(plain, "> ") {
			return i
		}
		if first < 0 && strings.TrimSpace(plain) != "" {
			first = i
		}
	}
	return max(first, 0)
}
