package load

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// The keys of each mapping in schema 1.
var (
	setKeys = []string{"schema", "id", "version", "title", "intro", "source", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "sources", "labels"}
	// optionalSetKeys are the texts of the answer added in schema 1 after
	// its first release: a set written before them still loads.
	optionalSetKeys = []string{"intro_short", "emergency", "stay_safe", "keep_in_mind", "ask"}
	questionKeys    = []string{"id", "prompt", "help", "topic", "decides", "reasons", "urgent", "steps", "headline", "options", "outcome_about"}
	reasonKeys      = []string{"yes", "no", "unsure"}
	outcomeNames    = []string{"iop", "residential"}
	outcomeKeys     = []string{"headline", "summary", "why", "next_steps", "about"}
	resourceKeys    = []string{"name", "contact", "short", "in_urgent"}
	sourceKeys      = []string{"name", "url", "no_url", "checked"}
	// notYesKeys are the answers a deciding question's urgent texts, steps
	// and headlines may be given for: a yes on a deciding question needs
	// none of them.
	notYesKeys = []string{"no", "unsure"}
)

// maxIDLen keeps flags typeable and help aligned.
const maxIDLen = 40

// Limits on a set's size, so that a file can only ask what a person can
// answer in one sitting: 10,000 questions took 4.5 s to draw and 2 s a key.
const (
	MaxQuestions = 40
	// MaxPrompt is the longest question; it is read on one or two lines.
	MaxPrompt = 300
	// MaxText is the longest of any other text (a help note, a reason).
	MaxText = 4000
)

// A set's id and version name it outside iopfit too: the FHIR Questionnaire's
// canonical URL is .../Questionnaire/<id>, and a response points at it as
// <url>|<version>. So the id is kebab-case ASCII, and the version holds only
// the characters a URL carries as they are (RFC 3986's unreserved), which
// rules out spaces and the | that would split url|version (isKebab and
// isUnreserved). Both are short: 64 characters is FHIR's longest id, and
// maxSetName bounds a set's id and version.
const maxSetName = 64

// setName reads the set's id or version (key) into s.
func (p *parser) setName(s *assess.Set, key string, n *yaml.Node) error {
	v, err := p.textValue(n, key)
	if err != nil {
		return err
	}
	if err := p.shortText(n, key, v, maxSetName); err != nil {
		return err
	}
	if key == "id" {
		if !isKebab(v) {
			return p.fail(n, key, i18n.M("questions.set_id", safetext.Quote(v)))
		}
		s.ID = v
		return nil
	}
	if !isUnreserved(v) {
		return p.fail(n, key, i18n.M("questions.version", safetext.Quote(v)))
	}
	s.Version = v
	return nil
}

// ValidVersion is true for a set version the loader accepts, and so for
// every version iopfit writes in a result: a plain ASCII name of at most
// 64 characters, with nothing that would break the FHIR canonical URL.
func ValidVersion(v string) bool {
	return len(v) <= maxSetName && isUnreserved(v)
}

// shortText fails when text is longer than limit characters.
func (p *parser) shortText(n *yaml.Node, path, text string, limit int) error {
	if c := utf8.RuneCountInString(text); c > limit {
		return p.fail(n, path, i18n.M("value.too_long", c, limit))
	}
	return nil
}

// set reads a question set's root mapping. It returns the set and the labels
// its file gives, before the optional ones are filled in: a translation must
// give the same.
func (p *parser) set(root *yaml.Node) (*assess.Set, []string, error) {
	if root.Kind != yaml.MappingNode {
		return nil, nil, p.fail(root, "", i18n.M("questions.not_map", kindName(root)))
	}
	f, err := p.mapping(root, "", slices.Concat(setKeys, optionalSetKeys))
	if err != nil {
		return nil, nil, err
	}
	s := &assess.Set{Lang: string(i18n.English), File: p.file}
	// Check what is there in the order it is written, so the first error is
	// the first one a person meets reading down the file; then what is
	// missing.
	for i := 1; i < len(root.Content); i += 2 {
		if err := p.setField(s, root.Content[i-1].Value, root.Content[i]); err != nil {
			return nil, nil, err
		}
	}
	for _, key := range setKeys {
		if _, err := f.require(key); err != nil {
			return nil, nil, err
		}
	}
	given := slices.Collect(maps.Keys(s.Labels))
	fillLabels(s.Labels, i18n.English)
	return s, given, nil
}

