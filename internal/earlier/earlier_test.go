package earlier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/report"
)

// fixture is the test question set in l (testdata/fixture at the root).
func fixture(t testing.TB, l i18n.Lang) *assess.Set {
	t.Helper()
	set, err := load.Questions(context.Background(), "../../testdata/fixture/questions.yaml", l, true)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// combinations lists every way of answering set's questions.
func combinations(set *assess.Set) []map[string]assess.Answer {
	all := []map[string]assess.Answer{{}}
	for _, id := range set.IDs() {
		var next []map[string]assess.Answer
		for _, partial := range all {
			for _, a := range assess.Answers {
				m := maps.Clone(partial)
				m[id] = a
				next = append(next, m)
			}
		}
		all = next
	}
	return all
}

// TestReadsBackWhatIopfitWrites: every result iopfit can write of the
// fixture set, as JSON and as FHIR, in each language, reads back as the
// answers and the recommendation it was written from.
func TestReadsBackWhatIopfitWrites(t *testing.T) {
	for _, l := range i18n.Langs {
		set := fixture(t, l)
		for _, answers := range combinations(set) {
			res, err := assess.Evaluate(set, answers)
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"json", "fhir"} {
				var b bytes.Buffer
				if format == "json" {
					err = report.JSON(&b, res)
				} else {
					err = report.ResponseFHIR(&b, res, set)
				}
				if err != nil {
					t.Fatal(err)
				}
				got, err := Parse(b.Bytes(), "earlier."+format, set)
				// The headline the person read comes back too, from
				// today's set: the file is of today's version.
				want := assess.Earlier{SetID: set.ID, Version: set.Version, Answers: answers, Recommendation: res.Recommendation, Headline: res.Headline}
				if format == "json" {
					// A JSON result says whose check it was; a response
					// for the person's own check has no source.
					want.For = assess.ForMe
				}
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s %v: got %+v, %v", l, format, answers, got, err)
				}
			}
		}
	}
}

// The minimal files are of another version of the fixture set (0.0.9),
// which today's rule cannot hold to its answers: they may answer some of
// today's questions only.
const (
	minimalJSON = `{"schema_version": 1, "question_set": {"id": "fixture", "version": "0.0.9"},
  "answers": [{"id": "stable-home", "answer": "no"}, {"id": "can-commit", "answer": "yes"}],
  "recommendation": "residential"}`
	answerSystem = `"system": "` + fhirid.AnswerSystem + `"`
	resultSystem = `"system": "` + fhirid.RecommendationSystem + `"`
	resultItem   = `{"linkId": "iopfit:result", "answer": [{"valueCoding": {` + resultSystem + `, "code": "residential"}}]}`
	homeItem     = `{"linkId": "stable-home", "answer": [{"valueCoding": {` + answerSystem + `, "code": "no"}}]}`
	minimalFHIR  = `{"resourceType": "QuestionnaireResponse",
  "questionnaire": "` + fhirid.Base + `/Questionnaire/fixture-en|0.0.9", "status": "completed",
  "item": [` + homeItem + `, ` + resultItem + `]}`
)

var (
	fromJSON = assess.Earlier{SetID: "fixture", Version: "0.0.9", Answers: map[string]assess.Answer{"stable-home": assess.No, "can-commit": assess.Yes}, Recommendation: assess.Residential}
	fromFHIR = assess.Earlier{SetID: "fixture", Version: "0.0.9", Answers: map[string]assess.Answer{"stable-home": assess.No}, Recommendation: assess.Residential}
)

