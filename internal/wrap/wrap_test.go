package wrap

import (
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"call 1-800-662-4357 now", 16, []string{"call", "1-800-662-4357", "now"}},
		{"one-size-fits-all", 8, []string{"one-size", "-fits-al", "l"}},
		{"a b c", 3, []string{"a b", "c"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"first\nsecond", 20, []string{"first", "second"}},
		{"sí, está bien", 5, []string{"sí,", "está", "bien"}},
		{"日本語", 1, []string{"日", "本", "語"}},
		{"", 10, []string{""}},
		// A lonely last word takes one from the line above.
		{"you can have seizures, and it can kill", 34, []string{"you can have seizures, and it", "can kill"}},
		{"one two three four", 14, []string{"one two", "three four"}},
		// Not when the line above would be left with one word, or the
		// moved pair would not fit.
		{"aaaa bbbb", 5, []string{"aaaa", "bbbb"}},
		{"aaa bbbbbbb cccccccc", 12, []string{"aaa bbbbbbb", "cccccccc"}},
		// A web address is never cut: wider than the window, it stands
		// alone on its line.
		{"see https://example.org/a/long/path now", 10, []string{"see", "https://example.org/a/long/path", "now"}},
		{"(https://example.org/a/long/path).", 10, []string{"(https://example.org/a/long/path)."}},
		{"chat at https://988lifeline.org, free", 12, []string{"chat at", "https://988lifeline.org,", "free"}},
		{"a b https://x.org", 8, []string{"a b", "https://x.org"}},
		// A name that looks like a site is a word like any other.
		{"FindTreatment.gov", 8, []string{"FindTrea", "tment.go", "v"}},
	}
	for _, tt := range tests {
		got := Words(tt.text, tt.width)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestWordsKeepsEveryWord checks, at every width, that wrapping loses and
// reorders nothing, that no line is wider than the window, and that no
// paragraph of several lines ends on a single word when it could be avoided.
func TestWordsKeepsEveryWord(t *testing.T) {
	text := "Stopping alcohol or benzodiazepines after heavy or long use can cause seizures, and it can kill. If you think about hurting yourself, call or text 988 now."
	for width := 16; width <= 80; width++ {
		lines := Words(text, width)
		if got := strings.Join(lines, " "); got != text {
			t.Fatalf("width %d changed the text: %q", width, got)
		}
		for _, l := range lines {
			if len([]rune(l)) > width {
				t.Fatalf("width %d: line %q is too wide", width, l)
			}
		}
		if last := lines[len(lines)-1]; len(lines) > 1 && !strings.Contains(last, " ") {
			prev := lines[len(lines)-2]
			i := strings.LastIndexByte(prev, ' ')
			if i >= 0 && strings.Contains(prev[:i], " ") && len([]rune(prev[i+1:]+" "+last)) <= width {
				t.Errorf("width %d: %q is alone on the last line", width, last)
			}
		}
	}
}

func TestAddress(t *testing.T) {
	tests := []struct {
		word, before, addr, after string
		ok                        bool
	}{
		{"https://988lifeline.org", "", "https://988lifeline.org", "", true},
		{"https://988lifeline.org.", "", "https://988lifeline.org", ".", true},
		{"(https://x.org/a).", "(", "https://x.org/a", ").", true},
		{"https://en.wikipedia.org/wiki/Go_(lenguaje)", "", "https://en.wikipedia.org/wiki/Go_(lenguaje)", "", true},
		{"«https://x.org/»,", "«", "https://x.org/", "»,", true},
		{"https://x.org/?q=1;", "", "https://x.org/?q=1", ";", true},
		{"FindTreatment.gov", "FindTreatment.gov", "", "", false},
		{"http://x.org", "http://x.org", "", "", false},
		{"https://", "https://", "", "", false},
		{"https://.", "https://.", "", "", false},
	}
	for _, tt := range tests {
		before, addr, after, ok := Address(tt.word)
		if before != tt.before || addr != tt.addr || after != tt.after || ok != tt.ok {
			t.Errorf("Address(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.word, before, addr, after, ok, tt.before, tt.addr, tt.after, tt.ok)
		}
	}
}

// TestNoBreakSpaceHolds: a line never breaks at a no-break space, which
// holds the digits of a number together.
func TestNoBreakSpaceHolds(t *testing.T) {
	got := Words("Call 1,\u00a08\u00a00\u00a00,\u00a06\u00a06\u00a02,\u00a04\u00a03\u00a05\u00a07 now.", 26)
	want := []string{"Call", "1,\u00a08\u00a00\u00a00,\u00a06\u00a06\u00a02,\u00a04\u00a03\u00a05\u00a07", "now."}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}
