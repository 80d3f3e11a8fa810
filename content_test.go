package iopfit_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/iopfit/iopfit/internal/assess"
	goldenfile "github.com/iopfit/iopfit/internal/golden"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/prompt"
	"github.com/iopfit/iopfit/internal/report"
	"github.com/iopfit/iopfit/internal/wrap"
)

// These tests are the contract of the shipped content, questions.yaml and
// questions.es.yaml. Every other test renders a fixture set, so a clinician
// who changes a word breaks only these: a fact below, or a golden result
// that a reviewer reads as a diff (go test . -update rewrites them).

var update = flag.Bool("update", false, "rewrite the golden results in testdata/content")

func shipped(t *testing.T, l i18n.Lang) *assess.Set {
	t.Helper()
	set, err := load.Embedded(l)
	if err != nil {
		t.Fatalf("the built-in %s set does not load: %v", l, err)
	}
	return set
}

// everyCombination returns every way of answering the set's questions, in
// a fixed order: 81 for four questions.
func everyCombination(set *assess.Set) []map[string]assess.Answer {
	all := []map[string]assess.Answer{{}}
	for _, id := range set.IDs() {
		var next []map[string]assess.Answer
		for _, partial := range all {
			for _, a := range assess.Answers {
				m := map[string]assess.Answer{id: a}
				for k, v := range partial {
					m[k] = v
				}
				next = append(next, m)
			}
		}
		all = next
	}
	return all
}

func evaluate(t *testing.T, set *assess.Set, answers map[string]assess.Answer) assess.Result {
	t.Helper()
	res, err := assess.Evaluate(set, answers)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// answerFacts are what every answer must carry, in each language,
// whatever the answers: where to get help, and overdose safety for
// everyone who uses. handoutFacts are what the handout carries besides.
var answerFacts = map[i18n.Lang][]string{
	i18n.English: {"911", "988", "AYUDA", "1-800-662-4357", "1-800-799-7233", "START to 88788", "fentanyl", "naloxone", "test strips", "Don't use alone", "After any break, even a few days", "seizures", "adults"},
	i18n.Spanish: {"911", "988", "AYUDA", "1-800-662-4357", "1-800-799-7233", "START", "88788", "fentanilo", "naloxona", "tiras"},
}

// handoutLine is how the answer says to get the handout; the handout has
// no need of it.
var handoutLine = map[i18n.Lang]string{i18n.English: "iopfit check --full", i18n.Spanish: "iopfit check --full --lang es"}

var handoutFacts = map[i18n.Lang][]string{
	i18n.English: {"https://988lifeline.org", "1-800-487-4889", "1-800-787-3224", "https://www.thehotline.org", "9 to 19 hours", "30 to 90 days", "https://findtreatment.gov", "buprenorphine", "Naltrexone helps people drink less or stop", "any drink makes you sick", "Medicare", "contingency management", "one-on-one", "Do you treat mental health too?"},
	i18n.Spanish: {"https://988lifeline.org", "1-800-487-4889", "1-800-787-3224", "https://espanol.thehotline.org", "9 y 19 horas", "30 a 90 días", "https://findtreatment.gov", "buprenorfina", "Medicare"},
}

// The goldens a reviewer reads: the IOP result; a no on each deciding
// question alone, since each points somewhere else ("residential" is the
// health needs' no); a no on all of them; and a not sure on the health needs.
var goldens = map[string]map[string]assess.Answer{
	"iop":          {"stable-home": assess.Yes, "manageable-needs": assess.Yes, "can-commit": assess.Yes, "responsibilities": assess.Yes},
	"residential":  {"stable-home": assess.Yes, "manageable-needs": assess.No, "can-commit": assess.Yes, "responsibilities": assess.Yes},
	"home-no":      {"stable-home": assess.No, "manageable-needs": assess.Yes, "can-commit": assess.Yes, "responsibilities": assess.Yes},
	"schedule-no":  {"stable-home": assess.Yes, "manageable-needs": assess.Yes, "can-commit": assess.No, "responsibilities": assess.Yes},
	"all-no":       {"stable-home": assess.No, "manageable-needs": assess.No, "can-commit": assess.No, "responsibilities": assess.No},
	"needs-unsure": {"stable-home": assess.Yes, "manageable-needs": assess.Unsure, "can-commit": assess.Yes, "responsibilities": assess.No},
}

// TestShippedContent renders both layers of the goldens in each language:
// the answer (name.txt) and the handout (name.full.txt), for a reviewer to
// read as a diff.
func TestShippedContent(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		if got := strings.Join(set.IDs(), " "); got != "stable-home manageable-needs can-commit responsibilities" {
			t.Errorf("%s: ids = %s", l, got)
		}
		for name, answers := range goldens {
			t.Run(string(l)+"-"+name, func(t *testing.T) {
				res := evaluate(t, set, answers)
				answer, full := layers(t, set, res, report.TextOptions{})
				if strings.Contains(full, handoutLine[l]) {
					t.Errorf("the %s handout says how to get the handout", name)
				}
				for _, f := range append(answerFacts[l], handoutLine[l]) {
					if !strings.Contains(answer, f) {
						t.Errorf("the %s answer does not say %q", name, f)
					}
				}
				for _, f := range slices.Concat(answerFacts[l], handoutFacts[l]) {
					if !strings.Contains(full, f) {
						t.Errorf("the %s handout does not say %q", name, f)
					}
				}
				golden(t, filepath.Join("testdata", "content", string(l)+"-"+name+".txt"), []byte(answer))
				golden(t, filepath.Join("testdata", "content", string(l)+"-"+name+".full.txt"), []byte(full))
			})
		}
	}
}

