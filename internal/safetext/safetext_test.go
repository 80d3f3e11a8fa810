package safetext

import (
	"strings"
	"testing"
)

func TestBad(t *testing.T) {
	tests := []struct {
		r   rune
		bad bool
	}{
		{'a', false}, {'\n', false}, {'\t', false}, {'é', false}, {'—', false}, {'↑', false}, {'日', false},
		{0x1b, true}, {0x00, true}, {'\r', true}, {0x07, true}, {0x7f, true},
		{0x85, true}, {0x9b, true},
		{0x202e, true}, {0x202a, true}, {0x2066, true}, {0x2069, true}, {0x200f, true}, {0x061c, true},
		{0xfffd, true},
	}
	for _, tt := range tests {
		if got := Bad(tt.r) != ""; got != tt.bad {
			t.Errorf("Bad(%U) = %v, want %v", tt.r, got, tt.bad)
		}
	}
}

func TestFind(t *testing.T) {
	if d, _ := Find("plain text, sí"); d != "" {
		t.Errorf("Find flagged clean text: %s", d)
	}
	if d, r := Find("a\x1b[2Jb"); d != "char.escape" || r != 0x1b {
		t.Errorf("Find = %q, %U", d, r)
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines\r\n", "two lines  "},
		{"\x1b[31mred", `\u001b[31mred`},
		{"rtl\u202eltr", `rtl\u202eltr`},
		{"sí", "sí"},
		{"👩\u200d⚕\ufe0f doctor", "👩\u200d⚕\ufe0f doctor"},
		// An escape that takes away a joiner's neighbour escapes the joiner
		// too (found by FuzzOneLine on an empty cache).
		{"👩\u200d\ufe0f", `👩\u200d\ufe0f`},
		{"a\ufe0f\u200d👩", `a\ufe0f\u200d👩`},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"maybe", `"maybe"`},
		{"\x1b[2J", `"\x1b[2J"`},
		{"sí", `"sí"`},
		{strings.Repeat("ñ", 50), `"` + strings.Repeat("ñ", 40) + `…"`},
		// A combining mark on a Latin letter is shown as its code point: a
		// refused "sı́" (dotless i and an acute) would otherwise look
		// exactly like the accepted "sí".
		{"s\u0131\u0301", `"sı\u0301"`},
		{"si\u0301\u0301", `"si\u0301\u0301"`},
		{"yes\u20dd", `"yes\u20dd"`},
		{"\u0301", "\"\u0301\""},
		{"नमस्ते", `"नमस्ते"`}, // marks of other scripts are their letters
		{"a\"b\xff", `"a\"b\xff"`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestInvisible: the characters that show as nothing, or break a line where
// none is seen, are refused wherever they stand, except a zero-width joiner
// between two emoji.
func TestInvisible(t *testing.T) {
	tests := []struct {
		name, text string
		bad        rune
	}{
		{"zero-width space", "ye\u200bs", 0x200b},
		{"byte-order mark inside", "a\ufeffb", 0xfeff},
		{"soft hyphen", "rehab\u00adilitation", 0xad},
		{"line separator", "one\u2028two", 0x2028},
		{"paragraph separator", "one\u2029two", 0x2029},
		{"Hangul choseong filler", "a\u115fb", 0x115f},
		{"Hangul filler", "a\u3164b", 0x3164},
		{"halfwidth filler", "a\uffa0b", 0xffa0},
		{"tag character", "a\U000E0041b", 0xe0041},
		{"interlinear annotation", "a\ufff9b\ufffbc", 0xfff9},
		{"joiner between letters", "a\u200db", 0x200d},
		{"joiner at the end", "👩\u200d", 0x200d},
		{"word joiner", "a\u2060b", 0x2060},
		// Every other Default_Ignorable_Code_Point (Unicode's property).
		{"combining grapheme joiner", "a\u034fb", 0x34f},
		{"variation selector 1", "a\ufe00b", 0xfe00},
		{"emoji presentation after a letter", "a\ufe0fb", 0xfe0f},
		{"ideographic variation selector", "\u845b\U000E0100", 0xe0100},
		{"Mongolian free variation selector", "a\u180bb", 0x180b},
		{"Mongolian vowel separator", "a\u180eb", 0x180e},
		{"Khmer inherent vowel", "a\u17b4b", 0x17b4},
		{"Khmer inherent vowel aa", "a\u17b5b", 0x17b5},
		{"unassigned ignorable", "a\U000E0FFFb", 0xe0fff},
		{"emoji sequence", "👩\u200d⚕\ufe0f doctor", 0},
		{"text presentation after a symbol", "⚕\ufe0e", 0},
		{"family emoji", "👨\u200d👩\u200d👧", 0},
		{"plain Spanish", "¿Está bien? Sí, señor.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, r := Find(tt.text)
			if tt.bad == 0 {
				if d != "" {
					t.Fatalf("Find refused %U (%s) in clean text", r, d)
				}
				return
			}
			if d == "" || r != tt.bad {
				t.Fatalf("Find = %q, %U; want %U refused", d, r, tt.bad)
			}
			if out := OneLine(tt.text); strings.ContainsRune(out, tt.bad) {
				t.Fatalf("OneLine left %U in %q", tt.bad, out)
			}
		})
	}
}

// TestNoncharacters: the 66 noncharacters (U+FDD0 to U+FDEF, and the last
// two code points of every plane) are refused: no text may hold one, and
// U+FFFE or U+FFFF make the FHIR narrative malformed XHTML.
func TestNoncharacters(t *testing.T) {
	var non []rune
	for r := rune(0xfdd0); r <= 0xfdef; r++ {
		non = append(non, r)
	}
	for plane := rune(0); plane <= 0x10; plane++ {
		non = append(non, plane<<16|0xfffe, plane<<16|0xffff)
	}
	if len(non) != 66 {
		t.Fatalf("%d noncharacters", len(non))
	}
	for _, r := range non {
		if d := Bad(r); d != "char.nonchar" {
			t.Errorf("Bad(%U) = %q", r, d)
		}
	}
	for _, r := range []rune{0xfdcf, 0xfdf0, 0xfffd, 0x1fffd, 0x10fffd} {
		if d := Bad(r); d == "char.nonchar" {
			t.Errorf("Bad(%U) = %q", r, d)
		}
	}
}

func TestLookalike(t *testing.T) {
	if r, ok := Lookalike("y\u0435s"); !ok || r != 0x435 {
		t.Errorf("Lookalike(yеs) = %U, %v", r, ok)
	}
	for _, s := range []string{"yes", "sí", "no sé", "да", ""} {
		if r, ok := Lookalike(s); ok {
			t.Errorf("Lookalike(%q) = %U", s, r)
		}
	}
}

// FuzzOneLine: whatever the input, OneLine's output is one line that Find
// accepts, and clean text passes through unchanged.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"plain", "a\x1b[2Jb", "rtl\u202eltr", "ye\u200bs", "👩\u200d⚕\ufe0f", "\u009b31m", "a\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := OneLine(s)
		if d, r := Find(out); d != "" {
			t.Fatalf("OneLine(%q) = %q still holds %U (%s)", s, out, r, d)
		}
		if strings.ContainsAny(out, "\n\r") {
			t.Fatalf("OneLine(%q) = %q is not one line", s, out)
		}
		if d, _ := Find(s); d == "" && !strings.ContainsAny(s, "\n\r\t") && out != s {
			t.Fatalf("OneLine changed clean text %q to %q", s, out)
		}
	})
}
