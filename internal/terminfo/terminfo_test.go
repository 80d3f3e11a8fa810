package terminfo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The files in testdata were compiled from testdata/entries.ti by ncurses's
// own compiler, `tic -x -o testdata/out testdata/entries.ti`, so that the
// reader is held to real entries and not only to the ones encode makes.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCompiledEntries(t *testing.T) {
	tests := []struct {
		file      string
		flags     []string
		trueColor bool
	}{
		{"iopfit-tc", []string{"Tc", "XT"}, true},       // legacy format
		{"iopfit-rgb", []string{"RGB"}, true},           // 32-bit numbers (colors#0x1000000)
		{"iopfit-plain", nil, false},                    // no extended section
		{"iopfit-nocolor", []string{"AX", "XT"}, false}, // extended, without true colour
		{"iopfit-extnum", nil, false},                   // Tc@ and RGB@: cancelled
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b := fixture(t, tt.file)
			flags, err := ExtendedFlags(b)
			if err != nil || !slices.Equal(flags, tt.flags) {
				t.Fatalf("ExtendedFlags = %q, %v; want %q", flags, err, tt.flags)
			}
			if got := TrueColor(b); got != tt.trueColor {
				t.Fatalf("TrueColor = %v", got)
			}
		})
	}
}

// TestSystemEntries reads every entry this machine has: none may fail.
func TestSystemEntries(t *testing.T) {
	n := 0
	for _, dir := range SystemDirs {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || filepath.Base(path) == "README" {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			n++
			if _, err := ExtendedFlags(b); err != nil {
				t.Errorf("%s: %v", path, err)
			}
			return nil
		})
	}
	if n == 0 {
		t.Skip("no terminfo database on this machine")
	}
}

// TestTruncated cuts a true-colour entry at every length: no cut may panic
// or still say true colour, since Tc is in the last section.
func TestTruncated(t *testing.T) {
	for _, file := range []string{"iopfit-tc", "iopfit-rgb"} {
		b := fixture(t, file)
		for n := range len(b) {
			if TrueColor(b[:n]) {
				t.Errorf("%s cut to %d bytes still says true colour", file, n)
			}
		}
	}
}

func TestCrafted(t *testing.T) {
	good := encode(entry{ext: []extCap{{"Tc", flag(1)}, {"kUP5", text("\x1b[1;5A")}}})
	if !TrueColor(good) {
		t.Fatal("the encoder's own entry does not say true colour")
	}
	noNUL := encode(entry{ext: []extCap{{"Tc", flag(1)}}})
	noNUL[len(noNUL)-1] = 'x'
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"one byte", []byte{0x1a}},
		{"wrong magic", patch(good, 0, 0o433)},
		{"negative name size", patch(good, 2, -2)},
		{"name size past the end", patch(good, 2, 0x7fff)},
		{"negative boolean count", patch(good, 4, -1)},
		{"negative number count", patch(good, 6, -1)},
		{"negative string count", patch(good, 8, -1)},
		{"negative table size", patch(good, 10, -1)},
		{"huge counts", patch(patch(good, 6, 0x7fff), 8, 0x7fff)},
		// The extended header starts after the standard section.
		{"negative extended boolean count", patch(good, extStart(good), -1)},
		{"extended booleans past the end", patch(good, extStart(good), 0x7fff)},
		{"negative extended string count", patch(good, extStart(good)+4, -1)},
		{"negative extended table size", patch(good, extStart(good)+8, -1)},
		{"extended table past the end", patch(good, extStart(good)+8, 0x7fff)},
		{"bad value offset", patch(good, extStart(good)+12, -3)},
		{"value offset outside the table", patch(good, extStart(good)+12, 0x7000)},
		{"negative name offset", patch(good, extStart(good)+14, -1)},
		{"name offset outside the table", patch(good, extStart(good)+14, 0x7000)},
		{"a table cut short", good[:len(good)-1]},
		{"a name without its NUL", noNUL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags, err := ExtendedFlags(tt.data)
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("ExtendedFlags = %q, %v; want ErrFormat", flags, err)
			}
			if TrueColor(tt.data) {
				t.Fatal("a broken entry says true colour")
			}
		})
	}
}

