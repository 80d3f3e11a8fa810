package report

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapWords wraps plain text to width columns, breaking only at spaces. The
// usual wrappers also break at hyphens, which would split a phone number such
// as 1-800-662-4357 across two lines; a person copying it could dial half.
// A word wider than the window is the one thing broken mid-word.
func wrapWords(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		start := len(lines)
		var line strings.Builder
		lineW := 0
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
		for _, word := range strings.Fields(para) {
			w := ansi.StringWidth(word)
			if lineW > 0 && lineW+1+w <= width {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += 1 + w
				continue
			}
			if lineW > 0 {
				flush()
			}
			for w > width {
				head, rest := cut(word, width)
				lines = append(lines, head)
				word, w = rest, ansi.StringWidth(rest)
			}
			line.WriteString(word)
			lineW = w
		}
		// A paragraph ends with its last line, unless a hard break already
		// used up its last word; an empty paragraph is one empty line.
		if lineW > 0 || len(lines) == start {
			flush()
		}
	}
	return lines
}

// cut splits word after at most width columns, and after at least one rune so
// that a character wider than the window still makes progress.
func cut(word string, width int) (head, rest string) {
	w := 0
	for i, r := range word {
		rw := ansi.StringWidth(string(r))
		if i > 0 && w+rw > width {
			return word[:i], word[i:]
		}
		w += rw
	}
	return word, ""
}
