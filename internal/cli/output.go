package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/report"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/wrap"
)

// print keeps the copy the person asked for, renders res in the chosen
// format and writes it to stdout in one write, so that a failed write (a full disk) is caught and nothing half-done
// is mistaken for a result.
func (o *checkRun) print(res assess.Result) error {
	// A copy the person asked for is saved first, so that the line that
	// says where it went can end the screen.
	var notes []string
	var saveErr error
	if o.save {
		var name string
		if name, saveErr = o.saveMarkdown(res); saveErr == nil {
			notes = o.note(i18n.T(i18n.Lang(o.Set.Lang), "cli.saved", safetext.OneLine(name)))
		}
	}
	if len(notes) > 0 && !o.IO.OutTTY {
		// Stdout is a pipe or a file, whose write can fail or end iopfit
		// (SIGPIPE, | true) before anything follows it: say where the copy
		// is now, above the recap (as lastScreen puts notes with no room).
		if err := o.writeNotes(notes); err != nil {
			return err
		}
		notes = nil
	}
	r, err := o.render(res, len(notes))
	if err != nil {
		return err
	}
	// With stdout a pipe or a file, the recap for a person at the terminal
	// goes to stderr first: the write to stdout can end iopfit (SIGPIPE,
	// | true), and the help lines must be on screen whatever happens.
	after, recapShown, err := o.sayWritten(res, notes)
	if err != nil {
		return err
	}
	if _, err = r.out.Write(r.body); err != nil {
		o.stdoutFailed(notes, recapShown)
		return outputErr(err)
	}
	if r.notesFirst {
		if err := o.writeNotes(notes); err != nil {
			return err
		}
		notes = nil
	}
	if _, err := io.WriteString(r.out, r.recap); err != nil {
		o.stdoutFailed(notes, recapShown)
		return outputErr(err)
	}
	if after == nil {
		after = func() error { return o.writeNotes(notes) }
	}
	if err := after(); err != nil {
		return err
	}
	var se *SaveError
	if errors.As(saveErr, &se) {
		se.Shown = o.IO.OutTTY
	}
	return saveErr
}

// rendered is a result ready to be written: the writer for stdout (with
// the colours its terminal takes), what goes there, and the recap that ends
// the screen, with whether the notes go above it.
type rendered struct {
	out        io.Writer
	body       []byte
	recap      string
	notesFirst bool
}

// render renders res in the chosen format, leaving room for n lines of notes
// after the recap. It writes nothing: print does, so that what is written and
// in what order is decided in one place.
func (o *checkRun) render(res assess.Result, n int) (rendered, error) {
	var buf bytes.Buffer
	var err error
	r := rendered{out: o.IO.Out}
	switch {
	case o.Quiet:
		buf.WriteString(string(res.Recommendation) + "\n")
	case o.Output == formatJSON:
		err = report.JSON(&buf, res)
	case o.Output == formatMarkdown:
		err = report.Markdown(&buf, res, o.Set.Labels, o.Host.now())
	case o.Output == formatFHIR:
		err = report.ResponseFHIR(&buf, res, o.Set)
	default:
		var opts report.TextOptions
		r.out, opts = textTo(o.IO, r.out, o.IO.OutTTY, o.IO.OutWidth, o.IO.OutHeight)
		if o.toPipeAtTerminal() {
			// Piped to cat, tee or a pager, the text is read in the
			// terminal stderr is on: wrapped to its width, so that the
			// terminal cuts no word, and plain, since the program after
			// the pipe may not show styles. A file keeps its lines whole.
			opts.Width = o.IO.ErrWidth
		}
		// Plain prompts are the screen reader's way in: what follows them is
		// written for the ear.
		opts.Ear = o.asked == askPlain
		render := report.Text
		if o.Full {
			render = report.Full
		}
		err = render(&buf, res, o.Set.Labels, opts)
		// A person who answered at a terminal is left with the result's last
		// lines in view, or, listening, hears them last: end with the
		// headline, what to do now and the help lines again.
		if err == nil && o.asked != askNone && o.IO.OutTTY {
			opts.Above = true
			r.recap, r.notesFirst, err = o.lastScreen(res, opts, n)
		}
	}
	r.body = buf.Bytes()
	return r, err
}

// lastScreen is the recap that ends the screen after the form, and whether
// the n lines of notes that follow it (where a copy was saved) must come
// before it instead. The recap shrinks to leave them room; when even its
// smallest form cannot, they go above it, since what could hurt the person
// now is what must stay in view.
func (o *checkRun) lastScreen(res assess.Result, opts report.TextOptions, n int) (recap string, notesFirst bool, err error) {
	var b bytes.Buffer
	room := opts
	if room.Height > 0 {
		room.Height -= n
	}
	if err := report.Recap(&b, res, o.Set.Labels, room); err != nil {
		return "", false, err
	}
	if opts.Height <= 0 || n == 0 || strings.Count(b.String(), "\n")+n <= opts.Height-1 {
		return b.String(), false, nil
	}
	b.Reset()
	err = report.Recap(&b, res, o.Set.Labels, opts)
	return b.String(), true, err
}

// stdoutFailed tells a person on stderr, when the result could not be
// written to stdout, where the copy they asked for was saved (notes), and,
// when they answered at the terminal, where to get help: the result that
// would have shown the help lines is not on their screen (unless the recap
// on stderr, recapShown, holds them).
func (o *checkRun) stdoutFailed(notes []string, recapShown bool) {
	_ = o.writeNotes(notes)
	if o.asked != askNone && !recapShown {
		errOut, opts := textTo(o.IO, o.IO.ErrOut, o.IO.ErrTTY, o.IO.ErrWidth, 0)
		_ = report.HelpLines(errOut, o.Set.Resources, o.Set.Labels, opts)
	}
}

