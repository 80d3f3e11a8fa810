package earlier

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// legacyQuestionnaireBase is where responses written before the
// Questionnaire had one canonical per language name it:
// <base><set id>|<version>, with no language.
const legacyQuestionnaireBase = "https://github.com/iopfit/iopfit/fhir/Questionnaire/"

// fhirResponse reads an -o fhir QuestionnaireResponse (docs/scripting-and-clinics.md, "For
// clinics and integrators" says how): the set from questionnaire, the
// answers from the items whose linkId has no colon, coded in iopfit's
// answer code system, and the recommendation from the iopfit:result item
// or, in a response a form tool saved without it, from the recommendation
// extension. A question item without an answer is left out, as a question
// the response does not have. Only a finished response is read (see
// status).
func (p *parser) fhirResponse(obj map[string]any, set *assess.Set) (assess.Earlier, said, error) {
	e := assess.Earlier{SetID: set.ID, Answers: map[string]assess.Answer{}}
	var s said
	canonical, err := p.textField(obj, "", "questionnaire")
	if err != nil {
		return e, s, err
	}
	if e.Version, s.lang, err = p.questionnaire(canonical, set.ID); err != nil {
		return e, s, err
	}
	if s.lang == "" { // the canonical before one per language
		if s.lang, err = p.optionalText(obj, "", "language"); err != nil {
			return e, s, err
		}
	}
	if err := p.status(obj); err != nil {
		return e, s, err
	}
	if e.For, err = p.source(obj); err != nil {
		return e, s, err
	}
	var items []any
	if v, ok := obj["item"]; ok {
		if items, err = p.list(v, "item"); err != nil {
			return e, s, err
		}
	}
	var fromItem, fromExtension coded
	for i, it := range items {
		item, ok := it.(map[string]any)
		if !ok {
			return e, s, p.fail("item["+strconv.Itoa(i)+"]", i18n.M("compare.kind", jsonKind(it), i18n.M("kind.object")))
		}
		link, err := p.textField(item, "item["+strconv.Itoa(i)+"]", "linkId")
		if err != nil {
			return e, s, err
		}
		path := itemPath("item", i, link)
		switch {
		case link == fhirid.ResultLinkID:
			if fromItem.result != "" {
				return e, s, p.fail(path, i18n.M("compare.result_twice"))
			}
			if fromItem, err = p.recommendationCoding(item, path); err != nil {
				return e, s, err
			}
		case !strings.Contains(link, ":"):
			if _, dup := e.Answers[link]; dup {
				return e, s, p.fail(path, i18n.M("compare.twice", safetext.Quote(link)))
			}
			c, err := p.answerCode(item, path, fhirid.AnswerSystem)
			if err != nil {
				return e, s, err
			}
			if !c.given {
				continue
			}
			if e.Answers[link], err = p.answer(c.code, c.path+".code"); err != nil {
				return e, s, err
			}
			s.shown = append(s.shown, shown{path: c.path + ".display", text: c.display, answer: e.Answers[link], msg: "compare.display"})
		}
	}
	if fromExtension, err = p.recommendationExtension(obj); err != nil {
		return e, s, err
	}
	switch {
	case fromItem.result == "" && fromExtension.result == "":
		return e, s, p.fail("", i18n.M("compare.no_result", fhirid.ResultLinkID))
	case fromItem.result != "" && fromExtension.result != "" && fromItem.result != fromExtension.result:
		return e, s, p.fail("", i18n.M("compare.results_differ", string(fromItem.result), fhirid.ResultLinkID, string(fromExtension.result)))
	case fromItem.result != "":
		e.Recommendation, s.resultAt = fromItem.result, fromItem.path+".code"
	default:
		e.Recommendation, s.resultAt = fromExtension.result, fromExtension.path+".code"
	}
	// The extension carries the headline the person read; the result
	// item, as a form tool fills it in, the outcome's.
	s.headline = fromExtension.display
	for _, c := range []coded{fromItem, fromExtension} {
		if c.result != "" {
			s.shown = append(s.shown, shown{path: c.path + ".display", text: c.display, result: c.result, msg: "compare.display"})
		}
	}
	return e, s, nil
}

