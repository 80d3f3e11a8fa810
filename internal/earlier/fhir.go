package earlier

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/report"
	"github.com/iopfit/iopfit/internal/safetext"
)

// legacyQuestionnaireBase is where responses written before the
// Questionnaire had one canonical per language name it:
// <base><set id>|<version>, with no language.
const legacyQuestionnaireBase = "https://github.com/iopfit/iopfit/fhir/Questionnaire/"

// fhirResponse reads an -o fhir QuestionnaireResponse (the README's "For
// clinics and integrators" says how): the set from questionnaire, the
// answers from the items whose linkId has no colon, coded in iopfit's
// answer code system, and the recommendation from the iopfit:result item
// or, in a response a form tool saved without it, from the recommendation
// extension. A question item without an answer is left out, as a question
// the response does not have.
func (p *parser) fhirResponse(obj map[string]any, set *assess.Set) (assess.Earlier, error) {
	e := assess.Earlier{SetID: set.ID, Answers: map[string]assess.Answer{}}
	canonical, err := p.textField(obj, "", "questionnaire")
	if err != nil {
		return e, err
	}
	if e.Version, err = p.questionnaire(canonical, set.ID); err != nil {
		return e, err
	}
	var items []any
	if v, ok := obj["item"]; ok {
		if items, err = p.list(v, "item"); err != nil {
			return e, err
		}
	}
	var fromItem, fromExtension assess.Recommendation
	for i, it := range items {
		item, ok := it.(map[string]any)
		if !ok {
			return e, p.fail("item["+strconv.Itoa(i)+"]", i18n.M("compare.kind", jsonKind(it), i18n.M("kind.object")))
		}
		link, err := p.textField(item, "item["+strconv.Itoa(i)+"]", "linkId")
		if err != nil {
			return e, err
		}
		path := itemPath("item", i, link)
		switch {
		case link == report.ResultLinkID:
			if fromItem != "" {
				return e, p.fail(path, i18n.M("compare.result_twice"))
			}
			if fromItem, err = p.recommendationCoding(item, path); err != nil {
				return e, err
			}
		case !strings.Contains(link, ":"):
			if _, dup := e.Answers[link]; dup {
				return e, p.fail(path, i18n.M("compare.twice", safetext.Quote(link)))
			}
			code, given, err := p.answerCode(item, path, report.AnswerSystem)
			if err != nil {
				return e, err
			}
			if !given {
				continue
			}
			if e.Answers[link], err = p.answer(code, path+".answer[0].valueCoding.code"); err != nil {
				return e, err
			}
		}
	}
	if fromExtension, err = p.recommendationExtension(obj); err != nil {
		return e, err
	}
	switch {
	case fromItem == "" && fromExtension == "":
		return e, p.fail("", i18n.M("compare.no_result", report.ResultLinkID))
	case fromItem != "" && fromExtension != "" && fromItem != fromExtension:
		return e, p.fail("", i18n.M("compare.results_differ", string(fromItem), report.ResultLinkID, string(fromExtension)))
	case fromItem != "":
		e.Recommendation = fromItem
	default:
		e.Recommendation = fromExtension
	}
	return e, nil
}

// questionnaire reads the canonical reference to the Questionnaire that a
// response answers, url|version, and returns the version. The url must
// name setID's Questionnaire in one of iopfit's languages, or in the form
// before there was one per language.
func (p *parser) questionnaire(canonical, setID string) (string, error) {
	ref, version, _ := strings.Cut(canonical, "|")
	if v, err := url.PathUnescape(version); err == nil {
		version = v // as report.QuestionnaireCanonical escapes it
	}
	if ref == legacyQuestionnaireBase+setID {
		return version, nil
	}
	for _, l := range i18n.Langs {
		if ref == report.QuestionnaireURL(assess.SetInfo{ID: setID, Lang: string(l)}) {
			return version, nil
		}
	}
	other, ok := strings.CutPrefix(ref, legacyQuestionnaireBase)
	if rest, isNew := strings.CutPrefix(ref, report.FHIRBase+"/Questionnaire/"); isNew {
		other, ok = rest, true
		for _, l := range i18n.Langs {
			if id, cut := strings.CutSuffix(rest, "-"+string(l)); cut {
				other = id
			}
		}
	}
	if ok {
		return "", p.fail("", i18n.M("compare.other_set", safetext.Quote(other), safetext.Quote(setID)))
	}
	return "", p.fail("", i18n.M("compare.questionnaire", safetext.Quote(ref)))
}

// answerCode reads the one answer of a response item, a Coding in system.
// given is false for an item with no answer.
func (p *parser) answerCode(item map[string]any, path, system string) (code string, given bool, err error) {
	v, ok := item["answer"]
	if !ok {
		return "", false, nil
	}
	answers, err := p.list(v, path+".answer")
	if err != nil || len(answers) == 0 {
		return "", false, err
	}
	if len(answers) > 1 {
		return "", false, p.fail(path+".answer", i18n.M("compare.many", len(answers)))
	}
	answer, ok := answers[0].(map[string]any)
	if !ok {
		return "", false, p.fail(path+".answer[0]", i18n.M("compare.kind", jsonKind(answers[0]), i18n.M("kind.object")))
	}
	code, err = p.coding(answer, path+".answer[0]", system)
	return code, err == nil, err
}

// coding reads obj's valueCoding, which must be in system, and returns its
// code.
func (p *parser) coding(obj map[string]any, path, system string) (string, error) {
	c, err := p.object(obj, path, "valueCoding")
	if err != nil {
		return "", err
	}
	path = join(path, "valueCoding")
	got, err := p.textField(c, path, "system")
	if err != nil {
		return "", err
	}
	if got != system {
		return "", p.fail(path+".system", i18n.M("compare.system", safetext.Quote(got), system))
	}
	return p.textField(c, path, "code")
}

// recommendationCoding reads the answer of the iopfit:result item.
func (p *parser) recommendationCoding(item map[string]any, path string) (assess.Recommendation, error) {
	code, given, err := p.answerCode(item, path, report.RecommendationSystem)
	if err != nil || !given {
		return "", err
	}
	return p.recommendation(code, path+".answer[0].valueCoding.code")
}

// recommendationExtension reads the recommendation extension of a
// response, if it has one.
func (p *parser) recommendationExtension(obj map[string]any) (assess.Recommendation, error) {
	v, ok := obj["extension"]
	if !ok {
		return "", nil
	}
	exts, err := p.list(v, "extension")
	if err != nil {
		return "", err
	}
	var rec assess.Recommendation
	for i, x := range exts {
		path := "extension[" + strconv.Itoa(i) + "]"
		ext, ok := x.(map[string]any)
		if !ok {
			return "", p.fail(path, i18n.M("compare.kind", jsonKind(x), i18n.M("kind.object")))
		}
		if u, _ := ext["url"].(string); u != report.RecommendationExtension {
			continue
		}
		if rec != "" {
			return "", p.fail(path, i18n.M("compare.result_twice"))
		}
		code, err := p.coding(ext, path, report.RecommendationSystem)
		if err != nil {
			return "", err
		}
		if rec, err = p.recommendation(code, path+".valueCoding.code"); err != nil {
			return "", err
		}
	}
	return rec, nil
}
