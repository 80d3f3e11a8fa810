package iopfit_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/report"
)

// The people who read iopfit may be scared and tired, so its words must be
// plain. These tests measure the prose of questions.yaml, every text field of
// each language, and fail when it gets harder to read than a grade 8 reader
// can manage (English) or "fairly easy" (Spanish): the set as a whole, and
// each text of two or more sentences on its own, since a plain set overall
// can still hide one hard paragraph. No sentence may be longer than
// maxSentenceWords, and the terms a reader may not know are defined where
// they first meet them.
const (
	maxGrade         = 8.0  // Flesch-Kincaid grade, English
	minHuertaScore   = 65.0 // corrected Fernández-Huerta, Spanish
	maxSentenceWords = 25
)

// prose returns every text of the set a person reads.
func prose(s *assess.Set) []string {
	texts := []string{s.Title, s.Intro, s.Source, s.Disclaimer, s.Emergency}
	for _, q := range s.Questions {
		texts = append(texts, q.Prompt, q.Help, q.Topic)
		for _, a := range assess.Answers {
			texts = append(texts, q.Reasons[a], q.Headline[a], q.Options[a])
			texts = append(texts, q.Urgent[a]...)
			texts = append(texts, q.Steps[a]...)
		}
	}
	for _, rec := range []assess.Recommendation{assess.IOP, assess.Residential} {
		o := s.Outcomes[rec]
		texts = append(append(append(texts, o.Headline, o.Why, o.Summary), o.NextSteps...), o.About...)
	}
	texts = slices.Concat(texts, s.About, s.StaySafe, s.KeepInMind, s.Caveats, s.Ask)
	for _, r := range s.Resources {
		texts = append(texts, r.Name, r.Short, r.Contact)
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
	// words, so they are left out. An address ends before the stop of its
	// sentence.
	wordRe   = regexp.MustCompile(`\p{L}+(?:['’-]\p{L}+)*`)
	webRe    = regexp.MustCompile(`https://[^\s]*[^\s.,;:!?)]|\b[\w.-]+\.(?:org|gov|com|net)\b`)
	sentEnd  = regexp.MustCompile(`[.!?]+(?:\s|$)`)
	enVowels = regexp.MustCompile(`[aeiouy]+`)
	esVowels = regexp.MustCompile(`[aeiouáéíóúü]+`)
	esFinalY = regexp.MustCompile(`[^aeiouáéíóúü]y$`)
)

type counts struct{ sentences, words, syllables int }

// sentences splits a text into its sentences, web addresses left out. A
// text ends a sentence whether or not it ends with a stop, and so does a
// line of a text written as lines (a lead and its list).
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, lineSentences(line)...)
	}
	return out
}

func lineSentences(t string) []string {
	t = strings.TrimSpace(webRe.ReplaceAllString(t, ""))
	var out []string
	for t != "" {
		end := len(t)
		if loc := sentEnd.FindStringIndex(t); loc != nil {
			end = loc[1]
		}
		if s := strings.TrimSpace(t[:end]); len(wordRe.FindAllString(s, -1)) > 0 {
			out = append(out, s)
		}
		t = strings.TrimSpace(t[end:])
	}
	return out
}

