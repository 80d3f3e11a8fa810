package load

import (
	"unicode/utf8"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// badChar is the message for a rejected character; desc is safetext.Bad's ID.
// A noncharacter is no danger to the terminal: its message says what it
// would break instead.
func badChar(desc string, r rune) i18n.Message {
	if desc == "char.nonchar" {
		return i18n.M("file.nonchar", i18n.M(desc), r)
	}
	return i18n.M("file.bad_char", i18n.M(desc), r)
}

// firstBadChar returns the 1-based line and column of the first problem with
// data as text, and what it is; ok is false when there is none. A byte that
// is not valid UTF-8 is the problem wherever it stands, since nothing else in
// such a file can be trusted; otherwise it is the first character that
// safetext.Bad rejects. The carriage returns that end lines in files saved on
// Windows, and a byte-order mark at the start, are allowed.
func firstBadChar(data []byte) (line, col int, msg i18n.Message, ok bool) {
	if line, col, bad := InvalidUTF8(data); bad {
		return line, col, i18n.M("file.utf8"), true
	}
	prev := rune(0)
	var desc string
	var bad rune
	line, col, ok = firstAt(data, func(i int, r rune, size int) bool {
		next, _ := utf8.DecodeRune(data[i+size:])
		if desc = safetext.BadAt(prev, r, next); desc != "" {
			bad = r
			return true
		}
		prev = r
		return false
	})
	if !ok {
		return 0, 0, i18n.Message{}, false
	}
	return line, col, badChar(desc, bad), true
}

// InvalidUTF8 returns the 1-based line and column of the first byte of data
// that is not valid UTF-8, the column counted in characters; bad is false
// when data is valid. It is the loader's check, for a parser of another
// format (an earlier result) to refuse what question files refuse.
func InvalidUTF8(data []byte) (line, col int, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	return firstAt(data, func(_ int, r rune, size int) bool {
		return r == utf8.RuneError && size <= 1
	})
}

// firstAt walks data a character at a time, a byte that is not UTF-8
// counting as one, and returns the 1-based line and column of the first for
// which stop, given its offset, the character and its size, is true; found
// is false when there is none. The carriage return of a Windows line end and
// a byte-order mark at the start have no column of their own and are not
// given to stop, so that every check counts places as an editor shows them.
func firstAt(data []byte, stop func(i int, r rune, size int) bool) (line, col int, found bool) {
	line, col = 1, 1
	for i, size := 0, 0; i < len(data); i += size {
		var r rune
		r, size = utf8.DecodeRune(data[i:])
		if r == '\r' && i+1 < len(data) && data[i+1] == '\n' || r == 0xfeff && i == 0 {
			continue
		}
		if stop(i, r, size) {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return 0, 0, false
}
