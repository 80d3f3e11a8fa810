// Package earlier reads back an earlier result of iopfit check, the -o json
// output or the -o fhir QuestionnaireResponse, for check --compare. It
// reads bytes and returns an assess.Earlier; load.Read brings the bytes in.
package earlier

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/kept"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// Read reads in, an earlier result of set to compare with, through the one
// bounded, cancellable reader.
func Read(ctx context.Context, in load.Input, set *assess.Set) (assess.Earlier, error) {
	data, err := load.Read(ctx, in, load.KindEarlier)
	if err != nil {
		return assess.Earlier{}, err
	}
	return Parse(data, in.Name, set)
}

// Parse reads data, an earlier result of set, as iopfit wrote it.
// What it is, JSON result or FHIR response, is told by its content
// (resourceType), never by the file's name. name is used in errors. The
// result must be of set's id (of any version); every answer and the
// recommendation must be one of iopfit's keys, or the file is refused:
// nothing in it is guessed. A result of set's own version is held to
// today's rule too (see byTodaysRule).
func Parse(data []byte, name string, set *assess.Set) (assess.Earlier, error) {
	// A byte-order mark, which some Windows editors add, is no part of
	// the JSON.
	p := &parser{file: name, data: bytes.TrimPrefix(data, []byte("\ufeff"))}
	if len(data) > load.MaxEarlierSize {
		return assess.Earlier{}, p.failAt(0, 0, i18n.M("compare.too_large", i18n.Size(load.MaxEarlierSize)))
	}
	if load.LooksUTF16(data) {
		return assess.Earlier{}, p.failAt(1, 1, i18n.M("file.utf16"))
	}
	// encoding/json would turn a bad byte into U+FFFD in silence; iopfit
	// writes UTF-8 alone, so a file with one was damaged or changed.
	if line, col, bad := load.InvalidUTF8(data); bad {
		return assess.Earlier{}, p.failAt(line, col, i18n.M("compare.utf8"))
	}
	if data, ok, err := p.kept(); err != nil {
		return assess.Earlier{}, err
	} else if ok {
		p.data = data
	}
	root, err := p.document()
	if err != nil {
		return assess.Earlier{}, err
	}
	obj, ok := root.(map[string]any)
	if !ok {
		return assess.Earlier{}, p.fail("", i18n.M("compare.kind", jsonKind(root), i18n.M("kind.object")))
	}
	var e assess.Earlier
	var s said
	switch rt, fhir := obj["resourceType"]; {
	case fhir:
		kind, err := p.text(rt, "resourceType")
		if err != nil {
			return e, err
		}
		if kind != "QuestionnaireResponse" {
			return e, p.fail("", i18n.M("compare.not_response", safetext.Quote(kind)))
		}
		if e, s, err = p.fhirResponse(obj, set); err != nil {
			return e, err
		}
	default:
		if e, s, err = p.jsonResult(obj, set); err != nil {
			return e, err
		}
	}
	if !answersAny(e.Answers, set) {
		return e, p.fail("", i18n.M("compare.nothing_common", safetext.Quote(set.ID)))
	}
	if e.Version == set.Version {
		if err := p.byTodaysRule(&e, s, set); err != nil {
			return e, err
		}
	}
	return e, nil
}

// answersAny is true when answers holds an answer to a question of set.
func answersAny(answers map[string]assess.Answer, set *assess.Set) bool {
	for id := range answers {
		if _, ok := set.Question(id); ok {
			return true
		}
	}
	return false
}

