package questions

import "testing"

func TestEmbeddedLoads(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatalf("embedded questions.yaml does not load: %v", err)
	}
	want := []string{"stable-home", "manageable-needs", "can-commit", "responsibilities"}
	got := set.IDs()
	if len(got) != len(want) {
		t.Fatalf("ids = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %v, want %v", got, want)
		}
	}
	for _, q := range set.Questions {
		if wantDecides := q.ID != "responsibilities"; q.Decides != wantDecides {
			t.Errorf("%s: decides = %v, want %v", q.ID, q.Decides, wantDecides)
		}
	}
	if set.File != EmbeddedName {
		t.Errorf("File = %q, want %q", set.File, EmbeddedName)
	}
}
