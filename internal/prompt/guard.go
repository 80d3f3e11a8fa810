package prompt

import (
	"strings"
	"time"
)

// escWait is how long an Esc is held while the terminal's reply to the
// background query is still due: long enough for the rest of a reply that
// a slow link (ssh, tmux) delivers in a second read, short enough that a
// person who pressed Esc to stop sees it happen.
const escWait = 400 * time.Millisecond

// replyGap ends a split reply that never finished: after this long without
// a character a reply is made of, keys count again.
const replyGap = time.Second

// verdict is what replyGuard makes of a key.
type verdict int

const (
	// pass is a key the person pressed.
	pass verdict = iota
	// drop is a piece of a terminal reply, never a key press.
	drop
	// hold is an Esc that may be the first byte of a reply: it counts only
	// if escWait passes without the rest of one.
	hold
)

// replyGuard keeps the terminal's answer to a query from being read as key
// presses. The form asks the terminal for its background colour, and the
// reply (ESC ] 11 ; rgb:RRRR/GGGG/BBBB, then BEL or ESC \) can arrive split
// across two reads, as it does over ssh and tmux. Bubble Tea's reader then
// gives up on the first piece after 50 ms and reports it as an Esc key, an
// alt+] key, or an unknown sequence, and the rest as one key per character:
// the digits of "11;" and of the colour would answer questions, and the Esc
// would stop the form. The guard knows the shapes a reply's pieces take, so
// it needs no guess about timing for any key but Esc.
type replyGuard struct {
	// waiting is true from the query until the reply has been read whole:
	// only then can an Esc be the start of a reply.
	waiting bool
	// held is an Esc kept back since heldAt, as it may start a reply.
	held   bool
	heldAt time.Time
	// inReply is true while the rest of a split reply arrives as keys; last
	// is when its latest piece came.
	inReply bool
	last    time.Time
}

// sent records that a query went out.
func (g *replyGuard) sent() { g.waiting = true }

// replied records that the reply was read whole: nothing more is due.
func (g *replyGuard) replied() { *g = replyGuard{} }

// unknown is told of a sequence the reader could not read, which is how the
// first piece of a split reply can come.
func (g *replyGuard) unknown(seq string, now time.Time) {
	if strings.HasPrefix(seq, "\x1b]") {
		g.inReply, g.last = true, now
	}
}

// key decides what the key k, pressed at now, is. esc is true when an Esc
// held before it turned out to be the person's: they meant to stop.
func (g *replyGuard) key(k string, now time.Time) (v verdict, esc bool) {
	if g.held {
		g.held = false
		if k == "]" {
			g.inReply, g.last = true, now
			return drop, false
		}
		esc = true
	}
	if g.inReply && now.Sub(g.last) > replyGap {
		g.inReply = false
	}
	if g.inReply {
		switch {
		case k == "alt+\\" || k == "ctrl+g" || k == "\\":
			// The reply's terminator: ESC \, BEL, or the \ after an ESC
			// that came with the piece before.
			g.inReply = false
			return drop, esc
		case k == "esc" || replyChar(k):
			g.last = now
			return drop, esc
		}
		g.inReply = false
	}
	switch {
	case k == "alt+]":
		// ESC ] read as one key: no one types it in this form.
		g.inReply, g.last = true, now
		return drop, esc
	case k == "esc" && g.waiting && !esc:
		g.held, g.heldAt = true, now
		return hold, false
	}
	return pass, esc
}

// escExpired is true when an Esc held since at least escWait before now was
// not followed by a reply: it was the person's.
func (g *replyGuard) escExpired(now time.Time) bool {
	if g.held && now.Sub(g.heldAt) >= escWait {
		g.held = false
		return true
	}
	return false
}

// replyChar is true for a key that is one character of a colour reply after
// its ESC: the parameters (11;rgb: or rgba:), hex digits and slashes.
func replyChar(k string) bool {
	return len(k) == 1 && strings.ContainsRune("0123456789abcdefABCDEF;:/rgb]", rune(k[0]))
}