// writeNotes writes lines to stderr.
func (o *checkOptions) writeNotes(lines []string) error {
	if len(lines) == 0 {
		return nil
	}
	_, err := io.WriteString(o.IO.ErrOut, strings.Join(lines, "\n")+"\n")
	return err
}

// maxSaveNames is how many results of one day can be kept side by side.
const maxSaveNames = 99

// saveMarkdown keeps a copy of res, as markdown, in a new file in the
// current directory named for the day: iopfit-2026-12-01.md, or -2, -3 and
// on when that name is taken. It never overwrites a file.
func (o *checkRun) saveMarkdown(res assess.Result) (string, error) {
	if o.Host.SaveNew == nil {
		return "", &SaveError{Err: errors.New("this run cannot write files")}
	}
	now := o.Host.now()
	var buf bytes.Buffer
	if err := report.Markdown(&buf, res, o.Set.Labels, now); err != nil {
		return "", err
	}
	day := now.Format(time.DateOnly)
	name := ""
	for n := 1; n <= maxSaveNames; n++ {
		name = "iopfit-" + day + ".md"
		if n > 1 {
			name = fmt.Sprintf("iopfit-%s-%d.md", day, n)
		}
		err := o.Host.SaveNew(name, buf.Bytes())
		switch {
		case err == nil:
			return name, nil
		case !errors.Is(err, fs.ErrExist):
			return "", &SaveError{Err: err}
		}
	}
	return "", &SaveError{Err: &NamesTakenError{Last: name}}
}

// note is msg as lines for stderr, wrapped to its terminal's width.
func (o *checkOptions) note(msg string) []string {
	if o.IO.ErrTTY && o.IO.ErrWidth > 0 {
		return wrap.Words(msg, o.IO.ErrWidth-1)
	}
	return []string{msg}
}

// sayWritten tells a person who answered at the terminal where their result
// went, when it went to a file or a pipe: otherwise the screen is left blank
// after the form, with no sign that anything happened. The recap comes
// first, as it ends a result shown in the terminal, so the screen the person
// sees still holds the answer, what to do now and where to get help (with
// -q they asked for the key alone). notes follow, or come first when the
// window has no room for both.
//
// It is called before the result is written, and writes the recap then,
// when it comes first (recapShown): writing the result can end iopfit
// (SIGPIPE). after writes the rest once the result is written: the line
// that says where it went and the notes, or all of it when the notes come
// first. Anywhere else, after is nil: the notes alone follow the result.
func (o *checkRun) sayWritten(res assess.Result, notes []string) (after func() error, recapShown bool, err error) {
	if o.asked == askNone || !o.IO.ErrTTY || o.IO.OutTTY {
		return nil, false, nil
	}
	l := i18n.Lang(o.Set.Lang)
	path := ""
	if o.IO.OutPath != nil {
		path = o.IO.OutPath()
	}
	msg := i18n.T(l, "cli.written")
	pipe := o.toPipeAtTerminal()
	if pipe {
		msg = i18n.T(l, "cli.written_pipe")
	}
	if path != "" {
		msg = i18n.T(l, "cli.written_to", safetext.OneLine(path))
	}
	notes = append(o.note(msg), notes...)
	errOut, opts := textTo(o.IO, o.IO.ErrOut, true, o.IO.ErrWidth, o.IO.ErrHeight)
	var recap string
	notesFirst := false
	if !o.Quiet {
		// A blank line sets the notes apart from the recap.
		if recap, notesFirst, err = o.lastScreen(res, opts, len(notes)+1); err != nil {
			return nil, false, err
		}
	}
	write := func(text string) func() error {
		return func() error {
			_, err := io.WriteString(errOut, text)
			return err
		}
	}
	switch {
	case pipe:
		// The program after the pipe may own the terminal (a pager): what
		// iopfit says on stderr comes before the result, and the pager
		// draws over it, not it over the pager. Leaving the pager shows it
		// again.
		text := strings.Join(notes, "\n") + "\n"
		if !o.Quiet && notesFirst {
			text += recap
		} else if !o.Quiet {
			text = recap + "\n" + text
		}
		return nil, !o.Quiet, write(text)()
	case o.Quiet:
		return write(strings.Join(notes, "\n") + "\n"), false, nil
	case notesFirst:
		// The recap must end the screen: all of it waits for the result.
		return write(strings.Join(notes, "\n") + "\n" + recap), false, nil
	}
	if err := write(recap)(); err != nil {
		return nil, false, err
	}
	return write("\n" + strings.Join(notes, "\n") + "\n"), true, nil
}

// textTo says how text for w may look: wrapped, styled and with links when
// w is a terminal of width columns (styles off under NO_COLOR, links off
// with TERM=dumb), plain for a pipe or a file. It returns w, behind a writer
// that drops any style the terminal cannot show when styles are on.
func textTo(s *Streams, w io.Writer, tty bool, width, height int) (io.Writer, report.TextOptions) {
	if !tty {
		return w, report.TextOptions{}
	}
	opts := report.TextOptions{Width: width, Height: height, Color: !s.NoColor(), Links: s.Hyperlinks()}
	if opts.Color {
		w = &colorprofile.Writer{Forward: w, Profile: s.ColorProfile()}
	}
	return w, opts
}

// toPipeAtTerminal is true when stdout is a pipe (not a terminal, and not a
// file iopfit can name) and stderr is a terminal of known width: the result
// goes to a program whose output the person reads there.
func (o *checkRun) toPipeAtTerminal() bool {
	if o.IO.OutTTY || !o.IO.ErrTTY || o.IO.ErrWidth <= 0 {
		return false
	}
	return o.IO.OutPath == nil || o.IO.OutPath() == ""
}
