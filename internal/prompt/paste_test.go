package prompt

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// filterReads runs reads through a pasteFilter, one read at a time, and
// returns what each gave.
func filterReads(reads []string) []string {
	var f pasteFilter
	var got []string
	for _, r := range reads {
		out := make([]byte, len(r)+len(pasteEnd))
		got = append(got, string(out[:f.filter(out, []byte(r))]))
	}
	return got
}

// splits is s cut at the given offsets.
func splits(s string, at ...int) []string {
	var parts []string
	last := 0
	for _, i := range at {
		parts = append(parts, s[last:i])
		last = i
	}
	return append(parts, s[last:])
}

// TestPasteFilter: a paste's text is dropped and its markers kept, however
// the terminal's bytes are split across reads; everything outside a paste
// passes unchanged and at once.
func TestPasteFilter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc\x1b[A1", "abc\x1b[A1"},
		{"\x1b", "\x1b"},
		{"x\x1b[200~pasted 1\r2\x1b[201~2", "x\x1b[200~\x1b[201~2"},
		{"\x1b[200~\x1b[201\x1b[201x\x1b\x1b[201~\x1b[200~", "\x1b[200~\x1b[201~\x1b[200~"},
		{"\x1b[200~never ends \x1b[201", "\x1b[200~"},
		{"\x1b[20\x1b[200~a\x1b[201~", "\x1b[20\x1b[200~\x1b[201~"},
	}
	for _, tt := range tests {
		for cut := 0; cut <= len(tt.in); cut++ {
			for cut2 := cut; cut2 <= len(tt.in); cut2++ {
				got := filterReads(splits(tt.in, cut, cut2))
				if strings.Join(got, "") != tt.want {
					t.Fatalf("%q cut at %d and %d: %q, want %q", tt.in, cut, cut2, got, tt.want)
				}
			}
		}
	}
	// Outside a paste nothing waits for the next read.
	for _, in := range []string{"\x1b", "\x1b[20", "1", "\x1b[200"} {
		if got := filterReads([]string{in}); got[0] != in {
			t.Errorf("%q gave %q at once", in, got[0])
		}
	}
}

// TestPasteFilterKeepsNothing: 16 MiB pasted, in reads of any size, come
// out as the two markers, and the filter holds no more than a marker's
// length meanwhile.
func TestPasteFilterKeepsNothing(t *testing.T) {
	text := bytes.Repeat([]byte("pasted text 123\r\x1b[201 "), 16<<20/24)
	stream := append(append([]byte(pasteStart), text...), pasteEnd+"1"...)
	var f pasteFilter
	var got []byte
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]byte, 4096+len(pasteEnd))
	for len(stream) > 0 {
		n := min(1+r.IntN(4096), len(stream))
		got = append(got, out[:f.filter(out, stream[:n])]...)
		stream = stream[n:]
		if f.matched >= len(pasteEnd) {
			t.Fatalf("holds %d bytes", f.matched)
		}
	}
	if string(got) != pasteStart+pasteEnd+"1" {
		t.Fatalf("got %q", got)
	}
}