// setField checks one top-level key of the set and stores its value.
func (p *parser) setField(s *assess.Set, key string, n *yaml.Node) (err error) {
	switch key {
	case "schema":
		return p.schema(n)
	case "id", "version":
		return p.setName(s, key, n)
	case "questions":
		s.Questions, err = p.questions(n)
	case "labels":
		s.Labels, err = p.labels(n, "labels", assess.RequiredLabels)
	case "sources":
		s.Sources, err = p.sources(n, key)
	default:
		err = p.textField(s, key, key, n)
	}
	return err
}

// textField stores one of the texts a translation gives too; path names it
// in errors.
func (p *parser) textField(s *assess.Set, key, path string, n *yaml.Node) (err error) {
	texts := map[string]*string{"title": &s.Title, "intro": &s.Intro, "intro_short": &s.IntroShort, "source": &s.Source, "disclaimer": &s.Disclaimer, "emergency": &s.Emergency}
	lists := map[string]*[]string{"about": &s.About, "caveats": &s.Caveats, "stay_safe": &s.StaySafe, "keep_in_mind": &s.KeepInMind, "ask": &s.Ask}
	switch {
	case texts[key] != nil:
		*texts[key], err = p.textValue(n, path)
	case lists[key] != nil:
		*lists[key], err = p.textList(n, path)
		if err == nil && key == "keep_in_mind" && len(s.KeepInMind) > assess.MaxKeepInMind {
			err = p.fail(n, path, i18n.M("questions.too_many_items", len(s.KeepInMind), assess.MaxKeepInMind))
		}
	case key == "outcomes":
		s.Outcomes, err = p.outcomes(n, path)
	case key == "resources":
		s.Resources, err = p.resources(n, path)
	}
	return err
}

func (p *parser) questions(n *yaml.Node) ([]assess.Question, error) {
	items, err := p.list(n, "questions")
	if err != nil {
		return nil, err
	}
	if len(items) > MaxQuestions {
		return nil, p.fail(n, "questions", i18n.M("questions.too_many", len(items), MaxQuestions))
	}
	seen := map[string]int{}
	var qs []assess.Question
	for i, item := range items {
		qf, err := p.mapping(item, questionPath(item, i), questionKeys)
		if err != nil {
			return nil, err
		}
		q := assess.Question{Decides: true}
		if q.ID, err = qf.text("id"); err != nil {
			return nil, err
		}
		idNode := qf.vals["id"]
		if err := p.checkID(idNode, q.ID); err != nil {
			return nil, err
		}
		if first, dup := seen[q.ID]; dup {
			return nil, p.fail(idNode, "", i18n.M("questions.dup_id", q.ID, first))
		}
		seen[q.ID] = idNode.Line
		if q.Prompt, err = qf.text("prompt"); err != nil {
			return nil, err
		}
		if err := p.shortText(qf.vals["prompt"], qf.name("prompt"), q.Prompt, MaxPrompt); err != nil {
			return nil, err
		}
		if q.Help, err = qf.text("help"); err != nil {
			return nil, err
		}
		if q.Decides, err = qf.boolean("decides", true); err != nil {
			return nil, err
		}
		if err := p.questionTexts(&q, qf, nil); err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	if !slices.ContainsFunc(qs, func(q assess.Question) bool { return q.Decides }) {
		return nil, p.fail(n, "questions", i18n.M("questions.no_decide"))
	}
	return qs, nil
}

// questionPath names a question in errors: by its id when it has a usable
// one, since that is what a person searches the file for, else by position.
func questionPath(n *yaml.Node, i int) string {
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			if k.Value == "id" && v.Kind == yaml.ScalarNode && isQuestionID(v.Value) {
				return fmt.Sprintf("questions[%s]", v.Value)
			}
		}
	}
	return fmt.Sprintf("questions[%d]", i+1)
}