// layers renders res as the answer and as the handout, in text.
func layers(t *testing.T, set *assess.Set, res assess.Result, opts report.TextOptions) (answer, full string) {
	t.Helper()
	var a, f bytes.Buffer
	if err := report.Text(&a, res, set.Labels, opts); err != nil {
		t.Fatal(err)
	}
	if err := report.Full(&f, res, set.Labels, opts); err != nil {
		t.Fatal(err)
	}
	return a.String(), f.String()
}

// TestUrgentComesFirst checks the safety rule of the shipped set: a not-yes
// on manageable-needs puts 911 and 988 right under the headline, before the
// summary and the answers, in text and markdown, and in JSON as urgent; an
// all-yes result has nothing urgent.
func TestUrgentComesFirst(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		for _, a := range assess.Answers {
			answers := map[string]assess.Answer{"stable-home": assess.Yes, "manageable-needs": a, "can-commit": assess.Yes, "responsibilities": assess.Yes}
			res := evaluate(t, set, answers)
			if a == assess.Yes {
				if len(res.Urgent) != 0 || len(res.DecidedBy) != 0 {
					t.Errorf("%s, all yes: urgent %q, decided by %q; want none", l, res.Urgent, res.DecidedBy)
				}
				continue
			}
			if len(res.Urgent) < 2 || !slices.Equal(res.DecidedBy, []string{"manageable-needs"}) {
				t.Errorf("%s, needs %s: urgent %q, decided by %q", l, a, res.Urgent, res.DecidedBy)
			}
			if !strings.Contains(res.Urgent[0], "911") || !strings.Contains(res.Urgent[1], "988") {
				t.Errorf("%s, needs %s: what to do now does not start with 911, then 988: %q", l, a, res.Urgent[:2])
			}
			text, md := render(t, set, res)
			for format, out := range map[string]string{"text": text, "markdown": md} {
				whyAt := strings.Index(out, res.Why[:20])
				if format == "markdown" {
					whyAt = strings.Index(out, res.Summary[:20])
				}
				for _, n := range []string{"911", "988", "AYUDA"} {
					if at := strings.Index(out, n); at < 0 || at > whyAt {
						t.Errorf("%s %s, needs %s: %s is not before why", l, format, a, n)
					}
				}
			}
		}
	}
}

// render renders res as the answer in text, and as the handout in markdown.
func render(t *testing.T, set *assess.Set, res assess.Result) (text, markdown string) {
	t.Helper()
	var tb, mb bytes.Buffer
	if err := report.Text(&tb, res, set.Labels, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&mb, res, set.Labels, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return tb.String(), mb.String()
}

// TestEachAnswerSaysWhy checks, per deciding question and language, that a
// not-yes answer names its topic in the summary and puts its own steps
// first, and that a not-yes on that question alone gives its own headline:
// a schedule is not told what a health need is told.
func TestEachAnswerSaysWhy(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		headlines := map[string]bool{}
		for _, q := range set.Questions {
			if !q.Decides {
				continue
			}
			for _, a := range []assess.Answer{assess.No, assess.Unsure} {
				for _, duties := range assess.Answers {
					answers := map[string]assess.Answer{"stable-home": assess.Yes, "manageable-needs": assess.Yes, "can-commit": assess.Yes, "responsibilities": duties}
					answers[q.ID] = a
					res := evaluate(t, set, answers)
					if !strings.Contains(res.Summary, q.Topic) || !strings.HasPrefix(res.Summary, strings.Split(set.Labels.Get("because"), "{")[0]) {
						t.Errorf("%s %s=%s: the summary does not name %q: %s", l, q.ID, a, q.Topic, res.Summary)
					}
					if len(q.Steps[a]) == 0 || res.NextSteps[0] != q.Steps[a][0] {
						t.Errorf("%s %s=%s: the first step is not the answer's own: %q", l, q.ID, a, res.NextSteps[0])
					}
					if q.Headline[a] == "" || res.Headline != q.Headline[a] {
						t.Errorf("%s %s=%s: the headline is not the answer's own: %q", l, q.ID, a, res.Headline)
					}
				}
				headlines[q.Headline[a]] = true
			}
		}
		if len(headlines) != 6 {
			t.Errorf("%s: the deciding questions' not-yes answers share headlines: %v", l, headlines)
		}
	}
}

