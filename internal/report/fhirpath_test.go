package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
	"github.com/iopfit/iopfit/internal/i18n"
)

// fhirpathScript runs FHIRPath in fhirpath.js, the HL7/NLM engine that
// LHC-Forms uses (no Go FHIRPath engine is well kept enough to rely on).
const fhirpathScript = "../../tools/fhirpath/eval.js"

// fhirpathNode finds Node.js and fhirpath.js. Without them the test skips
// and says what to install, unless IOPFIT_FHIRPATH=required (make
// test-fhirpath sets it, after installing fhirpath.js), when it fails.
func fhirpathNode(t *testing.T) string {
	t.Helper()
	missing := func(what string) {
		msg := what + ": the FHIRPath of the calculated items is not run (install Node.js 20 or later, then run make test-fhirpath)"
		if os.Getenv("IOPFIT_FHIRPATH") == "required" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(fhirpathScript), "node_modules", "fhirpath", "package.json")); err != nil {
		missing("fhirpath.js is not installed in tools/fhirpath")
	}
	return node
}

// evalFHIRPath runs every calculated item of questionnaire for each
// response, and returns, per response, each item's values by linkId.
func evalFHIRPath(t *testing.T, node string, questionnaire []byte, responses []json.RawMessage) []map[string][]json.RawMessage {
	t.Helper()
	in, err := json.Marshal(map[string]any{"questionnaire": json.RawMessage(questionnaire), "responses": responses})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, fhirpathScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fhirpath.js: %v\n%s", err, stderr.Bytes())
	}
	var got []map[string][]json.RawMessage
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(responses) {
		t.Fatalf("fhirpath.js gave %d results for %d responses (%v): %s", len(got), len(responses), err, out)
	}
	return got
}

// twoUrgent is the fixture with urgent texts on two more questions, one of
// them a question that does not decide, and texts that need escaping.
func twoUrgent(t *testing.T) *assess.Set {
	set := fixture(t, i18n.English)
	set.Questions[0].Urgent = map[assess.Answer][]string{assess.No: {`Home's "urgent" \ line.`, "And a second item."}, assess.Unsure: {"Home urgent\nline for not sure."}}
	// An item two answers share is said once, where it first comes.
	set.Questions[3].Urgent = map[assess.Answer][]string{assess.Yes: {"Duties urgent line.", "And a second item."}}
	return set
}

// TestFHIRPathFollowsTheRule evaluates the calculated items for every
// answer sheet: the result is the coding Evaluate's recommendation gives,
// and what iopfit writes in its own response; the urgent texts are
// Evaluate's, in order. With one question unanswered there is no result
// yet, while the urgent texts of the answers given already show.
func TestFHIRPathFollowsTheRule(t *testing.T) {
	node := fhirpathNode(t)
	for name, set := range map[string]*assess.Set{"fixture": fixture(t, i18n.English), "two-urgent": twoUrgent(t)} {
		t.Run(name, func(t *testing.T) {
			q := questionnaire(t, set)
			items := decode[testQuestionnaire](t, q).Item
			var responses []json.RawMessage
			var results []assess.Result
			for _, answers := range combinations(set) {
				res, r := response(t, set, answers)
				results = append(results, res)
				responses = append(responses, answersOnly(t, r, ""), answersOnly(t, r, set.Questions[0].ID))
			}
			got := evalFHIRPath(t, node, q, responses)
			for i, res := range results {
				sheet := answerSheet(res)
				full, partial := got[2*i], got[2*i+1]
				want, _ := json.Marshal(recommendationCoding(res.Recommendation, set))
				if len(full[fhirid.ResultLinkID]) != 1 || !bytes.Equal(full[fhirid.ResultLinkID][0], want) {
					t.Errorf("%v: result %s, want %s", sheet, full[fhirid.ResultLinkID], want)
				}
				if r := partial[fhirid.ResultLinkID]; len(r) != 0 {
					t.Errorf("%v without %s: result %s, want none", sheet, set.Questions[0].ID, r)
				}
				if got := strings1(t, full[fhirid.UrgentLinkID]); !slices.Equal(got, res.Urgent) {
					t.Errorf("%v: urgent %q, want %q", sheet, got, res.Urgent)
				}
				if got, want := strings1(t, partial[fhirid.UrgentLinkID]), urgentWithout(set, sheet, set.Questions[0].ID); !slices.Equal(got, want) {
					t.Errorf("%v without %s: urgent %q, want %q", sheet, set.Questions[0].ID, got, want)
				}
				for _, it := range items {
					switch it.LinkID {
					case fhirid.ResultLinkID:
						if !enabled(it, sheet) || enabled(it, without(sheet, set.Questions[0].ID)) {
							t.Errorf("%v: the result is not shown exactly when every question is answered", sheet)
						}
					case fhirid.UrgentLinkID:
						if enabled(it, sheet) != (len(res.Urgent) > 0) {
							t.Errorf("%v: the urgent item is shown = %v with urgent texts %q", sheet, enabled(it, sheet), res.Urgent)
						}
					}
				}
			}
		})
	}
}

// answersOnly is a response as a form tool holds it while the person
// answers: the items of the questions alone (less the one named by drop),
// without the items iopfit calculated.
func answersOnly(t *testing.T, r []byte, drop string) json.RawMessage {
	t.Helper()
	var resp map[string]any
	if err := json.Unmarshal(r, &resp); err != nil {
		t.Fatal(err)
	}
	var kept []any
	for _, it := range resp["item"].([]any) {
		id := it.(map[string]any)["linkId"].(string)
		if !strings.Contains(id, ":") && id != drop {
			kept = append(kept, it)
		}
	}
	resp["item"] = kept
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func answerSheet(res assess.Result) map[string]assess.Answer {
	sheet := map[string]assess.Answer{}
	for _, a := range res.Answers {
		sheet[a.ID] = a.Answer
	}
	return sheet
}

func without(sheet map[string]assess.Answer, id string) map[string]assess.Answer {
	out := map[string]assess.Answer{}
	for k, v := range sheet {
		if k != id {
			out[k] = v
		}
	}
	return out
}

// urgentWithout is the urgent texts of the answers in sheet but id's, in
// the set's order.
func urgentWithout(set *assess.Set, sheet map[string]assess.Answer, id string) []string {
	var out []string
	for _, q := range set.Questions {
		for _, u := range q.Urgent[sheet[q.ID]] {
			if q.ID != id && !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

func strings1(t *testing.T, values []json.RawMessage) []string {
	t.Helper()
	var out []string
	for _, v := range values {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			t.Fatalf("%s is not a string", v)
		}
		out = append(out, s)
	}
	return out
}

// enabled applies an item's enableWhen as R4 defines it, for the operators
// the Questionnaire uses: "exists" and "=" on a coding.
func enabled(it testItem, sheet map[string]assess.Answer) bool {
	if len(it.EnableWhen) == 0 {
		return true
	}
	any, all := false, true
	for _, ew := range it.EnableWhen {
		a, answered := sheet[ew.Question]
		var ok bool
		switch ew.Operator {
		case "exists":
			ok = answered == *ew.AnswerBoolean
		case "=":
			ok = answered && ew.AnswerCoding.System == fhirid.AnswerSystem && ew.AnswerCoding.Code == string(a)
		}
		any = any || ok
		all = all && ok
	}
	if it.EnableBehavior == "any" {
		return any
	}
	return all
}
