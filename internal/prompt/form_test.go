package prompt

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
)

// driver runs a form in-process, as its program would, in milliseconds: it
// gives the host each message, runs the commands that come back, and keeps
// time itself, so that settle and escWait pass when the test says.
type driver struct {
	t      *testing.T
	h      *host
	now    time.Time
	timers []timer
	// pending are the commands whose messages have not come back yet: as
	// in a program, keys typed at once reach the host before them.
	pending []tea.Cmd
	quit    bool
	// hold, when set, keeps back the messages it is true for, in held,
	// as if Bubble Tea had yet to handle them.
	hold func(tea.Msg) bool
	held []tea.Msg
}

type timer struct {
	at  time.Time
	msg tea.Msg
}

// step is one thing a test does to a form: a key, keys typed at once, a
// message, or waiting.
type step struct {
	key   string
	burst []string
	msg   tea.Msg
	wait  time.Duration
}

func press(keys ...string) []step {
	var s []step
	for _, k := range keys {
		s = append(s, step{key: k})
	}
	return s
}

func wait(d time.Duration) step { return step{wait: d} }

// settled waits out a page's settle time, as a person reading it would.
var settled = wait(settle)

func newDriver(t *testing.T, set *assess.Set, w, h int) *driver {
	t.Helper()
	f, err := NewForm(set, set.IDs(), FormIO{Profile: colorprofile.TrueColor}, true)
	if err != nil {
		t.Fatal(err)
	}
	return drive(t, f, w, h)
}

// drive runs form f in the driver, in a w×h window.
func drive(t *testing.T, f *Form, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, h: f.h, now: time.Unix(1e9, 0)}
	f.h.p.after = func(dur time.Duration, msg tea.Msg) tea.Cmd {
		d.timers = append(d.timers, timer{d.now.Add(dur), msg})
		return nil
	}
	f.h.p.now = func() time.Time { return d.now }
	d.update(tea.WindowSizeMsg{Width: w, Height: h})
	d.pending = append(d.pending, f.h.Init())
	d.drain()
	return d
}

func (d *driver) do(steps ...step) *driver {
	d.t.Helper()
	for _, s := range steps {
		switch {
		case s.key != "":
			d.update(keyMsg(d.t, s.key))
		case s.burst != nil:
			for _, k := range s.burst {
				d.update(keyMsg(d.t, k))
			}
		case s.msg != nil:
			d.update(s.msg)
		default:
			d.elapse(s.wait)
		}
		d.drain()
	}
	return d
}

// update gives the host msg, and keeps the command it returns for later.
func (d *driver) update(msg tea.Msg) {
	if d.quit {
		return
	}
	_, cmd := d.h.Update(msg)
	d.pending = append(d.pending, cmd)
}

// drain runs the pending commands, and those their messages lead to, in
// order, as Bubble Tea would.
func (d *driver) drain() {
	for len(d.pending) > 0 && !d.quit {
		cmd := d.pending[0]
		d.pending = d.pending[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.QuitMsg:
			d.quit = true
		case tea.BatchMsg:
			d.pending = append(append([]tea.Cmd{}, msg...), d.pending...)
		default:
			v := reflect.ValueOf(msg)
			switch t := v.Type(); {
			case t.Kind() == reflect.Slice && t.Elem() == reflect.TypeFor[tea.Cmd]():
				// tea.Sequence's message, which the package does not export.
				seq := make([]tea.Cmd, v.Len())
				for i := range seq {
					seq[i] = v.Index(i).Interface().(tea.Cmd)
				}
				d.pending = append(seq, d.pending...)
			case t.PkgPath() == "charm.land/bubbletea/v2" && !ast(t.Name()):
				// A request to the program itself (the background colour,
				// the window size): the terminal here never answers.
			case d.hold != nil && d.hold(msg):
				d.held = append(d.held, msg)
			default:
				d.update(msg)
			}
		}
	}
}

// ast is true for an exported name.
func ast(name string) bool { return name != "" && strings.ToUpper(name[:1]) == name[:1] }

// elapse lets dur pass, firing the timers due.
func (d *driver) elapse(dur time.Duration) {
	d.now = d.now.Add(dur)
	for {
		i := slices.IndexFunc(d.timers, func(t timer) bool { return !t.at.After(d.now) })
		if i < 0 {
			return
		}
		tm := d.timers[i]
		d.timers = slices.Delete(d.timers, i, i+1)
		d.update(tm.msg)
		d.drain()
	}
}

