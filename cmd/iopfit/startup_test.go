package main

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/questions"
)

var initClock = regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, ([0-9.]+) ms clock`)

// TestStartupWorkIsSmall sums the time every package spends in init, as
// GODEBUG=inittrace=1 reports it. All of it is paid by every run, scripted or
// not. A library upgrade once added 16 ms here (go-runewidth v0.0.27 builds
// lookup tables at init), doubling a scripted check; this keeps such a change
// from landing unnoticed. The best of five runs keeps a busy machine from
// failing it.
func TestStartupWorkIsSmall(t *testing.T) {
	bin := binary(t, "")
	const limit = 5 * time.Millisecond
	best, worst := time.Hour, ""
	for range 5 {
		cmd := exec.Command(bin, append(allAnswers, "-q")...)
		cmd.Env = baseEnv("GODEBUG=inittrace=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		var total time.Duration
		var slowest time.Duration
		for _, m := range initClock.FindAllStringSubmatch(stderr.String(), -1) {
			ms, _ := strconv.ParseFloat(m[2], 64)
			d := time.Duration(ms * float64(time.Millisecond))
			total += d
			if d > slowest {
				slowest, worst = d, m[1]
			}
		}
		if total == 0 {
			t.Fatal("GODEBUG=inittrace=1 printed nothing")
		}
		best = min(best, total)
	}
	if best > limit {
		t.Fatalf("package inits take %v (best of 5), over %v; the slowest is %s", best, limit, worst)
	}
}

// TestEmbeddedSetParsedOnce: the embedded YAML is parsed the first time it is
// needed and never again.
func TestEmbeddedSetParsedOnce(t *testing.T) {
	a, errA := questions.Embedded()
	b, errB := questions.Embedded()
	if errA != nil || errB != nil || a != b {
		t.Fatal("the embedded question set was parsed more than once")
	}
}
