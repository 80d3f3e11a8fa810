package report

import "testing"

// TestMarkdownEscapesEveryMarkup: text from a question file reads as
// written in any markdown viewer. An HTML character reference (&rlm;,
// &zwnj;, &shy;, &ZeroWidthSpace;) would put back the invisible and bidi
// characters the loader refuses.
func TestMarkdownEscapesEveryMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &rlm;b&zwnj; &shy; &ZeroWidthSpace; &#x202E; &amp;", `a \&rlm;b\&zwnj; \&shy; \&ZeroWidthSpace; \&\#x202E; \&amp;`},
		{"AT&T", `AT\&T`},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