// TestHealthWinsTheHeadline: when several deciding answers are not yes, the
// health needs' headline leads, since the urgent answer comes first.
func TestHealthWinsTheHeadline(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		needs, _ := set.Question("manageable-needs")
		for _, answers := range everyCombination(set) {
			if a := answers["manageable-needs"]; a != assess.Yes {
				if res := evaluate(t, set, answers); res.Headline != needs.Headline[a] {
					t.Errorf("%s %v: headline %q, want the health needs' %q", l, answers, res.Headline, needs.Headline[a])
				}
			}
		}
	}
}

// doctorFirst: a step that sends the person to a doctor comes before one
// that sends them to their employer, in each language.
var doctorFirst = map[i18n.Lang][2]string{
	i18n.English: {"doctor", "employer"},
	i18n.Spanish: {"profesional de la salud", "licencia"},
}

// TestEveryResultFitsTheRules renders all 81 combinations in each language:
// at most assess.MaxSteps steps, none twice, in order (the urgent answer's
// steps, the other answers' in set order, the outcome's); a doctor before
// an employer; the help lines printed once in text and markdown.
func TestEveryResultFitsTheRules(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		for _, answers := range everyCombination(set) {
			res := evaluate(t, set, answers)
			where := fmt.Sprint(l, " ", answers)
			steps := res.NextSteps
			if len(steps) == 0 || len(steps) > assess.MaxSteps {
				t.Errorf("%s: %d steps, want 1 to %d", where, len(steps), assess.MaxSteps)
			}
			rank := stepRanks(set, answers, res.Recommendation)
			for i, s := range steps {
				if slices.Index(steps, s) != i {
					t.Errorf("%s: %q is listed twice", where, s)
				}
				if r, ok := rank[s]; !ok || (i > 0 && r < rank[steps[i-1]]) {
					t.Errorf("%s: step %d is out of order (rank %d, %v): %q", where, i+1, r, ok, s)
				}
			}
			doctor := slices.IndexFunc(steps, func(s string) bool { return strings.Contains(s, doctorFirst[l][0]) })
			employer := slices.IndexFunc(steps, func(s string) bool { return strings.Contains(s, doctorFirst[l][1]) })
			if employer >= 0 && (doctor < 0 || doctor > employer) {
				t.Errorf("%s: the employer comes before a doctor: %q", where, steps)
			}
			_, md := render(t, set, res)
			_, full := layers(t, set, res, report.TextOptions{})
			for format, out := range map[string]string{"full": full, "markdown": md} {
				for _, r := range res.Resources {
					if n := strings.Count(out, r.Contact); n != 1 {
						t.Errorf("%s, %s: the help line %q is printed %d times", where, format, r.Name, n)
					}
				}
			}
		}
	}
}

// stepRanks gives each step the place of the first list it comes from: the
// answers with urgent text first, then the other answers in set order, then
// the outcome. A question that does not decide adds steps to a residential
// result only.
func stepRanks(set *assess.Set, answers map[string]assess.Answer, rec assess.Recommendation) map[string]int {
	var lists [][]string
	for _, urgent := range []bool{true, false} {
		for _, q := range set.Questions {
			a := answers[q.ID]
			if (len(q.Urgent[a]) > 0) == urgent && (q.Decides || rec == assess.Residential) {
				lists = append(lists, q.Steps[a])
			}
		}
	}
	lists = append(lists, set.Outcomes[rec].NextSteps)
	rank := map[string]int{}
	for i, list := range lists {
		for _, s := range list {
			if _, seen := rank[s]; !seen {
				rank[s] = i
			}
		}
	}
	return rank
}

// Limits the recap after the form relies on: it shows each urgent item
// whole, in three lines at 80 columns, and each help line as its name and
// short line, in two.
const (
	maxUrgentItem   = 210
	maxShortLine    = 100
	maxResourceName = 32
)

