package questions

import (
	"fmt"
	"unicode/utf8"
)

// badRune says why r must not appear in text a person reads, or "" when it may.
// Text from a question file is untrusted: an escape or control character could
// move the cursor, recolour or clear the screen, or hide text, and a
// bidirectional override could make a line read differently from its bytes.
func badRune(r rune) string {
	switch {
	case r == '\n' || r == '\t':
		return ""
	case r == 0x1b:
		return "an escape character"
	case r < 0x20 || r == 0x7f:
		return "a control character"
	case r >= 0x80 && r <= 0x9f:
		return "a C1 control character"
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return "a bidirectional-text control character"
	case r == utf8.RuneError:
		return "an invalid character"
	}
	return ""
}

// checkText returns the first character in s that badRune rejects and why, or
// desc == "" when s is clean.
func checkText(s string) (desc string, bad rune) {
	for _, r := range s {
		if d := badRune(r); d != "" {
			return d, r
		}
	}
	return "", 0
}

// describeBad formats the message for a rejected character.
func describeBad(desc string, r rune) string {
	return fmt.Sprintf("text contains %s (U+%04X); remove it, since it could change what the terminal shows", desc, r)
}

// firstInvalidUTF8 returns the 1-based line and column of the first byte of
// data that is not valid UTF-8, or 0, 0 when data is valid.
func firstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0
}

// firstBadRaw returns the position and description of the first character in
// the raw file that badRune rejects, outside of the carriage returns that end
// lines in files saved on Windows.
func firstBadRaw(data []byte) (line, col int, desc string, bad rune) {
	line, col = 1, 1
	s := string(data)
	for i, r := range s {
		if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			continue
		}
		if r == 0xfeff && i == 0 {
			continue // a byte-order mark at the start is allowed
		}
		if d := badRune(r); d != "" {
			return line, col, d, r
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return 0, 0, "", 0
}
