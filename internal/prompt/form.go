package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
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

// theme is built once. Without an explicit theme, huh rebuilds its default
// on every render, which costs several milliseconds a frame.
var theme = sync.OnceValue(func() huh.Theme {
	dark := sync.OnceValue(func() *huh.Styles { return huh.ThemeCharm(true) })
	light := sync.OnceValue(func() *huh.Styles { return huh.ThemeCharm(false) })
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		if isDark {
			return dark()
		}
		return light()
	})
})

// keyMap adds Esc to the keys that stop the form (a person who wants out
// should not need to know Ctrl-C), and says the keys in the set's words.
func keyMap(labels assess.Labels) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "quit"))
	// Three options need no search box; "/" would only confuse.
	km.Select.Filter.SetEnabled(false)
	km.Select.Up.SetHelp("↑", labels.Get("key_up"))
	km.Select.Down.SetHelp("↓", labels.Get("key_down"))
	km.Select.Next.SetHelp("enter", labels.Get("key_select"))
	km.Select.Submit.SetHelp("enter", labels.Get("key_select"))
	km.Select.Prev.SetHelp("shift+tab", labels.Get("key_back"))
	return km
}

// fieldHook runs inside the form's event loop when a field is validated. Only
// test builds set it (see testhook.go), to prove how a panic there ends.
var fieldHook func()

// BuildForm makes a form that asks the questions ids of set, one per page,
// with the options in the order Yes, No, Not sure. It returns the form and the
// answers it fills in.
func BuildForm(set *assess.Set, ids []string, fio FormIO) (*huh.Form, []assess.Answer, error) {
	vals := make([]assess.Answer, len(ids))
	groups := make([]*huh.Group, len(ids))
	for i, id := range ids {
		q, ok := set.Question(id)
		if !ok {
			return nil, nil, &assess.UnknownQuestionError{ID: id}
		}
		opts := make([]huh.Option[assess.Answer], len(assess.Answers))
		for n, a := range assess.Answers {
			opts[n] = huh.NewOption(set.Labels.Option(a), a)
		}
		title := q.Prompt
		if len(ids) > 1 {
			title = fmt.Sprintf("(%d/%d) %s", i+1, len(ids), q.Prompt)
		}
		// The theme comes first: setting the options renders them, and a
		// field without a theme rebuilds huh's default one on every render
		// (most of the form's start-up before this was set).
		sel := huh.NewSelect[assess.Answer]()
		sel.WithTheme(theme())
		sel.Key(id).
			Title(title).
			Description(q.Help).
			Options(opts...).
			Value(&vals[i]).
			Filtering(false).
			Validate(func(assess.Answer) error {
				if fieldHook != nil {
					fieldHook()
				}
				return nil
			})
		fields := []huh.Field{sel}
		if i == 0 {
			// The first page says what this is, that nothing is kept, and
			// how to answer or stop.
			intro := huh.NewNote().Title(set.Title).Description(set.Intro + "\n\n" + set.Labels.Get("form_hint"))
			fields = append([]huh.Field{intro.WithTheme(theme())}, fields...) // themed before the group renders it
		}
		groups[i] = huh.NewGroup(fields...).WithTheme(theme())
	}
	form := huh.NewForm(groups...).
		WithTheme(theme()).
		WithKeyMap(keyMap(set.Labels)).
		WithShowHelp(true).
		// The form owns neither the signals nor the streams: iopfit handles
		// SIGINT, SIGTERM and SIGHUP in one place, and the form draws on
		// stderr so that stdout carries only the result.
		WithProgramOptions(
			tea.WithInput(fio.In),
			tea.WithOutput(fio.Out),
			tea.WithEnvironment(fio.Environ),
			tea.WithColorProfile(fio.Profile),
			tea.WithoutSignalHandler(),
			// Bubble Tea writes nothing until its first frame tick; at
			// 120 frames a second the first question appears, and each
			// key press shows, 8 ms sooner than at the default 60.
			tea.WithFPS(120),
		)
	// The form runs on the alternate screen. Inline, Bubble Tea leaves part
	// of the last question on screen when the form ends, half overwritten by
	// the result; on its own screen the form leaves the person's terminal
	// exactly as it was, whether they finish, press Esc, or are stopped.
	form.WithViewHook(func(v tea.View) tea.View {
		v.AltScreen = true
		return v
	})
	return form, vals, nil
}

// RunForm runs form until the person finishes it, cancels it, or ctx ends.
func RunForm(ctx context.Context, form *huh.Form, ids []string, vals []assess.Answer) (map[string]assess.Answer, error) {
	err := runForm(ctx, form)
	switch {
	case errors.Is(err, huh.ErrUserAborted):
		return nil, ErrCancelled
	case errors.Is(err, errFormCrashed):
		return nil, err
	case ctx.Err() != nil:
		return nil, context.Cause(ctx)
	case err != nil:
		// Any other error means Bubble Tea stopped the program itself, as it
		// does when it cannot read the terminal.
		return nil, &i18n.Error{Msg: i18n.M("prompt.unexpected", err), Err: err}
	case form.State != huh.StateCompleted:
		return nil, errors.New("the form ended before it was finished")
	}
	got := make(map[string]assess.Answer, len(ids))
	for i, id := range ids {
		if vals[i] == "" {
			return nil, fmt.Errorf("the form returned no answer for %s", id)
		}
		got[id] = vals[i]
	}
	return got, nil
}

// runForm runs form and turns a panic on the way out into an error. When
// something panics inside the form, Bubble Tea recovers it, restores the
// terminal and prints the trace; huh then panics again reading the model
// Bubble Tea no longer returns. That second panic says nothing useful, so it
// becomes the plain error that ends the run.
func runForm(ctx context.Context, form *huh.Form) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errFormCrashed
		}
	}()
	return form.RunWithContext(ctx)
}

var errFormCrashed = i18n.Errorf("prompt.crashed")