func TestRecapTextsAreShort(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		for _, q := range set.Questions {
			for a, items := range q.Urgent {
				for _, u := range items {
					if n := utf8.RuneCountInString(u); n > maxUrgentItem {
						t.Errorf("%s %s=%s: an urgent item is %d characters, more than %d: %q", l, q.ID, a, n, maxUrgentItem, u)
					}
				}
			}
		}
		for _, r := range set.Resources {
			if n := utf8.RuneCountInString(r.Name); n > maxResourceName {
				t.Errorf("%s: the help line's name %q is %d characters, more than %d", l, r.Name, n, maxResourceName)
			}
			if n := utf8.RuneCountInString(r.Short); r.Short == "" || n > maxShortLine {
				t.Errorf("%s %s: the short line is %d characters, want 1 to %d: %q", l, r.Name, n, maxShortLine, r.Short)
			}
		}
	}
}

// The answer's limits (DESIGN, "The result"): what a scared, tired person
// can take in on one or two screens. They are counted as `wc -w` counts, every
// run of non-space (a bullet too), the strictest reading of the limit.
var maxAnswerWords = map[i18n.Lang]int{i18n.English: 400, i18n.Spanish: 480}

const (
	answerWidth   = 80
	lines911Under = 10
)

// answerWord is what counts as a word: a run of characters with a letter
// or a digit in it (a phone number or an address is one word; a bullet is
// none).
var answerWord = regexp.MustCompile(`\S*[\pL\pN]\S*`)

// phoneNumbers are the numbers and text codes a person dials or texts.
var phoneNumbers = regexp.MustCompile(`\b(911|988|1-800-\d{3}-\d{4}|88788)\b`)

// TestEveryAnswerFitsTheRules renders the answer of all 81 combinations in
// each language at 80 columns: within its word cap; 911 within the first
// 10 lines; each phone number once; fentanyl and naloxone in every one; no
// section of the handout; no sentence twice.
func TestEveryAnswerFitsTheRules(t *testing.T) {
	names := map[i18n.Lang][2]string{i18n.English: {"fentanyl", "naloxone"}, i18n.Spanish: {"fentanilo", "naloxona"}}
	for _, l := range i18n.Langs {
		for _, who := range assess.Perspectives {
			everyAnswerFitsTheRules(t, l, who, names[l])
		}
	}
}

// aboutThePerson are words that, in a result for someone who answered
// about a person they care about, would speak of the helper's own home,
// health or use where the other person is meant.
var aboutThePerson = map[i18n.Lang][]string{
	i18n.English: {"your home", "your health", "your schedule", "your life", "you use", "you said your", "you can come", "before you start", "you stop", "if you are pregnant", "you live at home", "gives you both"},
	i18n.Spanish: {"sobre su hogar", "su salud", "su horario", "si usted usa", "en su vida", "antes de empezar usted"},
}

func everyAnswerFitsTheRules(t *testing.T, l i18n.Lang, who assess.Perspective, names [2]string) {
	set := shipped(t, l)
	if who == assess.ForSomeone {
		var err error
		if set, err = load.ForSomeone(context.Background(), set); err != nil {
			t.Fatalf("the built-in %s words for someone else do not load: %v", l, err)
		}
	}
	{
		most, mostAt := 0, ""
		for _, answers := range everyCombination(set) {
			res := evaluate(t, set, answers)
			where := fmt.Sprint(l, " ", who, " ", answers)
			if who == assess.ForSomeone {
				full, _ := layers(t, set, res, report.TextOptions{})
				for _, w := range aboutThePerson[l] {
					if strings.Contains(strings.ToLower(full), w) {
						t.Errorf("%s: a result for someone else says %q", where, w)
					}
				}
			}
			answer, _ := layers(t, set, res, report.TextOptions{Width: answerWidth})
			if n := len(strings.Fields(answer)); n > maxAnswerWords[l] {
				t.Errorf("%s: the answer is %d words, more than %d", where, n, maxAnswerWords[l])
			} else if n > most {
				most, mostAt = n, where
			}
			lines := strings.Split(answer, "\n")
			if at := slices.IndexFunc(lines, func(s string) bool { return strings.Contains(s, "911") }); at < 0 || at >= lines911Under {
				t.Errorf("%s: 911 is on line %d, not within the first %d", where, at+1, lines911Under)
			}
			counts := map[string]int{}
			for _, n := range phoneNumbers.FindAllString(answer, -1) {
				counts[n]++
			}
			for n, c := range counts {
				if c != 1 {
					t.Errorf("%s: %s is in the answer %d times", where, n, c)
				}
			}
			if len(counts) != 5 {
				t.Errorf("%s: the answer gives %d of the 5 numbers: %v", where, len(counts), counts)
			}
			for _, name := range names {
				if !strings.Contains(strings.ToLower(answer), name) {
					t.Errorf("%s: the answer does not name %s", where, name)
				}
			}
			for _, key := range []string{"your_answers", "about", "outcome_about", "ask", "sources"} {
				if strings.Contains(answer, set.Labels.Get(key)+"\n") {
					t.Errorf("%s: the answer has the handout's section %q", where, set.Labels.Get(key))
				}
			}
			seen := map[string]bool{}
			for _, s := range sentences(strings.Join(strings.Fields(answer), " ")) {
				if len(answerWord.FindAllString(s, -1)) > 3 && seen[s] {
					t.Errorf("%s: the answer says twice: %s", where, s)
				}
				seen[s] = true
			}
		}
		t.Logf("%s %s: the longest answer is %d words (%s)", l, who, most, mostAt)
	}
}

