package prompt

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/wrap"
)

// noChoice is a question's cursor before the person moves it.
const noChoice = -1

// errStandalone is what a page of the form says when huh is asked to run it
// on its own: its state is the form's, and iopfit's plain prompts, not
// huh's accessible mode, ask without the form (huh's turns the end of input
// into a default answer).
var errStandalone = errors.New("a page of iopfit's form runs only inside the form")

// question is one question's page, a huh field of iopfit's own. huh's Select
// cannot be used: its cursor always sits on an option, which Enter and Tab
// take as the answer, and its filter comes back on a page one returns to.
// Here no option is chosen until the person moves the cursor or presses
// 1, 2 or 3, Tab and / do nothing, and the page fits any window: the
// question, its options and the first lines of its help always show, and
// the rest can be read with the space bar.
type question struct {
	pageField
	p     *pages
	i     int
	theme huh.Theme
	// cursor is the option under the cursor, or noChoice.
	cursor int
	// notice is said after Enter with nothing chosen.
	notice string
	// reading shows the whole question and its help, from line offset.
	reading bool
	offset  int
}

func newQuestion(p *pages, i int) *question {
	return &question{p: p, i: i, cursor: noChoice, theme: p.theme()}
}

// Focus is called as the page is shown, again after a choice on the review
// page: the cursor shows the answer already given.
func (q *question) Focus() tea.Cmd {
	q.reading, q.offset, q.notice = false, 0, ""
	for j, a := range q.p.choices {
		if q.p.answers[q.i] == a {
			q.cursor = j
		}
	}
	return q.p.arrive(q.i)
}

func (q *question) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return q, nil
	}
	if q.reading {
		switch k.String() {
		case "1", "2", "3":
			// The person read the question and its help, and answers, as
			// on the page itself.
			q.reading = false
		default:
			q.readKey(k.String())
			return q, nil
		}
	}
	return q, q.key(k.String())
}

// key handles a key on the page. Tab, "/" and every key not named here do
// nothing: no other key may become an answer.
func (q *question) key(k string) tea.Cmd {
	switch k {
	case "down", "j":
		q.cursor = (q.cursor + 1) % len(q.p.choices)
		q.notice = ""
	case "up", "k":
		if q.cursor <= 0 {
			q.cursor = len(q.p.choices)
		}
		q.cursor--
		q.notice = ""
	case "1", "2", "3":
		if n := int(k[0] - '1'); n < len(q.p.choices) {
			q.cursor = n
			return q.choose()
		}
	case "enter":
		if q.cursor == noChoice {
			q.notice = q.p.labels.Get("form_choose")
			if len(q.p.choices) == 2 {
				q.notice = q.p.labels.Get("for_choose")
			}
			return nil
		}
		return q.choose()
	case "shift+tab", "left":
		return q.back()
	case "space", "pgdown":
		if q.layout().cut {
			q.reading, q.offset = true, 0
		}
	}
	return nil
}

// choose records the option under the cursor and turns to the next page:
// the next question, or the review page when this one was opened from it.
func (q *question) choose() tea.Cmd {
	if fieldHook != nil {
		fieldHook()
	}
	q.p.answers[q.i] = q.p.choices[q.cursor]
	q.p.turning = true
	if q.p.noReview && q.i == len(q.p.qs)-1 {
		// The last page of a form without a review: choosing ends it.
		q.p.done = true
	}
	return huh.NextField
}

// back turns to the page before; from a question opened on the review page,
// back to the review, with the answer as it was.
func (q *question) back() tea.Cmd {
	switch {
	case q.p.jump == q.i:
		q.p.turning = true
		return huh.NextField
	case q.i == 0 && !q.p.introShown:
		return nil
	}
	q.p.turning = true
	return huh.PrevField
}