func (p *parser) checkID(n *yaml.Node, id string) error {
	switch {
	case len(id) > maxIDLen:
		return p.fail(n, "", i18n.M("questions.id_long", id, maxIDLen))
	case !isQuestionID(id):
		return p.fail(n, "", i18n.M("questions.id_kebab", id))
	case slices.Contains(ReservedIDs, id):
		return p.fail(n, "", i18n.M("questions.id_flag", id))
	}
	return nil
}

func (p *parser) reasons(qf *fields) (map[assess.Answer]string, error) {
	n, err := qf.require("reasons")
	if err != nil {
		return nil, err
	}
	rf, err := p.mapping(n, qf.name("reasons"), reasonKeys)
	if err != nil {
		return nil, err
	}
	reasons := map[assess.Answer]string{}
	for _, a := range assess.Answers {
		if reasons[a], err = rf.text(string(a)); err != nil {
			return nil, err
		}
	}
	return reasons, nil
}

// questionTexts reads the texts of a question that a translation gives
// too: topic, reasons, urgent and steps (prompt and help are read first, by
// the caller). base is the set's question when qf is a translation's, so
// that the translation gives the same texts; nil when qf is the set's own.
func (p *parser) questionTexts(q *assess.Question, qf *fields, base *assess.Question) (err error) {
	_, hasTopic := qf.vals["topic"]
	switch {
	case hasTopic:
		if q.Topic, err = qf.text("topic"); err != nil {
			return err
		}
	case base == nil && q.Decides:
		return p.fail(qf.node, qf.path, i18n.M("questions.topic"))
	case base != nil && base.Topic != "":
		_, err = qf.require("topic")
		return err
	}
	if q.Reasons, err = p.reasons(qf); err != nil {
		return err
	}
	if base != nil {
		// A translation gives exactly the answers its set's question does.
		if q.Urgent, err = answerMap(p, qf, "urgent", answerKeys(base.Urgent), true, p.textItems); err != nil {
			return err
		}
		if q.Options, err = answerMap(p, qf, "options", answerKeys(base.Options), true, p.textValue); err != nil {
			return err
		}
		if q.Headline, err = answerMap(p, qf, "headline", answerKeys(base.Headline), true, p.textValue); err != nil {
			return err
		}
		q.Steps, err = answerMap(p, qf, "steps", answerKeys(base.Steps), true, p.textList)
		return err
	}
	allowed := reasonKeys
	if q.Decides {
		allowed = notYesKeys
	}
	if q.Urgent, err = answerMap(p, qf, "urgent", notYesKeys, false, p.textItems); err != nil {
		return err
	}
	if err := p.options(q, qf); err != nil {
		return err
	}
	// A headline stands in for the outcome's, which only a deciding
	// answer can choose.
	if k, ok := qf.keys["headline"]; ok && !q.Decides {
		return p.fail(k, qf.path, i18n.M("questions.headline"))
	}
	if q.Headline, err = answerMap(p, qf, "headline", notYesKeys, false, p.textValue); err != nil {
		return err
	}
	q.Steps, err = answerMap(p, qf, "steps", allowed, false, p.textList)
	return err
}

// options reads a question's own words for its answers: all three or
// none, since a page that names two answers its own way and one the set's
// way reads as if the third meant something else. A question that decides
// may also say that its not-yes answers point away from the outcome's care.
func (p *parser) options(q *assess.Question, qf *fields) (err error) {
	if q.Options, err = answerMap(p, qf, "options", reasonKeys, false, p.textValue); err != nil {
		return err
	}
	if q.Options != nil {
		f, _ := p.mapping(qf.vals["options"], qf.name("options"), reasonKeys)
		for _, a := range reasonKeys {
			if _, err := f.require(a); err != nil {
				return err
			}
		}
		for a, o := range q.Options {
			if err := p.shortText(f.vals[string(a)], f.name(string(a)), o, MaxPrompt); err != nil {
				return err
			}
		}
	}
	about, err := qf.boolean("outcome_about", true)
	q.NoOutcomeAbout = !about
	return err
}

