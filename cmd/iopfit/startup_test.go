package main

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

var initWork = regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// Limits on what package inits allocate, which every run pays, scripted or
// not. Today they allocate about 261 KB in 1,714 allocations. A library
// upgrade once added 16 ms here (go-runewidth v0.0.27 built lookup tables at
// init); work like that shows as memory, which, unlike clock time, does not
// change with how busy the machine is. Clock figures are make bench's job.
const (
	maxInitBytes  = 512 << 10
	maxInitAllocs = 3000
)

// TestStartupWorkIsSmall sums the memory every package's init allocates, as
// GODEBUG=inittrace=1 reports it.
func TestStartupWorkIsSmall(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t, ""), append(allAnswers, "-q")...)
	cmd.Env = baseEnv("GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	var bytesTotal, allocs, most int
	var biggest string
	for _, m := range initWork.FindAllStringSubmatch(stderr.String(), -1) {
		b, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		bytesTotal += b
		allocs += n
		if b > most {
			most, biggest = b, m[1]
		}
	}
	if bytesTotal == 0 {
		t.Fatal("GODEBUG=inittrace=1 printed nothing")
	}
	t.Logf("package inits: %d bytes in %d allocations; the largest is %s (%d bytes)", bytesTotal, allocs, biggest, most)
	if bytesTotal > maxInitBytes || allocs > maxInitAllocs {
		t.Fatalf("package inits allocate %d bytes in %d allocations, over %d bytes or %d allocations; the largest is %s (%d bytes)",
			bytesTotal, allocs, maxInitBytes, maxInitAllocs, biggest, most)
	}
}

// TestNoProbeRunsBeforeLipgloss: internal/noprobe must be initialized before
// lipgloss, whose package-level colour writer would otherwise probe the
// terminal (terminfo, the user database, tmux) before main. Go orders
// package inits by import path among the packages whose imports are done,
// so a new dependency could change the order; the binary's own init trace
// says what it is.
func TestNoProbeRunsBeforeLipgloss(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t, ""), "--version")
	cmd.Env = baseEnv("GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	order := map[string]int{}
	for i, m := range initWork.FindAllStringSubmatch(stderr.String(), -1) {
		order[m[1]] = i + 1
	}
	guard, lipgloss := order["github.com/iopfit/iopfit/internal/noprobe"], order["charm.land/lipgloss/v2"]
	switch {
	case guard == 0 || lipgloss == 0:
		t.Fatalf("the init trace lacks noprobe (%d) or lipgloss (%d):\n%s", guard, lipgloss, stderr.String())
	case guard > lipgloss:
		t.Fatalf("noprobe is initialized after lipgloss (%d > %d): lipgloss probes the terminal before main", guard, lipgloss)
	}
}