// readKey moves through the whole text, and back to the options at its end.
func (q *question) readKey(k string) {
	lines, _, window := q.readingText()
	last := max(len(lines)-window, 0)
	switch k {
	case "down", "j":
		q.offset = min(q.offset+1, last)
	case "up", "k":
		q.offset = max(q.offset-1, 0)
	case "pgup", "b":
		q.offset = max(q.offset-window, 0)
	case "space", "pgdown":
		if q.offset >= last {
			q.reading = false
			return
		}
		q.offset = min(q.offset+window, last)
	case "enter", "shift+tab", "left":
		q.reading = false
	}
}

// View draws the page when it is on screen, and nothing otherwise: huh
// renders every page as the form starts and each time a page turns, and
// shows only the focused one.
func (q *question) View() string {
	if q.p.focus != q.i {
		return ""
	}
	if q.reading {
		return q.readingView()
	}
	return clip(q.layout().lines, q.p.height)
}

// page is a question page laid out for the window.
type page struct {
	lines []string
	// cut is true when some of the question or its help is not shown.
	cut bool
}

// layout fits the page to the window, keeping its meaning whole whatever
// the window's size. First, each option's first line, the question's first
// line, the help's first line, the rest of the question, the rest of the
// help's first sentence (where a question puts what is urgent, such as
// 988), and a notice; then, as room allows and in this order, the
// options' second lines, the line that says how to read it all (when
// anything is cut), the key hints, the rest of the help, the set's title
// on the first page when there was no room for the intro, and blank lines.
// A text cut short ends in "…". At 30×10 the health question, its options
// and its 988 line are all on screen: the key hints give way first.
func (q *question) layout() page {
	p, st := q.p, q.theme.Theme(false)
	w := p.textWidth()
	prompt := p.qs[q.i].Prompt
	if len(p.qs) > 1 {
		prompt = fmt.Sprintf("(%d/%d) %s", q.i+1, len(p.qs), prompt)
	}
	head := wrap.Words(prompt, w)
	full, tight := q.options(st, w, labelLines), q.options(st, w, 1)
	var notice block
	if q.notice != "" {
		notice = styled(st.Focused.ErrorMessage, heldLines(q.notice, w))
	}
	help := wrap.Words(p.qs[q.i].Help, w)
	first := linesOf(help, assess.FirstSentence(p.qs[q.i].Help))
	keys := q.keys(st, w)
	title := 0
	if q.i == 0 && !p.introShown {
		title = 1
	}

	// Each option's first line, then a line kept for the hint on how to
	// read it all, then the question's first line, the help's first
	// sentence and the rest of the question: however long a set writes its
	// question, the options and the 988 line stay.
	room := p.height - len(notice)
	must := grant(room, len(tight), 1, min(len(head), 1), min(first, 1), max(len(head)-1, 0), max(first-1, 0))
	room -= must[0] + must[2] + must[3] + must[4] + must[5]
	opts := tight
	if extra := len(full) - len(tight); extra <= room-must[1] {
		opts, room = full, room-extra
	}
	shownHead, shownHelp := must[2]+must[4], must[3]+must[5]
	fit := func(room int) []int {
		// keys, rest of help, title, three gaps
		return grant(room, len(keys), len(help)-shownHelp, title, 1, 1, 1)
	}
	g := fit(room)
	cut := shownHead < len(head) || shownHelp+g[1] < len(help) || len(opts) < len(full)
	var more block
	if cut {
		more = styled(st.Help.ShortDesc, wrap.Words("▼ "+p.labels.Get("form_more"), w))
		more = more[:min(len(more), max(room, 0))]
		g = fit(room - len(more))
	}
	shownHelp += g[1]

	var b []string
	if g[2] > 0 {
		b = append(b, st.Focused.Title.Render(truncate(p.title, w)))
	}
	b = append(b, styled(st.Focused.Title, cutLines(head, w, shownHead))...)
	if g[3] > 0 {
		b = append(b, "")
	}
	b = append(b, opts[:min(len(opts), must[0]+len(opts)-len(tight))]...)
	b = append(b, notice...)
	if g[4] > 0 && shownHelp > 0 {
		b = append(b, "")
	}
	b = append(b, styled(st.Focused.Description, cutLines(help, w, shownHelp))...)
	b = append(b, more...)
	if g[0] > 0 {
		if g[5] > 0 {
			b = append(b, "")
		}
		b = append(b, keys[:g[0]]...)
	}
	return page{lines: b, cut: cut}
}

