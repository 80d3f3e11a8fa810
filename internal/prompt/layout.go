package prompt

import (
	"io"
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/wrap"
)

// focusedPage is the form's huh layout: the focused page alone, as that
// page draws itself. huh's own layout puts a page inside its group's
// viewport, which is one line shorter than it counts and only ever shrinks,
// so that at 40×12 it hid a question's options; every page here fits itself
// to the window instead.
type focusedPage struct{}

func (focusedPage) View(f *huh.Form) string { return f.GetFocusedField().View() }

func (focusedPage) GroupWidth(_ *huh.Form, _ *huh.Group, w int) int { return w }

// block is lines of a page, already wrapped and styled.
type block []string

// styled styles each line on its own, so that a line break never falls
// inside an escape sequence.
func styled(s lipgloss.Style, lines []string) block {
	p := penOf(s)
	out := make(block, len(lines))
	for i, l := range lines {
		out[i] = p.on(l)
	}
	return out
}

// pen is a style as the codes that go before and after a text. The form's
// styles set only colour and weight (no width, padding or alignment), so
// they style any text alike; rendering each line with lipgloss instead
// measured its width, grapheme by grapheme, and cost more than laying the
// whole page out.
type pen struct{ before, after string }

// penMark is a text that no style changes, to find where a style puts its
// codes around a text.
const penMark = "\x00"

var pens sync.Map // lipgloss.Style's rendering of penMark -> pen

// penOf is s as a pen.
func penOf(s lipgloss.Style) pen {
	r := s.Render(penMark)
	if p, ok := pens.Load(r); ok {
		return p.(pen)
	}
	before, after, _ := strings.Cut(r, penMark)
	p := pen{before, after}
	pens.Store(r, p)
	return p
}

func (p pen) on(text string) string {
	if text == "" || p.before == "" && p.after == "" {
		return text
	}
	return p.before + text + p.after
}

// choices draws a page's choices, each wrapped under its mark, with the
// one under the cursor marked (none when cursor is noChoice), and says on
// which lines that one starts and ends.
func choices(st *huh.Styles, w int, texts []string, cursor, most int) (lines block, first, last int) {
	for i, text := range texts {
		mark, style := "  ", st.Focused.UnselectedOption
		if i == cursor {
			mark, style = st.Focused.SelectSelector.Render("> "), st.Focused.SelectedOption
			first = len(lines)
		}
		wrapped := wrap.Words(text, max(w-2, 1))
		if most > 0 {
			wrapped = cutLines(wrapped, max(w-2, 1), most)
		}
		for j, l := range wrapped {
			if j > 0 {
				mark = "  "
			}
			lines = append(lines, mark+style.Render(l))
		}
		if i == cursor {
			last = len(lines) - 1
		}
	}
	return lines, first, last
}

// labelLines is how many lines a label of a set's own may take on a
// question page (the notice after Enter with nothing chosen, an option):
// however long a set writes it, the question and the key hints keep their
// room.
const labelLines = 2

// heldLines is text wrapped to w, held to labelLines lines.
func heldLines(text string, w int) []string {
	return cutLines(wrap.Words(text, w), w, labelLines)
}

// cutLines is lines, of at most w columns, cut to n, the last of them ending
// in an ellipsis when some were cut.
func cutLines(lines []string, w, n int) []string {
	if len(lines) <= n {
		return lines
	}
	if n <= 0 {
		return nil
	}
	lines = slices.Clone(lines[:n])
	lines[n-1] = truncate(lines[n-1]+" …", w)
	return lines
}

// keyBar says which keys do what, wrapped between items so that no item is
// split: full, then the keys every page has (choose, back, stop). In a
// window too narrow for it on one line, the arrows and numbers are shown
// as compact, without their words, which saves a line for the question.
func keyBar(st *huh.Styles, l assess.Labels, w int, full, compact []string) block {
	rest := []string{"enter " + l.Get("key_select"), "shift+tab " + l.Get("key_back"), "esc " + l.Get("key_quit"), plainKey + " " + l.Get("key_plain")}
	lines := packItems(append(full, rest...), w)
	if len(lines) > 1 {
		lines = packItems(append(compact, rest...), w)
	}
	return styled(st.Help.ShortDesc, lines)
}

// packItems joins items with " • " into lines of at most w columns.
func packItems(items []string, w int) []string {
	var lines []string
	line := ""
	for _, it := range items {
		// A key's words from a set are held to one line.
		it = truncate(it, w)
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
// options, the top of the page stays.
func clip(lines []string, height int) string {
	if len(lines) > height {
		lines = lines[:max(height, 1)]
	}
	return strings.Join(lines, "\n")
}

// grant shares room lines among wants, in the order given (the most
// important first): each gets what it wants while there is room, and the
// first that does not fit gets what is left.
func grant(room int, wants ...int) []int {
	got := make([]int, len(wants))
	for i, w := range wants {
		got[i] = max(min(w, room), 0)
		room -= got[i]
	}
	return got
}

// truncate cuts s to w columns, with an ellipsis where it was cut.
func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }

// pageField is what the form's own pages do alike as huh fields: they start with
// nothing to do, have no error of their own, are never skipped or zoomed,
// and cannot run on their own.
type pageField struct{}

func (pageField) Init() tea.Cmd { return nil }
func (pageField) Blur() tea.Cmd { return nil }
func (pageField) Error() error  { return nil }
func (pageField) Run() error    { return errStandalone }
func (pageField) Skip() bool    { return false }
func (pageField) Zoom() bool    { return false }

func (pageField) RunAccessible(io.Writer, io.Reader) error { return errStandalone }

// keyBinds lists a page's keys as huh's help would show them: moving,
// numbers when the page has options to answer with, choosing and going back.
func keyBinds(l assess.Labels, numbers bool) []key.Binding {
	b := []key.Binding{
		key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", l.Get("key_up"))),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", l.Get("key_down"))),
	}
	if numbers {
		b = append(b, key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1 2 3", l.Get("key_number"))))
	}
	return append(b,
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.Get("key_select"))),
		key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("shift+tab", l.Get("key_back"))))
}
