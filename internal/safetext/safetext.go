// Package safetext decides which characters may reach a terminal. Text from a
// question file, an answers file or a command line is untrusted: an escape or
// control character could move the cursor, recolour or clear the screen, or
// hide text, and a bidirectional override could make a line read differently
// from its bytes.
package safetext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bad says why r must not be shown, as the i18n catalog ID of its kind
// ("char.escape"), or "" when it may. Newline and tab are allowed; every
// other control character is not.
func Bad(r rune) string {
	switch {
	case r == '\n' || r == '\t':
		return ""
	case r == 0x1b:
		return "char.escape"
	case r < 0x20 || r == 0x7f:
		return "char.control"
	case r >= 0x80 && r <= 0x9f:
		return "char.c1"
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return "char.bidi"
	case r == utf8.RuneError:
		return "char.invalid"
	}
	return ""
}

// Find returns the first character in s that Bad rejects and Bad's ID for it,
// or desc == "" when s is clean.
func Find(s string) (desc string, bad rune) {
	for _, r := range s {
		if d := Bad(r); d != "" {
			return d, r
		}
	}
	return "", 0
}

// OneLine makes s safe to print as one line: line breaks and tabs become
// spaces, and every character Bad rejects is shown as a \u escape.
func OneLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case Bad(r) != "":
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteMax is how many characters of a value Quote shows.
const quoteMax = 40

// Quote shows a value a person gave (a flag value, a line of input, a value
// from a file) in quotes, with every control character escaped, and cut to
// 40 characters so that a huge value cannot flood an error line.
func Quote(s string) string {
	if utf8.RuneCountInString(s) > quoteMax {
		s = string([]rune(s)[:quoteMax]) + "…"
	}
	return strconv.Quote(s)
}
