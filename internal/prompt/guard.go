package prompt

import (
	"strings"
	"time"
	"unicode/utf8"
)

// escWait is how long an Esc is held: long enough for the rest of a
// terminal reply that a slow link (ssh, tmux) delivers in a second read,
// short enough that a person who pressed Esc to stop sees it happen.
const escWait = 400 * time.Millisecond

// replyGap ends a split reply that never finished: after this long without
// a character a reply is made of, keys count again. A lost packet on a
// poor link can hold the rest of a reply back for more than a second.
const replyGap = 10 * time.Second

// A held key is pressed once, then repeated by the terminal: the first
// repeat comes after an initial delay of 250 to 660 ms (500 ms is common),
// the next ones every 30 to 50 ms.
const (
	// holdDelay is the longest initial delay, and a little more: the same
	// page-turning key again within it of its press is the first repeat.
	// A person who answers a page in less time has not read it; they press
	// again, and that press counts.
	holdDelay = 700 * time.Millisecond
	// repeatGap bounds the gap between the later repeats: no one presses a
	// key twice that fast.
	repeatGap = 150 * time.Millisecond
)

// pasteGap is how long after a paste its keys may still come: text pasted
// past the paste's end marker arrives with it, in the same read.
const pasteGap = 100 * time.Millisecond

// verdict is what keyGuard makes of a key.
type verdict int

const (
	// pass is a key the person pressed.
	pass verdict = iota
	// drop is not a key press: a piece of a terminal reply, a held key's
	// repeat, or part of a paste.
	drop
	// hold is an Esc that may be the first byte of a reply: it counts only
	// if escWait passes without the rest of one.
	hold
)

// replyKind is which kind of terminal reply is arriving as keys.
type replyKind int

const (
	noReply replyKind = iota
	// oscReply is ESC ] … BEL or ESC \ (the background colour).
	oscReply
	// csiReply is ESC [ … and a final letter (the mode reports and the
	// keyboard report Bubble Tea asks for as it starts).
	csiReply
	// strReply is a string a terminal sends (DCS, SOS, PM or APC), such as
	// its name and version, up to ST or BEL.
	strReply
	// mouseReply is the three raw bytes of an X10 mouse report after its
	// ESC [ M: a terminal left in mouse mode sends one on every click.
	mouseReply
)

// st ends a string or an OSC reply in 8-bit form: U+009C, sent as UTF-8.
const st = "\u009c"

// c1Reply is the reply that the key k begins when k is an 8-bit C1
// introducer. A terminal in 8-bit-controls mode (S8C1T) sends them in UTF-8
// as one character, which Bubble Tea's reader reads as a key of its own,
// followed by one key per character of the reply.
func c1Reply(k string) (replyKind, bool) {
	switch k {
	case "\u009b": // CSI
		return csiReply, true
	case "\u009d": // OSC
		return oscReply, true
	case "\u0090", "\u0098", "\u009e", "\u009f": // DCS, SOS, PM, APC
		return strReply, true
	}
	return noReply, false
}

// keyGuard tells the keys a person pressed from what only looks like them.
//
// The terminal's replies to queries (iopfit asks for the background colour;
// Bubble Tea asks about two modes and the keyboard) can arrive split across
// two reads, as they do over ssh and tmux. Bubble Tea's reader then gives up
// on the first piece after 50 ms and reports it as an Esc key, an alt+] or
// alt+[ key, or an unknown sequence, and the rest as one key per character:
// the digits would answer questions and the Esc would stop the form. The
// guard knows the shapes a reply's pieces take, so it needs no guess about
// timing for any key but Esc. The same goes for replies in 8-bit controls
// (a C1 introducer sent as UTF-8, read as a key of its own) and for the
// three raw bytes of an X10 mouse report. It also drops the repeats of a
// held key, and keys that come with a paste: neither is a key anyone
// pressed on the page on screen.
type keyGuard struct {
	// held is an Esc kept back since heldAt, as it may start a reply.
	held   bool
	heldAt time.Time
	// reply is the kind of split reply arriving as keys; last is when its
	// latest piece came. params counts the keys of a CSI reply after its
	// introducer; mouseLeft, the bytes of a mouse report still to come.
	reply     replyKind
	last      time.Time
	params    int
	mouseLeft int
	// prev is the key before, at prevAt, to tell a held key's repeats;
	// repeating says prev was itself a repeat.
	prev      string
	prevAt    time.Time
	repeating bool
	// pasted is when the last paste came.
	pasted time.Time
}

// unknown is told of a sequence the reader could not read, which is how the
// first piece of a split reply can come, and a byte of a mouse report that
// is no character.
func (g *keyGuard) unknown(seq string, now time.Time) {
	if g.reply == mouseReply && now.Sub(g.last) <= replyGap {
		g.mouse(len(seq), now)
		return
	}
	switch {
	case seq == "\x1b[M":
		// An X10 mouse report whose three bytes did not come with it.
		g.begin(mouseReply, now)
	case strings.HasPrefix(seq, "\x1b]"):
		g.begin(oscReply, now)
	case strings.HasPrefix(seq, "\x1b["):
		g.begin(csiReply, now)
	}
}

