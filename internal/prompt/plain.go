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
	"github.com/iopfit/iopfit/internal/ear"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/testmark"
	"github.com/iopfit/iopfit/internal/wrap"
)

// ErrCancelled means the person chose to stop (Ctrl-C or Esc in the form).
var ErrCancelled error = cancelled{}

// errPlainCancelled is a stop at plain prompts: ErrCancelled, by someone
// who listens, so that what is said after it is written for the ear.
var errPlainCancelled error = plainCancelled{}

type plainCancelled struct{ cancelled }

// Is makes a stop at plain prompts an ErrCancelled.
func (plainCancelled) Is(target error) bool { return target == ErrCancelled }

// Ear marks what follows the stop as for the ear.
func (plainCancelled) Ear() bool { return true }

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
	// IntroSaid is true when the title and intro were said already, before
	// "Who is this check for?" (AskWhoPlain).
	IntroSaid bool
}

// The words a person types at a plain prompt besides an answer, in every
// language iopfit speaks, folded as assess.Fold folds: back to the question
// before, stop, hear the question again, and (on the review) save.
var (
	backWords   = map[string]bool{"back": true, "b": true, "atras": true, "volver": true}
	stopWords   = map[string]bool{"stop": true, "quit": true, "exit": true, "salir": true, "parar": true}
	repeatWords = map[string]bool{"?": true, "repeat": true, "again": true, "help": true, "repetir": true, "otra vez": true, "ayuda": true}
	saveWords   = map[string]bool{"save": true, "guardar": true}
)

// AskPlain asks the questions ids of set one by one, reading one answer per
// line. A line may hold an option's number, an answer word of any language
// iopfit speaks, or an option's label. At a terminal, as in the form, each
// answer is said back, "back" returns to the question before (which says
// the answer given), "?" asks a question again, "stop" stops, and a review
// of the answers comes last, where one can be changed and a copy of the
// result asked for. What it prints is written for the ear.
func AskPlain(ctx context.Context, pio PlainIO, set *assess.Set, ids []string) (Given, error) {
	testmark.Mark("ask plain")
	lang, ok := i18n.Parse(set.Lang)
	if !ok {
		lang = i18n.English
	}
	a := &plainAsk{pio: pio, set: set, ids: ids, lang: lang, got: make(map[string]assess.Answer, len(ids))}
	if len(ids) == len(set.Questions) && !pio.IntroSaid {
		pio.print(set.Title, set.Intro)
		if pio.Terminal {
			pio.print(i18n.T(lang, "prompt.keys"))
		}
	}
	for i := 0; i < len(ids); {
		back, err := a.question(ctx, i)
		switch {
		case err != nil:
			return Given{}, err
		case back:
			i = max(i-1, 0)
		default:
			i++
		}
	}
	if !pio.Terminal {
		// A blank line sets the answers apart from what follows.
		fmt.Fprintln(pio.Out)
		return Given{Answers: a.got}, nil
	}
	return a.review(ctx)
}

// sentence ends s with a full stop, unless it ends a sentence already: a
// screen reader runs a line without one into the next ("Yes two").
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// plainAsk is one run of plain prompts: what was asked and answered.
type plainAsk struct {
	pio  PlainIO
	set  *assess.Set
	ids  []string
	lang i18n.Lang
	got  map[string]assess.Answer
}

// question asks ids[i] until it is answered; back is true when the person
// asked for the question before.
func (a *plainAsk) question(ctx context.Context, i int) (back bool, err error) {
	q, ok := a.set.Question(a.ids[i])
	if !ok {
		return false, &assess.UnknownQuestionError{ID: a.ids[i]}
	}
	labels := a.set.Labels
	for {
		fmt.Fprintln(a.pio.Out)
		a.pio.print(i18n.T(a.lang, "prompt.question_n", i+1, len(a.ids), q.Prompt), q.Help)
		for n, ans := range assess.Answers {
			a.pio.print(fmt.Sprintf("%d. %s", n+1, sentence(q.Option(labels, ans))))
		}
		if before, ok := a.got[q.ID]; ok {
			a.pio.print(i18n.T(a.lang, "prompt.earlier", q.Option(labels, before)))
		}
		hint := labels.Get("plain_hint")
		if a.pio.Terminal && i > 0 {
			hint += " " + labels.Get("plain_back")
		}
		a.pio.print(hint)
		ans, act, err := askOne(ctx, a.pio, q, labels, a.lang)
		switch {
		case err != nil:
			return false, err
		case act == actRepeat:
			continue
		case act == actBack:
			return true, nil
		}
		a.got[q.ID] = ans
		if a.pio.Terminal {
			a.pio.print(i18n.T(a.lang, "prompt.answered", q.Option(labels, ans)))
		}
		return false, nil
	}
}

