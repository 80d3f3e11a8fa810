package questions

import (
	"unicode/utf8"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// badChar is the message for a rejected character; desc is safetext.Bad's ID.
func badChar(desc string, r rune) i18n.Message {
	return i18n.M("file.bad_char", i18n.M(desc), r)
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
// the raw file that safetext.Bad rejects, outside of the carriage returns that end
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
		if d := safetext.Bad(r); d != "" {
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

// mayHoldBadRaw reports whether data, valid UTF-8, may hold a character that
// safetext.Bad rejects. It looks at bytes, not runes, so that the common case
// (a clean file) costs next to nothing; when it says yes, firstBadRaw finds
// the character and its position. It never says no when firstBadRaw would
// find one (FuzzMayHoldBadRaw checks this).
func mayHoldBadRaw(data []byte) bool {
	for i, b := range data {
		switch {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r', b == 0x7f:
			return true
		case b == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			return true
		case b == 0xc2 && i+1 < len(data) && data[i+1] <= 0x9f: // U+0080–U+009F
			return true
		case b == 0xd8 && i+1 < len(data) && data[i+1] == 0x9c: // U+061C
			return true
		case b == 0xe2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0x8e || data[i+2] == 0x8f || (data[i+2] >= 0xaa && data[i+2] <= 0xae)): // U+200E, U+200F, U+202A–U+202E
			return true
		case b == 0xe2 && i+2 < len(data) && data[i+1] == 0x81 && data[i+2] >= 0xa6 && data[i+2] <= 0xa9: // U+2066–U+2069
			return true
		case b == 0xef && i+2 < len(data) && data[i+1] == 0xbf && data[i+2] == 0xbd: // U+FFFD
			return true
		}
	}
	return false
}
