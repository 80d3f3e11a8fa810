// Package assess is iopfit's pure core: the types of a question set, the parsing
// of a single answer, and Evaluate, which turns a set and a person's answers into
// the result that every renderer prints. It does no I/O and keeps no state.
package assess

// Set is a validated question set: every word of the assessment a person reads.
type Set struct {
	Schema     int
	ID         string
	Version    string
	Title      string
	Intro      string
	Source     string
	Questions  []Question
	Outcomes   map[Recommendation]Outcome
	About      []string
	Caveats    []string
	Resources  []Resource
	Disclaimer string
	Labels     Labels
	// File says where the set came from: "embedded" or the path it was read from.
	File string
}

// Question is one question of a set.
type Question struct {
	ID     string
	Prompt string
	Help   string
	// Decides is true when the question can change the recommendation.
	Decides bool
	Reasons map[Answer]string
}

// Outcome is the text shown for one recommendation.
type Outcome struct {
	Headline  string
	Summary   string
	NextSteps []string
}

// Resource is a place to get help, such as a crisis line.
type Resource struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
}

// Labels holds the fixed strings of the form and the result, keyed as in the
// question file's labels section.
type Labels map[string]string

// Get returns the label for key, or fallback when the set does not define it.
// Required labels are always present in a validated set; fallbacks exist only
// for the optional ones, so a custom set may leave them out.
func (l Labels) Get(key string) string {
	if v, ok := l[key]; ok && v != "" {
		return v
	}
	return optionalLabelDefaults[key]
}

// Option returns the label a person reads for an answer.
func (l Labels) Option(a Answer) string {
	switch a {
	case Yes:
		return l.Get("option_yes")
	case No:
		return l.Get("option_no")
	default:
		return l.Get("option_unsure")
	}
}

// RequiredLabels are the label keys every question set must define.
var RequiredLabels = []string{
	"option_yes", "option_no", "option_unsure",
	"your_answers", "about", "caveats", "next_steps", "resources",
	"cancelled",
}

// optionalLabelDefaults are the English fallbacks for the optional label keys.
// The embedded set defines them all; they matter only for a custom set.
var optionalLabelDefaults = map[string]string{
	"form_hint":   "Use ↑ and ↓ to choose, then press Enter. Press Esc to stop at any time.",
	"plain_hint":  "Type the number or the word of your answer, then press Enter.",
	"plain_retry": "That is not one of the choices.",
	"source":      "Source",
}

// OptionalLabels are the label keys a question set may define; each has an
// English fallback so that a custom set may leave it out.
var OptionalLabels = []string{"form_hint", "plain_hint", "plain_retry", "source"}

// Question returns the question with the given id.
func (s *Set) Question(id string) (*Question, bool) {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return &s.Questions[i], true
		}
	}
	return nil, false
}

// IDs returns the question ids in the set's order.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.Questions))
	for i, q := range s.Questions {
		ids[i] = q.ID
	}
	return ids
}