func TestParseAccepts(t *testing.T) {
	set := fixture(t, i18n.English)
	with := func(e assess.Earlier, edit func(*assess.Earlier)) assess.Earlier {
		e.Answers = maps.Clone(e.Answers)
		edit(&e)
		return e
	}
	extension := `"extension": [{"url": "` + fhirid.RecommendationExtension + `", "valueCoding": {` + resultSystem + `, "code": "residential"}}]`
	tests := []struct {
		name, data string
		want       assess.Earlier
	}{
		{"a JSON result", minimalJSON, fromJSON},
		{"a byte-order mark", "\ufeff" + minimalJSON, fromJSON},
		{"another version of the set", strings.Replace(minimalJSON, `"0.0.9"`, `"2.0"`, 1), with(fromJSON, func(e *assess.Earlier) { e.Version = "2.0" })},
		// Of another version, a result is as the file records it: which
		// questions decided then is that version's.
		{"another version, a result today's rule would not give", strings.Replace(minimalJSON, `"residential"`, `"iop"`, 1), with(fromJSON, func(e *assess.Earlier) { e.Recommendation = assess.IOP })},
		{"another version, display texts of its own", strings.Replace(strings.Replace(minimalFHIR, `"code": "no"`, `"code": "no", "display": "Yes"`, 1), `"code": "residential"`, `"code": "residential", "display": "Fixture IOP headline."`, 1), fromFHIR},
		{"another version, amended", strings.Replace(minimalFHIR, `"completed"`, `"amended"`, 1), fromFHIR},
		{"keys a later iopfit may add", strings.Replace(minimalJSON, `"recommendation"`, `"new_key": [{}], "recommendation"`, 1), fromJSON},
		{"an answer to a question today's set lacks", strings.Replace(minimalJSON, `"answers": [`, `"answers": [{"id": "old-question", "answer": "unsure"}, `, 1), with(fromJSON, func(e *assess.Earlier) { e.Answers["old-question"] = assess.Unsure })},
		{"a FHIR response", minimalFHIR, fromFHIR},
		{"a Spanish response", strings.Replace(minimalFHIR, "fixture-en", "fixture-es", 1), fromFHIR},
		{"the canonical before one per language", strings.Replace(minimalFHIR, fhirid.Base+"/Questionnaire/fixture-en", "https://github.com/iopfit/iopfit/fhir/Questionnaire/fixture", 1), fromFHIR},
		{"an escaped version", strings.Replace(minimalFHIR, "|0.0.9", "|0.0.9~a", 1), with(fromFHIR, func(e *assess.Earlier) { e.Version = "0.0.9~a" })},
		{"the result in the extension alone", strings.Replace(strings.Replace(minimalFHIR, ", "+resultItem, "", 1), `"item"`, extension+`, "item"`, 1), fromFHIR},
		{"an unanswered result and the extension", strings.Replace(strings.Replace(minimalFHIR, resultItem, `{"linkId": "iopfit:result"}`, 1), `"item"`, extension+`, "item"`, 1), fromFHIR},
		{"the item and the extension agree", strings.Replace(minimalFHIR, `"item"`, extension+`, "item"`, 1), fromFHIR},
		{"an unanswered question", strings.Replace(minimalFHIR, `"item": [`, `"item": [{"linkId": "can-commit"}, {"linkId": "responsibilities", "answer": []}, `, 1), fromFHIR},
		{"items of iopfit's own", strings.Replace(minimalFHIR, `"item": [`, `"item": [{"linkId": "iopfit:urgent", "answer": [{"valueString": "x"}]}, {"linkId": "stable-home:help"}, `, 1), fromFHIR},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.data), "earlier.json", set)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestParseRejects: each way a file can fail to be an earlier result of the
