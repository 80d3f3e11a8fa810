package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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

// settle is how long a page must have been on screen before a key counts
// on it. Keys typed ahead, or left over from the page before, would
// otherwise answer a question nobody has read; a person reads for longer.
const settle = 200 * time.Millisecond

// fallbackCols and fallbackRows are the size used when the terminal reports
// none (0×0: some containers, serial consoles, script).
const fallbackCols, fallbackRows = 80, 24

// fieldHook runs inside the form's event loop when an answer is chosen. Only
// test builds set it (see testhook.go), to prove how a panic there ends.
var fieldHook func()

// Form asks a person the questions that are still unanswered, one per page,
// then shows the answers for review. It never chooses for them: a question
// appears with no option chosen, Enter with nothing chosen only says how to
// choose, and keys typed before a page is on screen are dropped.
type Form struct {
	m   *formModel
	fio FormIO
}

// NewForm makes the form for the questions ids of set, in that order.
func NewForm(set *assess.Set, ids []string, fio FormIO) (*Form, error) {
	m := &formModel{
		labels:  set.Labels,
		title:   set.Title,
		intro:   set.Intro,
		answers: make([]assess.Answer, len(ids)),
		cursor:  make([]int, len(ids)),
		profile: fio.Profile,
		width:   fallbackCols,
		height:  fallbackRows,
	}
	for i, id := range ids {
		q, ok := set.Question(id)
		if !ok {
			return nil, &assess.UnknownQuestionError{ID: id}
		}
		m.qs = append(m.qs, q)
		m.cursor[i] = noChoice
	}
	m.st = plainStyles()
	return &Form{m: m, fio: fio}, nil
}

// Run runs the form until the person confirms their answers, stops it, or
// ctx ends. It returns only answers the person chose.
func (f *Form) Run(ctx context.Context) (map[string]assess.Answer, error) {
	p := tea.NewProgram(f.m,
		tea.WithContext(ctx),
		tea.WithInput(f.fio.In),
		tea.WithOutput(f.fio.Out),
		tea.WithEnvironment(f.fio.Environ),
		tea.WithColorProfile(f.fio.Profile),
		// iopfit handles the signals in one place (see internal/cli).
		tea.WithoutSignalHandler(),
		// Bubble Tea writes nothing until its first frame tick; at 120
		// frames a second the first question appears, and each key press
		// shows, 8 ms sooner than at the default 60.
		tea.WithFPS(120),
	)
	stopRelay := relaySuspend(p, f.fio.In)
	_, err := p.Run()
	stopRelay()
	m := f.m
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return nil, errFormCrashed
	case ctx.Err() != nil:
		return nil, context.Cause(ctx)
	case err != nil:
		// Bubble Tea stopped the program itself, as it does when it cannot
		// read the terminal.
		return nil, &i18n.Error{Msg: i18n.M("prompt.unexpected", err), Err: err}
	case m.state == stateAborted:
		return nil, ErrCancelled
	case m.state != stateDone:
		return nil, errors.New("the form ended before it was finished")
	}
	got := make(map[string]assess.Answer, len(m.qs))
	for i, q := range m.qs {
		if m.answers[i] == "" {
			return nil, fmt.Errorf("the form returned no answer for %s", q.ID)
		}
		got[q.ID] = m.answers[i]
	}
	return got, nil
}

var errFormCrashed = i18n.Errorf("prompt.crashed")

// noChoice is a question's cursor before the person moves it.
const noChoice = -1

type formState int

const (
	stateAsking formState = iota
	stateDone
	stateAborted
)

// formModel is the form's Bubble Tea model. Pages 0 to len(qs)-1 are the
// questions; page len(qs) is the review.
type formModel struct {
	labels     assess.Labels
	title      string
	intro      string
	qs         []*assess.Question
	answers    []assess.Answer
	cursor     []int
	page       int
	review     int  // the review page's cursor: 0 shows the result, i+1 is question i
	fromReview bool // a question opened from the review page returns there
	notice     string
	width      int
	height     int
	profile    colorprofile.Profile
	st         styles
	state      formState
	settled    bool
	generation int // which showing of a page the settle tick belongs to
}

