// Package prompt asks a person the questions that are still unanswered: with
// plain numbered prompts, line by line, for screen readers and dumb terminals,
// or with a form in a full terminal. It returns only answers the person
// gave; an end of input, a cancel or a signal is an error, never an answer.
package prompt

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/testmark"
	"github.com/iopfit/iopfit/internal/wrap"
)

// ErrCancelled means the person chose to stop (Ctrl-C or Esc in the form).
var ErrCancelled error = cancelled{}

type cancelled struct{}

func (cancelled) Error() string { return "cancelled" }

// Cancelled marks the person's own stop, which exits 130.
func (cancelled) Cancelled() bool { return true }

// MaxTries is how many unusable lines a plain prompt accepts for one question
// before it gives up, so that a stream of wrong input cannot loop forever.
const MaxTries = 3

// maxLine bounds one line of plain input. An answer is a word; a longer line is
// read past, not buffered.
const maxLine = 1024

// EndOfInputError means the input ended before the question ID was answered.
type EndOfInputError struct {
	ID string
}

func (e *EndOfInputError) Error() string { return e.In(i18n.English) }

// Usage marks input that ended too soon as a mistake in what iopfit was given.
func (e *EndOfInputError) Usage() bool { return true }

// In says the problem in l.
func (e *EndOfInputError) In(l i18n.Lang) string { return i18n.T(l, "prompt.end", e.ID, e.ID) }

// TooManyTriesError means MaxTries lines in a row were not an answer.
type TooManyTriesError struct {
	ID   string
	Line string
}

func (e *TooManyTriesError) Error() string { return e.In(i18n.English) }

// Usage marks lines that were never an answer as a mistake in what iopfit was
// given.
func (e *TooManyTriesError) Usage() bool { return true }

// In says the problem in l.
func (e *TooManyTriesError) In(l i18n.Lang) string {
	return i18n.T(l, "prompt.tries", e.ID, MaxTries, safetext.Quote(e.Line), optionNumbers())
}

// ReadError means the answers could not be read from a pipe or a file on
// stdin (`iopfit check --accessible < /`): a problem with what iopfit was
// given.
type ReadError struct {
	Err error
}

func (e *ReadError) Error() string { return e.In(i18n.English) }
func (e *ReadError) Unwrap() error { return e.Err }

// Usage marks unreadable input as a mistake in what iopfit was given.
func (e *ReadError) Usage() bool { return true }

// In says the problem in l, with the system's words for the cause.
func (e *ReadError) In(l i18n.Lang) string {
	cause := e.Err
	var pe *fs.PathError
	if errors.As(cause, &pe) {
		cause = pe.Err // "is a directory", without "read /dev/stdin: "
	}
	return i18n.T(l, "prompt.read", cause)
}

// GoneError means the terminal a person was typing at can no longer be read,
// at a plain prompt or in the form: a read failed (EIO) or ended, as when a
// window is closed or a connection drops and no SIGHUP reaches iopfit (its
// session leader ignored it). Nobody is there to answer or to read a message.
type GoneError struct {
	Err error
}

func (e *GoneError) Error() string { return "the terminal has gone: " + e.Err.Error() }
func (e *GoneError) Unwrap() error { return e.Err }

// Gone marks the end of a person's terminal, which ends iopfit as SIGHUP
// would.
func (e *GoneError) Gone() bool { return true }

// Lines reads input one line at a time, so that each question takes exactly
// one line and no reader swallows lines meant for the next.
type Lines struct {
	r     *bufio.Reader
	lines chan lineResult
	req   chan struct{}
}

type lineResult struct {
	text string
	err  error
}

// NewLines wraps r. Reading happens in a goroutine so that a cancelled context
// ends a wait on input that may never come; that goroutine ends with r.
func NewLines(r io.Reader) *Lines {
	l := &Lines{r: bufio.NewReaderSize(r, maxLine), lines: make(chan lineResult), req: make(chan struct{})}
	go l.loop()
	return l
}

// loop answers each request with one line. After an error it keeps answering,
// since the reader repeats its error (io.EOF) and a later Next must not block.
func (l *Lines) loop() {
	for range l.req {
		text, err := l.readLine()
		l.lines <- lineResult{text, err}
	}
}