// textItems reads what to do now: one text, or a list of short ones.
func (p *parser) textItems(n *yaml.Node, path string) ([]string, error) {
	if n.Kind == yaml.SequenceNode {
		return p.textList(n, path)
	}
	s, err := p.textValue(n, path)
	if err != nil {
		return nil, err
	}
	return []string{s}, nil
}

// answerKeys lists the answers m has texts for, in the order of the answers.
func answerKeys[T any](m map[assess.Answer]T) []string {
	var keys []string
	for _, a := range assess.Answers {
		if _, ok := m[a]; ok {
			keys = append(keys, string(a))
		}
	}
	return keys
}

// answerMap reads an optional mapping from answers (among allowed) to
// values read by read. exact is for a translation: it gives every answer in
// allowed and no other, and the key itself only when allowed is not empty.
func answerMap[T any](p *parser, qf *fields, key string, allowed []string, exact bool, read func(*yaml.Node, string) (T, error)) (map[assess.Answer]T, error) {
	n, ok := qf.vals[key]
	switch {
	case !ok && exact && len(allowed) > 0:
		_, err := qf.require(key)
		return nil, err
	case !ok:
		return nil, nil
	case exact && len(allowed) == 0:
		return nil, p.fail(qf.keys[key], qf.path, i18n.M("questions.translation_extra", key))
	}
	f, err := p.mapping(n, qf.name(key), allowed)
	if err != nil {
		return nil, err
	}
	if len(f.vals) == 0 {
		return nil, p.fail(n, qf.name(key), i18n.M("value.empty_map"))
	}
	out := map[assess.Answer]T{}
	for _, a := range allowed {
		v, given := f.vals[a]
		if !given {
			if !exact {
				continue
			}
			if _, err := f.require(a); err != nil {
				return nil, err
			}
		}
		if out[assess.Answer(a)], err = read(v, f.name(a)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (p *parser) outcomes(n *yaml.Node, path string) (map[assess.Recommendation]assess.Outcome, error) {
	of, err := p.mapping(n, path, outcomeNames)
	if err != nil {
		return nil, err
	}
	out := map[assess.Recommendation]assess.Outcome{}
	for _, name := range outcomeNames {
		n, err := of.require(name)
		if err != nil {
			return nil, err
		}
		xf, err := p.mapping(n, of.name(name), outcomeKeys)
		if err != nil {
			return nil, err
		}
		var o assess.Outcome
		if o.Headline, err = xf.text("headline"); err != nil {
			return nil, err
		}
		if o.Summary, err = xf.text("summary"); err != nil {
			return nil, err
		}
		if v, ok := xf.vals["why"]; ok {
			if o.Why, err = p.textValue(v, xf.name("why")); err != nil {
				return nil, err
			}
		}
		if o.NextSteps, err = xf.textList("next_steps"); err != nil {
			return nil, err
		}
		if v, ok := xf.vals["about"]; ok {
			if o.About, err = p.textList(v, xf.name("about")); err != nil {
				return nil, err
			}
		}
		out[assess.Recommendation(name)] = o
	}
	return out, nil
}

func (p *parser) resources(n *yaml.Node, path string) ([]assess.Resource, error) {
	items, err := p.list(n, path)
	if err != nil {
		return nil, err
	}
	var rs []assess.Resource
	for i, item := range items {
		rf, err := p.mapping(item, fmt.Sprintf("%s[%d]", path, i+1), resourceKeys)
		if err != nil {
			return nil, err
		}
		var r assess.Resource
		if r.Name, err = rf.text("name"); err != nil {
			return nil, err
		}
		if r.Contact, err = rf.text("contact"); err != nil {
			return nil, err
		}
		if v, ok := rf.vals["short"]; ok {
			if r.Short, err = p.textValue(v, rf.name("short")); err != nil {
				return nil, err
			}
		}
		if r.InUrgent, err = rf.boolean("in_urgent", false); err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// sources reads the list of documents the set's facts were checked against:
// each with a name, the day it was checked and, when it has one, a web
// address.
func (p *parser) sources(n *yaml.Node, path string) ([]assess.Source, error) {
	items, err := p.list(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]assess.Source, len(items))
	for i, item := range items {
		sf, err := p.mapping(item, fmt.Sprintf("%s[%d]", path, i+1), sourceKeys)
		if err != nil {
			return nil, err
		}
		src := &out[i]
		if src.Name, err = sf.text("name"); err != nil {
			return nil, err
		}
		if src.URL, err = p.sourceURL(sf); err != nil {
			return nil, err
		}
		v, err := sf.require("checked")
		if err != nil {
			return nil, err
		}
		if src.Checked, err = p.date(v, sf.name("checked")); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sourceURL reads a source's web address. Every source has one, so that a
// reader can check the fact, unless it says no_url: true: an article read in
// print has none, and saying so is a choice someone made, not a gap.
func (p *parser) sourceURL(sf *fields) (string, error) {
	v, hasURL := sf.vals["url"]
	n, hasNoURL := sf.vals["no_url"]
	switch {
	case hasURL && hasNoURL:
		return "", p.fail(sf.keys["no_url"], sf.path, i18n.M("value.url_and_no_url"))
	case hasNoURL:
		if none, err := sf.boolean("no_url", false); err != nil || !none {
			if err == nil {
				err = p.fail(n, sf.name("no_url"), i18n.M("value.no_url_true"))
			}
			return "", err
		}
		return "", nil
	case !hasURL:
		return "", p.fail(sf.node, sf.path, i18n.M("value.url_missing"))
	}
	s, err := p.textValue(v, sf.name("url"))
	if err != nil {
		return "", err
	}
	if u, err := url.Parse(s); err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s, " \t") {
		return "", p.fail(v, sf.name("url"), i18n.M("value.url", strconv.Quote(s)))
	}
	return s, nil
}

// date reads a day written YYYY-MM-DD, quoted or not (YAML reads an
// unquoted one as a timestamp).
func (p *parser) date(n *yaml.Node, path string) (string, error) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "!!timestamp") {
		if _, err := time.Parse(time.DateOnly, n.Value); err == nil {
			return n.Value, nil
		}
	}
	return "", p.fail(n, path, i18n.M("value.date", describeValue(n)))
}

// labels reads a labels mapping, in which each key of need must be given.
// A set needs the required labels; a translation needs every label its set
// gives, so that no label is left in the set's own language.
func (p *parser) labels(n *yaml.Node, path string, need []string) (assess.Labels, error) {
	known := slices.Concat(assess.RequiredLabels, assess.OptionalLabels)
	lf, err := p.mapping(n, path, known)
	if err != nil {
		return nil, err
	}
	labels := assess.Labels{}
	for _, key := range known {
		if _, given := lf.vals[key]; !given && !slices.Contains(need, key) {
			continue
		}
		if labels[key], err = lf.text(key); err != nil {
			return nil, err
		}
	}
	if b, ok := labels["because"]; ok && strings.Count(b, assess.TopicsPlaceholder) != 1 {
		return nil, p.fail(lf.vals["because"], lf.name("because"), i18n.M("label.because_topics", assess.TopicsPlaceholder))
	}
	for _, key := range assess.OptionalLabels {
		marks := assess.LabelPlaceholders[key]
		if v, ok := labels[key]; ok && slices.ContainsFunc(marks, func(m string) bool { return strings.Count(v, m) != 1 }) {
			return nil, p.fail(lf.vals[key], lf.name(key), i18n.M("label.placeholders", strings.Join(marks, " ")))
		}
	}
	return labels, nil
}

// fillLabels gives every optional label the set leaves out its text in l.
func fillLabels(labels assess.Labels, l i18n.Lang) {
	for _, key := range assess.OptionalLabels {
		if _, ok := labels[key]; !ok {
			labels[key] = i18n.T(l, "label."+key)
		}
	}
}

func (p *parser) schema(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) == "1" {
		return p.fail(n, "", i18n.M("questions.schema_quoted"))
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Value != "1" {
		return p.fail(n, "", i18n.M("questions.schema", describeValue(n)))
	}
	return nil
}
