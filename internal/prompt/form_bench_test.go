package prompt

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// shipped is the built-in set: what a form costs depends on its real text.
func shipped(b *testing.B) *assess.Set {
	b.Helper()
	set, err := load.Embedded(i18n.English)
	if err != nil {
		b.Fatal(err)
	}
	return set
}

func BenchmarkNewForm(b *testing.B) {
	set := shipped(b)
	for b.Loop() {
		if _, err := NewForm(set, set.IDs(), FormIO{In: nil, Out: io.Discard}, true); err != nil {
			b.Fatal(err)
		}
	}
}

// firstWrite records when the form first writes.
type firstWrite struct {
	once sync.Once
	at   chan time.Time
}

func (f *firstWrite) Write(p []byte) (int, error) {
	f.once.Do(func() { f.at <- time.Now() })
	return len(p), nil
}

// BenchmarkFirstFrame measures from building the form to its first write.
func BenchmarkFirstFrame(b *testing.B) {
	set := shipped(b)
	for b.Loop() {
		r, w := io.Pipe()
		fw := &firstWrite{at: make(chan time.Time, 1)}
		start := time.Now()
		form, err := NewForm(set, set.IDs(), FormIO{In: r, Out: fw}, true)
		if err != nil {
			b.Fatal(err)
		}
		built := time.Now()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { _, _ = form.Run(ctx); close(done) }()
		at := <-fw.at
		b.ReportMetric(float64(built.Sub(start).Microseconds())/1000, "build-ms")
		b.ReportMetric(float64(at.Sub(built).Microseconds())/1000, "firstwrite-ms")
		cancel()
		w.Close()
		<-done
	}
}
