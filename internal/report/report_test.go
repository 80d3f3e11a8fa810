package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	goldenfile "github.com/iopfit/iopfit/internal/golden"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got, *update, "go test ./internal/report -update")
}

// fixture is the test question set (testdata/fixture at the repository's
// root) in l: the goldens show how iopfit lays out a result, not the shipped
// words, which have goldens of their own (content_test.go at the root).
func fixture(t *testing.T, l i18n.Lang) *assess.Set {
	t.Helper()
	set, err := load.Questions(context.Background(), "../../testdata/fixture/questions.yaml", l, true)
	if err != nil {
		t.Fatal(err)
	}
	set.File = "fixture.yaml" // the same in every checkout
	return set
}

// madeOn is the day the golden results say they were made.
var madeOn = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// cases are the results the golden files show: one of each outcome, and one
// with the answers that change only the explanation.
var cases = []struct {
	name    string
	answers map[string]assess.Answer
}{
	{"iop", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "yes", "responsibilities": "yes"}},
	{"iop-no-duties", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "yes", "responsibilities": "no"}},
	{"residential", map[string]assess.Answer{"stable-home": "no", "manageable-needs": "unsure", "can-commit": "yes", "responsibilities": "unsure"}},
	{"residential-schedule", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "no", "responsibilities": "yes"}},
}

func result(t *testing.T, set *assess.Set, answers map[string]assess.Answer) assess.Result {
	t.Helper()
	res, err := assess.Evaluate(set, answers)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGolden(t *testing.T) {
	set := fixture(t, i18n.English)
	for _, c := range cases {
		res := result(t, set, c.answers)
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, res, set.Labels, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+".txt", b.Bytes())

			b.Reset()
			if err := JSON(&b, res); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+".json", b.Bytes())

			b.Reset()
			if err := Markdown(&b, res, set.Labels, madeOn); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+".md", b.Bytes())
		})
	}
	t.Run("styled", func(t *testing.T) {
		var b bytes.Buffer
		res := result(t, set, cases[2].answers)
		if err := Text(&b, res, set.Labels, TextOptions{Color: true, Width: 60}); err != nil {
			t.Fatal(err)
		}
		golden(t, "residential-styled-60.txt", b.Bytes())
	})
	t.Run("narrow", func(t *testing.T) {
		var b bytes.Buffer
		res := result(t, set, cases[0].answers)
		if err := Text(&b, res, set.Labels, TextOptions{Width: 20}); err != nil {
			t.Fatal(err)
		}
		golden(t, "iop-20-columns.txt", b.Bytes())
	})
	es := fixture(t, i18n.Spanish)
	for _, c := range cases {
		res := result(t, es, c.answers)
		t.Run("es-"+c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, res, es.Labels, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			golden(t, "es-"+c.name+".txt", b.Bytes())
			b.Reset()
			if err := JSON(&b, res); err != nil {
				t.Fatal(err)
			}
			golden(t, "es-"+c.name+".json", b.Bytes())
			b.Reset()
			if err := Markdown(&b, res, es.Labels, madeOn); err != nil {
				t.Fatal(err)
			}
			golden(t, "es-"+c.name+".md", b.Bytes())
		})
	}
	t.Run("es-questions", func(t *testing.T) {
		var b bytes.Buffer
		if err := QuestionsText(&b, es, i18n.Spanish, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		golden(t, "es-questions.txt", b.Bytes())
	})
	t.Run("questions", func(t *testing.T) {
		var b bytes.Buffer
		if err := QuestionsText(&b, set, i18n.English, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		golden(t, "questions.txt", b.Bytes())
		b.Reset()
		if err := QuestionsJSON(&b, set); err != nil {
			t.Fatal(err)
		}
		golden(t, "questions.json", b.Bytes())
	})
}

// TestTextFitsEveryWidth wraps the longest result at every width from a
// 10-column window up, with and without colour: no line may be wider than the
// window, no word may be lost, and the plain form must hold no escape codes.
func TestTextFitsEveryWidth(t *testing.T) {
	set := fixture(t, i18n.English)
	res := result(t, set, cases[1].answers)
	var plain bytes.Buffer
	if err := Text(&plain, res, set.Labels, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	wantWords := strings.Fields(plain.String())
	for width := 10; width <= 130; width++ {
		for _, color := range []bool{false, true} {
			var b bytes.Buffer
			if err := Text(&b, res, set.Labels, TextOptions{Color: color, Width: width}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !color && strings.Contains(out, "\x1b") {
				t.Fatalf("width %d: plain text holds an escape code", width)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > width || w > maxWidth {
					t.Fatalf("width %d, colour %v: line %d is %d columns: %q", width, color, i+1, w, line)
				}
				if strings.HasSuffix(ansi.Strip(line), " ") {
					t.Fatalf("width %d: line %d ends in a space: %q", width, i+1, line)
				}
			}
			// Words may be broken across lines only when longer than the
			// window, so joining the pieces must give back every word.
			got := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(out), "• ", "- ")), " ")
			if width >= 40 && got != strings.Join(wantWords, " ") {
				t.Fatalf("width %d, colour %v: words changed", width, color)
			}
		}
	}
}

