package iopfit_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// The people who read iopfit may be scared and tired, so its words must be
// plain. These tests measure the prose of questions.yaml, every text field of
// each language, and fail when it gets harder to read than a grade 8 reader
// can manage (English) or "fairly easy" (Spanish).
const (
	maxGrade       = 8.0  // Flesch-Kincaid grade, English
	minHuertaScore = 65.0 // corrected Fernández-Huerta, Spanish
)

// prose returns every text of the set a person reads.
func prose(s *assess.Set) []string {
	texts := []string{s.Title, s.Intro, s.Source, s.Disclaimer}
	for _, q := range s.Questions {
		texts = append(texts, q.Prompt, q.Help, q.Topic)
		for _, a := range assess.Answers {
			texts = append(texts, q.Reasons[a], q.Urgent[a])
			texts = append(texts, q.Steps[a]...)
		}
	}
	for _, rec := range []assess.Recommendation{assess.IOP, assess.Residential} {
		o := s.Outcomes[rec]
		texts = append(append(append(texts, o.Headline, o.Summary), o.NextSteps...), o.About...)
	}
	texts = append(append(texts, s.About...), s.Caveats...)
	for _, r := range s.Resources {
		texts = append(texts, r.Name, r.Contact)
	}
	keys := make([]string, 0, len(s.Labels))
	for k := range s.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		texts = append(texts, s.Labels[k])
	}
	return texts
}

var (
	// A word has letters; numbers, phone numbers and web addresses are not
	// words, so they are left out.
	wordRe   = regexp.MustCompile(`\p{L}+(?:['’-]\p{L}+)*`)
	webRe    = regexp.MustCompile(`\b[\w.-]+\.(?:org|gov|com|net)\b`)
	sentEnd  = regexp.MustCompile(`[.!?]+(?:\s|$)`)
	enVowels = regexp.MustCompile(`[aeiouy]+`)
	esVowels = regexp.MustCompile(`[aeiouáéíóúü]+`)
	esFinalY = regexp.MustCompile(`[^aeiouáéíóúü]y$`)
)

type counts struct{ sentences, words, syllables int }

func count(texts []string, syllables func(string) int) counts {
	var c counts
	for _, t := range texts {
		t = webRe.ReplaceAllString(t, "")
		words := wordRe.FindAllString(t, -1)
		if len(words) == 0 {
			continue
		}
		// Each field ends a sentence, whether or not it ends with a stop.
		n := len(sentEnd.FindAllString(strings.TrimSpace(t), -1))
		if !sentEnd.MatchString(strings.TrimSpace(t)[len(strings.TrimSpace(t))-1:]) {
			n++
		}
		c.sentences += max(n, 1)
		c.words += len(words)
		for _, w := range words {
			c.syllables += syllables(strings.ToLower(w))
		}
	}
	return c
}

// englishSyllables counts vowel groups, less a silent final e.
func englishSyllables(w string) int {
	n := 0
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
		k := len(enVowels.FindAllString(part, -1))
		if k > 1 && strings.HasSuffix(part, "e") && !strings.HasSuffix(part, "le") {
			k--
		}
		n += max(k, 1)
	}
	return n
}

// spanishSyllables counts vowel groups; a final y after a consonant ("muy",
// "hoy") is a vowel.
func spanishSyllables(w string) int {
	k := len(esVowels.FindAllString(w, -1))
	if esFinalY.MatchString(w) {
		k++
	}
	return max(k, 1)
}

func fleschKincaidGrade(c counts) float64 {
	return 0.39*float64(c.words)/float64(c.sentences) + 11.8*float64(c.syllables)/float64(c.words) - 15.59
}

func fernandezHuerta(c counts) float64 {
	return 206.84 - 0.60*100*float64(c.syllables)/float64(c.words) - 1.02*float64(c.words)/float64(c.sentences)
}

