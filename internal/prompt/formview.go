package prompt

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/wrap"
)

// maxFormWidth keeps lines readable on very wide terminals.
const maxFormWidth = 100

// styles are how the form draws each kind of text.
type styles struct {
	title, prompt, cursor, hint, notice ansi.Style
}

// plainStyles use the terminal's own colours: bold, and reverse video for
// the option under the cursor, read well on any background. The form draws
// with them until the terminal says what its background is, and always on a
// terminal of 16 colours or fewer, whose colours iopfit cannot know.
func plainStyles() styles {
	return styles{
		title:  bold(),
		prompt: bold(),
		cursor: bold().Reverse(true),
		notice: bold(),
	}
}

// palette is the colours of one background. Each reaches 4.5:1 contrast
// (WCAG AA) against the backgrounds of its kind; TestContrast checks.
// Its fields are exported only so that the test can find every one.
type palette struct {
	Accent, Chosen, Hint, Notice color.Color
}

var (
	darkPalette = palette{
		Accent: ansi.RGBColor{R: 0x8A, G: 0xB4, B: 0xF8},
		Chosen: ansi.RGBColor{R: 0x81, G: 0xC9, B: 0x95},
		Hint:   ansi.RGBColor{R: 0xBD, G: 0xBD, B: 0xBD},
		Notice: ansi.RGBColor{R: 0xFD, G: 0xD6, B: 0x63},
	}
	lightPalette = palette{
		Accent: ansi.RGBColor{R: 0x1A, G: 0x4E, B: 0x9E},
		Chosen: ansi.RGBColor{R: 0x13, G: 0x6B, B: 0x2F},
		Hint:   ansi.RGBColor{R: 0x50, G: 0x50, B: 0x50},
		Notice: ansi.RGBColor{R: 0x7A, G: 0x3E, B: 0x00},
	}
)

// themeStyles are the styles for a background the terminal reported.
func themeStyles(dark bool, profile colorprofile.Profile) styles {
	if profile < colorprofile.ANSI256 {
		return plainStyles()
	}
	p := lightPalette
	if dark {
		p = darkPalette
	}
	return styles{
		title:  bold().ForegroundColor(p.Accent),
		prompt: bold().ForegroundColor(p.Accent),
		cursor: bold().ForegroundColor(p.Chosen),
		hint:   ansi.Style{}.ForegroundColor(p.Hint),
		notice: bold().ForegroundColor(p.Notice),
	}
}

// block is lines of the page, already wrapped and styled.
type block []string

func styled(s ansi.Style, lines []string) block {
	out := make(block, len(lines))
	for i, l := range lines {
		out[i] = s.Styled(l)
	}
	return out
}

// bold is a new bold style each time: ansi.Style is a slice, and styles
// grown from one shared value could share its array.
func bold() ansi.Style { return ansi.Style{}.Bold() }

func (m *formModel) render() string {
	if m.state != stateAsking {
		return ""
	}
	// The last column stays empty: writing it makes some terminals scroll.
	w := max(min(m.width, maxFormWidth)-1, 1)
	if m.page == len(m.qs) {
		return m.renderReview(w)
	}
	return m.renderQuestion(w)
}

// renderQuestion lays out a question page so that, however small the
// window, the question, its options and the first lines of its help (where
// a question puts what is urgent) stay on screen. What does not fit goes
// first: the blank lines, then the intro, the rest of the help (behind a
// "more" cue), and the key hints.
func (m *formModel) renderQuestion(w int) string {
	q := m.qs[m.page]
	prompt := q.Prompt
	if len(m.qs) > 1 {
		prompt = fmt.Sprintf("(%d/%d) %s", m.page+1, len(m.qs), q.Prompt)
	}
	head := styled(m.st.prompt, wrap.Words(prompt, w))
	opts := m.options(w)
	var notice block
	if m.notice != "" {
		notice = styled(m.st.notice, wrap.Words(m.notice, w))
	}
	help := wrap.Words(q.Help, w)
	first, rest := help, []string(nil)
	if len(help) > 2 {
		first, rest = help[:2], help[2:]
	}
	more := styled(m.st.hint, wrap.Words("▼ "+m.labels.Get("form_more"), w))
	keys := m.keyBar(w, true)
	var intro block
	if m.page == 0 {
		intro = append(intro, m.st.title.Styled(ansi.Truncate(m.title, w, "…")), "")
		intro = append(intro, wrap.Words(m.intro, w)...)
		intro = append(intro, "")
		intro = append(intro, wrap.Words(m.labels.Get("form_hint"), w)...)
		intro = append(intro, "")
	}

	// Fit by priority, then print in reading order.
	room := m.height - len(head) - len(opts) - len(notice) - len(first)
	if len(rest) > 0 {
		room -= len(more)
	}
	take := func(n int) bool {
		if n <= room {
			room -= n
			return true
		}
		return false
	}
	showKeys := take(len(keys))
	showRest := 0
	if len(rest) > 0 {
		if len(rest) <= room+len(more) {
			showRest, room = len(rest), room+len(more)-len(rest)
			more = nil
		} else {
			showRest = max(room, 0)
			room -= showRest
		}
	} else {
		more = nil
	}
	showIntro := take(len(intro))
	if !showIntro && len(intro) > 2 && take(2) {
		// Too short a window for the intro: its title still says what
		// this is.
		intro, showIntro = intro[:2], true
	}
	gapHelp := take(1)
	gapKeys := showKeys && take(1)
	gapHead := take(1)

	var b []string
	if showIntro {
		b = append(b, intro...)
	}
	b = append(b, head...)
	if gapHead {
		b = append(b, "")
	}
	b = append(b, opts...)
	b = append(b, notice...)
	if gapHelp {
		b = append(b, "")
	}
	b = append(b, first...)
	b = append(b, rest[:showRest]...)
	b = append(b, more...)
	if gapKeys {
		b = append(b, "")
	}
	if showKeys {
		b = append(b, keys...)
	}
	return clip(b, m.height)
}