// set is one error, on the file, that says what to do; nothing is guessed.
func TestParseRejects(t *testing.T) {
	set := fixture(t, i18n.English)
	j := func(old, new string) string {
		if !strings.Contains(minimalJSON, old) {
			t.Fatalf("the JSON has no %q", old)
		}
		return strings.Replace(minimalJSON, old, new, 1)
	}
	f := func(old, new string) string {
		if !strings.Contains(minimalFHIR, old) {
			t.Fatalf("the response has no %q", old)
		}
		return strings.Replace(minimalFHIR, old, new, 1)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range minimalJSON {
		utf16 = append(utf16, byte(c), 0)
	}
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "earlier.json: is empty; give --compare an earlier result"},
		{"only white space", " \n\t", "earlier.json: is empty"},
		{"YAML", "stable-home: yes\n", "earlier.json:1:1: is not JSON (invalid character 's' looking for beginning of value)"},
		{"a syntax error on line 2", "{\n  \"a\" 1}", "earlier.json:2:7: is not JSON (invalid character '1' after object key)"},
		{"cut off", minimalJSON[:40], "earlier.json: ends in the middle of its JSON"},
		{"two values", minimalJSON + "{}", "earlier.json:3:36: goes on after its JSON ends"},
		{"a list", "[1]", "earlier.json: is a list, where an iopfit result has an object"},
		{"a key twice", `{"a": 1, "a": 2}`, `earlier.json:1:10: has the key "a" twice`},
		{"a key twice, deep down", j(`"answer": "no"`, `"answer": "no", "answer": "yes"`), `earlier.json:2:53: has the key "answer" twice`},
		{"too deep", strings.Repeat("[", 40) + strings.Repeat("]", 40), "earlier.json:1:33: nests more than 32 levels deep"},
		{"neither a result nor a response", `{"question_set": {"id": "fixture"}, "questions": []}`, "earlier.json: is not an iopfit result: it has no schema_version and no resourceType"},
		{"another schema", j(`"schema_version": 1`, `"schema_version": 2`), "earlier.json: schema_version: is 2, and this iopfit reads schema_version 1; compare with a result this iopfit wrote, or update iopfit"},
		{"a schema as text", j(`"schema_version": 1`, `"schema_version": "1"`), `earlier.json: schema_version: is "1", and this iopfit reads`},
		{"another set", j(`"id": "fixture"`, `"id": "other"`), `earlier.json: is a result of the question set "other", not of "fixture"; compare with a result of the same set, or run with that set (--questions FILE)`},
		{"no question set", j(`"question_set": {"id": "fixture", "version": "0.0.9"},`, ""), "earlier.json: is missing question_set, which every iopfit result has"},
		{"a set id that is not text", j(`"id": "fixture"`, `"id": 7`), "earlier.json: question_set.id: is a number, where an iopfit result has text"},
		{"answers that are not a list", j(`"answers": [{"id": "stable-home", "answer": "no"}, {"id": "can-commit", "answer": "yes"}]`, `"answers": {"stable-home": "no"}`), "earlier.json: answers: is an object, where an iopfit result has a list"},
		{"an answer word", j(`"answer": "no"`, `"answer": "No"`), `earlier.json: answers[stable-home].answer: "No" is not yes, no or unsure, as iopfit writes an answer`},
		{"a Spanish answer word", j(`"answer": "no"`, `"answer": "sí"`), `earlier.json: answers[stable-home].answer: "sí" is not yes, no or unsure`},
		{"an answer missing", j(`, "answer": "no"`, ""), "earlier.json: answers[stable-home]: is missing answer"},
		{"an answer twice", j(`"id": "can-commit"`, `"id": "stable-home"`), `earlier.json: answers[stable-home]: answers "stable-home" twice`},
		{"an id that could drive the terminal", j(`{"id": "can-commit", "answer": "yes"}`, `{"id": "\u001b[2J", "answer": "maybe"}`), `earlier.json: answers[1].answer: "maybe" is not yes`},
		{"a recommendation", j(`"recommendation": "residential"`, `"recommendation": "inpatient"`), `earlier.json: recommendation: "inpatient" is not iop or residential`},
		{"no recommendation", j(`,
  "recommendation": "residential"`, ""), "earlier.json: is missing recommendation"},
		{"no answer in common", `{"schema_version": 1, "question_set": {"id": "fixture", "version": "0.0.9"}, "answers": [{"id": "old-one", "answer": "no"}], "recommendation": "iop"}`, `earlier.json: answers none of the questions of the set "fixture"`},
		// iopfit always writes a version, in the form the loader allows:
		// a file without one, or with one iopfit could not have written,
		// would escape today's rule (see TestTodaysVersionFollowsTodaysRule).
		{"no version", j(`, "version": "0.0.9"`, ""), "earlier.json: question_set: is missing version, which every iopfit result has"},
		{"a version with a trailing space", j(`"0.0.9"`, `"0.1.0 "`), "earlier.json: question_set.version: is not a version iopfit writes"},
		{"an empty version", j(`"0.0.9"`, `""`), "earlier.json: question_set.version: is not a version iopfit writes"},
		{"a version that is not text", j(`"0.0.9"`, `0.1`), "earlier.json: question_set.version: is a number, where an iopfit result has text"},
		{"a version that could drive the terminal", j(`"0.0.9"`, `"0.1.0\u001b[2J"`), "earlier.json: question_set.version: is not a version iopfit writes"},
		{"a response without a version", f("|0.0.9", ""), "earlier.json: questionnaire: names no version"},
		{"a response with an empty version", f("|0.0.9", "|"), "earlier.json: questionnaire: is not a version iopfit writes"},
		{"a response's version with a bar", f("|0.0.9", "|0.1.0|x"), "earlier.json: questionnaire: is not a version iopfit writes"},
		{"a response's version with an escaped space", f("|0.0.9", "|0.1.0%20"), "earlier.json: questionnaire: is not a version iopfit writes"},
		{"UTF-16", string(utf16), "earlier.json:1:1: looks like UTF-16 text; save it as UTF-8"},
		{"too large", `{"a": "` + strings.Repeat("x", load.MaxEarlierSize) + `"}`, "earlier.json: is larger than 2 MiB"},

		{"a Questionnaire", `{"resourceType": "Questionnaire"}`, `earlier.json: is a FHIR "Questionnaire", not a QuestionnaireResponse; give --compare a result saved with check -o fhir`},
		{"a resourceType that is not text", `{"resourceType": ["QuestionnaireResponse"]}`, "earlier.json: resourceType: is a list, where an iopfit result has text"},
		{"another set's response", f("fixture-en", "other-es"), `earlier.json: is a result of the question set "other", not of "fixture"`},
		{"another set's response, before one per language", f(fhirid.Base+"/Questionnaire/fixture-en", "https://github.com/iopfit/iopfit/fhir/Questionnaire/other"), `earlier.json: is a result of the question set "other", not of "fixture"`},
		{"someone else's Questionnaire", f(fhirid.Base+"/Questionnaire/fixture-en|0.0.9", "http://example.org/Q|1"), `earlier.json: answers the Questionnaire "http://example.org/Q", which is not iopfit's`},
		{"no questionnaire", f(`"questionnaire": "`+fhirid.Base+`/Questionnaire/fixture-en|0.0.9",`, ""), "earlier.json: is missing questionnaire"},
		{"the set in a language iopfit does not speak", f("fixture-en", "fixture-fr"), `earlier.json: answers the question set "fixture" in the language "fr", which iopfit does not speak; compare with a result saved in en or es (check -o fhir --lang LANG)`},
		{"the set in a language with a region", f("fixture-en", "fixture-pt-BR"), `earlier.json: answers the question set "fixture" in the language "pt-BR"`},
		{"another set, not a language", f("fixture-en", "fixture-extended"), `earlier.json: is a result of the question set "fixture-extended", not of "fixture"`},
		{"in progress", f(`"completed"`, `"in-progress"`), `earlier.json: status: is "in-progress", so the response is not finished; give --compare a completed response, as check -o fhir saves it`},
		{"stopped", f(`"completed"`, `"stopped"`), `earlier.json: status: is "stopped", so the response is not finished`},
		{"entered in error", f(`"completed"`, `"entered-in-error"`), "earlier.json: status: is entered-in-error: the response was marked as a mistake, not to be used; compare with another result"},
		{"no status", f(` "status": "completed",`, ""), "earlier.json: is missing status, which every iopfit result has"},
		{"a status that is not text", f(`"completed"`, `1`), "earlier.json: status: is a number, where an iopfit result has text"},
		{"invalid UTF-8 in a key", j(`"recommendation"`, "\"summ\xff\xfe\": 1, \"recommendation\""), "earlier.json:3:8: is not valid UTF-8, as every result iopfit writes is; the file was changed or damaged: compare with another result"},
		{"invalid UTF-8 in a text", f(`"completed"`, "\"compl\xe9ted\""), "earlier.json:2:128: is not valid UTF-8"},
		{"another code system", f(answerSystem, `"system": "http://loinc.org"`), `earlier.json: item[stable-home].answer[0].valueCoding.system: is "http://loinc.org", not iopfit's code system ` + fhirid.AnswerSystem},
		{"an answer code", f(`"code": "no"`, `"code": "maybe"`), `earlier.json: item[stable-home].answer[0].valueCoding.code: "maybe" is not yes, no or unsure`},
		{"two answers", f(`"answer": [{"valueCoding": {`+answerSystem+`, "code": "no"}}]`, `"answer": [{"valueCoding": {`+answerSystem+`, "code": "no"}}, {"valueCoding": {`+answerSystem+`, "code": "yes"}}]`), "earlier.json: item[stable-home].answer: holds 2 answers to one question"},
		{"an answer that is text", f(`{"valueCoding": {`+answerSystem+`, "code": "no"}}`, `{"valueString": "no"}`), "earlier.json: item[stable-home].answer[0]: is missing valueCoding"},
		{"a question twice", f(homeItem, homeItem+", "+homeItem), `earlier.json: item[stable-home]: answers "stable-home" twice`},
		{"no result", f(", "+resultItem, ""), "earlier.json: holds no result: no answered iopfit:result item and no recommendation extension"},
		{"a result code", f(`"code": "residential"`, `"code": "inpatient"`), `earlier.json: item[iopfit:result].answer[0].valueCoding.code: "inpatient" is not iop or residential`},
		{"a result in another system", f(resultSystem, answerSystem), `earlier.json: item[iopfit:result].answer[0].valueCoding.system: is "https://raw.githubusercontent.com/iopfit…", not iopfit's code system ` + fhirid.RecommendationSystem},
		{"the result twice", f(resultItem, resultItem+", "+resultItem), "earlier.json: item[iopfit:result]: holds the result twice"},
		{"an extension that disagrees", f(`"item"`, `"extension": [{"url": "`+fhirid.RecommendationExtension+`", "valueCoding": {`+resultSystem+`, "code": "iop"}}], "item"`), "earlier.json: says residential in its iopfit:result item but iop in its recommendation extension"},
		{"items that are not a list", f(`"item": [`+homeItem+`, `+resultItem+`]`, `"item": {}`), "earlier.json: item: is an object, where an iopfit result has a list"},
		{"an item without a linkId", f(`"linkId": "stable-home", `, ""), "earlier.json: item[0]: is missing linkId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { refused(t, tt.data, set, tt.want) })
	}
}