// status reads a response's status, which must say it is finished:
// "completed", as iopfit writes it, or "amended", which FHIR gives a
// completed response whose answers were corrected afterwards (its answers
// are then the ones that stand). "in-progress" and "stopped" are
// unfinished: their answers are not the person's last word.
// "entered-in-error" marks a response that is not to be used at all.
func (p *parser) status(obj map[string]any) error {
	status, err := p.textField(obj, "", "status")
	switch {
	case err != nil:
		return err
	case status == "completed" || status == "amended":
		return nil
	case status == "entered-in-error":
		return p.fail("status", i18n.M("compare.status_error"))
	}
	return p.fail("status", i18n.M("compare.status", safetext.Quote(status)))
}

// coded is a Coding read from a response: its code (the answer's or the
// result's) and display, and the path of the Coding, for errors. given is
// false for an item with no answer.
type coded struct {
	path, code, display string
	given               bool
	result              assess.Recommendation
}

// questionnaire reads the canonical reference to the Questionnaire that a
// response answers, url|version, and returns the version and the
// language the url names ("" in the form before there was one
// Questionnaire per language). The url must name setID's Questionnaire in
// one of iopfit's languages, or in that earlier form.
func (p *parser) questionnaire(canonical, setID string) (version, lang string, err error) {
	ref, version, named := strings.Cut(canonical, "|")
	if v, err := url.PathUnescape(version); err == nil {
		version = v // as fhirid.QuestionnaireCanonical escapes it
	}
	// iopfit always names the version, as the loader allows it: without
	// one, or with one iopfit could not have written (a second |, a
	// space), the file would escape today's rule.
	ours := func(lang string) (string, string, error) {
		switch {
		case !named:
			return "", "", p.fail("questionnaire", i18n.M("compare.no_version"))
		case !load.ValidVersion(version):
			return "", "", p.fail("questionnaire", i18n.M("compare.version"))
		}
		return version, lang, nil
	}
	if ref == legacyQuestionnaireBase+setID {
		return ours("")
	}
	for _, l := range i18n.Langs {
		if ref == fhirid.QuestionnaireURL(assess.SetInfo{ID: setID, Lang: string(l)}) {
			return ours(string(l))
		}
	}
	other, ok := strings.CutPrefix(ref, legacyQuestionnaireBase)
	if rest, isNew := strings.CutPrefix(ref, fhirid.Base+"/Questionnaire/"); isNew {
		other, ok = rest, true
		known := false
		for _, l := range i18n.Langs {
			if id, cut := strings.CutSuffix(rest, "-"+string(l)); cut {
				other, known = id, true
			}
		}
		// The set's own Questionnaire in a language iopfit has no words
		// for: the same set, so "another set" would send the person to
		// look for one that does not exist.
		if tag, cut := strings.CutPrefix(rest, setID+"-"); cut && !known && languageTag(tag) {
			return "", "", p.fail("", i18n.M("compare.lang", safetext.Quote(setID), safetext.Quote(tag), i18n.Or(langNames())))
		}
	}
	if ok {
		return "", "", p.fail("", i18n.M("compare.other_set", safetext.Quote(other), safetext.Quote(setID)))
	}
	return "", "", p.fail("", i18n.M("compare.questionnaire", safetext.Quote(ref)))
}

// languageTag is true for what reads as a language tag (BCP 47): a
// language of two or three letters, then subtags such as a region ("fr",
// "pt-BR", "zh-Hant").
func languageTag(s string) bool {
	parts := strings.Split(s, "-")
	if n := len(parts[0]); n < 2 || n > 3 || !letters(parts[0]) {
		return false
	}
	for _, sub := range parts[1:] {
		if len(sub) < 1 || len(sub) > 8 || !alphanumeric(sub) {
			return false
		}
	}
	return true
}

