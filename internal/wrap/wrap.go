// Package wrap breaks plain text into lines of a given width, for the result,
// the question listing, the form and the plain prompts alike.
package wrap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Words wraps plain text to width columns, breaking only at spaces. The usual
// wrappers also break at hyphens, which would split a phone number such as
// 1-800-662-4357 across two lines; a person copying it could dial half. A
// word wider than the window is the one thing broken mid-word, except a web
// address: that stands on a line of its own, wider than the window if need
// be, since half an address leads nowhere (and a terminal that wraps the
// long line still copies and opens it whole). Each "\n"
// starts a paragraph, and a paragraph never ends on a single word when the
// line above can give it one: "result." alone on a line reads as a stray.
func Words(text string, width int) []string {
	width = max(width, 1)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, balance(paragraph(para, width), width)...)
	}
	return lines
}

// paragraph wraps one paragraph greedily; an empty one is one empty line.
func paragraph(para string, width int) []string {
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, word := range strings.FieldsFunc(para, breaks) {
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
		for w > width && !IsAddress(word) {
			head, rest := cut(word, width)
			lines = append(lines, head)
			word, w = rest, ansi.StringWidth(rest)
		}
		line.WriteString(word)
		lineW = w
	}
	// A paragraph ends with its last line, unless a hard break already used
	// up its last word; an empty paragraph is one empty line.
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// balance moves the last word of the line before a lonely last word down to
// join it, when that fits and leaves the line above more than one word.
func balance(lines []string, width int) []string {
	n := len(lines)
	if n < 2 || strings.Contains(lines[n-1], " ") || lines[n-1] == "" {
		return lines
	}
	i := strings.LastIndexByte(lines[n-2], ' ')
	if i < 0 || !strings.Contains(lines[n-2][:i], " ") {
		return lines
	}
	moved := lines[n-2][i+1:] + " " + lines[n-1]
	if ansi.StringWidth(moved) > width {
		return lines
	}
	lines[n-2], lines[n-1] = lines[n-2][:i], moved
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

// addressStart is how a web address begins. iopfit's content writes every
// address with it, so text such as "FindTreatment.gov" is a name, not a link.
const addressStart = "https://"

// IsAddress reports whether word holds a web address.
func IsAddress(word string) bool { return strings.Contains(word, addressStart) }

// Address splits word around the web address in it: "(https://x.org)." is
// "(", "https://x.org" and ").". Closing punctuation that ends a sentence or
// a parenthesis is not part of the address, unless the address opened the
// parenthesis itself. ok is false when word holds no address.
func Address(word string) (before, addr, after string, ok bool) {
	i := strings.Index(word, addressStart)
	if i < 0 {
		return word, "", "", false
	}
	before, addr = word[:i], word[i:]
	for len(addr) > len(addressStart) {
		r, size := utf8.DecodeLastRuneInString(addr)
		if !strings.ContainsRune(`.,;:!?'"”’»>]}`, r) && (r != ')' || strings.Count(addr, "(") >= strings.Count(addr, ")")) {
			break
		}
		addr, after = addr[:len(addr)-size], addr[len(addr)-size:]+after
	}
	if len(addr) == len(addressStart) {
		return word, "", "", false
	}
	return before, addr, after, true
}

// breaks reports whether a line may break at r: at white space, but not at
// a no-break space, which holds a group together (the digits of a phone
// number written for the ear).
func breaks(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f':
		return false
	}
	return unicode.IsSpace(r)
}
