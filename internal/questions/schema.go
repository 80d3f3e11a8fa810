package questions

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/suggest"
)

// The keys of each mapping in schema 1.
var (
	setKeys         = []string{"schema", "id", "version", "title", "intro", "source", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "labels", "translations"}
	requiredSetKeys = setKeys[:len(setKeys)-1]
	questionKeys    = []string{"id", "prompt", "help", "decides", "reasons"}
	reasonKeys      = []string{"yes", "no", "unsure"}
	outcomeNames    = []string{"iop", "residential"}
	outcomeKeys     = []string{"headline", "summary", "next_steps"}
	resourceKeys    = []string{"name", "contact"}
	// A translation has every text of the set, and nothing else.
	translationKeys = []string{"title", "intro", "source", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "labels"}
	translatedQKeys = []string{"prompt", "help", "reasons"}
)

func (p *parser) set(root *yaml.Node) (*assess.Set, []string, error) {
	if err := p.noAliases(root); err != nil {
		return nil, nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, p.fail(root, "", i18n.M("questions.not_map", fileerr.KindName(root)))
	}
	f, err := p.mapping(root, "", setKeys)
	if err != nil {
		return nil, nil, err
	}
	s := &assess.Set{Schema: 1, Lang: i18n.English}
	// Check what is there in the order it is written, so the first error is
	// the first one a person meets reading down the file; then what is
	// missing. Translations are checked last, against the questions.
	for i := 1; i < len(root.Content); i += 2 {
		key, n := root.Content[i-1].Value, root.Content[i]
		if key == "translations" {
			continue
		}
		if err := p.setField(s, key, n); err != nil {
			return nil, nil, err
		}
	}
	for _, key := range requiredSetKeys {
		if _, err := f.require(key); err != nil {
			return nil, nil, err
		}
	}
	// The labels the file gives, before the optional ones are filled in:
	// a translation must give the same.
	given := slices.Collect(maps.Keys(s.Labels))
	fillLabels(s.Labels, s.Lang)
	if n, ok := f.vals["translations"]; ok {
		if s.Translations, err = p.translations(s, n, given); err != nil {
			return nil, nil, err
		}
	}
	return s, given, nil
}

// setField checks one top-level key of the set and stores its value.
func (p *parser) setField(s *assess.Set, key string, n *yaml.Node) (err error) {
	switch key {
	case "schema":
		return p.schema(n)
	case "id":
		s.ID, err = p.textValue(n, key)
	case "version":
		s.Version, err = p.textValue(n, key)
	case "questions":
		s.Questions, err = p.questions(n)
	case "labels":
		s.Labels, err = p.labels(n, "labels", assess.RequiredLabels)
	default:
		err = p.textField(s, key, key, n)
	}
	return err
}

// textField stores one of the texts a translation gives too; path names it
// in errors.
func (p *parser) textField(s *assess.Set, key, path string, n *yaml.Node) (err error) {
	switch key {
	case "title":
		s.Title, err = p.textValue(n, path)
	case "intro":
		s.Intro, err = p.textValue(n, path)
	case "source":
		s.Source, err = p.textValue(n, path)
	case "disclaimer":
		s.Disclaimer, err = p.textValue(n, path)
	case "about":
		s.About, err = p.textList(n, path)
	case "caveats":
		s.Caveats, err = p.textList(n, path)
	case "outcomes":
		s.Outcomes, err = p.outcomes(n, path)
	case "resources":
		s.Resources, err = p.resources(n, path)
	}
	return err
}