// modePhrases are words that are true in one way of asking only: the form's
// own choices and keys, and the flags of scripted output. The answer is
// printed after the form, after plain prompts and for scripts alike, so it
// must hold none of them.
func modePhrases(set *assess.Set) []string {
	out := []string{"-o markdown", "-o json", "Esc", "Ctrl", "Shift+Tab"}
	for _, key := range []string{"review_save", "review_show", "review_title", "intro_start", "form_more", "form_read", "recap_above"} {
		out = append(out, set.Labels.Get(key))
	}
	return out
}

// TestNoContradiction: every sentence of the answer is true however the
// answers were given (the form, plain prompts, flags), in both languages
// and all 81 combinations; and a result that says "IOP" is made for a
// person's duties never sits under a headline that puts other care first.
func TestNoContradiction(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		for _, answers := range everyCombination(set) {
			res := evaluate(t, set, answers)
			answer, full := layers(t, set, res, report.TextOptions{})
			for _, p := range modePhrases(set) {
				if strings.Contains(answer, p) || strings.Contains(full, p) {
					t.Errorf("%s %v: the result says %q, which is true in one way of asking only", l, answers, p)
				}
			}
			if res.Recommendation != assess.IOP && strings.Contains(full, "IOP is made for this") {
				t.Errorf("%s %v: a result that does not point to IOP says IOP is made for this", l, answers)
			}
		}
	}
}

// The form wraps a question's help to its text width, one column less than
// the window, and keeps the first two lines of it on screen at 40×12 (the
// rest is read with a key).
const (
	formHelpWidth = 39
	formHelpShown = 2
)

// TestCrisisLineIsSeenFirst: the health question's help opens with 988,
// and that whole sentence fits in the help lines the form always shows, in
// each language, so a person with thoughts of suicide sees it without
// opening anything.
func TestCrisisLineIsSeenFirst(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l := e.lang
		q, _ := e.set.Question("manageable-needs")
		first := report.FirstSentence(q.Help)
		lines := wrap.Words(q.Help, formHelpWidth)
		shown := strings.Join(lines[:min(formHelpShown, len(lines))], " ")
		if !strings.Contains(first, "988") || !strings.HasPrefix(shown, first) {
			t.Errorf("%s: the help's first sentence %q does not open it with 988 in the %d lines shown at %d columns: %q", l, first, formHelpShown, formHelpWidth, lines)
		}
	}
}

// TestIntroIsSeenAt60x20: in each language the intro (what IOP and
// residential care are, that nothing is saved, how to answer) has room for
// its own page at 60×20, so that it is seen before the first question.
func TestIntroIsSeenAt60x20(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l := e.lang
		if !prompt.IntroFits(e.set, 60, 20) {
			t.Errorf("%s: the intro does not fit 60x20, so the form would start without it; shorten it", l)
		}
	}
}

// domain finds what reads as a web address; a full one starts with https://.
var (
	domain  = regexp.MustCompile(`(?i)\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(org|gov|com|net|edu|pub)\b`)
	fullURL = regexp.MustCompile(`https://[^\s]*[^\s.,;:!?)]`)
)

// TestWebAddressesAreWhole: every web address a person reads starts with
// https://, so that it can be opened as it is, and every source but the
// article, which has none, gives its address.
func TestWebAddressesAreWhole(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		for _, text := range prose(set) {
			if bare := domain.FindString(fullURL.ReplaceAllString(text, "")); bare != "" {
				t.Errorf("%s: %q is a web address without https://: %s", l, bare, text)
			}
		}
		var without []string
		for _, s := range set.Sources {
			if bare := domain.FindString(s.Name); bare != "" {
				t.Errorf("%s: the source's name holds the web address %q; give it as url", l, bare)
			}
			if s.URL == "" {
				without = append(without, s.Name)
			} else if !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("%s: %q", s.Name, s.URL)
			}
		}
		if len(without) != 1 || !strings.Contains(without[0], "Joyce Patra") {
			t.Errorf("%s: the sources without an address are %q; only the article has none", l, without)
		}
	}
}