func count(texts []string, syllables func(string) int) counts {
	var c counts
	for _, t := range texts {
		for _, s := range sentences(t) {
			words := wordRe.FindAllString(s, -1)
			c.sentences++
			c.words += len(words)
			for _, w := range words {
				c.syllables += syllables(strings.ToLower(w))
			}
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

// TestEachTextIsPlain holds every text of two or more sentences to the
// limit on its own, and every sentence to maxSentenceWords words, in each
// language.
func TestEachTextIsPlain(t *testing.T) {
	measures := map[i18n.Lang]struct {
		syllables func(string) int
		ok        func(counts) (float64, bool)
	}{
		i18n.English: {englishSyllables, func(c counts) (float64, bool) { g := fleschKincaidGrade(c); return g, g <= maxGrade }},
		i18n.Spanish: {spanishSyllables, func(c counts) (float64, bool) { s := fernandezHuerta(c); return s, s >= minHuertaScore }},
	}
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		m := measures[l]
		lowest, highest := 1000.0, -1000.0
		for _, text := range prose(set) {
			ss := sentences(text)
			for _, s := range ss {
				if n := len(wordRe.FindAllString(s, -1)); n > maxSentenceWords {
					t.Errorf("%s: a sentence of %d words, more than %d: %s", l, n, maxSentenceWords, s)
				}
			}
			if len(ss) < 2 {
				continue
			}
			score, ok := m.ok(count([]string{text}, m.syllables))
			lowest, highest = min(lowest, score), max(highest, score)
			if !ok {
				t.Errorf("%s: a text scores %.1f: %s", l, score, text)
			}
		}
		t.Logf("%s: texts of two or more sentences score %.1f to %.1f", l, lowest, highest)
	}
}

// terms are the words a reader may not know, each with what must stand in
// the text where the reader first meets it: its definition, or examples.
var terms = map[i18n.Lang][]struct{ term, definition *regexp.Regexp }{
	i18n.English: {
		// "when someone stops" in the words for someone else.
		{regexp.MustCompile(`(?i)\bwithdrawal\b`), regexp.MustCompile(`when (you|someone) stops?`)},
		{regexp.MustCompile(`(?i)\bopioids?\b`), regexp.MustCompile(`heroin, fentanyl or strong pain pills`)},
		// The helpline's own name says what it is where the answer names it.
		{regexp.MustCompile(`\bSAMHSA\b`), regexp.MustCompile(`federal agency|SAMHSA National Helpline`)},
		{regexp.MustCompile(`(?i)\bbenzos?\b`), regexp.MustCompile(`Xanax`)},
		{regexp.MustCompile(`\bTTY\b`), regexp.MustCompile(`deaf`)},
		{regexp.MustCompile(`(?i)\bregular outpatient\b`), regexp.MustCompile(`fewer hours`)},
		{regexp.MustCompile(`(?i)\bnaloxone\b`), regexp.MustCompile(`nasal spray`)},
		{regexp.MustCompile(`(?i)\bbuprenorphine\b`), regexp.MustCompile(`treat opioid addiction`)},
	},
	i18n.Spanish: {
		{regexp.MustCompile(`(?i)abstinencia`), regexp.MustCompile(`al dejar`)},
		{regexp.MustCompile(`(?i)\bopioides?\b`), regexp.MustCompile(`heroína, fentanilo o pastillas fuertes para el dolor`)},
		{regexp.MustCompile(`(?i)\bbenzodiacepinas?\b`), regexp.MustCompile(`Xanax`)},
		{regexp.MustCompile(`\bSAMHSA\b`), regexp.MustCompile(`agencia federal|Línea de Ayuda Nacional de SAMHSA`)},
		{regexp.MustCompile(`\bTTY\b`), regexp.MustCompile(`sordas`)},
		{regexp.MustCompile(`(?i)\bambulatoria común\b`), regexp.MustCompile(`menos horas`)},
		{regexp.MustCompile(`(?i)\bnaloxona\b`), regexp.MustCompile(`aerosol nasal`)},
		{regexp.MustCompile(`(?i)\bbuprenorfina\b`), regexp.MustCompile(`tratan la adicción a los opioides`)},
	},
}

// TestTermsDefinedAtFirstUse reads the texts as a person meets them: the
// form (the intro, then each question and its help), and each of the 81
// results, as the answer and as the handout, in the order text output
// prints them. Where a term first comes, its definition must be in the same
// text.
func TestTermsDefinedAtFirstUse(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		form := []string{set.Intro}
		for _, q := range set.Questions {
			form = append(form, q.Prompt, q.Help)
		}
		readings := map[string][]string{"the form": form}
		for _, answers := range everyCombination(set) {
			res, err := assess.Evaluate(set, answers)
			if err != nil {
				t.Fatal(err)
			}
			readings[fmt.Sprint("the answer for ", answers)] = answerOrder(res)
			readings[fmt.Sprint("the handout for ", answers)] = handoutOrder(res)
		}
		for name, texts := range readings {
			for _, tm := range terms[l] {
				for _, text := range texts {
					if tm.term.MatchString(text) {
						if !tm.definition.MatchString(text) {
							t.Errorf("%s, %s: %q first comes without %q: %s", l, name, tm.term, tm.definition, text)
						}
						break
					}
				}
			}
		}
	}
}

// answerOrder lists the answer's texts in the order text output prints
// them.
func answerOrder(r assess.Result) []string {
	texts := slices.Concat([]string{r.Headline}, r.Urgent, []string{r.Emergency, r.Why}, r.NextSteps[:r.ShownSteps()], r.StaySafe)
	for _, res := range report.AnswerResources(r) {
		texts = append(texts, res.Name+": "+res.ShortLine())
	}
	return append(append(texts, r.KeepInMind...), r.Disclaimer)
}

// handoutOrder lists the handout's texts in the order Full prints them.
func handoutOrder(r assess.Result) []string {
	texts := slices.Concat([]string{r.Headline}, r.Urgent, []string{r.Emergency, r.Summary}, r.NextSteps, r.StaySafe)
	for _, res := range r.Resources {
		texts = append(texts, res.Name+": "+res.Contact)
	}
	texts = append(texts, report.HandoutCaveats(r)...)
	for _, a := range r.Answers {
		texts = append(texts, a.Question, a.Reason)
	}
	return append(slices.Concat(texts, r.About, r.OutcomeAbout, r.Ask), r.Disclaimer)
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

// embeddedSet is a built-in set in one language, in the person's own words
// or in the words for someone else.
type embeddedSet struct {
	lang i18n.Lang
	who  assess.Perspective
	set  *assess.Set
}

// embeddedSets are the built-in sets in every language and perspective.
func embeddedSets(t *testing.T) []embeddedSet {
	t.Helper()
	var out []embeddedSet
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		someone, err := load.ForSomeone(context.Background(), set)
		if err != nil {
			t.Fatalf("the built-in %s words for someone else do not load: %v", l, err)
		}
		out = append(out, embeddedSet{l, assess.ForMe, set}, embeddedSet{l, assess.ForSomeone, someone})
	}
	return out
}
