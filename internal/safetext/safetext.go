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
	"unicode"
	"unicode/utf8"
)

// Bad says why r must not be shown, as the i18n catalog ID of its kind
// ("char.escape"), or "" when it may. Newline and tab are allowed; every
// other control character is not.
func Bad(r rune) string {
	switch {
	case r >= 0x20 && r < 0x7f:
		// Printable ASCII, nearly every character iopfit reads: the table
		// lookups below cost more than the rest of loading a set.
		return ""
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
	case r < 0xad:
		// Below the first format character (the soft hyphen).
		return ""
	case r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe:
		// Noncharacters, which no text may hold: U+FFFE and U+FFFF make
		// the FHIR narrative malformed XHTML.
		return "char.nonchar"
	case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector):
		// Every Default_Ignorable_Code_Point (format characters such as the
		// zero-width space, soft hyphen, byte-order mark and tags; the
		// combining grapheme joiner, the Hangul fillers, Khmer's inherent
		// vowels, the variation selectors), and line and paragraph
		// separators: they show as nothing, or break a line where none is
		// seen, so a text could hide words from one reader and not another.
		// Of these, iopfit's languages need only what emoji are made of
		// (see BadAt); ZWNJ (Persian, Indic scripts) or the ideographic
		// variation selectors (CJK names) would serve languages it does not
		// speak.
		return "char.invisible"
	}
	return ""
}

// zwj joins emoji into one picture (👩‍⚕️): the one invisible character that
// is allowed, and only between two emoji.
const zwj = 0x200d

// Variation selectors 15 and 16 ask for a symbol's text or emoji
// presentation (⚕ or ⚕️).
const (
	textStyle  = 0xfe0e
	emojiStyle = 0xfe0f
)

// BadAt is Bad for r between prev and next (0 at either end of the text):
// the same, except for what emoji are made of: a zero-width joiner between
// two emoji, and variation selector 15 or 16 after one.
func BadAt(prev, r, next rune) string {
	switch {
	case r == zwj && emoji(prev) && emoji(next):
		return ""
	case (r == textStyle || r == emojiStyle) && emoji(prev) && prev != emojiStyle:
		return ""
	}
	return Bad(r)
}

// emoji is true for the pictographs, symbols and modifiers that emoji
// sequences are made of.
func emoji(r rune) bool {
	return (r >= 0x1f000 && r <= 0x1faff) || (r >= 0x2300 && r <= 0x23ff) ||
		(r >= 0x2600 && r <= 0x27bf) || (r >= 0x2b00 && r <= 0x2bff) || r == 0xfe0f
}

// each calls f for every rune of s with its neighbours (0 at either end),
// until f returns false.
func each(s string, f func(prev, r, next rune) bool) {
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := rune(0)
		if i+size < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		if !f(prev, r, next) {
			return
		}
		prev = r
		i += size
	}
}

// Find returns the first character in s that Bad rejects and Bad's ID for it,
// or desc == "" when s is clean.
func Find(s string) (desc string, bad rune) {
	each(s, func(prev, r, next rune) bool {
		if d := BadAt(prev, r, next); d != "" {
			desc, bad = d, r
			return false
		}
		return true
	})
	return desc, bad
}

// OneLine makes s safe to print as one line: line breaks and tabs become
// spaces, and every character Bad rejects is shown as a \u escape.
func OneLine(s string) string {
	out := escape(s)
	// Whether a joiner or a selector may stay depends on its neighbours, and
	// an escape can take a neighbour away: in "👩\u200d\ufe0f" the selector
	// after the joiner goes, and the joiner is left before a backslash. Escape
	// again until nothing is left to escape; each pass turns at least one
	// character outside ASCII into ASCII, so this ends.
	for {
		if d, _ := Find(out); d == "" {
			return out
		}
		out = escape(out)
	}
}

// escape is one pass of OneLine over s.
func escape(s string) string {
	var b strings.Builder
	each(s, func(prev, r, next rune) bool {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case BadAt(prev, r, next) != "":
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		return true
	})
	return b.String()
}

// Lookalike returns the first letter of s that belongs to a script other
// than Latin while s also has Latin letters: "yеs" with a Cyrillic е looks
// exactly like "yes" and is not it. ok is false when there is none.
func Lookalike(s string) (r rune, ok bool) {
	latin := false
	for _, c := range s {
		if unicode.Is(unicode.Latin, c) {
			latin = true
			break
		}
	}
	if !latin {
		return 0, false
	}
	for _, c := range s {
		if unicode.IsLetter(c) && !unicode.Is(unicode.Latin, c) {
			return c, true
		}
	}
	return 0, false
}

// quoteMax is how many characters of a value Quote shows.
const quoteMax = 40

// Quote shows a value a person gave (a flag value, a line of input, a value
// from a file) in quotes, with every control character escaped, and cut to
// 40 characters so that a huge value cannot flood an error line. A
// combining mark on a Latin letter is escaped too (\u0301): the value is
// quoted because it was refused, and a refused "sı́" (a dotless i and an
// acute) must not look exactly like the "sí" that would have been taken.
func Quote(s string) string {
	s = Cut(s, quoteMax)
	var b strings.Builder
	quoted := func(part string) {
		q := strconv.Quote(part)
		b.WriteString(q[1 : len(q)-1])
	}
	b.WriteByte('"')
	start, onLatin := 0, false
	for i, r := range s {
		if onLatin && unicode.In(r, unicode.Mn, unicode.Me) {
			quoted(s[start:i])
			fmt.Fprintf(&b, `\u%04x`, r)
			start = i + utf8.RuneLen(r)
			continue // the next mark sits on the same letter
		}
		onLatin = unicode.Is(unicode.Latin, r)
	}
	quoted(s[start:])
	b.WriteByte('"')
	return b.String()
}

// Cut keeps the first n characters of s, marking a cut with an ellipsis.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// pathMax is how many characters of a path an error line shows.
const pathMax = 120

// Path shows a path from outside on one line, cut to its last pathMax
// characters (the file's own name is at the end) when it is longer.
func Path(s string) string {
	if utf8.RuneCountInString(s) > pathMax {
		r := []rune(s)
		s = "…" + string(r[len(r)-pathMax:])
	}
	return OneLine(s)
}
