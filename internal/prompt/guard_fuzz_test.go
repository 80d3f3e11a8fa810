package prompt

import (
	"fmt"
	"testing"
	"time"
)

// pieces is a terminal reply split after cut bytes, as Bubble Tea's reader
// reports it once it gives up on the first piece: an Esc, an alt+ key, or
// an unknown sequence, then each byte of the rest as a key (ESC \ as
// alt+\, BEL as ctrl+g).
func pieces(reply string, cut int) (first string, unknown bool, keys []string) {
	switch {
	case cut <= 1:
		first = "esc"
	case cut == 2:
		first = "alt+" + reply[1:2]
	default:
		first, unknown = reply[:cut], true
	}
	rest := reply[max(cut, 1):]
	if cut == 2 {
		rest = reply[2:]
	}
	for i := 0; i < len(rest); i++ {
		switch {
		case rest[i] == 0x1b && i+1 < len(rest) && rest[i+1] == '\\':
			keys = append(keys, "alt+\\")
			i++
		case rest[i] == 0x1b:
			keys = append(keys, "esc")
		case rest[i] == 0x07:
			keys = append(keys, "ctrl+g")
		default:
			keys = append(keys, string(rest[i]))
		}
	}
	return first, unknown, keys
}

// FuzzSplitReplyIsNoKey: whatever colour or mode a terminal reports, split
// anywhere, its pieces arriving up to replyGap apart, no piece ever counts
// as a key press.
func FuzzSplitReplyIsNoKey(f *testing.F) {
	f.Add(uint16(0x1e1e), uint16(0x2323), uint16(0x3131), uint8(10), uint16(150), false, false)
	f.Add(uint16(0xc0c0), uint16(0xc0c0), uint16(0xc0c0), uint8(1), uint16(2000), true, false)
	f.Add(uint16(2026), uint16(2), uint16(0), uint8(2), uint16(60), false, true)
	f.Fuzz(func(t *testing.T, r, g, b uint16, cut uint8, gapMs uint16, bel, mode bool) {
		reply := fmt.Sprintf("\x1b]11;rgb:%04x/%04x/%04x\x1b\\", r, g, b)
		if bel {
			reply = reply[:len(reply)-2] + "\x07"
		}
		if mode {
			reply = fmt.Sprintf("\x1b[?%d;%d$y", r, g%5)
		}
		n := 1 + int(cut)%(len(reply)-1)
		first, unknown, keys := pieces(reply, n)
		// A held Esc waits escWait for the rest; any other first piece,
		// replyGap.
		limit := replyGap
		if first == "esc" {
			limit = escWait
		}
		gap := time.Duration(gapMs) * time.Millisecond % limit
		var guard keyGuard
		now := time.Unix(1e9, 0)
		if unknown {
			guard.unknown(first, now)
		} else if v, esc := guard.key(first, now); v == pass || esc {
			t.Fatalf("%q cut after %d: the first piece %q passed", reply, n, first)
		}
		now = now.Add(gap)
		for _, k := range keys {
			if v, esc := guard.key(k, now); v == pass || esc {
				t.Fatalf("%q cut after %d: the piece %q passed as a key", reply, n, k)
			}
			now = now.Add(time.Microsecond)
		}
	})
}
