package prompt

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
)

// sizes are the windows the layout tests draw in, from a phone's to a wide
// desktop's.
var sizes = [][2]int{{20, 8}, {30, 10}, {40, 12}, {60, 20}, {80, 24}, {100, 12}, {100, 30}, {200, 100}}

// checkFits fails unless screen fits w×h: no more lines than h, and no line
// as wide as w (the last column stays empty).
func checkFits(t *testing.T, what, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines:\n%s", what, w, h, len(lines), screen)
	}
	for _, l := range lines {
		if ansi.StringWidth(strings.TrimRight(l, " ")) >= w {
			t.Errorf("%s at %dx%d: line %q is too wide", what, w, h, l)
		}
	}
}

// longSet is the fixture with a long first prompt and help.
func longSet(t *testing.T, prompt, help string) *assess.Set {
	set := fixture(t)
	set.Questions[0].Prompt = prompt
	set.Questions[0].Help = help
	return set
}

// TestQuestionPageFits draws every question at every size: it fits, its
// three options are always there, and the first line of its help is there
// whenever the window has room for the options and three lines more.
func TestQuestionPageFits(t *testing.T) {
	sets := map[string]*assess.Set{
		"fixture": fixture(t),
		// 285 wide characters, under the 300 cap: 570 columns.
		"wide prompt": longSet(t, strings.Repeat("健康", 142)+"？", "Help first line. "+strings.Repeat("More help words here. ", 40)),
		"long help":   longSet(t, "Is it?", "Call or text 988 now. "+strings.Repeat("More help words here. ", 80)),
	}
	for name, set := range sets {
		for _, size := range sizes {
			w, h := size[0], size[1]
			d := newDriver(t, set, w, h).do(settled)
			if d.h.p.focus == introPage {
				d.do(step{key: "enter"}, settled)
			}
			for i := range set.Questions {
				if d.h.p.focus != i {
					t.Fatalf("%s %dx%d: page %d on screen, want %d", name, w, h, d.h.p.focus, i)
				}
				screen := d.screen()
				what := fmt.Sprintf("%s question %d", name, i+1)
				checkFits(t, what, screen, w, h)
				for _, a := range assess.Answers {
					if !strings.Contains(screen, set.Labels.Option(a)) && h >= 4 {
						t.Errorf("%s at %dx%d: option %s is not on screen:\n%s", what, w, h, a, screen)
					}
				}
				first := strings.Fields(set.Questions[i].Help)[0]
				if h >= 8 && !strings.Contains(screen, first) {
					t.Errorf("%s at %dx%d: the help's first words are not on screen:\n%s", what, w, h, screen)
				}
				d.do(step{key: "1"}, read)
			}
		}
	}
}

// TestReadItAll: what a page cuts can be read with the key its hint names,
// to the last word, and the page comes back after.
func TestReadItAll(t *testing.T) {
	help := "Call or text 988 now. " + strings.Repeat("More help words here. ", 30) + "The last words."
	set := longSet(t, strings.Repeat("健康", 142)+"？", help)
	d := newDriver(t, set, 40, 12).do(settled)
	if d.h.p.focus == introPage {
		d.do(step{key: "enter"}, settled)
	}
	if !strings.Contains(d.screen(), "space: read it all") {
		t.Fatalf("no hint names the key:\n%s", d.screen())
	}
	seen := ""
	for range 40 {
		d.do(step{key: "space"})
		if !d.h.form.GetFocusedField().(*question).reading {
			break
		}
		checkFits(t, "reading", d.screen(), 40, 12)
		seen += " " + strings.Join(strings.Fields(d.screen()), " ")
	}
	for _, want := range []string{"健康", "Call or text 988", "The last words."} {
		if !strings.Contains(seen, want) {
			t.Errorf("reading never showed %q", want)
		}
	}
	if strings.Contains(d.screen(), "read on") || !strings.Contains(d.screen(), "1. Yes") {
		t.Errorf("the page did not come back after the text's end:\n%s", d.screen())
	}
	if d.answers()[0] != "" {
		t.Errorf("reading answered %q", d.answers()[0])
	}
	// A number pressed while reading answers, as on the page.
	d.do(step{key: "space"}, step{key: "2"})
	if d.answers()[0] != assess.No || d.h.p.focus != 1 {
		t.Errorf("2 while reading: answers %q, page %d; want no, and the next page", d.answers(), d.h.p.focus)
	}
}

// fortyQuestions is a set of 40 questions (the cap), each with a prompt of
// its own number.
func fortyQuestions(t *testing.T) *assess.Set {
	set := fixture(t)
	base := set.Questions[0]
	set.Questions = nil
	for i := range 40 {
		q := base
		q.ID = fmt.Sprintf("q%d", i+1)
		q.Prompt = fmt.Sprintf("Question number %d, which is long enough to wrap on a narrow window?", i+1)
		set.Questions = append(set.Questions, q)
	}
	return set
}