// review lists the answers, as the form's last page does, and reads what
// to do: Enter shows the result, "save" shows it and keeps a copy, and a
// question's number changes that answer.
func (a *plainAsk) review(ctx context.Context) (Given, error) {
	labels := a.set.Labels
	for {
		fmt.Fprintln(a.pio.Out)
		a.pio.print(labels.Get("your_answers") + ":")
		for i, id := range a.ids {
			q, _ := a.set.Question(id)
			// The short word, as on the form's review page.
			a.pio.print(fmt.Sprintf("%d. %s. %s", i+1, labels.Option(a.got[id]), q.Prompt))
		}
		a.pio.print(i18n.T(a.lang, "prompt.review"))
		line, err := a.readLine(ctx)
		if err != nil {
			return Given{}, err
		}
		word := assess.Fold(line)
		n, numErr := strconv.Atoi(word)
		switch {
		case word == "":
			return Given{Answers: a.got}, nil
		case saveWords[word]:
			return Given{Answers: a.got, Save: true}, nil
		case stopWords[word]:
			return Given{}, errPlainCancelled
		case numErr == nil && n >= 1 && n <= len(a.ids):
			if _, err := a.question(ctx, n-1); err != nil {
				return Given{}, err
			}
		default:
			a.pio.print(i18n.T(a.lang, "prompt.review_retry", len(a.ids)))
		}
	}
}

// readLine reads one line at the review, where an end of input stops as it
// does at a question.
func (a *plainAsk) readLine(ctx context.Context) (string, error) {
	line, err := a.pio.readChoice(ctx, i18n.T(a.lang, "prompt.your_choice"))
	if errors.Is(err, errLineTooLong) {
		return line, nil // no choice of the review's: asked again
	}
	return line, err
}

// readChoice says prompt and reads one line at a terminal, where the end
// of input is the person stopping (Ctrl-D), or the terminal gone. A line
// too long to be a choice comes back with errLineTooLong.
func (pio PlainIO) readChoice(ctx context.Context, prompt string) (string, error) {
	fmt.Fprint(pio.Out, prompt)
	testmark.Mark("line")
	line, err := pio.In.Next(ctx)
	switch {
	case errors.Is(err, errLineTooLong):
		return line, err
	case errors.Is(err, io.EOF):
		fmt.Fprintln(pio.Out)
		if pio.Gone != nil && pio.Gone() {
			return "", &GoneError{Err: err}
		}
		return "", errPlainCancelled
	case err != nil && ctx.Err() != nil:
		return "", err
	case err != nil:
		return "", &GoneError{Err: err}
	}
	return line, nil
}

// print writes each text on lines of its own, for the ear (numbers to
// dial as digits, addresses as typed) and wrapped at a terminal.
func (pio PlainIO) print(texts ...string) {
	for _, t := range texts {
		t = ear.Text(t)
		if pio.Width > 0 {
			t = strings.Join(wrap.Words(t, pio.Width-1), "\n")
		}
		fmt.Fprintln(pio.Out, t)
	}
}

// action is what a line at a question asks for other than an answer.
type action int

const (
	actAnswer action = iota
	actBack
	actRepeat
)

// askOne reads lines until one is an answer, or asks to go back or to hear
// the question again (at a terminal).
func askOne(ctx context.Context, pio PlainIO, q *assess.Question, labels assess.Labels, lang i18n.Lang) (assess.Answer, action, error) {
	w := pio.Out
	var last string
	for try := 0; pio.Terminal || try < MaxTries; try++ {
		fmt.Fprint(w, i18n.T(lang, "prompt.your_answer"))
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
					return "", actAnswer, &GoneError{Err: err}
				}
				// Ctrl-D at a terminal is the person stopping.
				return "", actAnswer, errPlainCancelled
			}
			return "", actAnswer, &EndOfInputError{ID: q.ID}
		}
		switch {
		case err != nil && ctx.Err() != nil:
			return "", actAnswer, err // a signal: its own exit code
		case err != nil && pio.Terminal:
			return "", actAnswer, &GoneError{Err: err}
		case err != nil:
			fmt.Fprintln(w) // the error goes on a line of its own
			return "", actAnswer, &ReadError{Err: err}
		}
		if pio.Echo {
			fmt.Fprintln(w, safetext.OneLine(line))
		}
		if a, ok := parseLine(line, q, labels); ok {
			return a, actAnswer, nil
		}
		if pio.Terminal {
			switch word := assess.Fold(line); {
			case backWords[word]:
				return "", actBack, nil
			case repeatWords[word]:
				return "", actRepeat, nil
			case stopWords[word]:
				return "", actAnswer, errPlainCancelled
			}
		}
		last = line
		if pio.Terminal || try < MaxTries-1 {
			pio.print(labels.Get("plain_retry") + " " + labels.Get("plain_hint"))
		}
	}
	return "", actAnswer, &TooManyTriesError{ID: q.ID, Line: last}
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
