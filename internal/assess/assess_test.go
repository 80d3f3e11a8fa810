package assess

import (
	"errors"
	"slices"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		in      string
		want    Answer
		wantErr bool
	}{
		{"yes", Yes, false},
		{"Y", Yes, false},
		{"YES", Yes, false},
		{" yes\n", Yes, false},
		{"no", No, false},
		{"N", No, false},
		{"unsure", Unsure, false},
		{"Not-Sure", Unsure, false},
		{"u", Unsure, false},
		{"", "", true},
		{"maybe", "", true},
		{"not sure", Unsure, false},
		{"Not  Sure", Unsure, false},
		{"sí", Yes, false},
		{"SI", Yes, false},
		{"s", Yes, false},
		{"No sé", Unsure, false},
		{"no se", Unsure, false},
		{"No estoy segura", Unsure, false},
		{"no estoy seguro", Unsure, false},
		// The ways people write "no sé" in a hurry, and a sentence's stop.
		{"nose", Unsure, false},
		{"No lo sé", Unsure, false},
		{"sí.", Yes, false},
		{"No sé.", Unsure, false},
		{"yes..", "", true},
		{".", "", true},
		{"nó", No, false},
		{"sí, claro", "", true},
		{"yes no", "", true},
		{"true", "", true}, // booleans are accepted only as YAML/JSON values
		{"1", "", true},
		{"yess", "", true},
		// A decomposed accent (i and a combining acute) is the same word
		// after NFC, as a person reads it.
		{"si\u0301", Yes, false},
		{"SI\u0301", Yes, false},
		{"no se\u0301", Unsure, false},
		{"No Se\u0301", Unsure, false},
		{"no\u0301", No, false},
		// A mark NFC cannot join to its letter is no answer word.
		{"s\u0131\u0301", "", true},
		{"si\u0301\u0301", "", true},
	}
	for _, tt := range tests {
		got, ok := ParseAnswer(tt.in)
		if ok == tt.wantErr || got != tt.want {
			t.Errorf("ParseAnswer(%q) = %q, %v; want %q, ok %v", tt.in, got, ok, tt.want, !tt.wantErr)
		}
	}
}

// TestAnswerWordsParse: every word offered for an answer reads as it.
func TestAnswerWordsParse(t *testing.T) {
	for _, a := range Answers {
		for _, w := range AnswerWords(a) {
			if got, ok := ParseAnswer(w); !ok || got != a {
				t.Errorf("ParseAnswer(%q) = %q, %v; want %q", w, got, ok, a)
			}
		}
	}
}

func TestFromBool(t *testing.T) {
	if FromBool(true) != Yes || FromBool(false) != No {
		t.Fatal("FromBool does not map true to yes and false to no")
	}
}

// testSet mirrors the shape of the real set: three deciding questions and one
// that only explains. Each deciding question has steps for no and unsure;
// manageable-needs alone has urgent texts, and responsibilities has steps
// for yes. stable-home and can-commit have headlines for no and unsure,
// manageable-needs for no only, so that the choice of headline can fall
// through a question that has none for its answer.
func testSet() *Set {
	q := func(id string, decides bool) Question {
		q := Question{ID: id, Prompt: id + "?", Decides: decides, Reasons: map[Answer]string{
			Yes: id + " yes", No: id + " no", Unsure: id + " unsure",
		}}
		if decides {
			q.Topic = "your " + id
			q.Steps = map[Answer][]string{No: {id + " no step"}, Unsure: {id + " unsure step"}}
		} else {
			q.Steps = map[Answer][]string{Yes: {id + " yes step"}}
		}
		return q
	}
	withHeadlines := func(q Question, answers ...Answer) Question {
		q.Headline = map[Answer]string{}
		for _, a := range answers {
			q.Headline[a] = q.ID + " " + string(a) + " head"
		}
		return q
	}
	needs := withHeadlines(q("manageable-needs", true), No)
	needs.Urgent = map[Answer][]string{No: {"call 911 now"}, Unsure: {"ask a doctor today"}}
	return &Set{
		ID: "test", Version: "1", Title: "T", Source: "S", File: "embedded", Lang: "en",
		Questions: []Question{withHeadlines(q("stable-home", true), No, Unsure), needs, withHeadlines(q("can-commit", true), No, Unsure), q("responsibilities", false)},
		Outcomes: map[Recommendation]Outcome{
			IOP:         {Headline: "iop head", Summary: "iop sum", NextSteps: []string{"iop step"}},
			Residential: {Headline: "res head", Summary: "res sum", NextSteps: []string{"res step"}, About: []string{"res about"}},
		},
		About: []string{"about"}, Caveats: []string{"caveat"},
		Resources:  []Resource{{Name: "988", Contact: "call 988"}},
		Disclaimer: "not a diagnosis",
		Sources:    []Source{{Name: "src", URL: "https://example.org", Checked: "2026-11-28"}},
		Labels:     Labels{"because": "Because of {topics}.", "list_and": "and"},
	}
}