// TestReviewShowsEveryAnswer: with 40 questions, moving down the review page
// brings each answer into view in full, at every size.
func TestReviewShowsEveryAnswer(t *testing.T) {
	set := fortyQuestions(t)
	for _, size := range [][2]int{{40, 12}, {80, 24}, {30, 10}} {
		w, h := size[0], size[1]
		d := newDriver(t, set, w, h).do(settled)
		if d.h.p.focus == introPage {
			d.do(step{key: "enter"}, settled)
		}
		for range set.Questions {
			d.do(step{key: "2"}, read)
		}
		if d.h.p.focus != len(set.Questions) {
			t.Fatalf("%dx%d: not on the review page", w, h)
		}
		// Past show and save, to each answer in turn.
		d.do(press("down", "down")...)
		for i := range set.Questions {
			screen := d.screen()
			checkFits(t, "review", screen, w, h)
			flat := strings.Join(strings.Fields(screen), " ")
			want := fmt.Sprintf("No: Question number %d, which is long enough to wrap on a narrow window?", i+1)
			if !strings.Contains(flat, want) {
				t.Fatalf("%dx%d: answer %d is not on screen in full:\n%s", w, h, i+1, screen)
			}
			d.do(step{key: "down"})
		}
	}
}

// TestWindowSizes: a terminal that reports 0×0 is drawn as 80×24, and a huge
// one as if it were 200×100, both in the form and in the size messages that
// reach Bubble Tea's renderer.
func TestWindowSizes(t *testing.T) {
	tests := []struct{ w, h, wantW, wantH int }{
		{0, 0, 80, 24}, {8000, 8000, 200, 100}, {3000, 30, 200, 30}, {80, 24, 80, 24}, {-1, 10, 80, 24},
	}
	for _, tc := range tests {
		d := newDriver(t, fixture(t), tc.w, tc.h)
		if d.h.p.width != tc.wantW || d.h.p.height != tc.wantH {
			t.Errorf("%dx%d drawn as %dx%d, want %dx%d", tc.w, tc.h, d.h.p.width, d.h.p.height, tc.wantW, tc.wantH)
		}
		got := capSize(nil, tea.WindowSizeMsg{Width: tc.w, Height: tc.h}).(tea.WindowSizeMsg)
		if got.Width != tc.wantW || got.Height != tc.wantH {
			t.Errorf("capSize(%dx%d) = %dx%d, want %dx%d", tc.w, tc.h, got.Width, got.Height, tc.wantW, tc.wantH)
		}
		checkFits(t, "first page", d.screen(), d.h.p.width, d.h.p.height)
	}
}

// TestIntroComesFirst: where the intro fits, it is the first page, and the
// first question comes only after Enter; where it does not, the first
// question shows the set's title.
func TestIntroComesFirst(t *testing.T) {
	set := fixture(t)
	d := newDriver(t, set, 60, 20).do(settled)
	if d.h.p.focus != introPage || !strings.Contains(d.screen(), "Nothing you enter is sent") {
		t.Fatalf("the intro is not the first page at 60x20:\n%s", d.screen())
	}
	d.do(press("1", "down", "tab", "space")...)
	if d.h.p.focus != introPage || d.answers()[0] != "" {
		t.Fatalf("a key other than Enter left the intro page")
	}
	d.do(step{key: "enter"}, settled)
	if d.h.p.focus != 0 {
		t.Fatalf("Enter did not start:\n%s", d.screen())
	}
	set.Intro = strings.Repeat("A long intro. ", 60)
	d = newDriver(t, set, 40, 12).do(settled)
	if d.h.p.focus != 0 || !strings.Contains(d.screen(), set.Title) {
		t.Fatalf("without room for the intro, the first question does not show the title:\n%s", d.screen())
	}
}

// TestReviewSaysTheShortWord: a question with words of its own for its
// answers ("Yes: none of the signs is true for me") shows the set's short
// word on the review page, so that the answer does not run into the
// question after a second colon.
func TestReviewSaysTheShortWord(t *testing.T) {
	set := fixture(t)
	q := &set.Questions[0]
	q.Options = map[assess.Answer]string{assess.Yes: "Yes: it is true", assess.No: "No: it is not", assess.Unsure: "Not sure: ask"}
	d := newDriver(t, set, 80, 24).do(settled)
	if d.h.p.focus == introPage {
		d.do(step{key: "enter"}, settled)
	}
	for range set.Questions {
		d.do(step{key: "1"}, read)
	}
	flat := strings.Join(strings.Fields(d.screen()), " ")
	if want := "Yes: " + q.Prompt; !strings.Contains(flat, want) || strings.Contains(flat, "it is true") {
		t.Fatalf("the review does not say %q:\n%s", want, d.screen())
	}
}
