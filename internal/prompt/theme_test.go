package prompt

import (
	"image/color"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/contrast"
)

// backgrounds are the backgrounds a terminal may report: every grey from
// black to white in steps of 8, tmux's #c0c0c0 (bg=white), and the coloured
// ones of common themes.
func backgrounds() []color.Color {
	var bgs []color.Color
	for v := 0; v <= 0xff; v += 8 {
		bgs = append(bgs, ansi.RGBColor{R: uint8(v), G: uint8(v), B: uint8(v)})
	}
	for _, hex := range []uint32{0xffffff, 0xc0c0c0, 0x002b36, 0xfdf6e3, 0x282c34, 0x1e1e2e, 0xeff1f5, 0x300a24, 0x0000aa, 0x3b4252, 0xd8dee9} {
		bgs = append(bgs, ansi.RGBColor{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex)})
	}
	return bgs
}

// foregrounds lists every text colour a set of styles sets, by where.
func foregrounds(s *huh.Styles) map[string]color.Color {
	out := map[string]color.Color{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if st, ok := v.Interface().(lipgloss.Style); ok {
			if fg := st.GetForeground(); fg != nil {
				if _, none := fg.(lipgloss.NoColor); !none {
					out[path] = fg
				}
			}
			return
		}
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
	}
	walk("Styles", reflect.ValueOf(*s))
	return out
}

// TestContrastAgainstReportedBackground: on whatever background the terminal
// reports, every colour the form sets reaches 4.5:1 as that terminal shows
// it (downsampled to 256 colours when that is what it has); a colour that
// would not is not set. And some colour is set on plain black and white,
// so that the test cannot pass by setting none.
func TestContrastAgainstReportedBackground(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256} {
		for _, bg := range backgrounds() {
			fgs := foregrounds(newStyles(bg, p))
			for where, fg := range fgs {
				if got := contrast.Ratio(p.Convert(fg), bg); got < contrast.AA {
					t.Errorf("%v on %v: %s is %v, %.2f:1", p, bg, where, p.Convert(fg), got)
				}
			}
		}
		for _, bg := range []color.Color{ansi.Black, ansi.White} {
			if len(foregrounds(newStyles(bg, p))) == 0 {
				t.Errorf("%v on %v: no colour at all", p, bg)
			}
		}
	}
}

// TestNoColourUntilTold: before the terminal reports a background, and on
// a terminal of 16 colours, whose colours iopfit cannot know, the form sets
// no colour at all: bold and reverse video only.
func TestNoColourUntilTold(t *testing.T) {
	for name, s := range map[string]*huh.Styles{
		"no background yet": newStyles(nil, colorprofile.TrueColor),
		"16 colours, dark":  newStyles(ansi.Black, colorprofile.ANSI),
		"16 colours, light": newStyles(ansi.White, colorprofile.ANSI),
		"no colour":         newStyles(ansi.White, colorprofile.Ascii),
	} {
		if fgs := foregrounds(s); len(fgs) > 0 {
			t.Errorf("%s: colours set: %v", name, fgs)
		}
	}
	d := newDriver(t, fixture(t), 80, 24)
	if fgs := foregrounds(d.h.p.styles); len(fgs) > 0 {
		t.Errorf("the form set colours before the terminal answered: %v", fgs)
	}
	d.do(step{msg: tea.BackgroundColorMsg{Color: ansi.RGBColor{R: 0xc0, G: 0xc0, B: 0xc0}}})
	for where, fg := range foregrounds(d.h.p.styles) {
		if got := contrast.Ratio(fg, ansi.RGBColor{R: 0xc0, G: 0xc0, B: 0xc0}); got < contrast.AA {
			t.Errorf("after a #c0c0c0 reply, %s is %.2f:1", where, got)
		}
	}
}

// TestPensDrawAsLipgloss: a style's pen puts on a text exactly what
// lipgloss's own rendering would, for every style the form's own pages draw
// with, in every theme the form builds. (The intro's title, with its margin,
// is drawn by huh's note itself.)
func TestPensDrawAsLipgloss(t *testing.T) {
	for _, bg := range []color.Color{nil, ansi.Black, ansi.White, ansi.RGBColor{R: 0xc0, G: 0xc0, B: 0xc0}} {
		for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
			s := newStyles(bg, p)
			for name, st := range map[string]lipgloss.Style{
				"title": s.Focused.Title, "description": s.Focused.Description, "notice": s.Focused.ErrorMessage,
				"selector": s.Focused.SelectSelector, "selected": s.Focused.SelectedOption,
				"option": s.Focused.UnselectedOption, "hint": s.Help.ShortDesc,
			} {
				for _, text := range []string{"Yes", "Call or text 988. Sí, ¿no?", "健康"} {
					if got, want := penOf(st).on(text), st.Render(text); got != want {
						t.Errorf("%v %v %s: pen gives %q, lipgloss %q", bg, p, name, got, want)
					}
				}
			}
		}
	}
}