// TestEvaluateEveryCombination checks all 81 combinations of answers against
// the rule stated plainly: IOP exactly when every deciding answer is yes; a
// residential result names the deciding answers that led there, and puts
// their steps first, those of the urgent answer before the rest; its
// headline is the urgent answer's when it has one, else the first other
// not-yes answer's; urgent texts follow the answers that carry them.
func TestEvaluateEveryCombination(t *testing.T) {
	set := testSet()
	for _, home := range Answers {
		for _, needs := range Answers {
			for _, commit := range Answers {
				for _, resp := range Answers {
					answers := map[string]Answer{"stable-home": home, "manageable-needs": needs, "can-commit": commit, "responsibilities": resp}
					res, err := Evaluate(set, answers)
					if err != nil {
						t.Fatalf("Evaluate(%v): %v", answers, err)
					}
					var decidedBy, topics, steps []string
					for _, id := range []string{"stable-home", "manageable-needs", "can-commit"} {
						if answers[id] != Yes {
							decidedBy = append(decidedBy, id)
							topics = append(topics, "your "+id)
						}
					}
					// The urgent answer's steps first, then the others'.
					for _, id := range []string{"manageable-needs", "stable-home", "can-commit"} {
						if answers[id] != Yes {
							steps = append(steps, id+" "+string(answers[id])+" step")
						}
					}
					want, summary := IOP, "iop sum"
					if len(decidedBy) > 0 {
						want = Residential
						summary = "Because of " + joinForTest(topics) + ". res sum"
						if resp == Yes {
							steps = append(steps, "responsibilities yes step")
						}
					}
					if res.Recommendation != want {
						t.Errorf("Evaluate(%v) = %s, want %s", answers, res.Recommendation, want)
					}
					out := set.Outcomes[want]
					steps = append(steps, out.NextSteps...)
					head := out.Headline
					switch {
					case needs == No:
						head = "manageable-needs no head"
					case home != Yes:
						head = "stable-home " + string(home) + " head"
					case commit != Yes:
						head = "can-commit " + string(commit) + " head"
					}
					if res.Headline != head || res.Summary != summary || !slices.Equal(res.NextSteps, steps) {
						t.Errorf("Evaluate(%v): headline %q, summary %q, steps %q; want %q, %q, %q", answers, res.Headline, res.Summary, res.NextSteps, head, summary, steps)
					}
					if !slices.Equal(res.DecidedBy, decidedBy) || res.DecidedBy == nil {
						t.Errorf("Evaluate(%v): decided by %#v, want %q", answers, res.DecidedBy, decidedBy)
					}
					wantUrgent := append([]string{}, set.Questions[1].Urgent[needs]...)
					if !slices.Equal(res.Urgent, wantUrgent) || res.Urgent == nil {
						t.Errorf("Evaluate(%v): urgent %#v, want %q", answers, res.Urgent, wantUrgent)
					}
					if !slices.Equal(res.OutcomeAbout, out.About) || res.OutcomeAbout == nil {
						t.Errorf("Evaluate(%v): outcome about %#v, want %q", answers, res.OutcomeAbout, out.About)
					}
					for i, a := range res.Answers {
						q := set.Questions[i]
						if a.ID != q.ID || a.Answer != answers[q.ID] || a.Reason != q.Reasons[a.Answer] || a.Decides != q.Decides || a.Question != q.Prompt {
							t.Errorf("Evaluate(%v): answer %d = %+v", answers, i, a)
						}
					}
				}
			}
		}
	}
}

// joinForTest joins topics as a person would write them.
func joinForTest(topics []string) string {
	switch len(topics) {
	case 1:
		return topics[0]
	case 2:
		return topics[0] + " and " + topics[1]
	default:
		return topics[0] + ", " + topics[1] + " and " + topics[2]
	}
}

