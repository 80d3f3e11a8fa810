package report

import "testing"

// TestMarkdownEscapesEveryMarkup: text from a question file reads as
// written in any markdown viewer. An HTML character reference (&rlm;,
// &zwnj;, &shy;, &ZeroWidthSpace;) would put back the invisible and bidi
// characters the loader refuses; a leading "+ ", "- " or "2) " would start a
// nested list, "---" a rule, "~~x~~" strike through (GitHub), "~~~" a code
// block.
func TestMarkdownEscapesEveryMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &rlm;b&zwnj; &shy; &ZeroWidthSpace; &#x202E; &amp;", `a \&rlm;b\&zwnj; \&shy; \&ZeroWidthSpace; \&\#x202E; \&amp;`},
		{"AT&T", `AT\&T`},
		{"+ nested", `\+ nested`},
		{"- nested", `\- nested`},
		{"  + after spaces", `  \+ after spaces`},
		{"2) ordered", `2\) ordered`},
		{"10. ordered", `10\. ordered`},
		{"---", `\---`},
		{"- - -", `\- - -`},
		{"~~struck~~", `\~\~struck\~\~`},
		{"~~~ fence", `\~\~\~ fence`},
		{"in the middle: a - b + c 2) 3.", "in the middle: a - b + c 2) 3."},
		{"2026 was a year", "2026 was a year"},
		{"1.5 days", "1.5 days"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
