package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestMutationsApply: each mutation's code is in its file exactly once, and
// the mutation changes it, so that make mutate tests what it says; a change
// to that code must bring the list along.
func TestMutationsApply(t *testing.T) {
	for _, m := range mutations {
		data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(m.file)))
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte(m.old)); n != 1 || m.old == m.new {
			t.Errorf("%s: %q is in %s %d times, want once, and a change", m.name, m.old, m.file, n)
		}
		if _, err := os.Stat(filepath.Join("..", "..", filepath.FromSlash(m.pkg))); err != nil {
			t.Errorf("%s: no package %s: %v", m.name, m.pkg, err)
		}
	}
}
