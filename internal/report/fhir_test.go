package report

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// fhirSets are the sets the FHIR outputs are checked for: the fixture and
// the shipped content in both languages, and a custom set with a single
// question that does not decide beside one that does.
func fhirSets(t *testing.T) map[string]*assess.Set {
	t.Helper()
	sets := map[string]*assess.Set{"fixture-en": fixture(t, i18n.English), "fixture-es": fixture(t, i18n.Spanish)}
	for _, l := range i18n.Langs {
		s, err := load.Embedded(l)
		if err != nil {
			t.Fatal(err)
		}
		sets["shipped-"+string(l)] = s
		someone, err := load.ForSomeone(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		sets["someone-"+string(l)] = someone
	}
	custom, err := load.ParseSet([]byte(customSet), "custom.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sets["custom"] = custom
	return sets
}

const customSet = `schema: 1
id: my-clinic-intake
version: "3"
title: Intake
intro: Two questions.
source: A clinic.
questions:
  - id: safe-place
    prompt: Do you have a safe place?
    help: A place to sleep.
    topic: your home
    reasons: {yes: Y, no: N, unsure: U}
  - id: job
    prompt: Do you have a job?
    help: Work.
    decides: false
    reasons: {yes: Y, no: N, unsure: U}
outcomes:
  iop: {headline: IOP may fit., summary: S, next_steps: [a]}
  residential: {headline: Other care may fit., summary: S, next_steps: [a]}
about: [a]
caveats: [c]
resources: [{name: n, contact: c}]
disclaimer: D
sources: [{name: A source, no_url: true, checked: 2026-11-28}]
labels: {option_yes: "Yes", option_no: "No", option_unsure: Not sure, your_answers: A, about: B, caveats: C, next_steps: D, resources: E, cancelled: F}
`

// validR4 fails the test unless data is a FHIR R4 resource of kind, read
// as the google/fhir library reads the specification (required fields,
// value types, codes and cardinalities) in a build with the fhirspec tag:
// make test's spec step. That library's code, generated for every resource
// in FHIR, took about 45 s to compile on 2 cores, again for each platform
// vet checks and for the race detector: over 3 minutes of a cold make test.
// Only the spec step builds it now (see readAsSpec).
func validR4(t *testing.T, what string, data []byte, kind string) {
	t.Helper()
	if err := readAsSpec(data); err != nil {
		t.Fatalf("%s is not valid FHIR R4: %v\n%s", what, err, data)
	}
	var head struct{ ResourceType string }
	if err := json.Unmarshal(data, &head); err != nil || head.ResourceType != kind {
		t.Fatalf("%s: resourceType %q, want %s", what, head.ResourceType, kind)
	}
}

// combinations lists every answer sheet for set: 3^n of them.
func combinations(set *assess.Set) []map[string]assess.Answer {
	sheets := []map[string]assess.Answer{{}}
	for _, q := range set.Questions {
		var next []map[string]assess.Answer
		for _, sheet := range sheets {
			for _, a := range assess.Answers {
				m := map[string]assess.Answer{q.ID: a}
				for k, v := range sheet {
					m[k] = v
				}
				next = append(next, m)
			}
		}
		sheets = next
	}
	return sheets
}

func questionnaire(t *testing.T, set *assess.Set) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := QuestionnaireFHIR(&b, set); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func response(t *testing.T, set *assess.Set, answers map[string]assess.Answer) (assess.Result, []byte) {
	t.Helper()
	res := result(t, set, answers)
	var b bytes.Buffer
	if err := ResponseFHIR(&b, res, set); err != nil {
		t.Fatal(err)
	}
	return res, b.Bytes()
}

// The parts of the outputs the tests read back, as a reader of a saved
// response would (iopfit check --compare).
type (
	testQuestionnaire struct {
		ID, URL, Version, Language string
		Text                       struct{ Status, Div string }
		Item                       []testItem
	}
	testItem struct {
		LinkID, Type, Text string
		Required, ReadOnly bool
		Extension          []struct {
			URL             string
			ValueExpression struct{ Expression string }
		}
		EnableWhen []struct {
			Question, Operator string
			AnswerBoolean      *bool
			AnswerCoding       *fhirCoding
		}
		EnableBehavior string
		AnswerOption   []struct{ ValueCoding fhirCoding }
		Item           []testItem
	}
	testResponse struct {
		Questionnaire, Language string
		Text                    struct{ Status, Div string }
		Extension               []struct {
			URL         string
			ValueCoding fhirCoding
		}
		Item []struct {
			LinkID string
			Answer []struct {
				ValueCoding *fhirCoding
				ValueString string
			}
		}
	}
)

func decode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// wellFormedXHTML fails unless div is one XHTML div element, as FHIR's
// narrative must be.
func wellFormedXHTML(t *testing.T, what, div string) {
	t.Helper()
	var root struct {
		XMLName xml.Name
	}
	if err := xml.Unmarshal([]byte(div), &root); err != nil || root.XMLName.Local != "div" || root.XMLName.Space != "http://www.w3.org/1999/xhtml" {
		t.Errorf("%s: narrative is not an XHTML div (%v): %s", what, err, div)
	}
}

func TestFHIRIsValidR4(t *testing.T) {
	for name, set := range fhirSets(t) {
		t.Run(name, func(t *testing.T) {
			q := questionnaire(t, set)
			validR4(t, "the Questionnaire", q, "Questionnaire")
			qq := decode[testQuestionnaire](t, q)
			wellFormedXHTML(t, "the Questionnaire", qq.Text.Div)
			if strings.HasPrefix(name, "shipped") && !strings.Contains(set.Intro, set.Labels.Get("not_saved")) {
				t.Errorf("the intro does not say, in the words of the not_saved label (%q), that nothing is saved, so the FHIR Questionnaire cannot leave that sentence out", set.Labels.Get("not_saved"))
			}
			for _, answers := range combinations(set) {
				res, r := response(t, set, answers)
				validR4(t, "the QuestionnaireResponse", r, "QuestionnaireResponse")
				resp := decode[testResponse](t, r)
				wellFormedXHTML(t, "the QuestionnaireResponse", resp.Text.Div)
				if resp.Questionnaire != qq.URL+"|"+qq.Version || resp.Language != set.Lang {
					t.Fatalf("the response names %q in %q, want %s|%s in %s", resp.Questionnaire, resp.Language, qq.URL, qq.Version, set.Lang)
				}
				if resp.Extension[0].URL != fhirid.RecommendationExtension || resp.Extension[0].ValueCoding.Code != string(res.Recommendation) || resp.Extension[0].ValueCoding.Display != res.Headline {
					t.Errorf("the extension does not carry the result: %+v", resp.Extension)
				}
				checkResponseItems(t, set, res, resp)
				if bytes.Contains(r, []byte(`"authored"`)) || bytes.Contains(r, []byte(`"subject"`)) || bytes.Contains(r, []byte(`"author"`)) {
					t.Errorf("the response holds a time or an identity: %s", r)
				}
				// Who answered, by type alone: a related person for someone
				// else's check, nothing for the person's own.
				if related := bytes.Contains(r, []byte(`"source":{"type":"RelatedPerson"}`)) || bytes.Contains(r, []byte(`"type": "RelatedPerson"`)); related != (set.For == assess.ForSomeone) {
					t.Errorf("the response's source does not say who answered (%s): %s", set.For, r)
				}
			}
		})
	}
}

// checkResponseItems: an item per question, its linkId the question's id
// and its answer the answer given; then the result and the urgent texts.
func checkResponseItems(t *testing.T, set *assess.Set, res assess.Result, resp testResponse) {
	t.Helper()
	want := len(set.Questions) + 1
	if len(res.Urgent) > 0 {
		want++
	}
	if len(resp.Item) != want {
		t.Fatalf("the response has %d items, want %d: %+v", len(resp.Item), want, resp.Item)
	}
	for i, q := range set.Questions {
		it := resp.Item[i]
		if it.LinkID != q.ID || len(it.Answer) != 1 || it.Answer[0].ValueCoding == nil || it.Answer[0].ValueCoding.Code != string(res.Answers[i].Answer) || it.Answer[0].ValueCoding.System != fhirid.AnswerSystem {
			t.Errorf("item %d = %+v, want %s answered %s", i, it, q.ID, res.Answers[i].Answer)
		}
	}
	r := resp.Item[len(set.Questions)]
	if r.LinkID != fhirid.ResultLinkID || len(r.Answer) != 1 || *r.Answer[0].ValueCoding != recommendationCoding(res.Recommendation, set) {
		t.Errorf("result item = %+v, want %s coded %s", r, fhirid.ResultLinkID, res.Recommendation)
	}
	if len(res.Urgent) == 0 {
		return
	}
	u := resp.Item[len(set.Questions)+1]
	var got []string
	for _, a := range u.Answer {
		got = append(got, a.ValueString)
	}
	if u.LinkID != fhirid.UrgentLinkID || strings.Join(got, "\n") != strings.Join(res.Urgent, "\n") {
		t.Errorf("urgent item = %+v, want %s with %q", u, fhirid.UrgentLinkID, res.Urgent)
	}
}

// TestFHIRQuestionnaireItems: the intro first, without the sentence that
// says nothing is saved; the help lines shown on the form; each question a
// required radio-button choice with an item.code of iopfit's own; the
// result and the urgent texts read-only and calculated.
func TestFHIRQuestionnaireItems(t *testing.T) {
	set := fixture(t, i18n.English)
	q := decode[testQuestionnaire](t, questionnaire(t, set))
	items := q.Item
	if items[0].LinkID != fhirid.IntroLinkID || items[0].Type != "display" || items[0].Text != "Fixture intro." {
		t.Errorf("first item = %+v, want the intro without its not-saved sentence", items[0])
	}
	help := items[1]
	if help.LinkID != fhirid.HelpNowLinkID || help.Type != "group" || len(help.Item) != len(set.Resources) {
		t.Fatalf("second item = %+v, want the help lines", help)
	}
	for i, r := range set.Resources {
		if it := help.Item[i]; it.Type != "display" || it.Text != r.Name+": "+r.Contact || len(it.Extension) != 0 {
			t.Errorf("help line %d = %+v, want %q shown as text", i, it, r.Name)
		}
	}
	for i, sq := range set.Questions {
		it := items[2+i]
		// FHIR required: a form tool must not let the response be
		// completed without this answer, as iopfit never evaluates
		// without it.
		if it.LinkID != sq.ID || it.Type != "choice" || !it.Required || it.ReadOnly {
			t.Errorf("question %s = %+v, want a required choice", sq.ID, it)
		}
		if len(it.Item) != 1 || it.Item[0].LinkID != helpLinkID(sq.ID) || it.Item[0].Text != sq.Help {
			t.Errorf("question %s help = %+v", sq.ID, it.Item)
		}
	}
	res, urgent := items[2+len(set.Questions)], items[3+len(set.Questions)]
	for _, it := range []testItem{res, urgent} {
		if !it.ReadOnly || it.Required || len(it.Extension) == 0 || it.Extension[0].URL != calculatedExpression {
			t.Errorf("%s = %+v, want read-only and calculated", it.LinkID, it)
		}
	}
	if res.LinkID != fhirid.ResultLinkID || res.Type != "choice" || res.EnableBehavior != "all" || len(res.EnableWhen) != len(set.Questions) {
		t.Errorf("result item = %+v", res)
	}
	if urgent.LinkID != fhirid.UrgentLinkID || urgent.Type != "text" || urgent.Text != set.Labels.Get("urgent") || urgent.EnableBehavior != "any" || len(urgent.EnableWhen) != 2 {
		t.Errorf("urgent item = %+v", urgent)
	}
	if len(items) != 4+len(set.Questions) {
		t.Errorf("%d items, want %d", len(items), 4+len(set.Questions))
	}
}

// TestFHIRRequired: every question, and only a question, is required, and
// each response answers every required item.
func TestFHIRRequired(t *testing.T) {
	for name, set := range fhirSets(t) {
		q := decode[testQuestionnaire](t, questionnaire(t, set))
		var required []string
		walkItems(q.Item, func(it testItem) {
			_, isQuestion := set.Question(it.LinkID)
			if it.Required != isQuestion {
				t.Errorf("%s: item %s required = %v, want %v", name, it.LinkID, it.Required, isQuestion)
			}
			if it.Required {
				required = append(required, it.LinkID)
			}
		})
		if strings.Join(required, " ") != strings.Join(set.IDs(), " ") {
			t.Errorf("%s: required items %v, want %v", name, required, set.IDs())
		}
		_, r := response(t, set, combinations(set)[0])
		answered := map[string]bool{}
		for _, it := range decode[testResponse](t, r).Item {
			answered[it.LinkID] = len(it.Answer) > 0
		}
		for _, id := range required {
			if !answered[id] {
				t.Errorf("%s: the response does not answer the required item %s", name, id)
			}
		}
	}
}

func walkItems(items []testItem, f func(testItem)) {
	for _, it := range items {
		f(it)
		walkItems(it.Item, f)
	}
}

// TestFHIRLinkIDsUnique: no two items share a linkId, even when a question
// id looks like one iopfit makes ("stable-home-help", "iopfit", "help").
func TestFHIRLinkIDsUnique(t *testing.T) {
	set := fixture(t, i18n.English)
	for _, id := range []string{"stable-home-help", "iopfit", "help", "result", "urgent", "intro", "help-now"} {
		q := set.Questions[0]
		q.ID = id
		q.Urgent = map[assess.Answer][]string{assess.No: {"urgent " + id}}
		set.Questions = append(set.Questions, q)
	}
	data := questionnaire(t, set)
	validR4(t, "the Questionnaire", data, "Questionnaire")
	seen := map[string]bool{}
	walkItems(decode[testQuestionnaire](t, data).Item, func(it testItem) {
		if seen[it.LinkID] {
			t.Errorf("linkId %q is used twice", it.LinkID)
		}
		seen[it.LinkID] = true
		if _, isQuestion := set.Question(it.LinkID); isQuestion == strings.Contains(it.LinkID, ":") {
			t.Errorf("linkId %q: a question's must be its id, and any other must hold a colon", it.LinkID)
		}
	})
}

// TestFHIRLanguagesSideBySide: each language of a set is its own resource
// (id, and canonical url|version), so both can be loaded into one server,
// and each response names the Questionnaire of its language.
func TestFHIRLanguagesSideBySide(t *testing.T) {
	sets := fhirSets(t)
	for _, pair := range [][2]string{{"fixture-en", "fixture-es"}, {"shipped-en", "shipped-es"}} {
		en, es := sets[pair[0]], sets[pair[1]]
		qen, qes := decode[testQuestionnaire](t, questionnaire(t, en)), decode[testQuestionnaire](t, questionnaire(t, es))
		if qen.ID == qes.ID || qen.URL+"|"+qen.Version == qes.URL+"|"+qes.Version || qen.Language == qes.Language {
			t.Errorf("%s and %s share an id or a canonical: %s %s|%s, %s %s|%s", pair[0], pair[1], qen.ID, qen.URL, qen.Version, qes.ID, qes.URL, qes.Version)
		}
		for _, q := range []testQuestionnaire{qen, qes} {
			// The README's load command puts each at its id; the
			// canonical ends with it, as FHIR's own do.
			if !strings.HasSuffix(q.URL, "/Questionnaire/"+q.ID) || !fhirid.IsID(q.ID) {
				t.Errorf("id %q and url %q do not match", q.ID, q.URL)
			}
		}
		_, r := response(t, es, combinations(es)[0])
		if got := decode[testResponse](t, r).Questionnaire; got != qes.URL+"|"+qes.Version {
			t.Errorf("the Spanish response names %s", got)
		}
	}
}

// TestFHIRCanonicalEscapes: a set id or version that the loader refuses
// still cannot break the canonical reference or the id.
func TestFHIRCanonicalEscapes(t *testing.T) {
	tests := []struct {
		id, version, wantCanonicalTail string
	}{
		{"iopfit", "2.0.0", "/Questionnaire/iopfit-en|2.0.0"},
		{"my set|v2", "1.0|beta 2", "|1.0%7Cbeta%202"},
		{"café-ßet", "1", "|1"},
		{strings.Repeat("a", 70), "1", "|1"},
	}
	for _, tt := range tests {
		info := assess.SetInfo{ID: tt.id, Version: tt.version, Lang: "en"}
		got := fhirid.QuestionnaireCanonical(info)
		id := fhirid.QuestionnaireID(info)
		if !strings.HasSuffix(got, tt.wantCanonicalTail) || strings.Count(got, "|") != 1 || strings.ContainsAny(got, " ") || !fhirid.IsID(id) {
			t.Errorf("set %q version %q: canonical %q, id %q", tt.id, tt.version, got, id)
		}
		if other := fhirid.QuestionnaireID(assess.SetInfo{ID: tt.id, Version: tt.version, Lang: "es"}); other == id {
			t.Errorf("set %q: English and Spanish share the id %q", tt.id, id)
		}
	}
}

func TestComputableName(t *testing.T) {
	for in, want := range map[string]string{"iopfit": "Iopfit", "my-clinic_intake": "MyClinicIntake", "2x": "Q2x", "café-ßet": "CafEt", "": "Q"} {
		if got := computableName(in); got != want {
			t.Errorf("computableName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFHIRIntro(t *testing.T) {
	tests := []struct{ intro, notSaved, want string }{
		{"A. Nothing is saved.", "Nothing is saved.", "A."},
		{"Nothing is saved. A.", "Nothing is saved.", "A."},
		{"A. Nothing is saved. B.", "Nothing is saved.", "A. B."},
		{"A.", "Nothing is saved.", "A."},
		{"A.", "", "A."},
	}
	for _, tt := range tests {
		if got := fhirIntro(tt.intro, tt.notSaved); got != tt.want {
			t.Errorf("fhirIntro(%q, %q) = %q, want %q", tt.intro, tt.notSaved, got, tt.want)
		}
	}
}

// TestFHIRGolden records the outputs for the fixture: the Questionnaire in
// both languages, and responses with and without urgent texts. They sit in
// a folder of their own, apart from the JSON results the schemas check.
func TestFHIRGolden(t *testing.T) {
	en, es := fixture(t, i18n.English), fixture(t, i18n.Spanish)
	golden(t, "fhir/questionnaire.json", questionnaire(t, en))
	golden(t, "fhir/es-questionnaire.json", questionnaire(t, es))
	for _, c := range []struct {
		name    string
		set     *assess.Set
		answers map[string]assess.Answer
	}{
		{"fhir/iop.json", en, cases[0].answers},
		{"fhir/residential.json", en, cases[2].answers},
		{"fhir/es-residential.json", es, cases[2].answers},
	} {
		_, r := response(t, c.set, c.answers)
		golden(t, c.name, r)
	}
}

// TestFHIRShowsAQuestionsOwnWords: a question's own words for its answers
// are the answer options' display in the Questionnaire and the answer's in
// the response, as the person read them; the codes stay yes, no, unsure.
func TestFHIRShowsAQuestionsOwnWords(t *testing.T) {
	set := fixture(t, i18n.English)
	set.Questions[1].Options = map[assess.Answer]string{assess.Yes: "Yes, none of these", assess.No: "No, one of these", assess.Unsure: "Not sure, ask first"}
	q := string(questionnaire(t, set))
	for _, want := range []string{`"display": "No, one of these"`, `"display": "Not sure, ask first"`} {
		if !strings.Contains(q, want) {
			t.Errorf("the Questionnaire has no %q", want)
		}
	}
	_, r := response(t, set, map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "no", "can-commit": "yes", "responsibilities": "yes"})
	if !strings.Contains(string(r), `"display": "No, one of these"`) || strings.Count(string(r), `"display": "Yes"`) != 3 {
		t.Errorf("the response does not show the words each question gave:\n%s", r)
	}
}