// refused checks that Parse refuses data, an earlier result of set, with
// an input error (exit 2) of one plain line that starts with want.
func refused(t *testing.T, data string, set *assess.Set, want string) {
	t.Helper()
	_, err := Parse([]byte(data), "earlier.json", set)
	var e *load.Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v (%T), want a *load.Error", err, err)
	}
	got := e.In(i18n.English)
	if !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
	if strings.ContainsAny(got, "\x1b\n") {
		t.Errorf("the error is not one plain line: %q", got)
	}
	if !e.Usage() {
		t.Error("not an input error (exit 2)")
	}
}

// TestReadRefusesWhatIsNotAFile: Read goes through load.Read, with the
// words of --compare.
func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	set := fixture(t, i18n.English)
	dir := t.TempDir()
	good := filepath.Join(dir, "earlier.json")
	if err := os.WriteFile(good, []byte(minimalJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Read(context.Background(), load.File(good), set); err != nil || !reflect.DeepEqual(got, fromJSON) {
		t.Fatalf("Read(%s) = %+v, %v", good, got, err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "none.json"): "no such file; check the path given to --compare",
		dir:                             "is a directory; give --compare the path of an earlier result",
	} {
		_, err := Read(context.Background(), load.File(path), set)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Read(%s) = %v, want %q", path, err, want)
		}
	}
}

