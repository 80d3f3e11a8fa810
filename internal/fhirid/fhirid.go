// Package fhirid holds the names iopfit gives things in FHIR: the canonical
// URLs of its code systems and extensions, the linkIds of the items it adds
// to a Questionnaire, and the Questionnaire's own id, URL and canonical
// reference. The FHIR output (report) writes them and the re-check
// (earlier) reads them back; one package keeps the two from drifting, and
// spares earlier an import of the renderers.
package fhirid

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"

	"github.com/iopfit/iopfit/internal/assess"
)

// Base is where iopfit's FHIR definitions are published: the fhir/
// folder of the repository, read as raw files, so that each definition's
// canonical URL is the address of the file that holds it. The tests check
// that every URL of iopfit's own that an output uses is defined there.
const Base = "https://raw.githubusercontent.com/iopfit/iopfit/main/fhir"

// The canonical URLs of iopfit's FHIR definitions, each a file in fhir/.
// docs/scripting-and-clinics.md, "For clinics and integrators", documents each.
const (
	// AnswerSystem is the code system of the three answers (yes, no, unsure).
	AnswerSystem = Base + "/CodeSystem-answer.json"
	// RecommendationSystem is the code system of the two recommendations.
	RecommendationSystem = Base + "/CodeSystem-recommendation.json"
	// QuestionSystem codes a question item with its question's id.
	QuestionSystem = Base + "/CodeSystem-question.json"
	// ItemSystem codes the items the Questionnaire calculates.
	ItemSystem = Base + "/CodeSystem-item.json"
	// DecidesExtension marks a question item that can change the result.
	DecidesExtension = Base + "/StructureDefinition-decides.json"
	// RecommendationExtension carries the result on a QuestionnaireResponse.
	RecommendationExtension = Base + "/StructureDefinition-recommendation.json"
)

// The linkIds of the items iopfit adds to a set's questions. A question's
// item has the question's id as its linkId, and a question id is
// kebab-case, so it never holds a colon; every other linkId does. Those of
// iopfit's own items start with "iopfit:", and a help item's is its
// question's id and ":help", a suffix none of iopfit's own items has: no
// two items can share a linkId, whatever the set's ids are.
const (
	// IntroLinkID is the display item that shows the set's intro.
	IntroLinkID = "iopfit:intro"
	// HelpNowLinkID is the group of the set's help lines (its resources).
	HelpNowLinkID = "iopfit:help-now"
	// ResultLinkID is the calculated item whose answer is the recommendation.
	ResultLinkID = "iopfit:result"
	// UrgentLinkID is the calculated item whose answers are the urgent texts.
	UrgentLinkID = "iopfit:urgent"
)

// IsID reports whether id is what FHIR allows as a resource id:
// [A-Za-z0-9.-]{1,64}. (As a regular expression, the 64 repeats are
// compiled at every start, scripted or not: 765 allocations.)
func IsID(id string) bool {
	if len(id) < 1 || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// QuestionnaireID is the id of the set's Questionnaire: the set's id and
// its language, such as "iopfit-es", so that each language of a set is a
// resource of its own and they can be stored side by side. A set id that
// could not make a FHIR id (which the loader refuses) gets one made from
// its digest instead, still one per set and language.
func QuestionnaireID(s assess.SetInfo) string {
	id := s.ID + "-" + s.Lang
	if IsID(id) {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	return "set-" + hex.EncodeToString(sum[:8])
}

// QuestionnaireURL is the canonical URL of the set's Questionnaire in its
// language. It names the Questionnaire; nothing is published there, since
// the Questionnaire is made from the set that is run.
func QuestionnaireURL(s assess.SetInfo) string {
	return Base + "/Questionnaire/" + QuestionnaireID(s)
}

// Version is the set's version as a canonical reference can carry it
// after its "|": a version with a "|" or a space (which the loader
// refuses) is escaped rather than allowed to break the reference.
func Version(v string) string {
	return url.PathEscape(v)
}

// QuestionnaireCanonical is the reference to the set's Questionnaire,
// "url|version", that a QuestionnaireResponse names.
func QuestionnaireCanonical(s assess.SetInfo) string {
	return QuestionnaireURL(s) + "|" + Version(s.Version)
}