// begin starts a reply of kind at now.
func (g *keyGuard) begin(kind replyKind, now time.Time) {
	g.reply, g.last, g.params, g.mouseLeft = kind, now, 0, 0
	if kind == mouseReply {
		g.mouseLeft = 3
	}
}

// mouse counts n bytes of a mouse report, and ends it after its third.
func (g *keyGuard) mouse(n int, now time.Time) {
	g.mouseLeft -= n
	g.last = now
	if g.mouseLeft <= 0 {
		g.reply = noReply
	}
}

// paste is told that text was pasted.
func (g *keyGuard) paste(now time.Time) { g.pasted = now }

// key decides what the key k, pressed at now, is. esc is true when an Esc
// held before it turned out to be the person's: they meant to stop.
func (g *keyGuard) key(k string, now time.Time) (v verdict, esc bool) {
	if g.held {
		g.held = false
		switch k {
		case "]":
			g.begin(oscReply, now)
			return drop, false
		case "[":
			g.begin(csiReply, now)
			return drop, false
		}
		esc = true
	}
	if g.reply != noReply && now.Sub(g.last) > replyGap {
		g.reply = noReply
	}
	if kind, ok := c1Reply(k); ok {
		// No one types these: a reply starts, whatever came before.
		g.begin(kind, now)
		return drop, esc
	}
	switch g.reply {
	case mouseReply:
		// Its bytes are any from 0x20 up: each is a key, whatever it is.
		g.mouse(keyBytes(k), now)
		return drop, esc
	case strReply:
		switch {
		case k == st || k == "alt+\\" || k == "ctrl+g" || k == "\\":
			g.reply = noReply
			return drop, esc
		case k == "esc" || k == "space" || len(k) == 1 && k[0] >= 0x20 && k[0] < 0x7f:
			g.last = now
			return drop, esc
		}
		g.reply = noReply
	case oscReply:
		switch {
		case k == st || k == "alt+\\" || k == "ctrl+g" || k == "\\":
			// The reply's end: ESC \, BEL, or the \ after an ESC that
			// came with the piece before.
			g.reply = noReply
			return drop, esc
		case k == "esc" || oscChar(k):
			g.last = now
			return drop, esc
		}
		g.reply = noReply
	case csiReply:
		switch {
		case k == "M" && g.params == 0:
			// ESC [ M with nothing between: an X10 mouse report.
			g.begin(mouseReply, now)
			return drop, esc
		case csiFinal(k):
			g.reply = noReply
			return drop, esc
		case csiChar(k):
			g.last = now
			g.params++
			return drop, esc
		}
		g.reply = noReply
	}
	// Only what is no piece of a reply can be a press or its repeat. After a
	// press, the first repeat may take up to holdDelay; after a repeat, the
	// next comes within repeatGap. A press after that counts, however soon:
	// the person let go.
	gap := holdDelay
	if g.repeating {
		gap = repeatGap
	}
	repeat := k == g.prev && now.Sub(g.prevAt) < gap
	g.prev, g.prevAt, g.repeating = k, now, repeat
	switch {
	case k == "alt+]":
		// ESC ] read as one key: no one types it in this form.
		g.begin(oscReply, now)
		return drop, esc
	case k == "alt+[":
		g.begin(csiReply, now)
		return drop, esc
	case k == "esc" && !esc:
		g.held, g.heldAt = true, now
		return hold, false
	case now.Sub(g.pasted) < pasteGap:
		return drop, esc
	case repeat && turnsPage(k):
		return drop, esc
	}
	return pass, esc
}

// escExpired is true when an Esc held since at least escWait before now was
// not followed by a reply: it was the person's.
func (g *keyGuard) escExpired(now time.Time) bool {
	if g.held && now.Sub(g.heldAt) >= escWait {
		g.held = false
		return true
	}
	return false
}

// oscChar is true for a key that is one character of a colour reply after
// its ESC: the parameters (11;rgb: or rgba:), hex digits and slashes.
func oscChar(k string) bool {
	return len(k) == 1 && strings.ContainsRune("0123456789abcdefABCDEF;:/rgb]", rune(k[0]))
}

// csiChar is true for a key that is one parameter or intermediate byte of a
// CSI reply (such as ?2026;2$ in ESC [ ? 2026 ; 2 $ y).
func csiChar(k string) bool {
	return len(k) == 1 && k[0] >= 0x20 && k[0] <= 0x3f || k == "$" || k == "space"
}

// csiFinal is true for a key that ends a CSI reply: a letter, or ~.
func csiFinal(k string) bool {
	if len(k) != 1 {
		return false
	}
	c := k[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '~'
}

// keyBytes is how many bytes of a mouse report the key k was read from: a
// character's own, or one for the keys a byte 0x20 or 0x7f is read as.
func keyBytes(k string) int {
	if utf8.RuneCountInString(k) == 1 {
		return len(k)
	}
	return 1 // space, backspace
}

// turnsPage is true for the keys that answer, confirm or go back: held down,
// their repeats would answer the pages that follow, unread.
func turnsPage(k string) bool {
	switch k {
	case "1", "2", "3", "enter", "shift+tab", "left":
		return true
	}
	return false
}
