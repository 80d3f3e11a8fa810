package prompt

import (
	"image/color"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/contrast"
)

// palette is the colours of one kind of background, dark or light. A colour
// that falls short of WCAG AA contrast on the background the terminal actually
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

// readable is true when c, as the terminal of profile p will show it,
// reaches WCAG 2's AA contrast on bg.
func readable(c, bg color.Color, p colorprofile.Profile) bool {
	return contrast.Ratio(p.Convert(c), bg) >= contrast.AA
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
		if contrast.Luminance(bg) < 0.5*contrast.Luminance(color.White) {
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