// linesOf is how many of lines, wrapped from a text, hold its beginning
// prefix: the lines to show for a text's first sentence to be read whole.
func linesOf(lines []string, prefix string) int {
	want := len(strings.Fields(prefix))
	words := 0
	for i, l := range lines {
		words += len(strings.Fields(l))
		if words >= want {
			return i + 1
		}
	}
	return len(lines)
}

// options draws the answers (three, or the two of the first page that
// asks who the check is for), numbered, with the option under the
// cursor marked, each held to most lines. No option is marked until the
// person moves the cursor.
func (q *question) options(st *huh.Styles, w, most int) block {
	var texts []string
	for i, a := range q.p.choices {
		texts = append(texts, fmt.Sprintf("%d. %s", i+1, q.p.qs[q.i].Option(q.p.labels, a)))
	}
	lines, _, _ := choices(st, w, texts, q.cursor, most)
	return lines
}

func (q *question) keys(st *huh.Styles, w int) block {
	l := q.p.labels
	digits := "1 2 3"
	if len(q.p.choices) == 2 {
		digits = "1 2"
	}
	full := []string{"↑ " + l.Get("key_up"), "↓ " + l.Get("key_down"), digits + " " + l.Get("key_number")}
	return keyBar(st, l, w, full, []string{"↑↓ " + digits})
}

// readingText is the whole question and its help, the lines that say
// which keys move through it, and how many of the text's lines fit above.
func (q *question) readingText() (lines, hint []string, window int) {
	st, w := q.theme.Theme(false), q.p.textWidth()
	lines = styled(st.Focused.Title, wrap.Words(q.p.qs[q.i].Prompt, w))
	lines = append(lines, "")
	lines = append(lines, styled(st.Focused.Description, wrap.Words(q.p.qs[q.i].Help, w))...)
	label := "form_read"
	if q.atEnd(len(lines), q.p.height-1) {
		label = "form_read_end"
	}
	hint = styled(st.Help.ShortDesc, wrap.Words(q.p.labels.Get(label), w))
	return lines, hint, max(q.p.height-len(hint), 1)
}

// atEnd is true when the text's last line, of n, is on screen with window
// lines shown: the space bar then goes back to the answers.
func (q *question) atEnd(n, window int) bool {
	return q.offset+max(window, 1) >= n
}

func (q *question) readingView() string {
	lines, hint, window := q.readingText()
	q.offset = min(q.offset, max(len(lines)-window, 0))
	shown := append([]string{}, lines[q.offset:min(q.offset+window, len(lines))]...)
	return clip(append(shown, hint...), q.p.height)
}

// KeyBinds lists the page's keys, as huh's help would show them.
func (q *question) KeyBinds() []key.Binding { return keyBinds(q.p.labels, true) }

func (q *question) WithTheme(t huh.Theme) huh.Field { q.theme = t; return q }

// WithKeyMap, WithWidth and WithHeight are huh's, for its own fields: the
// keys here are iopfit's (no default may become an answer), and the size is
// the window's, which every page shares.
func (q *question) WithKeyMap(*huh.KeyMap) huh.Field         { return q }
func (q *question) WithWidth(int) huh.Field                  { return q }
func (q *question) WithHeight(int) huh.Field                 { return q }
func (q *question) WithPosition(huh.FieldPosition) huh.Field { return q }

func (q *question) GetKey() string { return q.p.qs[q.i].ID }

// GetValue is the answer chosen, or nil before there is one.
func (q *question) GetValue() any {
	if a := q.p.answers[q.i]; a != "" {
		return a
	}
	return nil
}
