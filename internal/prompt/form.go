package prompt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// FormIO is what a form draws on and reads from. In and Out must be the
// terminal: iopfit decides that a person is there before it builds a form.
type FormIO struct {
	In  io.Reader
	Out io.Writer
	// Environ is the environment the form's program sees.
	Environ []string
	// Profile is the colours the terminal shows. Given, it spares Bubble Tea
	// detecting them again.
	Profile colorprofile.Profile
}

// fieldHook runs inside the form's event loop when an answer is chosen. Only
// test builds set it (see testhook.go), to prove how a panic there ends.
var fieldHook func()

// Given is what the person gave the form.
type Given struct {
	Answers map[string]assess.Answer
	// Save is true when they chose to keep a copy of their result.
	Save bool
	// Plain is true when they asked, in the form, for plain prompts: the
	// questions Answers lacks are to be asked that way.
	Plain bool
}

// Form asks a person the questions that are still unanswered, one per page,
// then shows the answers for review. It is a huh form: the intro is huh's
// note, and each question and the review are fields of iopfit's own (see
// question and review for why), one group per page. It never chooses for
// the person: a question appears with no option chosen, Enter with nothing
// chosen only says how to choose, and keys typed before a page is on screen,
// or sent by the terminal rather than typed, are dropped.
type Form struct {
	h   *host
	fio FormIO
}

// NewForm makes the form for the questions ids of set, in that order.
// Without the intro, it starts at the first question: the intro was on
// screen already, before "Who is this check for?" (NewWhoForm).
func NewForm(set *assess.Set, ids []string, fio FormIO, withIntro bool) (*Form, error) {
	var qs []*assess.Question
	for _, id := range ids {
		q, ok := set.Question(id)
		if !ok {
			return nil, &assess.UnknownQuestionError{ID: id}
		}
		qs = append(qs, q)
	}
	intro := ""
	if withIntro {
		intro = set.Intro
	}
	return newForm(set, intro, qs, assess.Answers, fio), nil
}

// NewWhoForm makes the form that shows the set's intro and then asks "Who
// is this check for?": Me, or Someone I care about. It has the pages'
// rules (nothing chosen for the person, keys before a page settles
// dropped) and ends at the choice; Who reads it.
func NewWhoForm(set *assess.Set, fio FormIO) *Form {
	l := set.Labels
	q := &assess.Question{
		ID: whoID, Prompt: l.Get("for_question"), Help: l.Get("for_help"),
		Options: map[assess.Answer]string{assess.Yes: l.Get(whoLabel(assess.ForMe)), assess.No: l.Get(whoLabel(assess.ForSomeone))},
	}
	return newForm(set, set.Intro, []*assess.Question{q}, []assess.Answer{assess.Yes, assess.No}, fio)
}

// whoID is the key of the answer to "Who is this check for?".
const whoID = "for"

// Who reads the perspective from what NewWhoForm's form gave.
func (g Given) Who() (assess.Perspective, bool) {
	switch g.Answers[whoID] {
	case assess.Yes:
		return assess.ForMe, true
	case assess.No:
		return assess.ForSomeone, true
	}
	return "", false
}