// options draws the three answers, numbered, with the cursor's option marked
// and the rest plain. No option is marked until the person moves the cursor.
func (m *formModel) options(w int) block {
	var b block
	for i, a := range assess.Answers {
		mark, style := "  ", ansi.Style{}
		if m.cursor[m.page] == i {
			mark, style = "> ", m.st.cursor
		}
		lines := wrap.Words(fmt.Sprintf("%d. %s", i+1, m.labels.Option(a)), max(w-2, 1))
		for j, l := range lines {
			if j > 0 {
				mark = "  "
			}
			b = append(b, mark+style.Styled(l))
		}
	}
	return b
}

// renderReview lists the answers, one line each with the answer first so
// that a narrow window cuts the question, never the answer, under the
// choice to show the result.
func (m *formModel) renderReview(w int) string {
	var b []string
	b = append(b, styled(m.st.title, wrap.Words(m.labels.Get("review_title"), w))...)
	b = append(b, "")
	item := func(i int, text string) {
		mark, style := "  ", ansi.Style{}
		if m.review == i {
			mark, style = "> ", m.st.cursor
		}
		b = append(b, mark+style.Styled(ansi.Truncate(text, max(w-2, 1), "…")))
	}
	item(0, m.labels.Get("review_show"))
	for i, q := range m.qs {
		item(i+1, m.labels.Option(m.answers[i])+": "+q.Prompt)
	}
	hint := styled(m.st.hint, wrap.Words(m.labels.Get("review_hint"), w))
	keys := m.keyBar(w, false)
	if len(b)+1+len(hint)+1+len(keys) <= m.height {
		b = append(append(b, ""), hint...)
	}
	if len(b)+1+len(keys) <= m.height {
		b = append(append(b, ""), keys...)
	}
	return clip(b, m.height)
}

// keyBar says which keys do what, wrapped between items so that no item is
// split. In a window too narrow for it on one line, the arrows and numbers
// are shown without their words, which saves a line for the question.
func (m *formModel) keyBar(w int, numbers bool) block {
	l := m.labels
	full := []string{"↑ " + l.Get("key_up"), "↓ " + l.Get("key_down")}
	compact := []string{"↑↓"}
	if numbers {
		full = append(full, "1 2 3 "+l.Get("key_number"))
		compact[0] += " 1 2 3"
	}
	rest := []string{"enter " + l.Get("key_select"), "shift+tab " + l.Get("key_back"), "esc " + l.Get("key_quit")}
	lines := packItems(append(full, rest...), w)
	if len(lines) > 1 {
		lines = packItems(append(compact, rest...), w)
	}
	return styled(m.st.hint, lines)
}

// packItems joins items with " • " into lines of at most w columns.
func packItems(items []string, w int) []string {
	var lines []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case ansi.StringWidth(line)+3+ansi.StringWidth(it) <= w:
			line += " • " + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	lines = append(lines, line)
	for i, ln := range lines {
		lines[i] = ansi.Truncate(ln, w, "…")
	}
	return lines
}

// clip keeps the first height lines: in a window too small for even the
// question and its options, the question stays.
func clip(lines []string, height int) string {
	if len(lines) > height {
		lines = lines[:max(height, 1)]
	}
	return strings.Join(lines, "\n")
}
