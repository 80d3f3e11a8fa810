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

// piece is one thing Bubble Tea's reader reports from a reply: a key, or a
// sequence it could not read.
type piece struct {
	key     string
	unknown bool
}

// byteKey is the key one byte from 0x20 up is read as, or, over 0x7f, the
// unknown sequence it is.
func byteKey(c byte) piece {
	switch {
	case c == ' ':
		return piece{key: "space"}
	case c == 0x7f:
		return piece{key: "backspace"}
	case c > 0x7f:
		return piece{key: string([]byte{c}), unknown: true}
	}
	return piece{key: string([]byte{c})}
}

// eightBitPieces is reply, a string of 8-bit C1 controls in UTF-8, as the
// reader reports it: each character one key.
func eightBitPieces(reply string) []piece {
	var ps []piece
	for _, r := range reply {
		switch {
		case r == 0x07:
			ps = append(ps, piece{key: "ctrl+g"})
		case r < 0x80:
			ps = append(ps, byteKey(byte(r)))
		default:
			ps = append(ps, piece{key: string(r)})
		}
	}
	return ps
}

// mousePieces is an X10 mouse report with the bytes raw, split after cut
// (1 to 3) bytes of its ESC [ M: the first piece as an Esc, an alt+[ or an
// unknown CSI sequence, then a key for each byte.
func mousePieces(raw [3]byte, cut int) []piece {
	var ps []piece
	switch cut {
	case 1:
		ps = []piece{{key: "esc"}, {key: "["}, {key: "M"}}
	case 2:
		ps = []piece{{key: "alt+["}, {key: "M"}}
	default:
		ps = []piece{{key: "\x1b[M", unknown: true}}
	}
	for _, c := range raw {
		ps = append(ps, byteKey(c))
	}
	return ps
}

// stringIntroducers are the 8-bit C1 introducers of a string reply (DCS,
// SOS, PM, APC); CSI and OSC have shapes of their own above.
var stringIntroducers = []rune{0x90, 0x98, 0x9e, 0x9f}

// FuzzSplitReplyIsNoKey: whatever colour or mode a terminal reports, in 7-bit
// or 8-bit controls, and wherever a mouse report clicks, split anywhere, its
// pieces arriving up to replyGap apart, no piece ever counts as a key press.
func FuzzSplitReplyIsNoKey(f *testing.F) {
	f.Add(uint16(0x1e1e), uint16(0x2323), uint16(0x3131), uint8(10), uint16(150), false, uint8(0))
	f.Add(uint16(0xc0c0), uint16(0xc0c0), uint16(0xc0c0), uint8(1), uint16(2000), true, uint8(0))
	f.Add(uint16(2026), uint16(2), uint16(0), uint8(2), uint16(60), false, uint8(1))
	f.Add(uint16(0), uint16(0), uint16(0), uint8(1), uint16(60), false, uint8(2))
	f.Add(uint16(2026), uint16(2), uint16(0), uint8(3), uint16(500), true, uint8(3))
	f.Add(uint16(367), uint16(0), uint16(0), uint8(4), uint16(60), false, uint8(4))
	f.Add(uint16(0x2031), uint16(0x32), uint16(0), uint8(3), uint16(60), false, uint8(5))
	f.Fuzz(func(t *testing.T, r, g, b uint16, cut uint8, gapMs uint16, bel bool, shape uint8) {
		var ps []piece
		var reply string
		first := 0 // the pieces up to first come at once, the rest after gap
		switch shape % 6 {
		case 0, 1:
			reply = fmt.Sprintf("\x1b]11;rgb:%04x/%04x/%04x\x1b\\", r, g, b)
			if bel {
				reply = reply[:len(reply)-2] + "\x07"
			}
			if shape%6 == 1 {
				reply = fmt.Sprintf("\x1b[?%d;%d$y", r, g%5)
			}
			n := 1 + int(cut)%(len(reply)-1)
			head, unknown, keys := pieces(reply, n)
			ps = append(ps, piece{key: head, unknown: unknown})
			for _, k := range keys {
				ps = append(ps, piece{key: k})
			}
			first = 1
		case 2:
			end := "\u009c"
			if bel {
				end = "\x07"
			}
			reply = fmt.Sprintf("\u009d11;rgb:%04x/%04x/%04x%s", r, g, b, end)
		case 3:
			reply = fmt.Sprintf("\u009b?%d;%d$y", r, g%5)
			if bel {
				reply = fmt.Sprintf("\u009b%d;%dR", r%300, g%300)
			}
		case 4:
			intro := stringIntroducers[int(b)%len(stringIntroducers)]
			reply = fmt.Sprintf("%c>|XTerm(%d) %d\u009c", intro, r, g)
		case 5:
			raw := [3]byte{byte(0x20 + r%224), byte(0x20 + g%224), byte(0x20 + b%224)}
			reply = fmt.Sprintf("\x1b[M%q", raw[:])
			ps = mousePieces(raw, 1+int(cut)%3)
			first = len(ps) - 3
		}
		if ps == nil {
			ps = eightBitPieces(reply)
			first = int(cut) % (len(ps) + 1)
		}
		// A held Esc waits escWait for the rest; any other first piece,
		// replyGap.
		limit := replyGap
		if ps[0].key == "esc" && first == 1 {
			limit = escWait
		}
		gap := time.Duration(gapMs) * time.Millisecond % limit
		var guard keyGuard
		now := time.Unix(1e9, 0)
		for i, p := range ps {
			if i == first && i > 0 {
				now = now.Add(gap)
			}
			if p.unknown {
				guard.unknown(p.key, now)
			} else if v, esc := guard.key(p.key, now); v == pass || esc {
				t.Fatalf("%q split after piece %d: the piece %q passed as a key", reply, first, p.key)
			}
			now = now.Add(time.Microsecond)
		}
	})
}