func letters(s string) bool {
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

func alphanumeric(s string) bool {
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// langNames are the languages iopfit writes results in, for a message.
func langNames() []string {
	names := make([]string, len(i18n.Langs))
	for i, l := range i18n.Langs {
		names[i] = string(l)
	}
	return names
}

// answerCode reads the one answer of a response item, a Coding in system.
func (p *parser) answerCode(item map[string]any, path, system string) (coded, error) {
	v, ok := item["answer"]
	if !ok {
		return coded{}, nil
	}
	answers, err := p.list(v, path+".answer")
	if err != nil || len(answers) == 0 {
		return coded{}, err
	}
	if len(answers) > 1 {
		return coded{}, p.fail(path+".answer", i18n.M("compare.many", len(answers)))
	}
	answer, ok := answers[0].(map[string]any)
	if !ok {
		return coded{}, p.fail(path+".answer[0]", i18n.M("compare.kind", jsonKind(answers[0]), i18n.M("kind.object")))
	}
	return p.coding(answer, path+".answer[0]", system)
}

// coding reads obj's valueCoding, which must be in system.
func (p *parser) coding(obj map[string]any, path, system string) (coded, error) {
	c, err := p.object(obj, path, "valueCoding")
	if err != nil {
		return coded{}, err
	}
	out := coded{path: join(path, "valueCoding"), given: true}
	got, err := p.textField(c, out.path, "system")
	if err != nil {
		return coded{}, err
	}
	if got != system {
		return coded{}, p.fail(out.path+".system", i18n.M("compare.system", safetext.Quote(got), system))
	}
	if out.code, err = p.textField(c, out.path, "code"); err != nil {
		return coded{}, err
	}
	if out.display, err = p.optionalText(c, out.path, "display"); err != nil {
		return coded{}, err
	}
	return out, nil
}

// recommendationCoding reads the answer of the iopfit:result item.
func (p *parser) recommendationCoding(item map[string]any, path string) (coded, error) {
	c, err := p.answerCode(item, path, fhirid.RecommendationSystem)
	if err != nil || !c.given {
		return coded{}, err
	}
	c.result, err = p.recommendation(c.code, c.path+".code")
	return c, err
}

// recommendationExtension reads the recommendation extension of a
// response, if it has one.
func (p *parser) recommendationExtension(obj map[string]any) (coded, error) {
	v, ok := obj["extension"]
	if !ok {
		return coded{}, nil
	}
	exts, err := p.list(v, "extension")
	if err != nil {
		return coded{}, err
	}
	var rec coded
	for i, x := range exts {
		path := "extension[" + strconv.Itoa(i) + "]"
		ext, ok := x.(map[string]any)
		if !ok {
			return coded{}, p.fail(path, i18n.M("compare.kind", jsonKind(x), i18n.M("kind.object")))
		}
		if u, _ := ext["url"].(string); u != fhirid.RecommendationExtension {
			continue
		}
		if rec.result != "" {
			return coded{}, p.fail(path, i18n.M("compare.result_twice"))
		}
		if rec, err = p.coding(ext, path, fhirid.RecommendationSystem); err != nil {
			return coded{}, err
		}
		if rec.result, err = p.recommendation(rec.code, rec.path+".code"); err != nil {
			return coded{}, err
		}
	}
	return rec, nil
}

// source reads who answered from the response's source, as iopfit writes
// it (see report's fhirSource): a RelatedPerson answered about someone they
// care about; a Patient, or no source, is the person's own check.
func (p *parser) source(obj map[string]any) (assess.Perspective, error) {
	v, ok := obj["source"]
	if !ok {
		return "", nil
	}
	src, ok := v.(map[string]any)
	if !ok {
		return "", p.fail("source", i18n.M("compare.kind", jsonKind(v), i18n.M("kind.object")))
	}
	kind, err := p.optionalText(src, "source", "type")
	if err != nil {
		return "", err
	}
	switch kind {
	case "":
		return "", nil
	case "Patient":
		return assess.ForMe, nil
	case "RelatedPerson":
		return assess.ForSomeone, nil
	}
	return "", p.fail("source.type", i18n.M("compare.for", safetext.Quote(kind)))
}
