package ear

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Call 911 now.", "Call 9 1 1 now."},
		{"Call or text 988. For Spanish, text AYUDA to 988.", "Call or text 9 8 8. For Spanish, text AYUDA to 9 8 8."},
		{"Call 1-800-662-4357, any time.", "Call 1, 8 0 0, 6 6 2, 4 3 5 7, any time."},
		{"Or text START to 88788.", "Or text START to 8 8 7 8 8."},
		{"Chat at https://988lifeline.org.", "Chat at 9 8 8 lifeline.org."},
		{"Chat at https://www.thehotline.org or https://espanol.thehotline.org.", "Chat at thehotline.org or espanol.thehotline.org."},
		// Numbers that are amounts, not numbers to dial, read well as they
		// are.
		{"about 9 to 19 hours a week, for 30 to 90 days, since January 2024", "about 9 to 19 hours a week, for 30 to 90 days, since January 2024"},
		{"Call 9110 or 19112.", "Call 9110 or 1 9 1 1 2."},
	}
	for _, tt := range tests {
		if got := strings.ReplaceAll(Text(tt.in), nbsp, " "); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
