//go:build linux

// Command bench measures iopfit's costs against the floor its libraries set,
// and prints one table (make bench). It measures on Linux, through a
// pseudo-terminal and the kernel's resource counts. Every figure is taken side by side in
// one run, with the programs interleaved so that a noisy machine slows them
// alike, and each is the median of many runs.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/creack/pty"
)

var (
	runs    = flag.Int("runs", 21, "runs per figure (the median is reported)")
	against = flag.String("against", "", "a git revision whose form to measure side by side with this one")
)

var scripted = []string{"check", "--stable-home", "yes", "--manageable-needs", "yes", "--can-commit", "yes", "--responsibilities", "no"}

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type bins struct {
	iopfit, stripped, empty, floor string
	// before is iopfit as built at -against, or "".
	before string
}

func run() error {
	dir, err := os.MkdirTemp("", "iopfit-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	b, err := build(dir)
	if err != nil {
		return err
	}
	if *against != "" {
		if b.before, err = buildAt(dir, *against); err != nil {
			return err
		}
	}
	n := *runs
	fmt.Fprintf(os.Stderr, "bench: %d runs per figure\n", n)

	// Scripted check to a pipe, against the empty and floor programs.
	var wallIop, wallEmpty, wallFloor, rssIop, rssEmpty, wallBefore []float64
	for range n {
		progs := []struct {
			bin       string
			args      []string
			wall, rss *[]float64
		}{
			{b.iopfit, scripted, &wallIop, &rssIop},
			{b.empty, nil, &wallEmpty, &rssEmpty},
			{b.floor, nil, &wallFloor, nil},
		}
		if b.before != "" {
			progs = append(progs, struct {
				bin       string
				args      []string
				wall, rss *[]float64
			}{b.before, scripted, &wallBefore, nil})
		}
		for _, p := range progs {
			wall, rss, err := timePipe(p.bin, p.args)
			if err != nil {
				return err
			}
			*p.wall = append(*p.wall, wall)
			if p.rss != nil {
				*p.rss = append(*p.rss, rss)
			}
		}
	}

	// The same programs in a terminal that never answers a query.
	var paintIop, paintEmpty, helpTTY, checkTTY, keys, paintBefore, keysBefore []float64
	for range n {
		paint, keyTimes, err := formSession(b.iopfit)
		if err != nil {
			return err
		}
		paintIop = append(paintIop, paint)
		keys = append(keys, keyTimes...)
		if b.before != "" {
			paint, keyTimes, err := formSession(b.before)
			if err != nil {
				return err
			}
			paintBefore = append(paintBefore, paint)
			keysBefore = append(keysBefore, keyTimes...)
		}
		first, err := firstOutput(b.empty)
		if err != nil {
			return err
		}
		paintEmpty = append(paintEmpty, first)
		help, err := timeTTY(b.iopfit, []string{"--help"})
		if err != nil {
			return err
		}
		helpTTY = append(helpTTY, help)
		check, err := timeTTY(b.iopfit, scripted)
		if err != nil {
			return err
		}
		checkTTY = append(checkTTY, check)
	}

	sizePlain, sizeStripped := fileSize(b.iopfit), fileSize(b.stripped)
	floor, empty, iop := median(wallFloor), median(wallEmpty), median(wallIop)
	ratio := iop / floor
	paintDelta := median(paintIop) - median(paintEmpty)

	fmt.Printf("Machine: %s, %d cores, %s %s/%s; %d runs per figure, interleaved; medians.\n\n", cpuModel(), runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, n)
	fmt.Println("| figure | iopfit | compared with | target | |")
	fmt.Println("|---|---|---|---|---|")
	row("scripted `check`, all answers as flags, text to a pipe (wall)", ms(iop),
		fmt.Sprintf("empty %s, floor %s; %.2f× the floor", ms(empty), ms(floor), ratio), "≤ 1.25× the floor", ratio <= 1.25)
	row("first paint of the form in a silent terminal", ms(median(paintIop)),
		fmt.Sprintf("empty program's first output %s; +%s", ms(median(paintEmpty)), ms(paintDelta)), "≤ +15 ms", paintDelta <= 15)
	row("`iopfit --help` in a silent terminal", ms(median(helpTTY)), "—", "< 100 ms", median(helpTTY) < 100)
	row("scripted `check` in a silent terminal", ms(median(checkTTY)), "—", "< 100 ms", median(checkTTY) < 100)
	row("key press to redraw in the form", ms(median(keys)), fmt.Sprintf("p90 %s over %d presses", ms(percentile(keys, 0.9)), len(keys)), "report", true)
	row("peak RSS of scripted `check`", mib(median(rssIop)), "empty "+mib(median(rssEmpty)), "≤ 12 MiB", median(rssIop) <= 12*1024)
	row("binary size, `go build`", mib(float64(sizePlain)/1024), "", "≤ 10 MiB", sizePlain <= 10<<20)
	row("binary size, `-ldflags \"-s -w\"`", mib(float64(sizeStripped)/1024), "", "report", true)
	if b.before != "" {
		fmt.Printf("\nAgainst the form at %s, in the same run:\n\n", *against)
		fmt.Println("| figure | this form | the form at " + *against + " | target | |")
		fmt.Println("|---|---|---|---|---|")
		paintRatio := median(paintIop) / median(paintBefore)
		row("first paint in a silent terminal", ms(median(paintIop)), fmt.Sprintf("%s; %.2f×", ms(median(paintBefore)), paintRatio), "≤ 1.1×", paintRatio <= 1.1)
		p90, p90Before := percentile(keys, 0.9), percentile(keysBefore, 0.9)
		row("key press to redraw, p90", ms(p90), ms(p90Before), "no worse", p90 <= p90Before)
		checkRatio := iop / median(wallBefore)
		row("scripted `check` to a pipe (wall)", ms(iop), fmt.Sprintf("%s; %.2f×", ms(median(wallBefore)), checkRatio), "unchanged (≤ 1.05×)", checkRatio <= 1.05)
		row("binary size, `go build`", mib(float64(sizePlain)/1024), mib(float64(fileSize(b.before))/1024), "≤ 10 MiB", sizePlain <= 10<<20)
	}
	return nil
}

// buildAt builds iopfit as it was at the git revision rev, in a worktree of
// its own that is removed after.
func buildAt(dir, rev string) (string, error) {
	tree, bin := filepath.Join(dir, "before-tree"), filepath.Join(dir, "iopfit-before")
	if out, err := exec.Command("git", "worktree", "add", "--detach", tree, rev).CombinedOutput(); err != nil {
		return "", fmt.Errorf("git worktree add %s: %v\n%s", rev, err, out)
	}
	defer func() { _ = exec.Command("git", "worktree", "remove", "--force", tree).Run() }()
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/iopfit")
	cmd.Dir = tree
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building %s: %v\n%s", rev, err, out)
	}
	return bin, nil
}