// newForm makes a form of the pages qs, each offering choices, after the
// intro when there is one, and then a review page unless there is only the
// one page of "Who is this check for?".
func newForm(set *assess.Set, intro string, qs []*assess.Question, choices []assess.Answer, fio FormIO) *Form {
	p := &pages{
		labels: set.Labels, title: set.Title, intro: intro, introShort: set.IntroShort,
		profile: fio.Profile, jump: -1, focus: introPage,
		after: tick, now: time.Now,
		qs: qs, choices: choices, noReview: len(choices) < len(assess.Answers),
	}
	p.answers = make([]assess.Answer, len(p.qs))
	p.resize(terminalSize(fio.Out))
	p.setBackground(nil)

	h := &host{p: p, stale: true}
	var groups []*huh.Group
	if p.intro != "" {
		// Its text goes in once its group is made: huh's group draws its
		// fields as it is made, and the note's text is the costliest to draw.
		h.note = newNote(p)
		// The form's theme, before the note is measured: huh's default
		// theme draws it with a border, narrower and taller, and a note
		// measured so would be left out of a window it fits.
		h.note.WithTheme(p.theme())
		groups = append(groups, huh.NewGroup(h.note).WithHideFunc(func() bool {
			return p.jump >= 0 || !p.introFits()
		}))
		fillNote(h.note, p, p.intro)
	}
	for i := range p.qs {
		groups = append(groups, huh.NewGroup(newQuestion(p, i)).WithHideFunc(func() bool { return p.hidden(i) }))
	}
	if !p.noReview {
		groups = append(groups, huh.NewGroup(newReview(p)))
	}
	h.form = huh.NewForm(groups...).
		WithTheme(p.theme()).
		WithLayout(focusedPage{}).
		WithShowHelp(false).
		WithShowErrors(false).
		// huh's form reads TERM=dumb as a reason for its accessible mode;
		// iopfit has chosen the form already (dumb terminals get iopfit's
		// plain prompts), so it must not switch.
		WithAccessible(false)
	return &Form{h: h, fio: fio}
}

// Run runs the form until the person confirms their answers, stops it, or
// ctx ends. It returns only answers the person chose.
func (f *Form) Run(ctx context.Context) (Given, error) {
	var prog *tea.Program
	p := tea.NewProgram(f.h,
		tea.WithContext(ctx),
		tea.WithInput(watchInput(f.fio.In, inputWatch{
			gone: func(err error) { prog.Send(goneMsg{err}) },
			// The flag stops the form at its next message, however many
			// keys are queued before the Ctrl-C.
			interrupt: f.h.interrupt,
			flood:     f.h.flood,
		})),
		// Bubble Tea sizes its screen from the terminal it writes to. Given
		// a writer it cannot ask, it draws at the size iopfit gives it,
		// capped at maxCols×maxRows (see watchSize).
		tea.WithOutput(screenOf(f.fio.Out)),
		tea.WithWindowSize(f.h.p.width, f.h.p.height),
		tea.WithFilter(capSize),
		tea.WithEnvironment(f.fio.Environ),
		tea.WithColorProfile(f.fio.Profile),
		// iopfit handles the signals in one place (see internal/cli).
		tea.WithoutSignalHandler(),
		// Bubble Tea writes nothing until its first frame tick; at 120
		// frames a second the first page appears, and each key press
		// shows, 8 ms sooner than at the default 60.
		tea.WithFPS(120),
	)
	prog = p
	// A program that crashed may have left the terminal reporting the
	// mouse: each click would come as bytes that look like keys.
	_, _ = io.WriteString(f.fio.Out, mouseOff)
	stopSize := watchSize(p, f.fio.Out)
	stopRelay := relaySuspend(p, f.fio.In, f.fio.Out)
	_, err := p.Run()
	stopRelay()
	stopSize()
	st := f.h.p
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return Given{}, errFormCrashed
	case ctx.Err() != nil:
		return Given{}, context.Cause(ctx)
	case st.gone != nil:
		return Given{}, &GoneError{Err: st.gone}
	case err != nil:
		return Given{}, &i18n.Error{Msg: i18n.M("prompt.unexpected", err), Err: err}
	case st.aborted:
		return Given{}, ErrCancelled
	case st.plain:
		// The answers given so far are kept; plain prompts ask the rest.
		got := map[string]assess.Answer{}
		for i, q := range st.qs {
			if st.answers[i] != "" {
				got[q.ID] = st.answers[i]
			}
		}
		return Given{Answers: got, Plain: true}, nil
	case !st.done:
		return Given{}, errors.New("the form ended before it was finished")
	}
	got := make(map[string]assess.Answer, len(st.qs))
	for i, q := range st.qs {
		if st.answers[i] == "" {
			return Given{}, fmt.Errorf("the form returned no answer for %s", q.ID)
		}
		got[q.ID] = st.answers[i]
	}
	return Given{Answers: got, Save: st.save}, nil
}

var errFormCrashed = i18n.Errorf("prompt.crashed")

// mouseOff turns off every kind of mouse reporting (X10, normal, button and
// any-event tracking).
var mouseOff = ansi.ResetMode(ansi.ModeMouseX10, ansi.ModeMouseNormal, ansi.ModeMouseButtonEvent, ansi.ModeMouseAnyEvent)

