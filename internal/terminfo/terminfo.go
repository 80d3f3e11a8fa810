// Package terminfo reads the one thing iopfit needs from a compiled terminfo
// entry (term(5)): whether the terminal says it can show true colour. It is
// pure: it turns bytes into an answer and the environment into the paths to
// look at, and leaves reading the files to its caller.
//
// A terminfo file is untrusted input: $TERMINFO, $TERMINFO_DIRS and
// $HOME/.terminfo can point anywhere. Every count and offset in it is
// checked against the bytes there are, so that no file can make the reader
// panic, allocate more than the file's size, or loop.
package terminfo

import (
	"errors"
	"slices"
)

// The magic numbers of term(5): the legacy format, whose numbers are 16
// bits, and ncurses 6.1's, whose numbers are 32 bits. Everything else is
// laid out the same.
const (
	magicLegacy = 0o432
	magic32     = 0o1036
)

// ErrFormat is returned for bytes that are not a compiled terminfo entry:
// a wrong magic number, a negative count, an offset outside the file, or a
// file that ends early.
var ErrFormat = errors.New("not a compiled terminfo entry")

// TrueColor reports whether entry, a compiled terminfo entry, sets the
// extended boolean capability Tc (tmux's) or RGB (ncurses's) that terminals
// use to say they take 24-bit colours. Bytes that are not an entry say no.
func TrueColor(entry []byte) bool {
	flags, err := ExtendedFlags(entry)
	return err == nil && (slices.Contains(flags, "Tc") || slices.Contains(flags, "RGB"))
}

// ExtendedFlags returns the names of the extended boolean capabilities that
// entry sets, in the order the entry lists them. An entry without an
// extended section sets none. A capability that is absent or cancelled (a
// value other than 1) is not set.
func ExtendedFlags(entry []byte) ([]string, error) {
	r := &reader{b: entry}
	numSize := 2
	switch r.short() {
	case magicLegacy:
	case magic32:
		numSize = 4
	default:
		return nil, ErrFormat
	}
	// The standard section: names, booleans, numbers, string offsets and
	// their table. iopfit needs none of it, only to skip it.
	names, bools, nums, strs, table := r.count(), r.count(), r.count(), r.count(), r.count()
	r.skip(names)
	r.skip(bools)
	r.align()
	r.skip(nums * numSize)
	r.skip(strs * 2)
	r.skip(table)
	if r.bad {
		return nil, ErrFormat
	}
	// The extended section follows on an even offset. An entry without one
	// ends here, the padding byte included or not.
	r.align()
	if r.bad || r.pos == len(r.b) {
		return nil, nil
	}
	return r.extended(numSize)
}

// extended reads the extended section: a header of five counts, the
// booleans, the numbers, the offsets of the string values, the offsets of
// every capability's name, and one table holding the string values and
// then the names.
func (r *reader) extended(numSize int) ([]string, error) {
	bools, nums, strs := r.count(), r.count(), r.count()
	_ = r.count() // how many items the table holds: the offsets say it
	tableSize := r.count()
	values := r.bytes(bools)
	r.align()
	r.skip(nums * numSize)
	valueOffsets := r.shorts(strs)
	nameOffsets := r.shorts(bools + nums + strs)
	table := r.bytes(tableSize)
	if r.bad {
		return nil, ErrFormat
	}
	// The names start where the last string value ends.
	base := 0
	for _, off := range valueOffsets {
		switch {
		case off == -1 || off == -2:
			continue // absent, or cancelled
		case off < 0:
			return nil, ErrFormat
		}
		end, ok := stringEnd(table, off)
		if !ok {
			return nil, ErrFormat
		}
		base = max(base, end+1)
	}
	var set []string
	for i, v := range values {
		off := nameOffsets[i]
		if off < 0 {
			return nil, ErrFormat
		}
		end, ok := stringEnd(table, base+off)
		if !ok || end == base+off {
			return nil, ErrFormat
		}
		if v == 1 {
			set = append(set, string(table[base+off:end]))
		}
	}
	return set, nil
}

// stringEnd is the index of the NUL that ends the string at off in table;
// ok is false when off is outside the table or the string has no end.
func stringEnd(table []byte, off int) (end int, ok bool) {
	if off < 0 || off >= len(table) {
		return 0, false
	}
	for i := off; i < len(table); i++ {
		if table[i] == 0 {
			return i, true
		}
	}
	return 0, false
}

// reader walks an entry. The first read past the end sets bad, and every
// read after it returns nothing, so that a caller checks bad once per step.
type reader struct {
	b   []byte
	pos int
	bad bool
}

// short reads a little-endian signed 16-bit number.
func (r *reader) short() int {
	b := r.bytes(2)
	if b == nil {
		return 0
	}
	return int(int16(uint16(b[0]) | uint16(b[1])<<8))
}

// count reads a short that is a count or a size, which is never negative.
func (r *reader) count() int {
	n := r.short()
	if n < 0 {
		r.bad = true
		return 0
	}
	return n
}

// shorts reads n shorts.
func (r *reader) shorts(n int) []int {
	if r.bad || n > (len(r.b)-r.pos)/2 {
		r.bad = true
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = r.short()
	}
	return out
}

// bytes returns the next n bytes, or nil (and bad) when there are fewer.
func (r *reader) bytes(n int) []byte {
	if r.bad || n < 0 || n > len(r.b)-r.pos {
		r.bad = true
		return nil
	}
	b := r.b[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b
}

func (r *reader) skip(n int) { r.bytes(n) }

// align moves to an even offset: term(5) pads with a NUL byte before every
// run of shorts. A pad byte missing at the very end of the file is no
// error: nothing follows it.
func (r *reader) align() {
	if r.pos%2 == 1 && r.pos < len(r.b) {
		r.pos++
	}
}