func (d *driver) screen() string { return ansi.Strip(d.h.View().Content) }

// keyMsg is the key press a terminal's k is read as, named as Bubble Tea
// names it.
func keyMsg(t *testing.T, k string) tea.KeyPressMsg {
	t.Helper()
	named := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "space": {Code: tea.KeySpace, Text: " "}, "pgdown": {Code: tea.KeyPgDown},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+z": {Code: 'z', Mod: tea.ModCtrl},
		"ctrl+\\": {Code: '\\', Mod: tea.ModCtrl}, "ctrl+g": {Code: 'g', Mod: tea.ModCtrl},
		"alt+]": {Code: ']', Mod: tea.ModAlt}, "alt+[": {Code: '[', Mod: tea.ModAlt}, "alt+\\": {Code: '\\', Mod: tea.ModAlt},
	}
	key, ok := named[k]
	if !ok {
		r := []rune(k)
		if len(r) != 1 {
			t.Fatalf("no key %q", k)
		}
		key = tea.Key{Code: r[0], Text: k}
	}
	msg := tea.KeyPressMsg(key)
	if msg.String() != k {
		t.Fatalf("key %q reads as %q", k, msg.String())
	}
	return msg
}

// answers is what the form holds for each question, "" where none.
func (d *driver) answers() []assess.Answer { return d.h.p.answers }

// colourReply is a background-colour reply as a terminal sends it.
const colourReply = "\x1b]11;rgb:1e1e/2323/3131\x1b\\"

// splitSteps is reply as a terminal splits it after n bytes: the first
// piece as Bubble Tea's reader reports it once it gives up on it (see
// pieces), then the rest as the keys it then reads.
func splitSteps(reply string, n int) []step {
	first, unknown, keys := pieces(reply, n)
	s := []step{{key: first}}
	if unknown {
		s = []step{{msg: uv.UnknownEvent(first)}}
	}
	for _, k := range keys {
		s = append(s, step{key: k})
	}
	return s
}

// eightBitReplies are replies as a terminal in 8-bit-controls mode (S8C1T)
// sends them in UTF-8: the background colour, a mode report, DA1, a cursor
// position, the keyboard flags, a terminal version (DCS), and strings in SOS,
// PM and APC, each ended by ST (U+009C) or BEL.
var eightBitReplies = []string{
	"\u009d11;rgb:0000/0000/0000\u009c",
	"\u009d11;rgb:1e1e/2323/3131\x07",
	"\u009b?2026;2$y",
	"\u009b?62;22c",
	"\u009b12;1R",
	"\u009b?1u",
	"\u0090>|XTerm(367)\u009c",
	"\u0090 1$r 0;1m\u009c",
	"\u0098 1 2\u009c",
	"\u009e 3;1\u009c",
	"\u009fG 1;2\u009c",
}

// eightBitSteps is an 8-bit reply read as keys, each character one key (as
// Bubble Tea's reader reads them), split after n keys by a pause of
// replyGap/2.
func eightBitSteps(reply string, n int) []step {
	var s []step
	for i, r := range []rune(reply) {
		if i == n {
			s = append(s, wait(replyGap/2))
		}
		k := string(r)
		switch r {
		case ' ':
			k = "space"
		case 0x07:
			k = "ctrl+g"
		}
		s = append(s, step{key: k})
	}
	return s
}

// x10Steps is an X10 mouse report, ESC [ M and the three raw bytes of raw,
// split after n bytes (1, 2 or 3), as Bubble Tea's reader reports it: its
// first piece as an Esc, an alt+[ or an unknown CSI sequence, then each of
// the rest as a key (or, for a byte that is no character, an unknown one).
func x10Steps(raw string, n int) []step {
	var s []step
	switch n {
	case 1:
		s = append(s, step{key: "esc"}, step{key: "["}, step{key: "M"})
	case 2:
		s = append(s, step{key: "alt+["}, step{key: "M"})
	default:
		s = append(s, step{msg: uv.UnknownCsiEvent("\x1b[M")})
	}
	for _, r := range raw {
		switch {
		case r == ' ':
			s = append(s, step{key: "space"})
		case r == 0x7f:
			s = append(s, step{msg: tea.KeyPressMsg{Code: tea.KeyBackspace}})
		case r > 0x7f:
			// A byte over 0x7f is half a character: unknown to the reader.
			s = append(s, step{msg: uv.UnknownEvent(string(r)[:1])}, step{msg: uv.UnknownEvent(string(r)[1:])})
		default:
			s = append(s, step{key: string(r)})
		}
	}
	return s
}