func TestEncodedEntries(t *testing.T) {
	tests := []struct {
		name  string
		e     entry
		flags []string
	}{
		{"RGB in 32-bit numbers", entry{numbers32: true, ext: []extCap{{"RGB", flag(1)}, {"U8", number(1)}}}, []string{"RGB"}},
		{"a cancelled boolean", entry{ext: []extCap{{"Tc", flag(0xfe)}, {"XT", flag(1)}}}, []string{"XT"}},
		{"an absent string before a name", entry{ext: []extCap{{"Tc", flag(1)}, {"Ms", absent()}, {"E3", text("\x1b[3J")}}}, []string{"Tc"}},
		{"odd counts everywhere", entry{names: "ab", bools: 3, ext: []extCap{{"Tc", flag(1)}, {"AX", flag(1)}, {"XT", flag(0)}}}, []string{"Tc", "AX"}},
		{"no extended section", entry{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := encode(tt.e)
			flags, err := ExtendedFlags(b)
			if err != nil || !slices.Equal(flags, tt.flags) {
				t.Fatalf("ExtendedFlags = %q, %v; want %q", flags, err, tt.flags)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	system := func(term string) []string {
		var out []string
		for _, d := range SystemDirs {
			out = append(out, d+"/"+term[:1]+"/"+term, d+"/"+hex(term[0])+"/"+term)
		}
		return out
	}
	tests := []struct {
		name string
		term string
		env  func(string) string
		want []string
	}{
		{"system only", "xterm", env(), system("xterm")},
		{"the order", "xterm", env("TERMINFO", "/ti", "HOME", "/home/p", "TERMINFO_DIRS", "/a:/b"),
			append([]string{"/ti/x/xterm", "/ti/78/xterm", "/home/p/.terminfo/x/xterm", "/home/p/.terminfo/78/xterm",
				"/a/x/xterm", "/a/78/xterm", "/b/x/xterm", "/b/78/xterm"}, system("xterm")...)},
		{"an empty entry is the system, not the current directory", "xterm", env("TERMINFO_DIRS", ":/b"),
			append(system("xterm"), "/b/x/xterm", "/b/78/xterm")},
		{"a trailing empty entry", "xterm", env("TERMINFO_DIRS", "/b:"),
			append([]string{"/b/x/xterm", "/b/78/xterm"}, system("xterm")...)},
		{"relative directories are left out", "xterm", env("TERMINFO", "ti", "HOME", ".", "TERMINFO_DIRS", "x:./y:../z"), system("xterm")},
		{"a directory twice is looked at once", "xterm", env("TERMINFO", "/etc/terminfo/", "TERMINFO_DIRS", "/etc/terminfo"), system("xterm")},
		{"no term", "", env(), nil},
		{"a path as term", "../../etc/passwd", env(), nil},
		{"a dot file as term", ".hidden", env(), nil},
		{"a separator in term", `x\y`, env(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paths(tt.term, tt.env); !slices.Equal(got, tt.want) {
				t.Fatalf("Paths =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func hex(b byte) string { return string("0123456789abcdef"[b>>4]) + string("0123456789abcdef"[b&15]) }

// entry describes a compiled entry for encode to lay out as tic does.
type entry struct {
	numbers32 bool
	names     string // default "iopfit-test|a test entry"
	bools     int    // standard booleans, all set
	ext       []extCap
}

// extCap is one extended capability: a boolean, a number or a string.
type extCap struct {
	name string
	v    extValue
}

type extValue struct {
	kind   byte // 'b', 'n' or 's'
	flag   byte
	number int
	text   *string
}

func flag(v byte) extValue   { return extValue{kind: 'b', flag: v} }
func number(n int) extValue  { return extValue{kind: 'n', number: n} }
func text(s string) extValue { return extValue{kind: 's', text: &s} }
func absent() extValue       { return extValue{kind: 's'} }
func patch(b []byte, at, v int) []byte {
	c := bytes.Clone(b)
	binary.LittleEndian.PutUint16(c[at:], uint16(int16(v)))
	return c
}

// encode lays e out as term(5) says: header, names, booleans, padding,
// numbers, string offsets, string table; then, when e has extended
// capabilities, the extended header, booleans, padding, numbers, value
// offsets, name offsets, and the table of values followed by names.
func encode(e entry) []byte {
	var b bytes.Buffer
	short := func(v int) { _ = binary.Write(&b, binary.LittleEndian, int16(v)) }
	num := func(v int) {
		if e.numbers32 {
			_ = binary.Write(&b, binary.LittleEndian, int32(v))
		} else {
			short(v)
		}
	}
	pad := func() {
		if b.Len()%2 == 1 {
			b.WriteByte(0)
		}
	}
	names := e.names
	if names == "" {
		names = "iopfit-test|a test entry"
	}
	magic := magicLegacy
	if e.numbers32 {
		magic = magic32
	}
	// One number (cols) and one string (bold), as every real entry has some.
	for _, v := range []int{magic, len(names) + 1, e.bools, 1, 1, 5} {
		short(v)
	}
	b.WriteString(names + "\x00")
	b.Write(bytes.Repeat([]byte{1}, e.bools))
	pad()
	num(80)
	short(0)
	b.WriteString("\x1b[1m\x00")
	if len(e.ext) == 0 {
		return b.Bytes()
	}
	pad()
	var bools []extCap
	var nums []extCap
	var strs []extCap
	for _, c := range e.ext {
		switch c.v.kind {
		case 'b':
			bools = append(bools, c)
		case 'n':
			nums = append(nums, c)
		default:
			strs = append(strs, c)
		}
	}
	var values, nameTable bytes.Buffer
	var valueOffsets, nameOffsets []int
	items := 0
	for _, c := range strs {
		if c.v.text == nil {
			valueOffsets = append(valueOffsets, -1)
			continue
		}
		valueOffsets = append(valueOffsets, values.Len())
		values.WriteString(*c.v.text + "\x00")
		items++
	}
	for _, c := range slices.Concat(bools, nums, strs) {
		nameOffsets = append(nameOffsets, nameTable.Len())
		nameTable.WriteString(c.name + "\x00")
		items++
	}
	for _, v := range []int{len(bools), len(nums), len(strs), items, values.Len() + nameTable.Len()} {
		short(v)
	}
	for _, c := range bools {
		b.WriteByte(c.v.flag)
	}
	pad()
	for _, c := range nums {
		num(c.v.number)
	}
	for _, o := range slices.Concat(valueOffsets, nameOffsets) {
		short(o)
	}
	b.Write(values.Bytes())
	b.Write(nameTable.Bytes())
	return b.Bytes()
}

// extStart is where the extended header begins in an entry encode made
// with no standard booleans and the default names.
func extStart(b []byte) int {
	names := int(binary.LittleEndian.Uint16(b[2:]))
	at := 12 + names
	if at%2 == 1 {
		at++
	}
	at += 2 + 2 + 5 // one number, one string offset, the table
	if at%2 == 1 {
		at++
	}
	return at
}

func FuzzExtendedFlags(f *testing.F) {
	for _, name := range []string{"iopfit-tc", "iopfit-rgb", "iopfit-plain", "iopfit-nocolor", "iopfit-extnum"} {
		f.Add(fixture(f, name))
	}
	f.Add(encode(entry{numbers32: true, bools: 3, ext: []extCap{{"Tc", flag(1)}, {"RGB", flag(0xfe)}, {"U8", number(1)}, {"Ms", absent()}, {"E3", text("\x1b[3J")}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		flags, err := ExtendedFlags(data)
		if err != nil {
			if flags != nil || TrueColor(data) {
				t.Fatalf("an error with an answer: %q, %v", flags, err)
			}
			return
		}
		for _, name := range flags {
			if name == "" || bytes.IndexByte([]byte(name), 0) >= 0 {
				t.Fatalf("a name that is not one: %q", name)
			}
		}
		// What follows a whole extended section is not part of it.
		if len(flags) > 0 {
			more, err := ExtendedFlags(append(bytes.Clone(data), 1, 0, 0, 0))
			if err != nil || !slices.Equal(more, flags) {
				t.Fatalf("bytes after an entry changed it: %q, then %q, %v", flags, more, err)
			}
		}
	})
}