// The facts each text must hold, in each language: where to look (a
// question's prompt, help, urgent text or steps, or an outcome's steps) and
// the words that must be there.
type fact struct {
	where string
	text  func(*assess.Set) string
	words []string
}

func question(id string, pick func(q *assess.Question) string) func(*assess.Set) string {
	return func(s *assess.Set) string {
		q, _ := s.Question(id)
		return pick(q)
	}
}

var (
	needsPrompt = question("manageable-needs", func(q *assess.Question) string { return q.Prompt })
	needsHelp   = question("manageable-needs", func(q *assess.Question) string { return q.Help })
	needsYes    = question("manageable-needs", func(q *assess.Question) string { return q.Reasons[assess.Yes] })
	needsUrgent = question("manageable-needs", func(q *assess.Question) string { return strings.Join(q.Urgent[assess.No], " ") })
	needsOption = question("manageable-needs", func(q *assess.Question) string {
		return strings.Join([]string{q.Options[assess.Yes], q.Options[assess.No], q.Options[assess.Unsure]}, " | ")
	})
	staySafe   = func(s *assess.Set) string { return strings.Join(s.StaySafe, " ") }
	caveats    = func(s *assess.Set) string { return strings.Join(s.Caveats, " ") }
	emergency  = func(s *assess.Set) string { return s.Emergency }
	needsFirst = question("manageable-needs", func(q *assess.Question) string { return q.Steps[assess.No][0] })
	needsSteps = question("manageable-needs", func(q *assess.Question) string { return strings.Join(q.Steps[assess.No], " ") })
	iopSteps   = func(s *assess.Set) string { return strings.Join(s.Outcomes[assess.IOP].NextSteps, " ") }
	resSteps   = func(s *assess.Set) string { return strings.Join(s.Outcomes[assess.Residential].NextSteps, " ") }
	resAbout   = func(s *assess.Set) string { return strings.Join(s.Outcomes[assess.Residential].About, " ") }
	iopAbout   = func(s *assess.Set) string { return strings.Join(s.About, " ") }
	resources  = func(s *assess.Set) string {
		var b strings.Builder
		for _, r := range s.Resources {
			b.WriteString(r.Name + ": " + r.Contact + " ")
		}
		return b.String()
	}
)

