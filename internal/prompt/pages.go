package prompt

import (
	"image/color"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/testmark"
)

// settle is how long a page must have been on screen before a key counts
// on it. Keys typed ahead, or left over from the page before, would
// otherwise answer a question nobody has read; a person reads for longer.
const settle = 200 * time.Millisecond

// The window the form draws for. A terminal that reports 0×0 (some
// containers, serial consoles, script) is drawn as 80×24, and a huge one as
// if it were 200×100: the renderer keeps a cell for every character of the
// window, and 8000×8000 would take gigabytes.
const (
	fallbackCols, fallbackRows = 80, 24
	maxCols, maxRows           = 200, 100
)

// maxFormWidth keeps lines readable on wide terminals.
const maxFormWidth = 100

// introPage is the focus while the intro is on screen.
const introPage = -1

// pages is what every page of the form shares. huh gives size and colour
// messages to the focused page alone (some of them twice) and renders every
// page up front, before any answer exists, so the window, the styles, the
// answers and which page is on screen live here, once, kept by the host.
type pages struct {
	labels assess.Labels
	title  string
	intro  string
	// introShort is the intro's key facts, for a window too small for it.
	introShort string
	qs         []*assess.Question
	// answers holds what the person chose, by question; "" until then.
	answers []assess.Answer
	// choices are the answers each page offers, in order: the three, or
	// for "Who is this check for?" two. noReview is true for that form,
	// which ends at its one choice, with no review page.
	choices  []assess.Answer
	noReview bool

	width, height int
	profile       colorprofile.Profile
	styles        *huh.Styles

	// focus is the page on screen: introPage, a question's index, or
	// len(qs) for the review.
	focus int
	// settled turns true settle after a page is shown; generation says
	// which showing a settle timer belongs to.
	settled    bool
	generation int
	// turning is true from a choice until the next page has focus: huh
	// turns pages through messages, and a key typed in between would reach
	// the page just left.
	turning bool
	// introShown is true once the intro page has been on screen; noteHeight
	// is how tall it is at the window's width.
	introShown bool
	noteHeight int
	// jump is the question opened from the review page, or -1. While it is
	// set, every other question page is hidden, so that huh's next and
	// previous page lead from the review to it and back.
	jump int

	// done, aborted and save say how the form ended: the person asked for
	// their result (and to keep a copy of it), or stopped.
	done, aborted, save bool
	// plain is true when the person asked for plain prompts instead.
	plain bool
	// gone is why the terminal could no longer be read, if it went away.
	gone error

	// after and now are time, so that the in-process tests can run it.
	after func(time.Duration, tea.Msg) tea.Cmd
	now   func() time.Time
}

// settledMsg says the page of a generation has been on screen for settle.
type settledMsg struct{ generation int }

// textWidth is the width text is wrapped to. The last column stays empty:
// writing it makes some terminals scroll.
func (p *pages) textWidth() int {
	return max(min(p.width, maxFormWidth)-1, 1)
}

// resize takes the window's new size, as the form draws for it.
func (p *pages) resize(w, h int) {
	p.width, p.height = windowSize(w, h)
}

// windowSize is the size the form draws for, in a window of w×h.
func windowSize(w, h int) (int, int) {
	if w <= 0 || h <= 0 {
		return fallbackCols, fallbackRows
	}
	return min(w, maxCols), min(h, maxRows)
}

// setBackground builds the styles for the background the terminal reported.
func (p *pages) setBackground(bg color.Color) {
	p.styles = newStyles(bg, p.profile)
}

// arrive records that page is now on screen, and starts its settle time.
func (p *pages) arrive(page int) tea.Cmd {
	p.focus = page
	p.turning = false
	if page == len(p.qs) {
		p.jump = -1
	}
	return p.resettle()
}

// resettle drops keys for settle from now, as on a page just shown.
func (p *pages) resettle() tea.Cmd {
	p.settled = false
	p.generation++
	testmark.Mark("page %d", p.focus)
	return p.after(settle, settledMsg{p.generation})
}

// hidden says whether question page i is skipped by huh's next and
// previous page: while a question opened from the review is asked, all
// the others are.
func (p *pages) hidden(i int) bool {
	return p.jump >= 0 && p.jump != i
}

// theme is huh's theme for the form: the styles for the background the
// terminal reported, built once each time it reports one.
func (p *pages) theme() huh.Theme {
	return huh.ThemeFunc(func(bool) *huh.Styles { return p.styles })
}
