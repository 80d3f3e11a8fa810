package earlier

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
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
				want := assess.Earlier{SetID: set.ID, Version: set.Version, Answers: answers, Recommendation: res.Recommendation}
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s %v: got %+v, %v", l, format, answers, got, err)
				}
			}
		}
	}
}

const (
	minimalJSON = `{"schema_version": 1, "question_set": {"id": "fixture", "version": "0.1.0"},
  "answers": [{"id": "stable-home", "answer": "no"}, {"id": "can-commit", "answer": "yes"}],
  "recommendation": "residential"}`
	answerSystem = `"system": "` + report.AnswerSystem + `"`
	resultSystem = `"system": "` + report.RecommendationSystem + `"`
	resultItem   = `{"linkId": "iopfit:result", "answer": [{"valueCoding": {` + resultSystem + `, "code": "residential"}}]}`
	homeItem     = `{"linkId": "stable-home", "answer": [{"valueCoding": {` + answerSystem + `, "code": "no"}}]}`
	minimalFHIR  = `{"resourceType": "QuestionnaireResponse",
  "questionnaire": "` + report.FHIRBase + `/Questionnaire/fixture-en|0.1.0",
  "item": [` + homeItem + `, ` + resultItem + `]}`
)

var (
	fromJSON = assess.Earlier{SetID: "fixture", Version: "0.1.0", Answers: map[string]assess.Answer{"stable-home": assess.No, "can-commit": assess.Yes}, Recommendation: assess.Residential}
	fromFHIR = assess.Earlier{SetID: "fixture", Version: "0.1.0", Answers: map[string]assess.Answer{"stable-home": assess.No}, Recommendation: assess.Residential}
)