// keyCase is steps on the first question, and what they must lead to.
type keyCase struct {
	name  string
	steps []step
	want  []assess.Answer // the answers held after the steps
	page  int             // the page on screen after them
	stop  bool            // the form stopped
	see   string          // on screen after the steps
}

// Auto-repeat as terminals do it: the first repeat after an initial delay
// of 250 to 660 ms (500 ms is common), then one every 33 ms.
const (
	repeatFirstMin = 250 * time.Millisecond
	repeatFirstMax = 660 * time.Millisecond
	repeatEvery    = 33 * time.Millisecond
)

// held is key k held down for about dur: pressed, then after first the
// terminal's auto-repeat, a repeat every repeatEvery, with each page's
// settle time passing on the way.
func held(k string, first, dur time.Duration) []step {
	s := []step{{key: k}, wait(first)}
	for t := first; t < dur; t += repeatEvery {
		s = append(s, step{key: k}, wait(repeatEvery))
	}
	return s
}

// read waits as a person reading a page does before they answer it: longer
// than a terminal waits before it repeats a held key.
var read = wait(time.Second)

// TestKeyRules: each rule of the form, in milliseconds. Every case starts on
// the first question of the fixture, settled, past its intro page.
func TestKeyRules(t *testing.T) {
	y, n, u := assess.Yes, assess.No, assess.Unsure
	tests := []keyCase{
		{name: "enter with nothing chosen only says how", steps: press("enter"), want: []assess.Answer{"", "", "", ""}, see: "Choose an answer first"},
		{name: "tab does nothing", steps: press("tab", "tab", "enter"), want: []assess.Answer{"", "", "", ""}},
		{name: "slash does nothing", steps: press("/", "1"), want: []assess.Answer{y, "", "", ""}, page: 1},
		{name: "arrows then enter", steps: press("down", "down", "enter"), want: []assess.Answer{n, "", "", ""}, page: 1},
		{name: "up from nothing is the last", steps: press("up", "enter"), want: []assess.Answer{u, "", "", ""}, page: 1},
		{name: "a number answers", steps: press("3"), want: []assess.Answer{u, "", "", ""}, page: 1},
		{name: "keys typed with a choice, before the page turns", steps: []step{{burst: []string{"1", "2", "3"}}}, want: []assess.Answer{y, "", "", ""}, page: 1},
		{name: "keys typed with a choice on the review page", steps: []step{{key: "1"}, read, {key: "1"}, read, {key: "1"}, read, {key: "1"}, settled, {burst: []string{"up", "enter", "enter"}}}, want: []assess.Answer{y, y, y, y}, page: 3},
		{name: "keys before the next page settles", steps: append(press("1"), step{key: "2"}, wait(settle/2), step{key: "2"}), want: []assess.Answer{y, "", "", ""}, page: 1},
		{name: "each page settles", steps: []step{{key: "1"}, settled, {key: "2"}, settled, {key: "3"}}, want: []assess.Answer{y, n, u, ""}, page: 3},
		{name: "the last answer shows the review, not the result", steps: []step{{key: "1"}, read, {key: "1"}, read, {key: "1"}, read, {key: "1"}}, want: []assess.Answer{y, y, y, y}, page: 4, see: "Show my result"},
		{name: "back", steps: []step{{key: "1"}, settled, {key: "shift+tab"}, settled, {key: "2"}}, want: []assess.Answer{n, "", "", ""}, page: 1},
		{name: "slash does nothing after going back", steps: []step{{key: "1"}, settled, {key: "shift+tab"}, settled, {key: "/"}, {key: "n"}, {key: "down"}}, want: []assess.Answer{y, "", "", ""}, see: "> 2. No"},
		{name: "keys after resume are dropped", steps: []step{{msg: tea.ResumeMsg{}}, {key: "1"}}, want: []assess.Answer{"", "", "", ""}},
		{name: "a key after resume settles counts", steps: []step{{msg: tea.ResumeMsg{}}, settled, {key: "1"}}, want: []assess.Answer{y, "", "", ""}, page: 1},
		{name: "ctrl+c stops", steps: press("ctrl+c"), stop: true},
		{name: "ctrl+backslash stops", steps: press("ctrl+\\"), stop: true},
		{name: "esc stops after escWait", steps: []step{{key: "esc"}, wait(escWait)}, stop: true},
		{name: "esc stops after escWait once the reply came", steps: []step{{msg: tea.BackgroundColorMsg{Color: ansi.Black}}, {key: "esc"}, wait(escWait)}, stop: true},
		{name: "the rest of a split reply two seconds later", steps: append([]step{{msg: uv.UnknownEvent("\x1b]11;rgb:")}, wait(2 * time.Second)}, press("1", "e", "1", "e", "/", "2", "3", "alt+\\")...), want: []assess.Answer{"", "", "", ""}},
		{name: "held arrows move on", steps: held("down", repeatFirstMin, repeatFirstMin+3*repeatEvery), want: []assess.Answer{"", "", "", ""}, see: "> 1. Yes"},
		{name: "the same key again after reading counts", steps: []step{{key: "2"}, read, {key: "2"}}, want: []assess.Answer{n, n, "", ""}, page: 2},
		{name: "a key pressed after a held key's release counts", steps: append(held("2", repeatFirstMin, time.Second), read, step{key: "2"}), want: []assess.Answer{n, n, "", ""}, page: 2},
		{name: "a key pasted past a paste's end", steps: []step{{msg: tea.PasteMsg{Content: "x"}}, {key: "2"}}, want: []assess.Answer{"", "", "", ""}},
		{name: "a key after a paste counts", steps: []step{{msg: tea.PasteMsg{Content: "x"}}, wait(pasteGap), {key: "2"}}, want: []assess.Answer{n, "", "", ""}, page: 1},
		{name: "esc then a key stops", steps: press("esc", "1"), want: []assess.Answer{"", "", "", ""}, stop: true},
		{name: "a paste is no answer", steps: []step{{msg: tea.PasteMsg{Content: "1"}}}, want: []assess.Answer{"", "", "", ""}},
	}
	// The documented timings, in absolute time: each pair of cases fails if
	// its constant is removed, or moved either way.
	ms := time.Millisecond
	oscStart := step{msg: uv.UnknownEvent("\x1b]11;rgb:")}
	tests = append(tests,
		// settle: a page counts keys 200 ms after it is shown, not before.
		keyCase{name: "settle: a key 199 ms after the page is shown is dropped", steps: []step{{key: "1"}, wait(199 * ms), {key: "2"}}, want: []assess.Answer{y, "", "", ""}, page: 1},
		keyCase{name: "settle: a key 200 ms after the page is shown counts", steps: []step{{key: "1"}, wait(200 * ms), {key: "2"}}, want: []assess.Answer{y, n, "", ""}, page: 2},
		// replyGap: a split reply's next piece may come up to 10 s after the
		// one before it (the gap), counted from the latest piece.
		keyCase{name: "reply gap: a piece 10 s after the one before is the reply's", steps: []step{oscStart, wait(10 * time.Second), {key: "1"}}, want: []assess.Answer{"", "", "", ""}},
		keyCase{name: "reply gap: counted from the latest piece", steps: []step{oscStart, wait(6 * time.Second), {key: "1"}, wait(6 * time.Second), {key: "2"}}, want: []assess.Answer{"", "", "", ""}},
		// The half-reply expiry: after 10 s with no piece, keys count again.
		keyCase{name: "half-reply expiry: a key 10.001 s after the last piece counts", steps: []step{oscStart, wait(10*time.Second + ms), {key: "2"}}, want: []assess.Answer{n, "", "", ""}, page: 1},
		// escWait: an Esc is held 400 ms for the rest of a reply.
		keyCase{name: "esc wait: not stopped 399 ms after Esc", steps: []step{{key: "esc"}, wait(399 * ms)}, want: []assess.Answer{"", "", "", ""}},
		keyCase{name: "esc wait: stopped 400 ms after Esc", steps: []step{{key: "esc"}, wait(400 * ms)}, stop: true},
		keyCase{name: "esc wait: a reply's ] 399 ms after Esc is no stop", steps: []step{{key: "esc"}, wait(399 * ms), {key: "]"}, wait(ms), {key: "1"}}, want: []assess.Answer{"", "", "", ""}},
		// repeatGap: the same page-turning key again within 150 ms of the
		// last is a held key's repeat, even once the next page has settled.
		keyCase{name: "repeat gap: a key 149 ms after the same is a repeat", steps: []step{{key: "2"}, wait(149 * ms), {key: "2"}, wait(149 * ms), {key: "2"}}, want: []assess.Answer{n, "", "", ""}, page: 1},
		keyCase{name: "repeat gap: a key 150 ms after the same is a press", steps: []step{{key: "2"}, wait(150 * ms), {key: "2"}, wait(150 * ms), {key: "2"}}, want: []assess.Answer{n, n, "", ""}, page: 2},
		// pasteGap: keys within 100 ms of a paste came with it.
		keyCase{name: "paste gap: a key 99 ms after a paste is the paste's", steps: []step{{msg: tea.PasteMsg{Content: "x"}}, wait(99 * ms), {key: "2"}}, want: []assess.Answer{"", "", "", ""}},
		keyCase{name: "paste gap: a key 100 ms after a paste counts", steps: []step{{msg: tea.PasteMsg{Content: "x"}}, wait(100 * ms), {key: "2"}}, want: []assess.Answer{n, "", "", ""}, page: 1},
	)
	for i := 1; i <= 22; i++ {
		tests = append(tests, keyCase{name: fmt.Sprintf("reply split after byte %d", i), steps: splitSteps(colourReply, i), want: []assess.Answer{"", "", "", ""}})
	}
	// The replies to Bubble Tea's own queries: two mode reports and the
	// keyboard report.
	for _, r := range []string{"\x1b[?2026;2$y", "\x1b[?2027;0$y", "\x1b[?1u"} {
		for i := 1; i < len(r)-1; i++ {
			tests = append(tests, keyCase{name: fmt.Sprintf("mode reply %q split after byte %d", r, i), steps: splitSteps(r, i), want: []assess.Answer{"", "", "", ""}})
		}
	}
	// A held key, whatever the terminal's initial delay, answers one page
	// however long it is held; held Enter on the last question answers it
	// and stays on the review page, never pressing "Show my result".
	for _, first := range []time.Duration{repeatFirstMin, 500 * time.Millisecond, repeatFirstMax} {
		for _, k := range []string{"1", "2", "3"} {
			a := map[string]assess.Answer{"1": y, "2": n, "3": u}[k]
			tests = append(tests, keyCase{name: fmt.Sprintf("%s held, first repeat after %v", k, first), steps: held(k, first, 3*time.Second), want: []assess.Answer{a, "", "", ""}, page: 1})
		}
		last := []step{{key: "1"}, read, {key: "2"}, read, {key: "3"}, read, {key: "down"}}
		tests = append(tests,
			keyCase{name: fmt.Sprintf("enter held, first repeat after %v", first), steps: append(press("down"), held("enter", first, 3*time.Second)...), want: []assess.Answer{y, "", "", ""}, page: 1},
			keyCase{name: fmt.Sprintf("enter held on the last question, first repeat after %v", first), steps: append(last, held("enter", first, 3*time.Second)...), want: []assess.Answer{y, n, u, y}, page: 4, see: "Show my result"})
	}
	// Replies a terminal in 8-bit-controls mode sends as UTF-8, whole and
	// split at every point: their introducer (U+009D OSC, U+009B CSI,
	// U+0090 DCS, U+0098 SOS, U+009E PM, U+009F APC) reads as a key of its
	// own, the rest as one key per character.
	for _, r := range eightBitReplies {
		for i := 0; i <= len(r); i++ {
			tests = append(tests, keyCase{name: fmt.Sprintf("8-bit reply %q split after key %d", r, i), steps: eightBitSteps(r, i), want: []assess.Answer{"", "", "", ""}})
		}
	}
	// An X10 mouse report, ESC [ M and three raw bytes, whole (a click) or
	// split after ESC [ M or after ESC [.
	for _, r := range []string{" 12", "#!!", "`11", " \x7f1", "!\u00e9"} {
		raw := r
		tests = append(tests,
			keyCase{name: fmt.Sprintf("X10 mouse report %q split after M", raw), steps: x10Steps(raw, 3), want: []assess.Answer{"", "", "", ""}},
			keyCase{name: fmt.Sprintf("X10 mouse report %q split after [", raw), steps: x10Steps(raw, 2), want: []assess.Answer{"", "", "", ""}},
			keyCase{name: fmt.Sprintf("X10 mouse report %q split after ESC", raw), steps: x10Steps(raw, 1), want: []assess.Answer{"", "", "", ""}},
		)
	}
	tests = append(tests,
		keyCase{name: "a key after a split mouse report counts", steps: append(x10Steps(" 12", 3), step{key: "2"}), want: []assess.Answer{n, "", "", ""}, page: 1},
		keyCase{name: "a key after an 8-bit reply counts", steps: append(eightBitSteps(eightBitReplies[0], 3), step{key: "2"}), want: []assess.Answer{n, "", "", ""}, page: 1},
	)
	// After a split reply, the person's own key still counts.
	tests = append(tests, keyCase{name: "a key after a split reply counts", steps: append(splitSteps(colourReply, 2), step{key: "2"}), want: []assess.Answer{n, "", "", ""}, page: 1})

	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, fixture(t), 40, 12).do(settled, step{key: "enter"}, read)
			if d.h.p.focus != 0 {
				t.Fatalf("the first question is not on screen:\n%s", d.screen())
			}
			d.do(tc.steps...)
			if d.quit != tc.stop || d.h.p.aborted != tc.stop {
				t.Fatalf("stopped = %v (aborted %v), want %v; screen:\n%s", d.quit, d.h.p.aborted, tc.stop, d.screen())
			}
			if tc.stop {
				return
			}
			if !slices.Equal(d.answers(), tc.want) {
				t.Errorf("answers = %q, want %q", d.answers(), tc.want)
			}
			if d.h.p.focus != tc.page {
				t.Errorf("page %d on screen, want %d:\n%s", d.h.p.focus, tc.page, d.screen())
			}
			if !strings.Contains(d.screen(), tc.see) {
				t.Errorf("screen does not show %q:\n%s", tc.see, d.screen())
			}
		})
	}
}