// jsonResult reads the -o json output: schema_version 1, the set's id,
// the answers by id and the recommendation. Every other key is left as it
// is, since schema 1 may gain keys.
func (p *parser) jsonResult(obj map[string]any, set *assess.Set) (assess.Earlier, said, error) {
	var e assess.Earlier
	s := said{resultAt: "recommendation"}
	v, ok := obj["schema_version"]
	if !ok {
		return e, s, p.fail("", i18n.M("compare.not_result"))
	}
	if n, isNum := v.(json.Number); !isNum || n.String() != "1" {
		return e, s, p.fail("schema_version", i18n.M("compare.schema", describeJSON(v)))
	}
	qs, err := p.object(obj, "", "question_set")
	if err != nil {
		return e, s, err
	}
	if e.SetID, err = p.textField(qs, "question_set", "id"); err != nil {
		return e, s, err
	}
	if e.SetID != set.ID {
		return e, s, p.fail("", i18n.M("compare.other_set", safetext.Quote(e.SetID), safetext.Quote(set.ID)))
	}
	// iopfit always writes the version: without one, or with one iopfit
	// could not have written, the file would escape today's rule.
	if e.Version, err = p.textField(qs, "question_set", "version"); err != nil {
		return e, s, err
	}
	if !load.ValidVersion(e.Version) {
		return e, s, p.fail("question_set.version", i18n.M("compare.version"))
	}
	if s.lang, err = p.optionalText(qs, "question_set", "lang"); err != nil {
		return e, s, err
	}
	if s.headline, err = p.optionalText(obj, "", "headline"); err != nil {
		return e, s, err
	}
	who, err := p.optionalText(obj, "", "for")
	if err != nil {
		return e, s, err
	}
	if e.For, err = p.perspective(who, "for"); err != nil {
		return e, s, err
	}
	list, err := p.listField(obj, "", "answers")
	if err != nil {
		return e, s, err
	}
	e.Answers = make(map[string]assess.Answer, len(list))
	for i, item := range list {
		path := "answers[" + strconv.Itoa(i) + "]"
		a, ok := item.(map[string]any)
		if !ok {
			return e, s, p.fail(path, i18n.M("compare.kind", jsonKind(item), i18n.M("kind.object")))
		}
		id, err := p.textField(a, path, "id")
		if err != nil {
			return e, s, err
		}
		path = itemPath("answers", i, id)
		if _, dup := e.Answers[id]; dup {
			return e, s, p.fail(path, i18n.M("compare.twice", safetext.Quote(id)))
		}
		word, err := p.textField(a, path, "answer")
		if err != nil {
			return e, s, err
		}
		if e.Answers[id], err = p.answer(word, path+".answer"); err != nil {
			return e, s, err
		}
	}
	word, err := p.textField(obj, "", "recommendation")
	if err != nil {
		return e, s, err
	}
	if e.Recommendation, err = p.recommendation(word, "recommendation"); err != nil {
		return e, s, err
	}
	s.shown = []shown{{path: "headline", text: s.headline, result: e.Recommendation, msg: "compare.headline"}}
	return e, s, nil
}

// kept finds, in a handout saved with -o markdown or the form's save, the
// result it keeps at its end (kept.Open), which is then read as a
// JSON result is, and held to the same rules. A file that starts as
// Markdown does (a heading) but keeps none was saved before iopfit kept
// one, or was cut: it is refused with a line that says so.
func (p *parser) kept() ([]byte, bool, error) {
	text := string(bytes.TrimLeft(p.data, jsonSpace))
	if strings.HasPrefix(text, "{") {
		return nil, false, nil
	}
	at := strings.LastIndex(text, kept.Open)
	if at < 0 {
		if strings.HasPrefix(text, "# ") {
			return nil, false, p.fail("", i18n.M("compare.markdown_without"))
		}
		return nil, false, nil
	}
	rest := text[at+len(kept.Open):]
	end := strings.Index(rest, kept.Close)
	if end < 0 || strings.TrimSpace(rest[end+len(kept.Close):]) != "" {
		return nil, false, p.fail("", i18n.M("compare.markdown_without"))
	}
	return []byte(rest[:end]), true, nil
}

// perspective reads whose check a result was, as iopfit writes it; a
// result from before iopfit asked says nothing ("", the person's own).
func (p *parser) perspective(word, path string) (assess.Perspective, error) {
	switch w := assess.Perspective(word); w {
	case "", assess.ForMe, assess.ForSomeone:
		return w, nil
	}
	return "", p.fail(path, i18n.M("compare.for", safetext.Quote(word)))
}

// answer reads one of iopfit's answer keys, exactly as iopfit writes it.
func (p *parser) answer(word, path string) (assess.Answer, error) {
	switch a := assess.Answer(word); a {
	case assess.Yes, assess.No, assess.Unsure:
		return a, nil
	}
	return "", p.fail(path, i18n.M("compare.answer", safetext.Quote(word)))
}

// recommendation reads one of iopfit's recommendation keys.
func (p *parser) recommendation(word, path string) (assess.Recommendation, error) {
	switch r := assess.Recommendation(word); r {
	case assess.IOP, assess.Residential:
		return r, nil
	}
	return "", p.fail(path, i18n.M("compare.recommendation", safetext.Quote(word)))
}