func row(figure, value, compared, target string, ok bool) {
	mark := "met"
	if !ok {
		mark = "**missed**"
	}
	if target == "report" {
		mark = ""
	}
	fmt.Printf("| %s | %s | %s | %s | %s |\n", figure, value, compared, target, mark)
}

func build(dir string) (bins, error) {
	b := bins{
		iopfit:   filepath.Join(dir, "iopfit"),
		stripped: filepath.Join(dir, "iopfit-stripped"),
		empty:    filepath.Join(dir, "empty"),
		floor:    filepath.Join(dir, "floor"),
	}
	for _, c := range [][]string{
		{"build", "-o", b.iopfit, "./cmd/iopfit"},
		{"build", "-ldflags", "-s -w", "-o", b.stripped, "./cmd/iopfit"},
		{"build", "-o", b.empty, "./tools/bench/empty"},
		{"build", "-o", b.floor, "./tools/bench/floor"},
	} {
		if out, err := exec.Command("go", c...).CombinedOutput(); err != nil {
			return b, fmt.Errorf("go %s: %v\n%s", strings.Join(c, " "), err, out)
		}
	}
	return b, nil
}

// env is fixed so a developer's NO_COLOR or IOPFIT_QUESTIONS cannot skew it.
func env() []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "TERM=xterm-256color"}
}

// timePipe runs bin with stdout to a pipe and returns the wall time in ms and
// the peak RSS in KiB.
func timePipe(bin string, args []string) (wall, rss float64, err error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env()
	cmd.Stdout = io.Discard
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", filepath.Base(bin), err)
	}
	wall = float64(time.Since(start).Microseconds()) / 1000
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) // KiB on Linux
	}
	return wall, rss, nil
}

// ttyProc is a program whose stdin, stdout and stderr are a pseudo-terminal
// that nobody answers: whatever it asks the terminal goes unanswered.
type ttyProc struct {
	cmd    *exec.Cmd
	ptmx   *os.File
	chunks chan chunk
	start  time.Time
	// all is every byte read so far by until.
	all bytes.Buffer
}

type chunk struct {
	at   time.Time
	data []byte
}

func startTTY(bin string, args []string) (*ttyProc, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		return nil, err
	}
	p := &ttyProc{cmd: cmd, ptmx: ptmx, chunks: make(chan chunk, 1024), start: time.Now()}
	go func() {
		buf := make([]byte, 64<<10)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				p.chunks <- chunk{time.Now(), slices.Clone(buf[:n])}
			}
			if err != nil {
				close(p.chunks)
				return
			}
		}
	}()
	return p, nil
}

