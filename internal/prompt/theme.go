package prompt

import (
	"image/color"
	"math"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// minContrast is WCAG 2's AA contrast for text: every colour the form sets
// must reach it against the background the terminal reported, as the
// terminal will show it.
const minContrast = 4.5

// palette is the colours of one kind of background, dark or light. A colour
// that falls short of minContrast on the background the terminal actually
// reported is not used: its text keeps the terminal's own colour.
type palette struct {
	Accent, Chosen, Hint, Notice color.Color
}

var (
	darkPalette = palette{
		Accent: ansi.RGBColor{R: 0x8A, G: 0xB4, B: 0xF8},
		Chosen: ansi.RGBColor{R: 0x81, G: 0xC9, B: 0x95},
		Hint:   ansi.RGBColor{R: 0xBD, G: 0xBD, B: 0xBD},
		Notice: ansi.RGBColor{R: 0xFD, G: 0xD6, B: 0x63},
	}
	lightPalette = palette{
		Accent: ansi.RGBColor{R: 0x1A, G: 0x4E, B: 0x9E},
		Chosen: ansi.RGBColor{R: 0x13, G: 0x6B, B: 0x2F},
		Hint:   ansi.RGBColor{R: 0x50, G: 0x50, B: 0x50},
		Notice: ansi.RGBColor{R: 0x7A, G: 0x3E, B: 0x00},
	}
)

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readable returns c as the terminal of profile p will show it, and whether
// that reaches minContrast on bg.
func readable(c, bg color.Color, p colorprofile.Profile) bool {
	return contrast(p.Convert(c), bg) >= minContrast
}

// newStyles is the form's huh theme for a terminal of profile p whose
// background is bg (nil until, or unless, the terminal says). Without a
// background, and on a terminal of 16 colours or fewer (whose colours iopfit
// cannot know), it uses the terminal's own colours: bold, and reverse video
// for the option under the cursor, which read well on any background. The
// fields draw with these styles, and huh's note (the intro page) too.
func newStyles(bg color.Color, p colorprofile.Profile) *huh.Styles {
	plain := lipgloss.NewStyle()
	bold := plain.Bold(true)
	title, chosen, hint, notice := bold, bold.Reverse(true), plain, bold
	if bg != nil && p >= colorprofile.ANSI256 {
		pal := lightPalette
		if luminance(bg) < 0.5*luminance(color.White) {
			pal = darkPalette
		}
		if readable(pal.Accent, bg, p) {
			title = bold.Foreground(pal.Accent)
		}
		if readable(pal.Chosen, bg, p) {
			chosen = bold.Foreground(pal.Chosen)
		}
		if readable(pal.Hint, bg, p) {
			hint = plain.Foreground(pal.Hint)
		}
		if readable(pal.Notice, bg, p) {
			notice = bold.Foreground(pal.Notice)
		}
	}
	var s huh.Styles
	fs := huh.FieldStyles{
		Base:             plain,
		Title:            title,
		Description:      plain,
		ErrorMessage:     notice,
		SelectSelector:   chosen.UnsetReverse(),
		SelectedOption:   chosen,
		UnselectedOption: plain,
		Card:             plain,
		NoteTitle:        title,
		Next:             chosen,
	}
	s.Form.Base, s.Group.Base = plain, plain
	s.Focused, s.Blurred = fs, fs
	s.Help.ShortKey, s.Help.ShortDesc, s.Help.ShortSeparator = hint, hint, hint
	s.Help.Ellipsis = hint
	return &s
}