// TestReviewChangesAnAnswer: from the review page an answer opens its
// question, whose answer leads back to the review, and the result is shown
// only when asked for (and kept only when asked for).
func TestReviewChangesAnAnswer(t *testing.T) {
	for _, save := range []bool{false, true} {
		d := newDriver(t, fixture(t), 80, 24)
		if d.h.p.focus != introPage {
			t.Fatalf("page %d first, want the intro", d.h.p.focus)
		}
		d.do(settled, step{key: "enter"}, settled)
		for range 4 {
			d.do(step{key: "1"}, read)
		}
		// Down to the third answer (after show and save), then open it.
		d.do(press("down", "down", "down", "down", "enter")...).do(settled)
		if d.h.p.focus != 2 || !strings.Contains(d.screen(), "fixture sessions") {
			t.Fatalf("the third question is not open:\n%s", d.screen())
		}
		d.do(step{key: "2"}, settled)
		if d.h.p.focus != 4 || d.quit {
			t.Fatalf("after the change, page %d (quit %v), want the review", d.h.p.focus, d.quit)
		}
		keys := []string{"enter"}
		if save {
			keys = []string{"down", "enter"}
		}
		d.do(press(keys...)...)
		if !d.quit || !d.h.p.done || d.h.p.save != save {
			t.Fatalf("quit %v done %v save %v, want true true %v", d.quit, d.h.p.done, d.h.p.save, save)
		}
		want := []assess.Answer{assess.Yes, assess.Yes, assess.No, assess.Yes}
		if !slices.Equal(d.answers(), want) {
			t.Errorf("answers = %q, want %q", d.answers(), want)
		}
	}
}

