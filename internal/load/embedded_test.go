package load

import (
	"testing"

	"github.com/iopfit/iopfit/internal/i18n"
)

// TestEmbeddedParsedOnce: the built-in set is parsed the first time it is
// needed and never again, in each language.
func TestEmbeddedParsedOnce(t *testing.T) {
	for _, l := range i18n.Langs {
		a, errA := Embedded(l)
		b, errB := Embedded(l)
		if errA != nil || errB != nil || a != b {
			t.Fatalf("the built-in %s set was parsed more than once, or fails: %v %v", l, errA, errB)
		}
	}
}
