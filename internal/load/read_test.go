package load

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/iopfit/iopfit/internal/i18n"
)

// sizeInText finds a size written as a person reads it ("1 MiB", "64 KiB",
// "900 bytes") and returns it in bytes.
var sizeInText = regexp.MustCompile(`(\d+) (MiB|KiB|bytes)`)

func bytesIn(t *testing.T, msg string) int64 {
	t.Helper()
	m := sizeInText.FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("no size in %q", msg)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	switch m[2] {
	case "MiB":
		n <<= 20
	case "KiB":
		n <<= 10
	}
	return n
}

// TestLimitsSayTheirNumbers reads a file one byte over each kind's cap and
// checks that the message names that cap, in every language: a text that
// spelled out its own number would disagree with the cap as soon as the cap
// changed. A file exactly at the cap is read.
func TestLimitsSayTheirNumbers(t *testing.T) {
	for kind, texts := range kinds {
		t.Run(string(kind), func(t *testing.T) {
			dir := t.TempDir()
			at, over := filepath.Join(dir, "at"), filepath.Join(dir, "over")
			if err := os.WriteFile(at, bytes.Repeat([]byte("x"), int(texts.limit)), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(over, bytes.Repeat([]byte("x"), int(texts.limit)+1), 0o644); err != nil {
				t.Fatal(err)
			}
			if data, err := Read(context.Background(), File(at), kind); err != nil || int64(len(data)) != texts.limit {
				t.Fatalf("a file at the cap: %d bytes, %v", len(data), err)
			}
			_, err := Read(context.Background(), File(over), kind)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, errTooLarge) {
				t.Fatalf("a file over the cap: %v", err)
			}
			if texts.tooLarge == "" {
				return // never shown
			}
			for _, l := range i18n.Langs {
				if got := bytesIn(t, e.Msg.In(l)); got != texts.limit {
					t.Errorf("%s: the message says %d bytes, the cap is %d: %s", l, got, texts.limit, e.Msg.In(l))
				}
			}
			// The YAML decoder checks the same cap with the same words.
			_, err = (&parser{file: "x"}).document(bytes.Repeat([]byte("x"), int(texts.limit)+1), kind, i18n.M("questions.empty"))
			if !errors.As(err, &e) || bytesIn(t, e.Msg.In(i18n.English)) != texts.limit {
				t.Errorf("document: %v", err)
			}
		})
	}
}