// TestEscAsksOnceAnswered: Esc stops at once while nothing is answered;
// once something is, it asks first, and only y stops; n or Esc goes back
// to the page, with the answers kept. Ctrl-C still stops at once.
func TestEscAsksOnceAnswered(t *testing.T) {
	ask := fixture(t).Labels.Get("form_stop")
	d := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "enter"}, settled, step{key: "1"}, read)
	d.do(step{key: "esc"}, wait(escWait))
	if d.quit || !strings.Contains(d.screen(), ask[:20]) {
		t.Fatalf("Esc after an answer stopped, or did not ask (quit %v):\n%s", d.quit, d.screen())
	}
	d.do(step{key: "2"})
	if d.quit || d.answers()[1] != "" {
		t.Fatalf("a key other than y or n did something while asking: quit %v, answers %q", d.quit, d.answers())
	}
	d.do(step{key: "n"}, read)
	if d.quit || strings.Contains(d.screen(), ask[:20]) {
		t.Fatalf("n did not go back to the page:\n%s", d.screen())
	}
	d.do(step{key: "2"}, read)
	if want := []assess.Answer{"yes", "no", "", ""}; !slices.Equal(d.answers(), want) {
		t.Fatalf("answers = %q, want %q: kept, and the page answers again", d.answers(), want)
	}
	d.do(step{key: "esc"}, wait(escWait), step{key: "y"})
	if !d.quit || !d.h.p.aborted {
		t.Fatalf("y did not stop: quit %v aborted %v", d.quit, d.h.p.aborted)
	}

	fresh := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "enter"}, settled, step{key: "esc"}, wait(escWait))
	if !fresh.quit {
		t.Fatal("Esc with nothing answered did not stop at once")
	}
	answered := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "enter"}, settled, step{key: "1"}, read, step{key: "ctrl+c"})
	if !answered.quit || !answered.h.p.aborted {
		t.Fatal("Ctrl-C after an answer did not stop at once")
	}
}