// noAliases rejects YAML aliases anywhere in the file. A question file has no
// use for them, and refusing them rules out alias-expansion blow-ups.
func (p *parser) noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return p.fail(n, "", i18n.M("questions.alias", n.Value))
	}
	for _, c := range n.Content {
		if err := p.noAliases(c); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) questions(n *yaml.Node) ([]assess.Question, error) {
	items, err := p.list(n, "questions")
	if err != nil {
		return nil, err
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
		if q.Help, err = qf.text("help"); err != nil {
			return nil, err
		}
		if q.Decides, err = qf.boolean("decides", true); err != nil {
			return nil, err
		}
		if q.Reasons, err = p.reasons(qf); err != nil {
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
			if k.Value == "id" && v.Kind == yaml.ScalarNode && idPattern.MatchString(v.Value) {
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
	case !idPattern.MatchString(id):
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
		if o.NextSteps, err = xf.textList("next_steps"); err != nil {
			return nil, err
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
		rs = append(rs, r)
	}
	return rs, nil
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

// translations reads the translations section: for each language, every
// text of the set. A translation that leaves a text out is an error that
// names it, so that no one reads half a set in their language.
func (p *parser) translations(base *assess.Set, n *yaml.Node, labels []string) (map[i18n.Lang]*assess.Set, error) {
	var names []string
	for _, l := range i18n.Langs[1:] {
		names = append(names, string(l))
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i]; {
			case k.Value == string(i18n.English):
				return nil, p.fail(k, "translations", i18n.M("questions.lang_en"))
			case !slices.Contains(names, k.Value):
				return nil, p.fail(k, "translations", i18n.M("questions.lang", k.Value, i18n.Names(i18n.English)))
			}
		}
	}
	tf, err := p.mapping(n, "translations", names)
	if err != nil {
		return nil, err
	}
	out := map[i18n.Lang]*assess.Set{}
	for _, name := range names {
		if tn, ok := tf.vals[name]; ok {
			if out[i18n.Lang(name)], err = p.translation(base, tn, tf.name(name), i18n.Lang(name), labels); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func (p *parser) translation(base *assess.Set, n *yaml.Node, path string, l i18n.Lang, labels []string) (*assess.Set, error) {
	f, err := p.mapping(n, path, translationKeys)
	if err != nil {
		return nil, err
	}
	t := *base
	t.Lang, t.Translations = l, nil
	for i := 1; i < len(n.Content); i += 2 {
		key, v := n.Content[i-1].Value, n.Content[i]
		switch key {
		case "questions":
			t.Questions, err = p.translatedQuestions(base, v, f.name(key))
		case "labels":
			t.Labels, err = p.labels(v, f.name(key), slices.Concat(assess.RequiredLabels, labels))
		default:
			err = p.textField(&t, key, f.name(key), v)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, key := range translationKeys {
		if _, err := f.require(key); err != nil {
			return nil, err
		}
	}
	fillLabels(t.Labels, l)
	return &t, nil
}

// translatedQuestions reads a translation's questions, keyed by id: each of
// the set's questions, with its prompt, help and reasons.
func (p *parser) translatedQuestions(base *assess.Set, n *yaml.Node, path string) ([]assess.Question, error) {
	qf, err := p.mapping(n, path, base.IDs())
	if err != nil {
		return nil, err
	}
	qs := make([]assess.Question, len(base.Questions))
	for i, bq := range base.Questions {
		v, err := qf.require(bq.ID)
		if err != nil {
			return nil, err
		}
		f, err := p.mapping(v, qf.name(bq.ID), translatedQKeys)
		if err != nil {
			return nil, err
		}
		q := bq
		if q.Prompt, err = f.text("prompt"); err != nil {
			return nil, err
		}
		if q.Help, err = f.text("help"); err != nil {
			return nil, err
		}
		if q.Reasons, err = p.reasons(f); err != nil {
			return nil, err
		}
		qs[i] = q
	}
	return qs, nil
}

// fields is a validated mapping: each known key that is present, by name.
type fields struct {
	p    *parser
	node *yaml.Node
	// path names the mapping in the file, as YAML keys; "" at the top.
	path string
	keys map[string]*yaml.Node
	vals map[string]*yaml.Node
}

// name is the path of key inside the mapping.
func (f *fields) name(key string) string {
	if f.path == "" {
		return key
	}
	return f.path + "." + key
}

// mapping checks that n is a mapping whose keys are all in known, each once.
func (p *parser) mapping(n *yaml.Node, path string, known []string) (*fields, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.fail(n, path, i18n.M("key.not_map", fileerr.KindName(n)))
	}
	f := &fields{p: p, node: n, path: path, keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return nil, p.fail(k, path, i18n.M("key.not_text", known[0]))
		}
		if !slices.Contains(known, k.Value) {
			if s := suggest.Closest(k.Value, known); s != "" {
				return nil, p.fail(k, path, i18n.M("key.unknown_near", k.Value, s))
			}
			return nil, p.fail(k, path, i18n.M("key.unknown", k.Value, strings.Join(known, ", ")))
		}
		if prev, dup := f.keys[k.Value]; dup {
			return nil, p.fail(k, path, i18n.M("key.twice", k.Value, prev.Line))
		}
		f.keys[k.Value], f.vals[k.Value] = k, v
	}
	return f, nil
}

func (f *fields) require(key string) (*yaml.Node, error) {
	v, ok := f.vals[key]
	if !ok {
		return nil, f.p.fail(f.node, f.path, i18n.M("key.missing", key))
	}
	return v, nil
}

// text returns a required, non-empty string whose characters are safe to show.
func (f *fields) text(key string) (string, error) {
	n, err := f.require(key)
	if err != nil {
		return "", err
	}
	return f.p.textValue(n, f.name(key))
}

func (p *parser) textValue(n *yaml.Node, path string) (string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "", p.fail(n, path, i18n.M("value.empty"))
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		if n.Kind == yaml.ScalarNode {
			return "", p.fail(n, path, i18n.M("value.quote", fileerr.KindName(n), n.Value))
		}
		return "", p.fail(n, path, i18n.M("value.not_text", fileerr.KindName(n)))
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return "", p.fail(n, path, i18n.M("value.empty"))
	}
	if desc, r := safetext.Find(s); desc != "" {
		return "", p.fail(n, path, badChar(desc, r))
	}
	return s, nil
}

// list returns the items of a non-empty sequence.
func (p *parser) list(n *yaml.Node, path string) ([]*yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.fail(n, path, i18n.M("value.not_list", fileerr.KindName(n)))
	}
	if len(n.Content) == 0 {
		return nil, p.fail(n, path, i18n.M("value.empty_list"))
	}
	return n.Content, nil
}

func (p *parser) textList(n *yaml.Node, path string) ([]string, error) {
	items, err := p.list(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(items))
	for i, item := range items {
		if out[i], err = p.textValue(item, fmt.Sprintf("%s[%d]", path, i+1)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// textList returns a required list of texts.
func (f *fields) textList(key string) ([]string, error) {
	n, err := f.require(key)
	if err != nil {
		return nil, err
	}
	return f.p.textList(n, f.name(key))
}

func (f *fields) boolean(key string, def bool) (bool, error) {
	n, ok := f.vals[key]
	if !ok {
		return def, nil
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return false, f.p.fail(n, f.name(key), i18n.M("value.not_bool", fileerr.KindName(n)))
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		return false, f.p.fail(n, f.name(key), i18n.M("value.not_bool", strconv.Quote(n.Value)))
	}
	return b, nil
}

func (p *parser) schema(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Value != "1" {
		return p.fail(n, "", i18n.M("questions.schema", describeValue(n)))
	}
	return nil
}

func describeValue(n *yaml.Node) any {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return fileerr.KindName(n)
}
