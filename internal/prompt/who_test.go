package prompt

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/iopfit/iopfit/internal/assess"
)

// TestWhoFormNeverChooses: "Who is this check for?" comes after the intro
// with nothing chosen; Enter with nothing chosen only says how to choose,
// a key before the page has settled is dropped, 3 is no choice of its two,
// and 1 or 2 chooses and ends the form, with no review page.
func TestWhoFormNeverChooses(t *testing.T) {
	for _, c := range []struct {
		key  string
		want assess.Perspective
	}{{"1", assess.ForMe}, {"2", assess.ForSomeone}} {
		set := fixture(t)
		d := drive(t, NewWhoForm(set, FormIO{Profile: colorprofile.TrueColor}), 80, 24)
		d.do(settled, step{key: "enter"})
		if !strings.Contains(d.screen(), set.Labels.Get("for_question")) {
			t.Fatalf("the page after the intro is not the question:\n%s", d.screen())
		}
		if strings.Contains(d.screen(), "(1/1)") || strings.Contains(d.screen(), "Not sure") {
			t.Errorf("the question is numbered, or offers a third answer:\n%s", d.screen())
		}
		// Typed before the page settled: dropped.
		d.do(step{key: c.key})
		if d.quit {
			t.Fatal("a key before the page settled chose")
		}
		d.do(settled, step{key: "enter"})
		if d.quit || !strings.Contains(strings.Join(strings.Fields(d.screen()), " "), set.Labels.Get("for_choose")) {
			t.Fatalf("Enter with nothing chosen: quit %v, screen:\n%s", d.quit, d.screen())
		}
		d.do(step{key: "3"})
		if d.quit {
			t.Fatal("3 chose, on a page of two choices")
		}
		d.do(step{key: c.key})
		if !d.quit || !d.h.p.done {
			t.Fatalf("%s did not choose: quit %v done %v", c.key, d.quit, d.h.p.done)
		}
		got, ok := Given{Answers: map[string]assess.Answer{whoID: d.h.p.answers[0]}}.Who()
		if !ok || got != c.want {
			t.Errorf("%s chose %q, want %q", c.key, got, c.want)
		}
	}
}

// TestAskWhoPlain: plain prompts take the choice's number, a word for it
// in either language, or its label, and ask again after anything else,
// an empty line included; the end of input stops.
func TestAskWhoPlain(t *testing.T) {
	cases := []struct {
		input string
		want  assess.Perspective
		again int
	}{
		{"1\n", assess.ForMe, 0},
		{"2\n", assess.ForSomeone, 0},
		{"\n3\nmaybe\nsomeone\n", assess.ForSomeone, 3},
		{"Alguien\n", assess.ForSomeone, 0},
		{"Someone I care about\n", assess.ForSomeone, 0},
		{"me\n", assess.ForMe, 0},
	}
	for _, c := range cases {
		set := fixture(t)
		var out bytes.Buffer
		pio := PlainIO{In: NewLines(strings.NewReader(c.input)), Out: &out, Terminal: true}
		got, err := AskWhoPlain(context.Background(), pio, set)
		if err != nil || got != c.want {
			t.Errorf("%q: got %q, %v; want %q", c.input, got, err, c.want)
		}
		if n := strings.Count(out.String(), set.Labels.Get("plain_retry")); n != c.again {
			t.Errorf("%q: asked again %d times, want %d:\n%s", c.input, n, c.again, out.String())
		}
		if !strings.Contains(out.String(), set.Intro) {
			t.Errorf("%q: the intro was not said first:\n%s", c.input, out.String())
		}
	}
	set := fixture(t)
	_, err := AskWhoPlain(context.Background(), PlainIO{In: NewLines(strings.NewReader("")), Out: &bytes.Buffer{}, Terminal: true}, set)
	if !errors.Is(err, ErrCancelled) {
		t.Errorf("the end of input: %v, want it to stop", err)
	}
}
