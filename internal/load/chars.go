package load

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
