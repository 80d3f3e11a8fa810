package prompt

import (
	"image/color"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
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

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestContrast computes the contrast of every colour the form uses against
// the backgrounds it is drawn for: pure black and white, and the greys that
// common dark and light themes use. Every text colour must reach 4.5:1, also
// after downsampling to 256 colours.
func TestContrast(t *testing.T) {
	backgrounds := map[string][]color.Color{
		"dark":  {ansi.RGBColor{R: 0x00, G: 0x00, B: 0x00}, ansi.RGBColor{R: 0x1E, G: 0x1E, B: 0x1E}, ansi.RGBColor{R: 0x28, G: 0x2C, B: 0x34}},
		"light": {ansi.RGBColor{R: 0xFF, G: 0xFF, B: 0xFF}, ansi.RGBColor{R: 0xF0, G: 0xF0, B: 0xF0}, ansi.RGBColor{R: 0xFD, G: 0xF6, B: 0xE3}},
	}
	palettes := map[string]palette{"dark": darkPalette, "light": lightPalette}
	for kind, p := range palettes {
		v := reflect.ValueOf(p)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			c := v.Field(i).Interface().(color.Color)
			for _, shown := range []color.Color{c, colorprofile.ANSI256.Convert(c)} {
				for _, bg := range backgrounds[kind] {
					if got := contrast(shown, bg); got < 4.5 {
						t.Errorf("%s palette, %s: %v on %v is %.2f:1, below 4.5:1", kind, name, shown, bg, got)
					}
				}
			}
		}
	}
}

// TestSixteenColoursUseTheTerminalsOwn: on a terminal of 16 colours, whose
// colours iopfit cannot know, the form sets no colour at all.
func TestSixteenColoursUseTheTerminalsOwn(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := themeStyles(dark, colorprofile.ANSI)
		if out := st.hint.Styled("x") + st.prompt.Styled("x") + st.cursor.Styled("x"); strings.Contains(out, "38;") {
			t.Errorf("dark=%v: a colour was set on a 16-colour terminal: %q", dark, out)
		}
	}
}

// TestQuestionPageFits renders each question of the fixture at small sizes:
// the prompt and every option are always there, no line is wider than the
// window, and the page is never taller than the window.
func TestQuestionPageFits(t *testing.T) {
	set := fixture(t)
	for _, size := range [][2]int{{40, 12}, {100, 12}, {30, 10}, {80, 24}, {20, 8}} {
		f, err := NewForm(set, set.IDs(), FormIO{})
		if err != nil {
			t.Fatal(err)
		}
		m := f.m
		m.width, m.height = size[0], size[1]
		for page := range m.qs {
			m.page = page
			out := ansi.Strip(m.render())
			lines := strings.Split(out, "\n")
			if len(lines) > size[1] {
				t.Errorf("%dx%d page %d: %d lines", size[0], size[1], page, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) >= size[0] {
					t.Errorf("%dx%d page %d: line %q is too wide", size[0], size[1], page, l)
				}
			}
			for _, a := range assess.Answers {
				if !strings.Contains(out, set.Labels.Option(a)) {
					t.Errorf("%dx%d page %d: option %s is not on screen:\n%s", size[0], size[1], page, a, out)
				}
			}
		}
	}
}
