package prompt

import (
	"strings"
	"testing"
)

// TestLabelsHeldToThePage: a set's own labels, however long (the notice
// after Enter with nothing chosen, the options, the keys' words), never push
// the question or the key hints off a small window: each is held to its
// share of the page.
func TestLabelsHeldToThePage(t *testing.T) {
	long := func(s string) string { return s + strings.Repeat(" and a few words more", 14) }
	set := fixture(t)
	set.Labels["form_choose"] = long("Please choose one of the answers first")
	set.Labels["option_yes"] = long("Yes")
	set.Labels["key_select"] = long("choose")
	for _, size := range [][2]int{{40, 12}, {30, 10}, {60, 20}} {
		w, h := size[0], size[1]
		d := newDriver(t, set, w, h).do(settled)
		if d.h.p.focus == introPage {
			d.do(step{key: "enter"}, read)
		}
		d.do(step{key: "enter"})
		screen := d.screen()
		checkFits(t, "the notice", screen, w, h)
		want := []string{"(1/4)", "Please choose", "1. Yes", "2. No", "3. Not sure", "↑↓"}
		if h >= 12 {
			// Room for the whole key bar: Esc stops, whatever the labels.
			want = append(want, "esc")
		}
		for _, want := range want {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: %q is not on screen:\n%s", w, h, want, screen)
			}
		}
	}
}