// written is what iopfit writes, as format (json or fhir), for answers to
// set: a result of today's version, without its indentation.
func written(t *testing.T, set *assess.Set, answers map[string]assess.Answer, format string) string {
	t.Helper()
	res, err := assess.Evaluate(set, answers)
	if err != nil {
		t.Fatal(err)
	}
	var b, compact bytes.Buffer
	if format == "json" {
		err = report.JSON(&b, res)
	} else {
		err = report.ResponseFHIR(&b, res, set)
	}
	if err == nil {
		err = json.Compact(&compact, b.Bytes())
	}
	if err != nil {
		t.Fatal(err)
	}
	return compact.String()
}

// unsureNeeds is a residential result of the fixture set: "no" on the
// home, whose headline it has, and "not sure" on the needs.
var unsureNeeds = map[string]assess.Answer{"stable-home": assess.No, "manageable-needs": assess.Unsure, "can-commit": assess.Yes, "responsibilities": assess.No}

// TestTodaysVersionFollowsTodaysRule: a result that names today's set and
// version is held to what iopfit writes for it. Its recommendation must be
// the one today's rule gives for its own answers, every question must be
// answered, and no text beside a key may be iopfit's text for another key;
// otherwise the file was changed, and is refused.
func TestTodaysVersionFollowsTodaysRule(t *testing.T) {
	set := fixture(t, i18n.English)
	edit := func(format string, pairs ...string) string {
		t.Helper()
		w := written(t, set, unsureNeeds, format)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(w, pairs[i]) {
				t.Fatalf("the %s has no %q:\n%s", format, pairs[i], w)
			}
			w = strings.ReplaceAll(w, pairs[i], pairs[i+1])
		}
		return w
	}
	const (
		needs    = `"code":"unsure","display":"Not sure"`
		result   = `"code":"residential","display":"Fixture residential headline."`
		headline = `"code":"residential","display":"Fixture home headline for no."`
	)
	tests := []struct {
		name, data, want string
	}{
		{"a recommendation its answers do not give", edit("json", `"recommendation":"residential"`, `"recommendation":"iop"`),
			"earlier.json: recommendation: is iop, but its own answers give residential by the rule of version 0.1.0 of the question set; the file was changed or is broken: compare with another result"},
		{"a response's result its answers do not give", edit("fhir", `"code":"residential"`, `"code":"iop"`),
			"earlier.json: item[iopfit:result].answer[0].valueCoding.code: is iop, but its own answers give residential by the rule of version 0.1.0"},
		{"a response's result in the extension alone", edit("fhir", `"code":"residential"`, `"code":"iop"`, `"linkId":"iopfit:result"`, `"linkId":"iopfit:other"`),
			"earlier.json: extension[0].valueCoding.code: is iop, but its own answers give residential"},
		{"an answer to a question the version does not ask", edit("json", `"id":"can-commit"`, `"id":"old-question"`),
			`earlier.json: answers "old-question", which version 0.1.0 of the question set does not ask, though the file names that version`},
		{"an answer left out", edit("fhir", `{"valueCoding":{"system":"`+fhirid.AnswerSystem+`",`+needs+`}}`, ""),
			"earlier.json: does not answer manageable-needs, though a result of version 0.1.0 of the question set answers every question; the file was changed or is unfinished"},
		{"a display that says yes to an unsure code", edit("fhir", needs, `"code":"unsure","display":"Yes"`),
			`earlier.json: item[manageable-needs].answer[0].valueCoding.display: "Yes" is iopfit's text for yes, but the code beside it is unsure; the file was changed: compare with another result`},
		{"a result display of the other outcome", edit("fhir", result, `"code":"residential","display":"Fixture IOP headline."`),
			`earlier.json: item[iopfit:result].answer[0].valueCoding.display: "Fixture IOP headline." is iopfit's text for iop, but the code beside it is residential`},
		{"a headline display of the other outcome", edit("fhir", headline, `"code":"residential","display":"Fixture IOP headline."`),
			`earlier.json: extension[0].valueCoding.display: "Fixture IOP headline." is iopfit's text for iop, but the code beside it is residential`},
		{"a JSON headline of the other outcome", edit("json", `"headline":"Fixture home headline for no."`, `"headline":"Fixture IOP headline."`),
			`earlier.json: headline: "Fixture IOP headline." is iopfit's headline for iop, but recommendation is residential; the file was changed: compare with another result`},
		{"texts of yes and IOP on codes of unsure and residential", edit("fhir", needs, `"code":"unsure","display":"Yes"`, result, `"code":"residential","display":"Fixture IOP headline."`),
			`earlier.json: item[manageable-needs].answer[0].valueCoding.display: "Yes" is iopfit's text for yes, but the code beside it is unsure`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { refused(t, tt.data, set, tt.want) })
	}
}