var contentFacts = map[i18n.Lang][]fact{
	i18n.English: {
		{"the health prompt", needsPrompt, []string{"without care day and night"}},
		{"the health answers", needsOption, []string{"Yes: none of the signs is true for me", "No: one of the signs is true for me", "Not sure: I want a doctor to check"}},
		{"the health help", needsHelp, []string{"988", "hospital or a live-in program", "Any of these signs means No:", "- a seizure or the DTs", "a plan to end your life, or an attempt", "high doses of benzos", "so serious that a doctor or nurse must check on you every day", "Any of these signs means Not sure, so see a doctor first:", "shaky, sweaty or sick", "benzos or sleeping pills every day", "pregnant", "thoughts of suicide but no plan", "Keep taking the medicines a doctor prescribes"}},
		{"the health needs' yes", needsYes, []string{"See a doctor before you start", "seizure", "DTs", "benzos or sleeping pills every day", "pregnant", "thoughts of suicide", "not under control"}},
		{"the urgent text", needsUrgent, []string{"Call 911", "overdose", "988", "AYUDA", "might act on suicidal thoughts", "Don't stop daily drinking", "sleeping", "all at once on your own", "Don't add benzos to alcohol or opioids", "on your own", "If both are prescribed, keep taking them", "naloxone (Narcan)", "slow breathing, blue lips, can't be woken", "someone else must give it, then stay", "any drug not from a pharmacy", "Don't use alone", "test strips", "After any break, even a few days, your old amount can kill", "Pregnant? Don't stop opioids on your own, or daily drinking or benzos without a doctor", "See a doctor this week", "Call a doctor or clinic today"}},
		{"stay safe", staySafe, []string{"any drug not from a pharmacy", "pressed pills, cocaine or meth", "Don't use alone", "test strips", "naloxone (Narcan)", "slow breathing, blue lips, can't be woken", "someone else must give it", "After any break, even a few days", "sleeping pills", "Don't add benzos"}},
		{"the emergency line", emergency, []string{"911", "988", "AYUDA"}},
		{"the health needs' first step", needsFirst, []string{"If you use opioids, ask to start or keep buprenorphine or methadone"}},
		{"the health needs' steps", needsSteps, []string{"detox", "https://findtreatment.gov", "mental health", "contingency management"}},
		{"the IOP steps", iopSteps, []string{"pregnant", "seizure or the DTs", "shakes without a drink", "think of suicide", "buprenorphine or methadone", "contingency management"}},
		{"the residential steps", resSteps, []string{"how soon you could start", "doctor"}},
		{"what residential care involves", resAbout, []string{"day programs", "20 hours or more", "sleep at home", "After any break, even a few days, your old amount can kill"}},
		{"what IOP involves", iopAbout, []string{"For many people with a safe home", "one-on-one with a counselor"}},
		{"the caveats", caveats, []string{"Naltrexone helps people drink less or stop", "Acamprosate and disulfiram", "help people stay stopped", "any drink makes you sick", "Naltrexone is not for you if you take opioids, methadone or", "used opioids in the last week or two", "Since January 2024, Medicare pays for IOP", "Most people can do this without a hospital stay", "Naloxone wears off in 30 to 60 minutes", "Call 911 even if the person wakes up"}},
		{"the help lines", resources, []string{"911", "988", "SAMHSA", "TTY", "does not give counseling", "Domestic Violence Hotline: Call 1-800-799-7233.", "START to 88788", "TTY: 1-800-787-3224"}},
	},
	i18n.Spanish: {
		{"the health prompt", needsPrompt, []string{"sin atención de día y de noche"}},
		{"the health answers", needsOption, []string{"Sí: no tengo ninguna de las señales", "No: tengo una de las señales", "No sé: quiero que me revise un médico"}},
		{"the health help", needsHelp, []string{"988", "AYUDA", "hospital o en un programa donde usted vive", "Cualquiera de estas señales quiere decir No:", "- una convulsión o delirium tremens", "un plan para quitarse la vida, o un intento", "dosis altas de benzodiacepinas", "tan serio que alguien del equipo médico tiene que verle todos los días", "quiere decir No sé", "temblores, sudores o malestar", "pastillas para dormir todos los días", "espera un bebé", "pero no tiene un plan", "Siga tomando las medicinas"}},
		{"the health needs' yes", needsYes, []string{"consulte a un médico", "convulsión", "delirium tremens", "pastillas para dormir", "espera un bebé", "suicidio", "no está bajo control", "cuando eso es cierto"}},
		{"the urgent text", needsUrgent, []string{"Llame al 911", "sobredosis", "988", "AYUDA", "Si bebe, o toma benzodiacepinas", "no lo deje de golpe por su cuenta", "pastillas para dormir", "No junte por su cuenta benzodiacepinas con alcohol u opioides", "Si le recetan ambos, siga como le dijeron", "naloxona (Narcan)", "respira muy lento, tiene los labios morados o no despierta", "otra persona debe dársela y quedarse a su lado", "que no sea de farmacia", "No consuma a solas", "tiras de prueba", "Tras unos días o más sin consumir", "¿Espera un bebé? No deje los opioides por su cuenta", "déjelos solo con ayuda médica", "Vea a un médico esta semana", "Llame hoy a un médico"}},
		{"stay safe", staySafe, []string{"que no sea de farmacia", "cocaína o metanfetamina", "No consuma a solas", "tiras de prueba", "naloxona (Narcan)", "otra persona debe dársela", "Tras unos días o más sin consumir", "pastillas para dormir", "No junte por su cuenta"}},
		{"the emergency line", emergency, []string{"911", "988", "AYUDA"}},
		{"the health needs' first step", needsFirst, []string{"Si usa opioides, pida empezar o seguir con buprenorfina o metadona"}},
		{"the health needs' steps", needsSteps, []string{"desintoxicación", "https://findtreatment.gov", "salud mental", "manejo de contingencias"}},
		{"the IOP steps", iopSteps, []string{"bebé", "la buprenorfina o la metadona", "manejo de contingencias"}},
		{"what residential care involves", resAbout, []string{"programas de día", "20 horas o más", "duerme en su casa", "mortal"}},
		{"what IOP involves", iopAbout, []string{"entre 9 y 19 horas en total cada semana", "Para muchas personas con un hogar seguro"}},
		{"the caveats", caveats, []string{"La naltrexona ayuda a beber menos o a dejar de beber", "El acamprosato y el disulfiram ayudan a no volver a beber", "Medicare", "La naltrexona no es para quien toma opioides", "La naloxona deja de hacer efecto en 30 a 60 minutos", "Llame al 911 aunque la persona despierte"}},
		{"the help lines", resources, []string{"911", "988", "SAMHSA", "agencia federal", "TTY", "1-800-799-7233", "START", "88788", "TTY: 1-800-787-3224", "https://espanol.thehotline.org"}},
	},
}