// until reads output until it holds want, and returns when that was, in ms
// since from.
func (p *ttyProc) until(want string, from time.Time) (float64, error) {
	var seen bytes.Buffer
	timeout := time.After(10 * time.Second)
	for {
		select {
		case c, ok := <-p.chunks:
			if !ok {
				return 0, fmt.Errorf("%s ended before printing %q", filepath.Base(p.cmd.Path), want)
			}
			seen.Write(c.data)
			p.all.Write(c.data)
			if bytes.Contains(seen.Bytes(), []byte(want)) {
				return float64(c.at.Sub(from).Microseconds()) / 1000, nil
			}
		case <-timeout:
			return 0, fmt.Errorf("%s did not print %q within 10 s", filepath.Base(p.cmd.Path), want)
		}
	}
}

// next waits for the next output after from, in ms.
func (p *ttyProc) next(from time.Time) (float64, error) {
	for {
		select {
		case c, ok := <-p.chunks:
			if !ok {
				return 0, errors.New("the form ended while waiting for a redraw")
			}
			if c.at.After(from) {
				return float64(c.at.Sub(from).Microseconds()) / 1000, nil
			}
		case <-time.After(5 * time.Second):
			return 0, errors.New("no redraw within 5 s of a key press")
		}
	}
}

func (p *ttyProc) finish() {
	_ = p.cmd.Wait()
	p.ptmx.Close()
}

// formSession returns the time to the form's first frame (its switch to
// the alternate screen comes with it), and the times from key presses on
// the first question to the redraws they cause. Where the form begins with
// an intro page, Enter goes past it first.
func formSession(bin string) (paint float64, keys []float64, err error) {
	p, err := startTTY(bin, []string{"check"})
	if err != nil {
		return 0, nil, err
	}
	defer p.finish()
	if paint, err = p.until("\x1b[?1049h", p.start); err != nil {
		return 0, nil, err
	}
	// The form drops keys for its first 200 ms on a page (type-ahead).
	time.Sleep(300 * time.Millisecond)
	if p.seen("Press Enter to start") {
		if _, err := p.ptmx.Write([]byte("\r")); err != nil {
			return 0, nil, err
		}
		if _, err := p.until("(1/4)", time.Now()); err != nil {
			return 0, nil, err
		}
		time.Sleep(300 * time.Millisecond)
	}
	drain(p)
	for _, k := range []string{"\x1b[B", "\x1b[A", "\x1b[B"} {
		sent := time.Now()
		if _, err := p.ptmx.Write([]byte(k)); err != nil {
			return 0, nil, err
		}
		d, err := p.next(sent)
		if err != nil {
			return 0, nil, err
		}
		keys = append(keys, d)
		time.Sleep(30 * time.Millisecond)
		drain(p)
	}
	_, err = p.ptmx.Write([]byte{3}) // Ctrl-C
	return paint, keys, err
}

// seen reports whether the output read so far, and what waits to be read,
// holds want.
func (p *ttyProc) seen(want string) bool {
	for {
		select {
		case c, ok := <-p.chunks:
			if !ok {
				return bytes.Contains(p.all.Bytes(), []byte(want))
			}
			p.all.Write(c.data)
		default:
			return bytes.Contains(p.all.Bytes(), []byte(want))
		}
	}
}

func drain(p *ttyProc) {
	for {
		select {
		case <-p.chunks:
		default:
			return
		}
	}
}

func firstOutput(bin string) (float64, error) {
	p, err := startTTY(bin, nil)
	if err != nil {
		return 0, err
	}
	defer p.finish()
	return p.until("hello", p.start)
}

// timeTTY runs bin to its end in the silent terminal, in ms.
func timeTTY(bin string, args []string) (float64, error) {
	p, err := startTTY(bin, args)
	if err != nil {
		return 0, err
	}
	go func() {
		for range p.chunks {
		}
	}()
	err = p.cmd.Wait()
	d := float64(time.Since(p.start).Microseconds()) / 1000
	p.ptmx.Close()
	if err != nil {
		return 0, fmt.Errorf("%s %v: %w", filepath.Base(bin), args, err)
	}
	return d, nil
}

func median(xs []float64) float64 { return percentile(xs, 0.5) }

func percentile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[int(q*float64(len(s)-1)+0.5)]
}

func ms(v float64) string  { return fmt.Sprintf("%.1f ms", v) }
func mib(v float64) string { return fmt.Sprintf("%.1f MiB", v/1024) }

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
