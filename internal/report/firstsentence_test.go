package report

import "testing"

func TestFirstSentenceTable(t *testing.T) {
	for in, want := range map[string]string{
		"Call 911. Then more.":   "Call 911.",
		"Call or text 988.":      "Call or text 988.",
		"No end":                 "No end",
		"Is it? Yes.":            "Is it?",
		"Use 1.5 mg. Then stop.": "Use 1.5 mg.",
		"Wow!\nNext":             "Wow!",
		"¿Llama al 988? Sí.":     "¿Llama al 988?",
		"":                       "",
	} {
		if got := FirstSentence(in); got != want {
			t.Errorf("FirstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