func TestParseAccepts(t *testing.T) {
	set := fixture(t, i18n.English)
	with := func(e assess.Earlier, edit func(*assess.Earlier)) assess.Earlier {
		e.Answers = maps.Clone(e.Answers)
		edit(&e)
		return e
	}
	extension := `"extension": [{"url": "` + report.RecommendationExtension + `", "valueCoding": {` + resultSystem + `, "code": "residential"}}]`
	tests := []struct {
		name, data string
		want       assess.Earlier
	}{
		{"a JSON result", minimalJSON, fromJSON},
		{"a byte-order mark", "\ufeff" + minimalJSON, fromJSON},
		{"another version of the set", strings.Replace(minimalJSON, `"0.1.0"`, `"2.0"`, 1), with(fromJSON, func(e *assess.Earlier) { e.Version = "2.0" })},
		{"keys a later iopfit may add", strings.Replace(minimalJSON, `"recommendation"`, `"new_key": [{}], "recommendation"`, 1), fromJSON},
		{"an answer to a question today's set lacks", strings.Replace(minimalJSON, `"answers": [`, `"answers": [{"id": "old-question", "answer": "unsure"}, `, 1), with(fromJSON, func(e *assess.Earlier) { e.Answers["old-question"] = assess.Unsure })},
		{"a FHIR response", minimalFHIR, fromFHIR},
		{"a Spanish response", strings.Replace(minimalFHIR, "fixture-en", "fixture-es", 1), fromFHIR},
		{"the canonical before one per language", strings.Replace(minimalFHIR, report.FHIRBase+"/Questionnaire/fixture-en", "https://github.com/iopfit/iopfit/fhir/Questionnaire/fixture", 1), fromFHIR},
		{"no version", strings.Replace(minimalFHIR, "|0.1.0", "", 1), with(fromFHIR, func(e *assess.Earlier) { e.Version = "" })},
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
		{"no question set", j(`"question_set": {"id": "fixture", "version": "0.1.0"},`, ""), "earlier.json: is missing question_set, which every iopfit result has"},
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
		{"no answer in common", `{"schema_version": 1, "question_set": {"id": "fixture"}, "answers": [{"id": "old-one", "answer": "no"}], "recommendation": "iop"}`, `earlier.json: answers none of the questions of the set "fixture"`},
		{"UTF-16", string(utf16), "earlier.json:1:1: looks like UTF-16 text; save it as UTF-8"},
		{"too large", `{"a": "` + strings.Repeat("x", load.MaxEarlierSize) + `"}`, "earlier.json: is larger than 2 MiB"},

		{"a Questionnaire", `{"resourceType": "Questionnaire"}`, `earlier.json: is a FHIR "Questionnaire", not a QuestionnaireResponse; give --compare a result saved with check -o fhir`},
		{"a resourceType that is not text", `{"resourceType": ["QuestionnaireResponse"]}`, "earlier.json: resourceType: is a list, where an iopfit result has text"},
		{"another set's response", f("fixture-en", "other-es"), `earlier.json: is a result of the question set "other", not of "fixture"`},
		{"another set's response, before one per language", f(report.FHIRBase+"/Questionnaire/fixture-en", "https://github.com/iopfit/iopfit/fhir/Questionnaire/other"), `earlier.json: is a result of the question set "other", not of "fixture"`},
		{"someone else's Questionnaire", f(report.FHIRBase+"/Questionnaire/fixture-en|0.1.0", "http://example.org/Q|1"), `earlier.json: answers the Questionnaire "http://example.org/Q", which is not iopfit's`},
		{"no questionnaire", f(`"questionnaire": "`+report.FHIRBase+`/Questionnaire/fixture-en|0.1.0",`, ""), "earlier.json: is missing questionnaire"},
		{"another code system", f(answerSystem, `"system": "http://loinc.org"`), `earlier.json: item[stable-home].answer[0].valueCoding.system: is "http://loinc.org", not iopfit's code system ` + report.AnswerSystem},
		{"an answer code", f(`"code": "no"`, `"code": "maybe"`), `earlier.json: item[stable-home].answer[0].valueCoding.code: "maybe" is not yes, no or unsure`},
		{"two answers", f(`"answer": [{"valueCoding": {`+answerSystem+`, "code": "no"}}]`, `"answer": [{"valueCoding": {`+answerSystem+`, "code": "no"}}, {"valueCoding": {`+answerSystem+`, "code": "yes"}}]`), "earlier.json: item[stable-home].answer: holds 2 answers to one question"},
		{"an answer that is text", f(`{"valueCoding": {`+answerSystem+`, "code": "no"}}`, `{"valueString": "no"}`), "earlier.json: item[stable-home].answer[0]: is missing valueCoding"},
		{"a question twice", f(homeItem, homeItem+", "+homeItem), `earlier.json: item[stable-home]: answers "stable-home" twice`},
		{"no result", f(", "+resultItem, ""), "earlier.json: holds no result: no answered iopfit:result item and no recommendation extension"},
		{"a result code", f(`"code": "residential"`, `"code": "inpatient"`), `earlier.json: item[iopfit:result].answer[0].valueCoding.code: "inpatient" is not iop or residential`},
		{"a result in another system", f(resultSystem, answerSystem), `earlier.json: item[iopfit:result].answer[0].valueCoding.system: is "https://raw.githubusercontent.com/iopfit…", not iopfit's code system ` + report.RecommendationSystem},
		{"the result twice", f(resultItem, resultItem+", "+resultItem), "earlier.json: item[iopfit:result]: holds the result twice"},
		{"an extension that disagrees", f(`"item"`, `"extension": [{"url": "`+report.RecommendationExtension+`", "valueCoding": {`+resultSystem+`, "code": "iop"}}], "item"`), "earlier.json: says residential in its iopfit:result item but iop in its recommendation extension"},
		{"items that are not a list", f(`"item": [`+homeItem+`, `+resultItem+`]`, `"item": {}`), "earlier.json: item: is an object, where an iopfit result has a list"},
		{"an item without a linkId", f(`"linkId": "stable-home", `, ""), "earlier.json: item[0]: is missing linkId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data), "earlier.json", set)
			var e *load.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want a *load.Error", err, err)
			}
			got := e.In(i18n.English)
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
			if strings.ContainsAny(got, "\x1b\n") {
				t.Errorf("the error is not one plain line: %q", got)
			}
			if !e.Usage() {
				t.Error("not an input error (exit 2)")
			}
		})
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
