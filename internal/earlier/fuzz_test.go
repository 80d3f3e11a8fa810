package earlier

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// FuzzParse checks that any input either reads as an earlier result of the
// set, with only iopfit's keys in it, or fails with one line about the
// file; never a panic.
func FuzzParse(f *testing.F) {
	set := fixture(f, i18n.English)
	seeds, err := filepath.Glob("../report/testdata/*.json")
	if err != nil {
		f.Fatal(err)
	}
	fhir, _ := filepath.Glob("../report/testdata/fhir/*.json")
	// Kept handouts: Markdown that ends with the result --compare reads.
	handouts, _ := filepath.Glob("../report/testdata/*.md")
	for _, p := range append(append(seeds, fhir...), handouts...) {
		if strings.Contains(p, "questions") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(minimalJSON))
	f.Add([]byte(minimalFHIR))
	f.Add([]byte(strings.Replace(minimalFHIR, "|0.0.9", "|0.1.0", 1)))
	f.Add([]byte(`{"a": 1, "a": [[[{}]]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Parse(data, "earlier.json", set)
		if err != nil {
			var le *load.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %T is not a *load.Error: %v", err, err)
			}
			if msg := le.In(i18n.English); strings.ContainsAny(msg, "\n\x1b") || len(msg) > 1000 {
				t.Fatalf("not one short plain line: %q", msg)
			}
			return
		}
		if e.SetID != set.ID {
			t.Fatalf("read a result of %q as one of %q", e.SetID, set.ID)
		}
		if e.Recommendation != assess.IOP && e.Recommendation != assess.Residential {
			t.Fatalf("recommendation %q", e.Recommendation)
		}
		common := false
		for id, a := range e.Answers {
			if a != assess.Yes && a != assess.No && a != assess.Unsure {
				t.Fatalf("answer %q to %q", a, id)
			}
			_, ok := set.Question(id)
			common = common || ok
		}
		if !common {
			t.Fatal("a result with no answer to the set's questions was read")
		}
		// Of today's version, the result is the one today's rule gives.
		if e.Version == set.Version {
			res, err := assess.Evaluate(set, e.Answers)
			if err != nil || res.Recommendation != e.Recommendation {
				t.Fatalf("read %s for answers that give %s (%v)", e.Recommendation, res.Recommendation, err)
			}
			if e.Headline != "" && e.Headline != res.Headline {
				t.Fatalf("headline %q, where the answers give %q", e.Headline, res.Headline)
			}
		}
	})
}
