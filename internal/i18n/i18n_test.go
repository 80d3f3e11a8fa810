package i18n

import "testing"

func TestSize(t *testing.T) {
	for n, want := range map[Size]string{
		1 << 20: "1 MiB", 64 << 10: "64 KiB", 32 << 10: "32 KiB", 3 << 20: "3 MiB",
		1536: "1536 bytes", 900: "900 bytes", 1<<20 + 1<<10: "1025 KiB",
	} {
		for _, l := range Langs {
			if got := n.In(l); got != want {
				t.Errorf("Size(%d).In(%s) = %q, want %q", n, l, got, want)
			}
		}
	}
}
