package report

import (
	"fmt"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
)

// The FHIRPath of the Questionnaire's calculated items (SDC
// calculatedExpression). A form tool evaluates each with %resource as the
// QuestionnaireResponse being filled in and %qitem as the item it is on, so
// the result changes as the person answers, by the same rule as
// assess.Evaluate. internal/report/fhirpath_test.go runs them in
// fhirpath.js, the engine LHC-Forms uses, for every combination of answers.

// fhirpathString writes s as a FHIRPath string literal.
func fhirpathString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// answerCodePath is the code of the answer to a question in the response.
func answerCodePath(id string) string {
	return "%resource.item.where(linkId = " + fhirpathString(id) + ").answer.value.code"
}

// resultExpression gives the recommendation's coding from the result
// item's own answer options once every question is answered (a result
// needs every answer, as Evaluate does): iop when every question that
// decides is answered yes, else residential. Before that it gives nothing,
// so a form shows no result for half an answer sheet. %qitem is not a
// typed resource in every engine (fhirpath.js reads it as plain JSON), so
// the options are read as valueCoding, not value.
func resultExpression(s *assess.Set) string {
	var answered, yes []string
	for _, q := range s.Questions {
		answered = append(answered, answerCodePath(q.ID)+".exists()")
		if q.Decides {
			yes = append(yes, answerCodePath(q.ID)+" = "+fhirpathString(string(assess.Yes)))
		}
	}
	if len(yes) == 0 {
		yes = []string{"true"}
	}
	return "iif(" + strings.Join(answered, " and ") +
		", %qitem.answerOption.valueCoding.where(code = iif(" + strings.Join(yes, " and ") + ", " +
		fhirpathString(string(assess.IOP)) + ", " + fhirpathString(string(assess.Residential)) + ")))"
}

// urgentExpression gives the urgent items of the answers given, in the
// set's order, each once, as Evaluate does; "" when no question has any.
// Each question's part gives its items for the answer given, or nothing;
// union keeps the first of two equal items, as Evaluate does.
func urgentExpression(s *assess.Set) string {
	var parts []string
	for _, q := range s.Questions {
		part := ""
		for i := len(assess.Answers) - 1; i >= 0; i-- {
			a := assess.Answers[i]
			if len(q.Urgent[a]) == 0 {
				continue
			}
			items := make([]string, len(q.Urgent[a]))
			for j, it := range q.Urgent[a] {
				items[j] = fhirpathString(it)
			}
			u := items[0]
			if len(items) > 1 {
				u = "(" + strings.Join(items, " | ") + ")"
			}
			cond := answerCodePath(q.ID) + " = " + fhirpathString(string(a))
			if part == "" {
				part = "iif(" + cond + ", " + u + ")"
			} else {
				part = "iif(" + cond + ", " + u + ", " + part + ")"
			}
		}
		if part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	expr := parts[0]
	for _, p := range parts[1:] {
		expr += ".union(" + p + ")"
	}
	return expr
}

// calculated is the SDC extension that makes an item's answer the value of
// a FHIRPath expression.
func calculated(expr string) fhirExtension {
	return fhirExtension{URL: calculatedExpression, ValueExpression: &fhirExpression{Language: "text/fhirpath", Expression: expr}}
}
