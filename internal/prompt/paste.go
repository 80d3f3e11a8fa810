package prompt

// The markers of a bracketed paste, around text a person pasted.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// pasteFilter drops the text of bracketed pastes from what the terminal
// sends, and keeps their markers. The form uses nothing in a paste (a paste
// is never an answer), but Bubble Tea's reader keeps all of it until the
// paste ends: a paste that never ends would grow without bound (30 MB took
// 127 MB). With the text dropped before the reader sees it, it keeps none;
// the markers still tell it, and the form, that a paste came.
//
// Outside a paste every byte passes at once, a lone Esc included: only
// inside a paste are up to five bytes held back, while they may be the
// start of its end marker.
type pasteFilter struct {
	inPaste bool
	// matched is how many bytes of the marker awaited (pasteStart outside
	// a paste, pasteEnd inside one) the bytes so far end with. Inside a
	// paste those bytes are held back: they are pasteEnd[:matched].
	matched int
}

// filter rewrites in[:n] into out, which must have room for n+len(pasteEnd)
// bytes, and returns how many bytes it wrote.
func (f *pasteFilter) filter(out, in []byte) int {
	w := 0
	for _, c := range in {
		if !f.inPaste {
			out[w] = c
			w++
			f.matched = next(pasteStart, f.matched, c)
			if f.matched == len(pasteStart) {
				f.inPaste, f.matched = true, 0
			}
			continue
		}
		f.matched = next(pasteEnd, f.matched, c)
		if f.matched == len(pasteEnd) {
			w += copy(out[w:], pasteEnd)
			f.inPaste, f.matched = false, 0
		}
		// Anything else is the paste's text, or a false start of its end
		// marker: dropped.
	}
	return w
}

// next is how many bytes of marker match after c, given that matched did
// before it. Neither marker repeats its own start, so a mismatch starts over
// (at one byte when c is the ESC a marker begins with).
func next(marker string, matched int, c byte) int {
	switch {
	case c == marker[matched]:
		return matched + 1
	case c == marker[0]:
		return 1
	}
	return 0
}
