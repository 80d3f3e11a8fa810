package prompt

import (
	"slices"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
)

// TestCtrlCOvertakesQueuedKeys: Ctrl-C read from the terminal stops the
// form at the next message, ahead of every key typed before it and still
// waiting to be handled: none of them answers, and the page is cleared at
// once. The program ends at the Ctrl-C key, which comes after them.
func TestCtrlCOvertakesQueuedKeys(t *testing.T) {
	d := newDriver(t, fixture(t), 40, 12).do(settled, step{key: "enter"}, read)
	// What the terminal reader does when it reads 0x03, behind 1,000 keys
	// it has already handed on.
	d.h.interrupt()
	d.do(press("down")...)
	if !d.h.p.aborted || d.screen() != "" {
		t.Fatalf("the form did not stop at the next key (aborted %v):\n%s", d.h.p.aborted, d.screen())
	}
	for range 250 {
		d.do(press("2", "enter", "x", "down")...)
	}
	if want := []assess.Answer{"", "", "", ""}; !slices.Equal(d.answers(), want) {
		t.Errorf("answers = %q, want none", d.answers())
	}
	d.do(press("ctrl+c")...)
	if !d.quit {
		t.Fatal("the Ctrl-C key did not end the program")
	}
}

// TestDroppedKeysCostNoLayout: a key that does nothing on the page (a
// letter the form has no use for, a key typed before the page settled, a
// piece of a reply) neither reaches huh nor lays the page out again: the
// frame Bubble Tea asks for after it is the one before. A hundred thousand
// of them typed ahead cost next to nothing.
func TestDroppedKeysCostNoLayout(t *testing.T) {
	d := newDriver(t, fixture(t), 40, 12).do(settled, step{key: "enter"}, read)
	before := d.h.View().Content
	for _, k := range []string{"x", "q", "tab", "/", "ctrl+g"} {
		msg := keyMsg(t, k)
		allocs := testing.AllocsPerRun(100, func() {
			d.h.Update(msg)
			d.h.View()
		})
		// A layout of the page takes hundreds of allocations.
		if allocs > 10 {
			t.Errorf("%s: %.0f allocations a key", k, allocs)
		}
	}
	if d.h.View().Content != before {
		t.Error("the page changed")
	}
	// A key the page uses still shows.
	d.do(press("down")...)
	if d.h.View().Content == before {
		t.Error("down did not move the cursor")
	}
}

// TestFloodedKeysAnswerNothing: keys that come in a read larger than any
// person types between two reads (typed ahead, or pasted without a paste's
// markers) answer nothing and cost no layout; a key after the flood counts.
func TestFloodedKeysAnswerNothing(t *testing.T) {
	d := newDriver(t, fixture(t), 40, 12).do(settled, step{key: "enter"}, read)
	before := d.h.View().Content
	d.h.flood()
	d.do(press("j", "j", "1", "enter", "3")...)
	if want := []assess.Answer{"", "", "", ""}; !slices.Equal(d.answers(), want) || d.h.View().Content != before {
		t.Fatalf("flooded keys acted: answers %q, screen:\n%s", d.answers(), d.screen())
	}
	d.do(wait(pasteGap), step{key: "2"})
	if want := []assess.Answer{assess.No, "", "", ""}; !slices.Equal(d.answers(), want) {
		t.Errorf("a key after the flood: answers %q", d.answers())
	}
}