// TestTodaysVersionAccepts: what a result of today's version may hold that
// iopfit itself does not write, and the headline the person read, which
// comes back only when the file shows it.
func TestTodaysVersionAccepts(t *testing.T) {
	en, es := fixture(t, i18n.English), fixture(t, i18n.Spanish)
	const home = "Fixture home headline for no."
	tests := []struct {
		name         string
		data         string
		set          *assess.Set
		wantHeadline string
	}{
		{"a JSON result, with the headline the person read", written(t, en, unsureNeeds, "json"), en, home},
		{"a FHIR response, with it in the extension", written(t, en, unsureNeeds, "fhir"), en, home},
		{"a JSON result without a headline", strings.Replace(written(t, en, unsureNeeds, "json"), `"headline":"`+home+`",`, "", 1), en, ""},
		{"a headline reworded since", strings.Replace(written(t, en, unsureNeeds, "json"), home, "Another headline.", 1), en, ""},
		{"a response without the extension, as a form tool may save it", strings.Replace(written(t, en, unsureNeeds, "fhir"), `"extension":`, `"other":`, 1), en, ""},
		// FHIR defines "amended" as a completed response corrected since:
		// a finished one.
		{"an amended response", strings.Replace(written(t, en, unsureNeeds, "fhir"), `"status":"completed"`, `"status":"amended"`, 1), en, home},
		// Texts that are no label of iopfit's say nothing against a code.
		{"display texts of a form tool's own", strings.Replace(strings.Replace(written(t, en, unsureNeeds, "fhir"), `"display":"Not sure"`, `"display":"NOT SURE (unsure)"`, 1), `"display":"Fixture residential headline."`, `"display":"Residential"`, 1), en, home},
		// A Spanish response read in English: its texts are in words this
		// run does not have, and the headline is the one it showed, in
		// English.
		{"a Spanish response read in English", written(t, es, unsureNeeds, "fhir"), en, home},
		{"an English result read in Spanish", written(t, en, unsureNeeds, "json"), es, "Titular del no (hogar)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.data), "earlier.json", tt.set)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			want := assess.Earlier{SetID: "fixture", Version: "0.1.0", Answers: unsureNeeds, Recommendation: assess.Residential, Headline: tt.wantHeadline}
			if strings.HasPrefix(tt.data, "{\"schema_version\"") {
				// A JSON result says whose check it was; a response for
				// the person's own check has no source.
				want.For = assess.ForMe
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}
