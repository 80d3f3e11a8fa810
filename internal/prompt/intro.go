package prompt

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/wrap"
)

// The intro page is huh's own note: the set's title, its intro (what IOP and
// residential care are, that nothing is saved) and how to answer, with a
// button to start. It is shown before the first question when the window
// has room for all of it, and skipped when not: the first question then
// shows the set's title.

// newNote makes the intro page.
func newNote(p *pages) *huh.Note {
	n := huh.NewNote().Next(true).NextLabel(p.labels.Get("intro_start"))
	return n
}

// fillNote sets the note's text for the window's width. iopfit wraps it
// itself, at spaces only (huh's wrap also breaks at hyphens, which would
// split a phone number), and escapes the characters huh's note reads as
// markup, so that the text shows exactly as written. When the page would
// not fit the window, it goes without its blank lines before it is left out.
func fillNote(n *huh.Note, p *pages, intro string) {
	w := p.textWidth()
	// The intro and the full key hint; then, in a smaller window, the
	// intro's key facts and the short hint, so that what IOP is, that
	// nothing is saved, how to answer and where to turn in a crisis are
	// read before the first question even at 40×12.
	type text struct{ intro, hint string }
	texts := []text{{intro, p.labels.Get("form_hint")}}
	if p.introShort != "" {
		texts = append(texts, text{p.introShort, p.labels.Get("form_hint_short")})
	}
	for _, t := range texts {
		if fillNoteWith(n, p, w, t.intro, t.hint) {
			return
		}
	}
}

// fillNoteWith sets the note's text to intro and hint, with blank lines
// between them and the title when they fit, and says whether the page fits
// the window.
func fillNoteWith(n *huh.Note, p *pages, w int, intro, hint string) bool {
	for _, tight := range []bool{false, true} {
		var desc []string
		for _, para := range []string{intro, hint} {
			if len(desc) > 0 && !tight {
				desc = append(desc, "")
			}
			desc = append(desc, wrap.Words(para, w)...)
		}
		title := strings.Join(wrap.Words(p.title, w), "\n")
		if !tight {
			title += "\n"
		}
		n.Title(title)
		n.Description(noteEscaper.Replace(strings.Join(desc, "\n")))
		n.WithWidth(w)
		if p.noteHeight = lipgloss.Height(n.View()); p.noteHeight <= p.height {
			return true
		}
	}
	return false
}

// noteEscaper escapes what huh's note would turn into italics, bold or a
// code block.
var noteEscaper = strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`")

// introFits is true when the whole intro page fits the window.
func (p *pages) introFits() bool {
	return p.noteHeight > 0 && p.noteHeight <= p.height
}

// arriveIntro records that the intro page is on screen.
func (p *pages) arriveIntro() tea.Cmd {
	p.introShown = true
	return p.arrive(introPage)
}

// IntroFits reports whether set's intro page fits a window of w×h, as the
// form draws it: where it does not, the form begins with the first
// question, and the intro is not seen.
func IntroFits(set *assess.Set, w, h int) bool {
	f, err := NewForm(set, set.IDs(), FormIO{}, true)
	if err != nil || f.h.note == nil {
		return false
	}
	f.h.p.resize(w, h)
	fillNote(f.h.note, f.h.p, f.h.p.intro)
	return f.h.p.introFits()
}

// QuestionPage is the text of question i's page of set, as the form draws
// it at w×h with nothing chosen yet: for the content's contract tests,
// which hold a question's meaning whole at every size.
func QuestionPage(set *assess.Set, i, w, h int) (string, error) {
	f, err := NewForm(set, set.IDs(), FormIO{}, true)
	if err != nil {
		return "", err
	}
	p := f.h.p
	p.resize(w, h)
	p.focus = i
	return ansi.Strip(newQuestion(p, i).View()), nil
}
