package prompt

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/wrap"
)

// The review page's first two items; the answers follow.
const (
	itemShow = iota
	itemSave
	firstAnswer
)

// review is the page after the last question, a huh field of iopfit's own:
// it lists every answer in full, scrolling when the set is long, under the
// choices to show the result, or to show it and keep a copy; choosing an
// answer opens its question to change it.
type review struct {
	pageField
	p      *pages
	theme  huh.Theme
	cursor int
	// top is the first line of the items shown, when they do not all fit.
	top int
}

func newReview(p *pages) *review { return &review{p: p, theme: p.theme()} }

func (r *review) Focus() tea.Cmd {
	r.cursor, r.top = itemShow, 0
	return r.p.arrive(len(r.p.qs))
}

func (r *review) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	n := firstAnswer + len(r.p.qs)
	switch k.String() {
	case "down", "j":
		r.cursor = (r.cursor + 1) % n
	case "up", "k":
		r.cursor = (r.cursor + n - 1) % n
	case "enter":
		return r, r.choose()
	case "shift+tab", "left":
		r.p.turning = true
		return r, huh.PrevField
	}
	return r, nil
}

// choose acts on the item under the cursor. huh's next page from the last
// one ends the form; its previous page, with every other question hidden,
// opens the question chosen.
func (r *review) choose() tea.Cmd {
	r.p.turning = true
	switch r.cursor {
	case itemShow, itemSave:
		r.p.done, r.p.save = true, r.cursor == itemSave
		return huh.NextField
	}
	r.p.jump = r.cursor - firstAnswer
	return huh.PrevField
}

// View lays the page out for the window: its title, the items (scrolled so
// that the one under the cursor is on screen, with a mark where more are
// above or below), a hint and the key hints, which give way in that order.
func (r *review) View() string {
	if r.p.focus != len(r.p.qs) {
		// Not on screen (see question.View).
		return ""
	}
	p, st := r.p, r.theme.Theme(false)
	w := p.textWidth()
	title := styled(st.Focused.Title, wrap.Words(p.labels.Get("review_title"), w))
	items, first, last := r.items(st, w)
	hint := styled(st.Help.ShortDesc, wrap.Words(p.labels.Get("review_hint"), w))
	l := p.labels
	keys := keyBar(st, l, w, []string{"↑ " + l.Get("key_up"), "↓ " + l.Get("key_down")}, []string{"↑↓"})
	// title's first line, three lines of items, keys, the other items, the
	// rest of the title, the hint, and blank lines
	g := grant(p.height, 1, min(len(items), 3), len(keys), max(len(items)-3, 0),
		len(title)-1, len(hint), 1, 1, 1)
	shown := g[1] + g[3]

	var b []string
	b = append(b, title[:g[0]+g[4]]...)
	if g[6] > 0 {
		b = append(b, "")
	}
	b = append(b, r.window(st, items, first, last, shown)...)
	if g[5] > 0 {
		if g[7] > 0 {
			b = append(b, "")
		}
		b = append(b, hint[:g[5]]...)
	}
	if g[2] > 0 {
		if g[8] > 0 {
			b = append(b, "")
		}
		b = append(b, keys[:g[2]]...)
	}
	return clip(b, p.height)
}

// items draws every item, wrapped under its mark, and says on which lines
// the one under the cursor starts and ends.
func (r *review) items(st *huh.Styles, w int) (lines block, first, last int) {
	p := r.p
	texts := []string{p.labels.Get("review_show"), p.labels.Get("review_save")}
	for i, q := range p.qs {
		// The answer's short word: the question's own words for it
		// ("Yes: none of the signs is true for me") would run into the
		// question after a second colon; the question says what it means.
		texts = append(texts, p.labels.Option(p.answers[i])+": "+q.Prompt)
	}
	// Every answer in full: the review page scrolls.
	return choices(st, w, texts, r.cursor, 0)
}

// window is the n lines of items to show: all of them when they fit, else
// a scrolled part with a mark line above and below, which says whether
// there is more that way.
func (r *review) window(st *huh.Styles, items block, first, last, n int) []string {
	if len(items) <= n {
		return items
	}
	if n < 3 {
		// No room for the marks: the item under the cursor, from its start.
		return items[first:min(first+max(n, 1), len(items))]
	}
	inner := n - 2
	switch {
	case first < r.top:
		r.top = first
	case last >= r.top+inner:
		r.top = max(last-inner+1, first)
		if last-first+1 > inner {
			r.top = first
		}
	}
	r.top = min(r.top, len(items)-inner)
	mark := func(more bool, s string) string {
		if more {
			return st.Help.ShortDesc.Render(s)
		}
		return ""
	}
	out := []string{mark(r.top > 0, "▲")}
	out = append(out, items[r.top:r.top+inner]...)
	return append(out, mark(r.top+inner < len(items), "▼"))
}

// KeyBinds lists the page's keys, as huh's help would show them.
func (r *review) KeyBinds() []key.Binding { return keyBinds(r.p.labels, false) }

func (r *review) WithTheme(t huh.Theme) huh.Field { r.theme = t; return r }

// WithKeyMap, WithWidth and WithHeight are huh's, for its own fields: the
// keys here are iopfit's, and the size is the window's, shared by every page.
func (r *review) WithKeyMap(*huh.KeyMap) huh.Field         { return r }
func (r *review) WithWidth(int) huh.Field                  { return r }
func (r *review) WithHeight(int) huh.Field                 { return r }
func (r *review) WithPosition(huh.FieldPosition) huh.Field { return r }

func (r *review) GetKey() string { return "review" }

// GetValue is the answers as they stand.
func (r *review) GetValue() any { return append([]assess.Answer(nil), r.p.answers...) }
