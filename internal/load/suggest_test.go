package load

import "testing"

func TestClosest(t *testing.T) {
	known := []string{"prompt", "help", "decides", "reasons", "id"}
	tests := []struct {
		word, want string
	}{
		{"promt", "prompt"},
		{"Prompt", "prompt"},
		{"hlep", ""}, // a swap is two edits: too far for a four-letter word
		{"decide", "decides"},
		{"reason", "reasons"},
		{"zzzzzz", ""},
		{"", ""},
		{"ids", "id"},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, known); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"kitten", "sitting", 3},
		{"sí", "si", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