func TestReadability(t *testing.T) {
	set, err := load.Embedded(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	en := count(prose(set), englishSyllables)
	grade := fleschKincaidGrade(en)
	t.Logf("English: %d words, %d sentences, %d syllables; Flesch-Kincaid grade %.1f (at most %.0f)", en.words, en.sentences, en.syllables, grade, maxGrade)
	if grade > maxGrade {
		t.Errorf("English prose reads at grade %.1f, above %.0f; hardest fields:\n%s", grade, maxGrade, hardest(prose(set), englishSyllables, fleschKincaidGrade))
	}
	es, err := load.Embedded(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	sp := count(prose(es), spanishSyllables)
	score := fernandezHuerta(sp)
	t.Logf("Spanish: %d words, %d sentences, %d syllables; Fernández-Huerta %.1f (at least %.0f)", sp.words, sp.sentences, sp.syllables, score, minHuertaScore)
	if score < minHuertaScore {
		t.Errorf("Spanish prose scores %.1f, below %.0f; hardest fields:\n%s", score, minHuertaScore, hardest(prose(es), spanishSyllables, func(c counts) float64 { return -fernandezHuerta(c) }))
	}
}

// TestPromptsArePlain holds each question's prompt, the line a person must
// understand to answer at all, to the same grade on its own: a plain set
// overall can still hide one hard question.
func TestPromptsArePlain(t *testing.T) {
	set, err := load.Embedded(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range set.Questions {
		grade := fleschKincaidGrade(count([]string{q.Prompt}, englishSyllables))
		t.Logf("%s: grade %.1f", q.ID, grade)
		if grade > maxGrade {
			t.Errorf("%s's prompt reads at grade %.1f, above %.0f: %s", q.ID, grade, maxGrade, q.Prompt)
		}
	}
	es, err := load.Embedded(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range es.Questions {
		score := fernandezHuerta(count([]string{q.Prompt}, spanishSyllables))
		t.Logf("%s (es): Fernández-Huerta %.1f", q.ID, score)
		if score < minHuertaScore {
			t.Errorf("%s's Spanish prompt scores %.1f, below %.0f: %s", q.ID, score, minHuertaScore, q.Prompt)
		}
	}
}

// hardest lists the five fields that read hardest, to show what to rewrite.
func hardest(texts []string, syl func(string) int, score func(counts) float64) string {
	type scored struct {
		s    float64
		text string
	}
	var all []scored
	for _, t := range texts {
		if c := count([]string{t}, syl); c.words >= 5 {
			all = append(all, scored{score(c), t})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
	var b strings.Builder
	for _, s := range all[:min(5, len(all))] {
		b.WriteString("  " + s.text + "\n")
	}
	return b.String()
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{"home": 1, "stable": 2, "recovery": 4, "the": 1, "program": 2, "outpatient": 3, "one-size-fits-all": 4, "you're": 2, "a": 1} {
		if got := englishSyllables(w); got != want {
			t.Errorf("englishSyllables(%q) = %d, want %d", w, got, want)
		}
	}
	for w, want := range map[string]int{"hogar": 2, "ayuda": 3, "muy": 1, "hoy": 1, "tratamiento": 4, "sí": 1, "programa": 3} {
		if got := spanishSyllables(w); got != want {
			t.Errorf("spanishSyllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestScoresOnKnownText(t *testing.T) {
	// Short, plain sentences score easy; long, dense ones hard.
	easy := count([]string{"The cat sat. It was fun. We ran home."}, englishSyllables)
	hard := count([]string{"Comprehensive interdisciplinary rehabilitation necessitates considerable organizational accountability throughout."}, englishSyllables)
	if g := fleschKincaidGrade(easy); g > 2 {
		t.Errorf("easy text graded %.1f", g)
	}
	if g := fleschKincaidGrade(hard); g < 16 {
		t.Errorf("hard text graded %.1f", g)
	}
	if s := fernandezHuerta(count([]string{"El gato come. La casa es azul."}, spanishSyllables)); s < 90 {
		t.Errorf("easy Spanish scored %.1f", s)
	}
}
