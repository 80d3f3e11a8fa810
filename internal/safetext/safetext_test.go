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
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