func TestBecause(t *testing.T) {
	l := Labels{"because": "Por lo que dijo sobre {topics}.", "list_and": "y"}
	tests := []struct {
		topics []string
		want   string
	}{
		{[]string{"su hogar"}, "Por lo que dijo sobre su hogar."},
		{[]string{"su hogar", "su salud"}, "Por lo que dijo sobre su hogar y su salud."},
		{[]string{"a", "b", "c"}, "Por lo que dijo sobre a, b y c."},
	}
	for _, tt := range tests {
		if got := Because(l, tt.topics); got != tt.want {
			t.Errorf("Because(%q) = %q, want %q", tt.topics, got, tt.want)
		}
	}
}

func TestEvaluateCarriesTheSet(t *testing.T) {
	set := testSet()
	res, err := Evaluate(set, map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes, "responsibilities": Yes})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "T" || res.Disclaimer != "not a diagnosis" || len(res.Resources) != 1 || res.About[0] != "about" || res.Caveats[0] != "caveat" {
		t.Errorf("result does not carry the set's text: %+v", res)
	}
	if len(res.Sources) != 1 || res.Sources[0].URL != "https://example.org" {
		t.Errorf("result does not carry the sources: %+v", res.Sources)
	}
	if res.SetInfo != (SetInfo{ID: "test", Version: "1", File: "embedded", Source: "S", Lang: "en", For: ForMe}) {
		t.Errorf("SetInfo = %+v", res.SetInfo)
	}
}

func TestEvaluateNeverGuesses(t *testing.T) {
	set := testSet()
	tests := []struct {
		name    string
		answers map[string]Answer
		missing []string
	}{
		{"none", map[string]Answer{}, []string{"stable-home", "manageable-needs", "can-commit", "responsibilities"}},
		{"non-deciding missing", map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes}, []string{"responsibilities"}},
		{"empty answer", map[string]Answer{"stable-home": "", "manageable-needs": Yes, "can-commit": Yes, "responsibilities": No}, []string{"stable-home"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Evaluate(set, tt.answers)
			var m *MissingAnswersError
			if !errors.As(err, &m) {
				t.Fatalf("err = %v, want MissingAnswersError", err)
			}
			if len(m.IDs) != len(tt.missing) {
				t.Fatalf("missing = %v, want %v", m.IDs, tt.missing)
			}
			for i := range tt.missing {
				if m.IDs[i] != tt.missing[i] {
					t.Fatalf("missing = %v, want %v", m.IDs, tt.missing)
				}
			}
		})
	}
}

func TestEvaluateUnknownID(t *testing.T) {
	_, err := Evaluate(testSet(), map[string]Answer{"stable-hom": Yes})
	var u *UnknownQuestionError
	if !errors.As(err, &u) || u.ID != "stable-hom" {
		t.Fatalf("err = %v, want UnknownQuestionError for stable-hom", err)
	}
}

func TestLabels(t *testing.T) {
	l := Labels{"option_yes": "Yes", "option_no": "No", "option_unsure": "Not sure", "source": "Fuente"}
	if l.Option(Yes) != "Yes" || l.Option(No) != "No" || l.Option(Unsure) != "Not sure" {
		t.Error("Option does not return the option labels")
	}
	if l.Get("source") != "Fuente" {
		t.Error("Get does not return the label")
	}
}

// TestNextStepsEachOnceAndFew: the urgent answer's steps lead, then the
// other answers', then the outcome's; a step that several lists share is
// listed once, where it first comes; at most MaxSteps are kept, the first.
func TestNextStepsEachOnceAndFew(t *testing.T) {
	tests := []struct {
		name           string
		needs, outcome []string
		want           []string
	}{
		{"within the limit", []string{"a"}, []string{"b"}, []string{"a", "home", "b"}},
		{"shared step once", []string{"doctor", "a"}, []string{"doctor", "b"}, []string{"doctor", "a", "home", "b"}},
		{"shared with the home", []string{"a", "home"}, []string{"b"}, []string{"a", "home", "b"}},
		{"cut to the first ones", []string{"a", "b", "c", "d", "e"}, []string{"f", "g"}, []string{"a", "b", "c", "d", "e", "home"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := testSet()
			set.Questions[0].Steps[No] = []string{"home"}
			set.Questions[1].Steps[No] = tt.needs
			res := set.Outcomes[Residential]
			res.NextSteps = tt.outcome
			set.Outcomes[Residential] = res
			got, err := Evaluate(set, map[string]Answer{"stable-home": No, "manageable-needs": No, "can-commit": Yes, "responsibilities": No})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.NextSteps, tt.want) || len(got.NextSteps) > MaxSteps {
				t.Errorf("steps = %q, want %q", got.NextSteps, tt.want)
			}
		})
	}
}