// settledMsg says the page of a generation has been on screen for settle.
type settledMsg struct{ generation int }

func (m *formModel) settleCmd() tea.Cmd {
	m.settled = false
	m.generation++
	g := m.generation
	return tea.Tick(settle, func(time.Time) tea.Msg { return settledMsg{g} })
}

func (m *formModel) Init() tea.Cmd {
	// Ask the terminal for its background, never waiting: until (unless)
	// it answers, the form uses the terminal's own colours.
	return tea.Batch(tea.RequestBackgroundColor, m.settleCmd())
}

func (m *formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width <= 0 || msg.Height <= 0 {
			// Bubble Tea's renderer draws nothing at 0×0. A size message of
			// our own resizes it too, on its way back to this model.
			return m, func() tea.Msg { return tea.WindowSizeMsg{Width: fallbackCols, Height: fallbackRows} }
		}
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.st = themeStyles(msg.IsDark(), m.profile)
	case settledMsg:
		if msg.generation == m.generation {
			m.settled = true
		}
	case tea.ResumeMsg:
		// Back from Ctrl-Z: drop what was typed while away, as on any page
		// just shown.
		return m, m.settleCmd()
	case tea.KeyPressMsg:
		return m.key(msg.String())
	}
	return m, nil
}

// key handles one key press.
func (m *formModel) key(k string) (tea.Model, tea.Cmd) {
	switch k {
	case "ctrl+c", "esc", "ctrl+\\":
		m.state = stateAborted
		return m, tea.Quit
	case "ctrl+z":
		return m, suspendSelf
	}
	if !m.settled {
		return m, nil
	}
	if m.page == len(m.qs) {
		return m.reviewKey(k)
	}
	return m.questionKey(k)
}

func (m *formModel) questionKey(k string) (tea.Model, tea.Cmd) {
	c := &m.cursor[m.page]
	switch k {
	case "down", "j":
		*c = (*c + 1) % len(assess.Answers)
		m.notice = ""
	case "up", "k":
		if *c <= 0 {
			*c = len(assess.Answers)
		}
		*c--
		m.notice = ""
	case "1", "2", "3":
		*c = int(k[0] - '1')
		return m, m.choose()
	case "enter":
		if *c == noChoice {
			m.notice = m.labels.Get("form_choose")
			return m, nil
		}
		return m, m.choose()
	case "shift+tab", "left":
		return m, m.back()
	}
	// Tab, "/" and every other key do nothing: no key but the ones above
	// may become an answer.
	return m, nil
}

// choose records the option under the cursor and moves on: to the next
// question, or back to the review when the question was opened from it.
func (m *formModel) choose() tea.Cmd {
	if fieldHook != nil {
		fieldHook()
	}
	m.answers[m.page] = assess.Answers[m.cursor[m.page]]
	m.notice = ""
	if m.fromReview {
		m.fromReview = false
		m.page = len(m.qs)
	} else {
		m.page++
	}
	if m.page == len(m.qs) {
		m.review = 0
	}
	return m.settleCmd()
}

func (m *formModel) back() tea.Cmd {
	if m.page == 0 {
		return nil
	}
	m.fromReview = false
	m.notice = ""
	m.page--
	return m.settleCmd()
}

func (m *formModel) reviewKey(k string) (tea.Model, tea.Cmd) {
	n := len(m.qs) + 1
	switch k {
	case "down", "j":
		m.review = (m.review + 1) % n
	case "up", "k":
		m.review = (m.review + n - 1) % n
	case "enter":
		if m.review == 0 {
			m.state = stateDone
			return m, tea.Quit
		}
		m.page = m.review - 1
		m.fromReview = true
		return m, m.settleCmd()
	case "shift+tab", "left":
		return m, m.back()
	}
	return m, nil
}

func (m *formModel) View() tea.View {
	v := tea.NewView(m.render())
	// The form runs on the alternate screen, so that it leaves the person's
	// terminal exactly as it was, whether they finish, stop, or are stopped.
	v.AltScreen = true
	return v
}