// forbidden are words the content must not use: the hospital-only reading
// of the health question, the safer choice, "never mix" (a person on
// methadone or buprenorphine with a prescribed benzodiazepine already
// "mixes", and may stop one of them suddenly), detox called by the
// hospital level's name, and, in Spanish, abstinence
// without its syndrome (alone it can mean staying sober), masculine forms
// where a neutral one exists (for the reader, "personas adultas", "un
// profesional de la salud", "en su trabajo"), and the keyboard verb the form
// does not use.
var forbidden = map[i18n.Lang][]*regexp.Regexp{
	i18n.English: {regexp.MustCompile(`(?i)\bsafer\b`), regexp.MustCompile(`(?i)\breverses\b`), regexp.MustCompile(`(?i)partial hospitalization`), regexp.MustCompile(`(?i)\baddicts?\b`), regexp.MustCompile(`(?i)\bnever mix\b`), regexp.MustCompile(`(?i)medically managed withdrawal`)},
	i18n.Spanish: {regexp.MustCompile(`(?i)\ben breve\b`), regexp.MustCompile(`(?i)pastillas para el dolor`), regexp.MustCompile(`(?i)IOP de noche`), regexp.MustCompile(`(?i)\b9 a 19 horas\b`), regexp.MustCompile(`(?i)\bnunca mezcle\b`), regexp.MustCompile(`(?i)manejo médico`), regexp.MustCompile(`(?i)más segur[oa]`), regexp.MustCompile(`(?i)abstinencia`), regexp.MustCompile(`(?i)\b(listo|preparado|seguro de|segura de|adultos|empleador|drogas? como la (metadona|buprenorfina))\b`), regexp.MustCompile(`(?i)\bpulse\b`)},
}

// allowed are the phrases a forbidden word may stand in.
var allowed = strings.NewReplacer("síndrome de abstinencia", "")

func TestContentFacts(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		for _, f := range contentFacts[l] {
			text := f.text(set)
			for _, w := range f.words {
				if !strings.Contains(text, w) {
					t.Errorf("%s: %s does not say %q: %s", l, f.where, w, text)
				}
			}
		}
		for _, text := range prose(set) {
			for _, re := range forbidden[l] {
				if m := re.FindString(allowed.Replace(text)); m != "" {
					t.Errorf("%s: %q must not be said: %s", l, m, text)
				}
			}
		}
	}
}

// TestPhoneNumbersStayWhole makes sure no window wide enough to hold a number
// or an address splits it across lines.
func TestPhoneNumbersStayWhole(t *testing.T) {
	set := shipped(t, i18n.English)
	res := evaluate(t, set, goldens["iop"])
	for width := 30; width <= 100; width++ {
		var b bytes.Buffer
		if err := report.Full(&b, res, set.Labels, report.TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"1-800-662-4357", "1-800-487-4889", "1-800-799-7233", "https://988lifeline.org", "https://findtreatment.gov", "https://www.thehotline.org"} {
			if !strings.Contains(b.String(), n) {
				t.Fatalf("width %d splits %s", width, n)
			}
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got, *update, "go test . -update")
}

// TestQuestionsStayWholeInSmallWindows: at every size from 30×10 up, in
// each language, every question's page shows the whole question and, where
// its help opens with it, the 988 line whole: a magnifier's large text, a
// phone's terminal. A question cut
// short would turn its meaning around ("Can your health needs … be met"
// without "without care day and night").
func TestQuestionsStayWholeInSmallWindows(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		for _, size := range [][2]int{{30, 10}, {34, 10}, {40, 12}, {50, 14}, {80, 24}} {
			for i, q := range set.Questions {
				page, err := prompt.QuestionPage(set, i, size[0], size[1])
				if err != nil {
					t.Fatal(err)
				}
				flat := strings.Join(strings.Fields(page), " ")
				wants := []string{q.Prompt}
				if first := report.FirstSentence(q.Help); strings.Contains(first, "988") {
					wants = append(wants, first)
				}
				for _, want := range wants {
					if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
						t.Errorf("%s %s at %dx%d: %q is not whole on screen:\n%s", l, q.ID, size[0], size[1], want, page)
					}
				}
				if n := len(strings.Split(page, "\n")); n > size[1] {
					t.Errorf("%s %s at %dx%d: %d lines", l, q.ID, size[0], size[1], n)
				}
			}
		}
	}
}

// TestIntroIsSeenAt40x12: in a window of 40×12 (large text, a small
// terminal) the intro page still comes before the first question, with its
// key facts: what IOP is, that nothing is saved, and 988.
func TestIntroIsSeenAt40x12(t *testing.T) {
	for _, e := range embeddedSets(t) {
		l, set := e.lang, e.set
		if !prompt.IntroFits(set, 40, 12) {
			t.Errorf("%s: no intro fits 40x12, so the form would start without it", l)
		}
		for _, fact := range []string{"(IOP)", "988"} {
			if !strings.Contains(set.IntroShort, fact) {
				t.Errorf("%s: the short intro does not say %q: %s", l, fact, set.IntroShort)
			}
		}
	}
}