// TestCursorFollowsTheChoice: the terminal's cursor is on the option under
// the form's cursor, which a screen reader reads as the current line, and
// on the question's line while none is.
func TestCursorFollowsTheChoice(t *testing.T) {
	d := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "enter"}, settled)
	line := func() string {
		v := d.h.View()
		if v.Cursor == nil {
			t.Fatal("no cursor")
		}
		return strings.Split(ansi.Strip(v.Content), "\n")[v.Cursor.Y]
	}
	if got := line(); !strings.Contains(got, "Is the fixture home steady?") {
		t.Errorf("with nothing chosen, the cursor is on %q, want the question", got)
	}
	for _, c := range []struct{ key, want string }{{"down", "> 1. Yes"}, {"down", "> 2. No"}, {"up", "> 1. Yes"}} {
		d.do(step{key: c.key})
		if got := line(); !strings.HasPrefix(got, c.want) {
			t.Errorf("after %s the cursor is on %q, want %q", c.key, got, c.want)
		}
	}
}

// TestPlainKeySwitches: p, on any page, ends the form for plain prompts,
// keeping the answers given; it answers nothing itself.
func TestPlainKeySwitches(t *testing.T) {
	d := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "enter"}, settled, step{key: "1"}, read, step{key: "p"})
	if !d.quit || !d.h.p.plain || d.h.p.aborted || d.h.p.done {
		t.Fatalf("quit %v plain %v aborted %v done %v; want the form ended for plain prompts", d.quit, d.h.p.plain, d.h.p.aborted, d.h.p.done)
	}
	if want := []assess.Answer{"yes", "", "", ""}; !slices.Equal(d.answers(), want) {
		t.Errorf("answers = %q, want %q", d.answers(), want)
	}
	intro := newDriver(t, fixture(t), 80, 24).do(settled, step{key: "p"})
	if !intro.quit || !intro.h.p.plain {
		t.Error("p on the intro page did not switch")
	}
}

// TestPageTurnWaitsForItsClear: after a page turn the frame is blank until
// Bubble Tea has taken the clear that comes with it, then the new page is
// drawn, whole (see host.clearing).
func TestPageTurnWaitsForItsClear(t *testing.T) {
	d := newDriver(t, fixture(t), 80, 24)
	d.hold = func(msg tea.Msg) bool { _, ok := msg.(clearedMsg); return ok }
	// Bubble Tea asks for a frame after every message; the driver, only
	// when a test reads the screen.
	if d.do(settled); !strings.Contains(d.screen(), "Press Enter to start") {
		t.Fatalf("no intro:\n%s", d.screen())
	}
	d.do(step{key: "enter"})
	if len(d.held) != 1 || strings.TrimSpace(d.screen()) != "" {
		t.Fatalf("before its clear was taken, %d clears held and the screen shows:\n%s", len(d.held), d.screen())
	}
	d.hold = nil
	d.update(d.held[0])
	d.drain()
	if !strings.Contains(d.screen(), "(1/4)") {
		t.Fatalf("after its clear, the screen shows:\n%s", d.screen())
	}
}
