package cli

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/load"
)

// BenchmarkScriptedCheck is a scripted check in-process, from arguments to
// the printed result. The embedded set is parsed once per process, as in a
// real run; BenchmarkParseEmbedded shows that cost apart.
func BenchmarkScriptedCheck(b *testing.B) {
	args := []string{"check", "--stable-home", "yes", "--manageable-needs", "yes", "--can-commit", "yes", "--responsibilities", "no"}
	for b.Loop() {
		s := &Streams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
		if code := Run(context.Background(), args, s, Host{}, BuildInfo{}, func(int) {}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkParseEmbedded(b *testing.B) {
	data := embeddedYAML(b)
	for b.Loop() {
		if _, err := load.ParseSet(data, "embedded"); err != nil {
			b.Fatal(err)
		}
	}
}