// goneMsg says a read of the terminal failed or ended.
type goneMsg struct{ err error }

// ttyIn is the terminal the form reads, telling gone the first time a read
// fails or ends. A terminal in raw mode never ends of itself (Ctrl-D is a
// byte like any other), so the end of its input, or an I/O error, means it
// went away. Bubble Tea's reader takes the end of input as the end of its
// reading and then waits for keys that never come; this is how the form
// learns of it instead. It stays an *os.File underneath, so that Bubble Tea
// still puts the terminal in raw mode and can cancel its reads.
//
// It also sees Ctrl-C as the byte the terminal sends (0x03), which no reply
// or key sequence contains, as soon as it reads it: the form stops then,
// whatever is queued before it. Bubble Tea's reader swallows every key
// after the start of a paste until the paste ends, and a start that never
// ends (a crafted paste) would otherwise leave no way to stop.
//
// And it drops the text of pastes (see pasteFilter), which Bubble Tea's
// reader would otherwise keep without bound.
type ttyIn struct {
	*os.File
	once   sync.Once
	watch  inputWatch
	pastes pasteFilter
	raw    []byte
}

func (t *ttyIn) Read(b []byte) (int, error) {
	// Room is kept for a paste's end marker, which the filter may write
	// whole when its first bytes came in the read before. Bubble Tea reads
	// kilobytes at a time; a buffer too small for that is read unfiltered.
	room := len(b) - len(pasteEnd)
	if room < 1 {
		n, err := t.File.Read(b)
		t.check(b[:n], err)
		return n, err
	}
	if len(t.raw) < room {
		t.raw = make([]byte, room)
	}
	n, err := t.File.Read(t.raw[:room])
	if t.check(t.raw[:n], err) {
		// The form stopped at the interrupt; it ends the program at the
		// Ctrl-C key, which comes after every key queued before it. Only
		// that key is passed on (after the end of a paste that never
		// ended, inside which Bubble Tea would swallow it): ending the
		// program while keys were still on their way into it would hold
		// its exit up for half a second, as its reader waits that long for
		// a key nobody takes.
		w := 0
		if t.pastes.inPaste {
			w = copy(b, pasteEnd)
			t.pastes = pasteFilter{}
		}
		b[w] = ctrlC
		return w + 1, err
	}
	return t.pastes.filter(b, t.raw[:n]), err
}

// check looks at what a read of the terminal gave: Ctrl-C in it, a flood,
// or its failure. It returns true when the read held Ctrl-C.
func (t *ttyIn) check(read []byte, err error) (interrupted bool) {
	if bytes.IndexByte(read, ctrlC) >= 0 {
		t.watch.interrupt()
		interrupted = true
	}
	if len(read) >= floodBytes {
		t.watch.flood()
	}
	if err != nil {
		t.once.Do(func() { t.watch.gone(err) })
	}
	return interrupted
}

// ctrlC is the byte a terminal in raw mode sends for Ctrl-C.
const ctrlC = 0x03

// inputWatch is what the terminal's reader tells: that a read failed or
// ended (gone), that Ctrl-C was typed (interrupt), and that a read brought
// more than a person types at once (flood).
type inputWatch struct {
	gone      func(error)
	interrupt func()
	flood     func()
}

// watchInput is in, telling w what it sees.
func watchInput(in io.Reader, w inputWatch) io.Reader {
	if f, ok := in.(*os.File); ok {
		return &ttyIn{File: f, watch: w}
	}
	return in
}

// floodBytes is more than a person types between two reads of the
// terminal: the reader waits for each key, and a key is at most a few
// bytes. Terminal replies are longer, but are no keys either.
const floodBytes = 64

// tick is msg after d, as Bubble Tea's timers give it.
func tick(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// capSize draws a window of any size as windowSize says, for the size
// messages Bubble Tea reads itself (from a Windows console).
func capSize(_ tea.Model, msg tea.Msg) tea.Msg {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		ws.Width, ws.Height = windowSize(ws.Width, ws.Height)
		return ws
	}
	return msg
}