// errLineTooLong is a line longer than maxLine: no answer, whatever its
// head holds (1,022 spaces and "not sure" cut at maxLine reads as "no").
var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its ending. A line longer than
// maxLine is consumed whole, and is errLineTooLong, with its head to quote.
func (l *Lines) readLine() (string, error) {
	// Up to two bytes past maxLine are kept: a line ending, or enough to
	// tell that the line is longer.
	const keep = maxLine + 2
	var b []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(b) < keep {
			b = append(b, chunk[:min(len(chunk), keep-len(b))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == nil || errors.Is(err, io.EOF) && len(b) > 0:
			// A last line without a newline still counts.
			line := strings.TrimRight(string(b), "\r\n")
			if len(line) > maxLine {
				return line[:maxLine], errLineTooLong
			}
			return line, nil
		default:
			return "", err
		}
	}
}

// Next waits for the next line or for ctx to end.
func (l *Lines) Next(ctx context.Context) (string, error) {
	select {
	case l.req <- struct{}{}:
	case <-ctx.Done():
		return "", context.Cause(ctx)
	}
	select {
	case res := <-l.lines:
		return res.text, res.err
	case <-ctx.Done():
		return "", context.Cause(ctx)
	}
}

// PlainIO is where plain prompts read and write.
type PlainIO struct {
	In  *Lines
	Out io.Writer
	// Echo writes each line read after its prompt. When the answers come
	// from a pipe, the terminal shows no typing, and a transcript without
	// them would be hard to follow.
	Echo bool
	// Terminal is true when a person types the answers: a bad line is asked
	// again without limit, "back" returns to the previous question, and
	// Ctrl-D stops, as Esc does in the form. From a pipe, three bad lines or
	// the end of input are an error instead, never an answer.
	Terminal bool
	// Width wraps the questions to the terminal's width; 0 leaves lines
	// whole.
	Width int
	// Gone says whether the terminal has gone, for an end of input at a
	// terminal: Ctrl-D and a terminal that was closed both read as the end
	// of input (the kernel gives EOF once it has hung a terminal up), and
	// only the second is nobody there. Nil means the terminal is there.
	Gone func() bool
}

// backWords go back to the previous question at a terminal, in every
// language iopfit speaks, folded as assess.Fold folds.
var backWords = map[string]bool{"back": true, "b": true, "atras": true, "volver": true}

// AskPlain asks the questions ids of set one by one, reading one answer per
// line. A line may hold an option's number, an answer word of any language
// iopfit speaks, or an option's label.
func AskPlain(ctx context.Context, pio PlainIO, set *assess.Set, ids []string) (map[string]assess.Answer, error) {
	w := pio.Out
	labels := set.Labels
	testmark.Mark("ask plain")
	if len(ids) == len(set.Questions) {
		pio.print(set.Title, set.Intro)
	}
	lang, ok := i18n.Parse(set.Lang)
	if !ok {
		lang = i18n.English
	}
	got := make(map[string]assess.Answer, len(ids))
	for i := 0; i < len(ids); {
		q, ok := set.Question(ids[i])
		if !ok {
			return nil, &assess.UnknownQuestionError{ID: ids[i]}
		}
		fmt.Fprintln(w)
		pio.print(fmt.Sprintf("(%d/%d) %s", i+1, len(ids), q.Prompt), q.Help)
		for n, a := range assess.Answers {
			fmt.Fprintf(w, "  %d. %s\n", n+1, q.Option(labels, a))
		}
		hint := labels.Get("plain_hint")
		if pio.Terminal && i > 0 {
			hint += " " + labels.Get("plain_back")
		}
		pio.print(hint)
		a, back, err := askOne(ctx, pio, q, labels, lang)
		if err != nil {
			return nil, err
		}
		if back {
			i = max(i-1, 0)
			continue
		}
		got[ids[i]] = a
		i++
	}
	return got, nil
}

// print writes each text on lines of its own, wrapped at a terminal.
func (pio PlainIO) print(texts ...string) {
	for _, t := range texts {
		if pio.Width > 0 {
			t = strings.Join(wrap.Words(t, pio.Width-1), "\n")
		}
		fmt.Fprintln(pio.Out, t)
	}
}

// askOne reads lines until one is an answer. back is true when the person
// asked to go back a question.
func askOne(ctx context.Context, pio PlainIO, q *assess.Question, labels assess.Labels, lang i18n.Lang) (a assess.Answer, back bool, err error) {
	w := pio.Out
	var last string
	for try := 0; pio.Terminal || try < MaxTries; try++ {
		fmt.Fprint(w, "> ")
		testmark.Mark("line")
		line, err := pio.In.Next(ctx)
		if errors.Is(err, errLineTooLong) {
			fmt.Fprintln(w)
			fmt.Fprintln(w, i18n.T(lang, "prompt.too_long", maxLine))
			last = line
			continue
		}
		if errors.Is(err, io.EOF) {
			fmt.Fprintln(w)
			if pio.Terminal {
				if pio.Gone != nil && pio.Gone() {
					return "", false, &GoneError{Err: err}
				}
				// Ctrl-D at a terminal is the person stopping.
				return "", false, ErrCancelled
			}
			return "", false, &EndOfInputError{ID: q.ID}
		}
		switch {
		case err != nil && ctx.Err() != nil:
			return "", false, err // a signal: its own exit code
		case err != nil && pio.Terminal:
			return "", false, &GoneError{Err: err}
		case err != nil:
			fmt.Fprintln(w) // the error goes on a line of its own
			return "", false, &ReadError{Err: err}
		}
		if pio.Echo {
			fmt.Fprintln(w, safetext.OneLine(line))
		}
		if a, ok := parseLine(line, q, labels); ok {
			return a, false, nil
		}
		if pio.Terminal && backWords[assess.Fold(line)] {
			return "", true, nil
		}
		last = line
		if pio.Terminal || try < MaxTries-1 {
			pio.print(labels.Get("plain_retry") + " " + labels.Get("plain_hint"))
		}
	}
	return "", false, &TooManyTriesError{ID: q.ID, Line: last}
}

// parseLine reads one line of plain input as an answer to q: its number, an
// answer word, or the words q shows for it.
func parseLine(line string, q *assess.Question, labels assess.Labels) (assess.Answer, bool) {
	s := strings.TrimSpace(line)
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(assess.Answers) {
			return assess.Answers[n-1], true
		}
		return "", false
	}
	if a, ok := assess.ParseAnswer(s); ok {
		return a, true
	}
	for _, a := range assess.Answers {
		if assess.Fold(s) == assess.Fold(q.Option(labels, a)) || assess.Fold(s) == assess.Fold(labels.Option(a)) {
			return a, true
		}
	}
	return "", false
}

// optionNumbers lists the numbers a person can type, one per option.
func optionNumbers() i18n.Or {
	nums := make(i18n.Or, len(assess.Answers))
	for i := range nums {
		nums[i] = strconv.Itoa(i + 1)
	}
	return nums
}