func TestJSONKeys(t *testing.T) {
	set := fixture(t, i18n.English)
	var b bytes.Buffer
	if err := JSON(&b, result(t, set, cases[0].answers)); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	var qs map[string]string
	if err := json.Unmarshal(m["question_set"], &qs); err != nil || qs["lang"] != "en" {
		t.Errorf("question_set = %s, want lang en", m["question_set"])
	}
	want := []string{"schema_version", "recommendation", "headline", "urgent", "decided_by", "summary", "answers", "next_steps", "resources", "about", "outcome_about", "caveats", "disclaimer", "sources", "question_set",
		// The answer's own parts, added in schema 1.
		"why", "emergency", "stay_safe", "keep_in_mind", "ask", "answer_steps",
		// Whose check it was, and how to talk with them, added in schema 1.
		"for", "talking"}
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("keys = %v, want %v", got, want)
	}
	var a []map[string]any
	if err := json.Unmarshal(m["answers"], &a); err != nil || len(a) != 4 {
		t.Fatalf("answers = %s", m["answers"])
	}
	for _, k := range []string{"id", "question", "answer", "decides", "reason"} {
		if _, ok := a[0][k]; !ok {
			t.Errorf("answer has no %q", k)
		}
	}
	// Lists with nothing in them are [], never null, so that scripts can
	// iterate without a check.
	for _, k := range []string{"urgent", "decided_by", "outcome_about"} {
		if string(m[k]) == "null" {
			t.Errorf("%s is null, want []", k)
		}
	}
	var sources []map[string]string
	if err := json.Unmarshal(m["sources"], &sources); err != nil || len(sources) != 2 || sources[0]["checked"] != "2026-11-28" || sources[0]["url"] == "" {
		t.Errorf("sources = %s", m["sources"])
	}
	if bytes.Count(b.Bytes(), []byte("\n")) < 2 || !bytes.HasSuffix(b.Bytes(), []byte("}\n")) {
		t.Error("JSON is not one indented object ending in a newline")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	got := mdEscape("*bold* _x_ [link](http://x) <b> # h | `code` \\ line\nbreak")
	want := `\*bold\* \_x\_ \[link\](http://x) \<b\> \# h \| \` + "`code\\`" + ` \\ line break`
	if got != want {
		t.Fatalf("mdEscape = %q, want %q", got, want)
	}
}

// TestMarkdownSaysTheDay: the summary names the day it was made, in the
// result's language, as the date where it was made (late in the evening west
// of Greenwich is still that day, not the next one in UTC).
func TestMarkdownSaysTheDay(t *testing.T) {
	evening := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("UTC-5", -5*3600))
	for _, c := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.English, "Made on 2026-12-01."},
		{i18n.Spanish, "Hecho el 2026-12-01."},
	} {
		set := fixture(t, c.lang)
		var b bytes.Buffer
		if err := Markdown(&b, result(t, set, cases[0].answers), set.Labels, evening); err != nil {
			t.Fatal(err)
		}
		if title := "# " + set.Title + "\n\n" + c.want + "\n\n"; !strings.HasPrefix(b.String(), title) {
			t.Errorf("%s: the markdown starts %q, want %q", c.lang, b.String()[:min(b.Len(), 60)], title)
		}
	}
}

// TestQuestionsTextWraps: in a terminal the listing fits the width, with
// every word kept.
func TestQuestionsTextWraps(t *testing.T) {
	set := fixture(t, i18n.English)
	var whole, narrow bytes.Buffer
	if err := QuestionsText(&whole, set, i18n.English, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := QuestionsText(&narrow, set, i18n.English, TextOptions{Width: 24}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(narrow.String(), "\n") {
		// A web address is never cut: it may stand alone, wider.
		if len([]rune(l)) >= 24 && !strings.HasPrefix(strings.TrimSpace(l), "https://") {
			t.Errorf("line %q is wider than 23 columns", l)
		}
	}
	if strings.Join(strings.Fields(whole.String()), " ") != strings.Join(strings.Fields(narrow.String()), " ") {
		t.Error("wrapping changed the words")
	}
}

// TestHelpLinesOnce: the answer lists each help line once, as its short
// line, and leaves out those that what to do now already gave; the handout
// (markdown) lists each once, whole.
func TestHelpLinesOnce(t *testing.T) {
	set := fixture(t, i18n.English)
	set.Resources[len(set.Resources)-1].InUrgent = true
	for _, c := range cases {
		res := result(t, set, c.answers)
		var text, md bytes.Buffer
		if err := Text(&text, res, set.Labels, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&md, res, set.Labels, madeOn); err != nil {
			t.Fatal(err)
		}
		said := len(res.Urgent) > 0 || res.Emergency != ""
		for _, r := range res.Resources {
			want := 1
			if r.InUrgent && said {
				want = 0
			}
			if n := strings.Count(text.String(), r.Name+": "+r.ShortLine()); n != want {
				t.Errorf("%s, text: %q is printed %d times, want %d", c.name, r.Name, n, want)
			}
			if n := strings.Count(md.String(), r.Contact); n != 1 {
				t.Errorf("%s, markdown: %q is printed %d times", c.name, r.Contact, n)
			}
		}
	}
}

// linkSet is the fixture with web addresses in a help line, one short and one
// longer than most windows, as content may write them.
func linkSet(t *testing.T) (*assess.Set, []string) {
	t.Helper()
	set := fixture(t, i18n.English)
	addrs := []string{"https://988lifeline.org/chat", "https://findtreatment.gov/content/paying-for-treatment/if-you-dont-have-insurance/"}
	set.Resources[0].Contact = "Chat at " + addrs[0] + ", or read (" + addrs[1] + ")."
	return set, addrs
}

// TestAddressesStayWholeAndLink: at every width, each web address is on one
// line, whole; with links on it is an OSC 8 hyperlink to itself, and with
// links off there is no hyperlink at all. The same holds for the recap and
// the question listing, which share the text writer.
func TestAddressesStayWholeAndLink(t *testing.T) {
	set, addrs := linkSet(t)
	res := result(t, set, cases[2].answers)
	render := map[string]func(*bytes.Buffer, TextOptions) error{
		"text":      func(b *bytes.Buffer, o TextOptions) error { return Text(b, res, set.Labels, o) },
		"recap":     func(b *bytes.Buffer, o TextOptions) error { return Recap(b, res, set.Labels, o) },
		"questions": func(b *bytes.Buffer, o TextOptions) error { return QuestionsText(b, set, i18n.English, o) },
	}
	for name, fn := range render {
		for width := 10; width <= 130; width += 5 {
			for _, links := range []bool{false, true} {
				var b bytes.Buffer
				if err := fn(&b, TextOptions{Width: width, Color: true, Links: links}); err != nil {
					t.Fatal(err)
				}
				out := b.String()
				if got := strings.Count(out, "\x1b]8;"); !links && got > 0 {
					t.Fatalf("%s at %d with links off: %d hyperlink codes", name, width, got)
				}
				want := addrs
				if name == "questions" {
					want = []string{set.Sources[0].URL}
				}
				for _, a := range want {
					if !slices.ContainsFunc(strings.Split(ansi.Strip(out), "\n"), func(l string) bool { return strings.Contains(l, a) }) {
						t.Fatalf("%s at %d: %s is not whole on one line:\n%s", name, width, a, ansi.Strip(out))
					}
					if links && !strings.Contains(out, ansi.SetHyperlink(a)+a+ansi.ResetHyperlink()) {
						t.Fatalf("%s at %d: %s is not a link to itself:\n%q", name, width, a, out)
					}
				}
			}
		}
	}
}

// answerSet is the fixture with the answer's own texts: an emergency line,
// stay safe, short caveats, questions to ask, short help lines (one given
// by what to do now), a question's own answer words, and a schedule that
// does not point to residential care.
func answerSet(t *testing.T) *assess.Set {
	t.Helper()
	set := fixture(t, i18n.English)
	set.Emergency = "Fixture emergency line: call 911."
	set.StaySafe = []string{"Fixture stay safe line."}
	set.KeepInMind = []string{"Fixture short caveat."}
	set.Ask = []string{"Fixture question to ask?"}
	set.Resources[0].Short = "Fixture short line."
	set.Resources[1].Short = "Call 911."
	set.Resources[1].InUrgent = true
	set.Questions[1].Options = map[assess.Answer]string{assess.Yes: "Yes, none of these", assess.No: "No, one of these", assess.Unsure: "Not sure, ask first"}
	set.Questions[2].NoOutcomeAbout = true
	o := set.Outcomes[assess.IOP]
	o.NextSteps = []string{"IOP step 1.", "IOP step 2.", "IOP step 3.", "IOP step 4.", "IOP step 5."}
	set.Outcomes[assess.IOP] = o
	return set
}

// TestAnswerAndHandout: the answer holds the answer's parts and no more;
// the handout holds each part in full, and what the answer leaves out.
func TestAnswerAndHandout(t *testing.T) {
	set := answerSet(t)
	render := func(res assess.Result) (answer, full string) {
		var a, f bytes.Buffer
		if err := Text(&a, res, set.Labels, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := Full(&f, res, set.Labels, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		return a.String(), f.String()
	}
	yes := map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "yes", "responsibilities": "yes"}
	answer, full := render(result(t, set, yes))
	for _, want := range []string{
		"Fixture IOP headline.\n\nFixture emergency line: call 911.\n\nFixture IOP summary.\n",
		"Next steps\n- IOP step 1.\n- IOP step 2.\n- IOP step 3.\n- IOP step 4.\n\n",
		"Fixture stay safe line.", "- Fixture Line: Fixture short line.\n",
		"Keep in mind\n- Fixture short caveat.\n", set.Labels.Get("handout"),
	} {
		if !strings.Contains(answer, want) {
			t.Errorf("the IOP answer has no %q:\n%s", want, answer)
		}
	}
	for _, not := range []string{"IOP step 5.", "Call 911.", "Fixture caveat line.", "Your answers", "About IOP", "Fixture question to ask?", "Fixture sources", "Call 000-0000"} {
		if strings.Contains(answer, not) {
			t.Errorf("the IOP answer has %q, which is the handout's:\n%s", not, answer)
		}
	}
	for _, want := range []string{
		"- IOP step 5.", "Call 911 in the fixture.", "Keep in mind\n- Fixture short caveat.\n- Fixture caveat line.\n",
		"  Yes, none of these. Needs reason for yes.", "About IOP", set.Labels.Get("ask") + "\n- Fixture question to ask?",
		"- Fixture source document https://example.org/fixture (checked 2026-11-28)",
	} {
		if !strings.Contains(full, want) {
			t.Errorf("the IOP handout has no %q:\n%s", want, full)
		}
	}
	if strings.Contains(full, set.Labels.Get("handout")) {
		t.Errorf("the handout says how to get the handout:\n%s", full)
	}

	urgent := map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "no", "can-commit": "yes", "responsibilities": "yes"}
	answer, full = render(result(t, set, urgent))
	for _, not := range []string{"Fixture emergency line", "Fixture stay safe line.", "Emergency:"} {
		if strings.Contains(answer, not) || strings.Contains(full, not) && not != "Emergency:" {
			t.Errorf("with something urgent, the result has %q:\n%s", not, answer)
		}
	}
	if !strings.Contains(full, "About fixture residential care") {
		t.Errorf("a health no does not say what residential care involves:\n%s", full)
	}

	schedule := map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "no", "responsibilities": "yes"}
	if _, full = render(result(t, set, schedule)); strings.Contains(full, "About fixture residential care") {
		t.Errorf("a schedule alone says what residential care involves:\n%s", full)
	}
}

// TestRecapFitsItsWindow: with a long list of what to do now, the recap fits
// every window that can hold its smallest form (the headline and the first
// two items), always keeps those, drops items from the end before the help
// lines, and shows everything in a tall window.
func TestRecapFitsItsWindow(t *testing.T) {
	set := fixture(t, i18n.English)
	res := result(t, set, cases[2].answers)
	res.Urgent = nil
	for i := 1; i <= 9; i++ {
		res.Urgent = append(res.Urgent, fmt.Sprintf("Urgent item %d, long enough to wrap onto a second line here.", i))
	}
	help := AnswerResources(res)
	if len(help) == 0 {
		t.Fatal("the fixture's result has no help lines")
	}
	shown := func(out string) (items int, helpLines bool) {
		flat := strings.Join(strings.Fields(out), " ")
		for items < len(res.Urgent) && strings.Contains(flat, res.Urgent[items]) {
			items++
		}
		return items, strings.Contains(flat, help[0].Name+":")
	}
	smallest := recap(res, set.Labels, TextOptions{Width: 40}, recapTight, recapLeastUrgent, false)
	lastItems := 0
	for h := 4; h <= 60; h++ {
		var b bytes.Buffer
		if err := Recap(&b, res, set.Labels, TextOptions{Width: 40, Height: h}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		lines := strings.Count(out, "\n")
		if strings.Count(smallest, "\n") <= h-1 && lines > h-1 {
			t.Errorf("height %d: %d lines", h, lines)
		}
		items, helpLines := shown(out)
		if !strings.Contains(out, res.Headline) || items < recapLeastUrgent {
			t.Errorf("height %d: the headline or the first items are missing:\n%s", h, out)
		}
		if items > recapLeastUrgent && !helpLines {
			t.Errorf("height %d: %d items kept before the help lines:\n%s", h, items, out)
		}
		if items < lastItems {
			t.Errorf("height %d: %d items, fewer than the %d of a smaller window", h, items, lastItems)
		}
		lastItems = items
		if h == 60 && (items != len(res.Urgent) || !helpLines) {
			t.Errorf("height 60: %d items, help lines %v:\n%s", items, helpLines, out)
		}
	}
}
