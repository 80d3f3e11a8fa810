package questions

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/suggest"
)

// The keys of each mapping in schema 1.
var (
	setKeys      = []string{"schema", "id", "version", "title", "intro", "source", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "labels"}
	questionKeys = []string{"id", "prompt", "help", "decides", "reasons"}
	reasonKeys   = []string{"yes", "no", "unsure"}
	outcomeNames = []string{"iop", "residential"}
	outcomeKeys  = []string{"headline", "summary", "next_steps"}
	resourceKeys = []string{"name", "contact"}
)

func (p *parser) set(root *yaml.Node) (*assess.Set, error) {
	if err := p.noAliases(root); err != nil {
		return nil, err
	}
	f, err := p.mapping(root, "the question file", setKeys)
	if err != nil {
		return nil, err
	}
	f.top = true
	s := &assess.Set{Schema: 1}
	text := func(dst *string, key string) func(*yaml.Node) error {
		return func(n *yaml.Node) (err error) {
			*dst, err = p.textValue(n, key)
			return err
		}
	}
	textList := func(dst *[]string, key string) func(*yaml.Node) error {
		return func(n *yaml.Node) (err error) {
			*dst, err = p.textList(n, key)
			return err
		}
	}
	parse := map[string]func(*yaml.Node) error{
		"schema":     p.schema,
		"id":         text(&s.ID, "id"),
		"version":    text(&s.Version, "version"),
		"title":      text(&s.Title, "title"),
		"intro":      text(&s.Intro, "intro"),
		"source":     text(&s.Source, "source"),
		"disclaimer": text(&s.Disclaimer, "disclaimer"),
		"about":      textList(&s.About, "about"),
		"caveats":    textList(&s.Caveats, "caveats"),
		"questions":  func(n *yaml.Node) (err error) { s.Questions, err = p.questions(n); return err },
		"outcomes":   func(n *yaml.Node) (err error) { s.Outcomes, err = p.outcomes(n); return err },
		"resources":  func(n *yaml.Node) (err error) { s.Resources, err = p.resources(n); return err },
		"labels":     func(n *yaml.Node) (err error) { s.Labels, err = p.labels(n); return err },
	}
	// Check what is there in the order it is written, so the first error is
	// the first one a person meets reading down the file; then what is missing.
	for i := 1; i < len(root.Content); i += 2 {
		if err := parse[root.Content[i-1].Value](root.Content[i]); err != nil {
			return nil, err
		}
	}
	for _, key := range setKeys {
		if _, err := f.require(key); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// noAliases rejects YAML aliases anywhere in the file. A question file has no
// use for them, and refusing them rules out alias-expansion blow-ups.
func (p *parser) noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return p.failf(n, "uses an alias (*%s); write the text out in full instead", n.Value)
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
		qf, err := p.mapping(item, questionName(item, i), questionKeys)
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
			return nil, p.failf(idNode, "question id %q is used twice (first on line %d); give each question its own id", q.ID, first)
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
		return nil, p.failf(n, "no question decides the result; set decides: true on at least one")
	}
	return qs, nil
}

// questionName names a question in errors: by its id when it has a usable
// one, since that is what a person searches the file for, else by position.
func questionName(n *yaml.Node, i int) string {
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			if k.Value == "id" && v.Kind == yaml.ScalarNode && idPattern.MatchString(v.Value) {
				return fmt.Sprintf("question %q", v.Value)
			}
		}
	}
	return fmt.Sprintf("question %d", i+1)
}

func (p *parser) checkID(n *yaml.Node, id string) error {
	switch {
	case len(id) > maxIDLen:
		return p.failf(n, "question id %q is longer than %d characters; use a shorter one", id, maxIDLen)
	case !idPattern.MatchString(id):
		return p.failf(n, "question id %q is not kebab-case; use lower-case letters, digits and single hyphens, like stable-home", id)
	case slices.Contains(ReservedIDs, id):
		return p.failf(n, "question id %q is the name of one of iopfit's own flags; choose another id", id)
	}
	return nil
}

func (p *parser) reasons(qf *fields) (map[assess.Answer]string, error) {
	n, err := qf.require("reasons")
	if err != nil {
		return nil, err
	}
	rf, err := p.mapping(n, qf.what+" reasons", reasonKeys)
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

func (p *parser) outcomes(n *yaml.Node) (map[assess.Recommendation]assess.Outcome, error) {
	of, err := p.mapping(n, "outcomes", outcomeNames)
	if err != nil {
		return nil, err
	}
	out := map[assess.Recommendation]assess.Outcome{}
	for _, name := range outcomeNames {
		n, err := of.require(name)
		if err != nil {
			return nil, err
		}
		xf, err := p.mapping(n, "outcome "+name, outcomeKeys)
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

func (p *parser) resources(n *yaml.Node) ([]assess.Resource, error) {
	items, err := p.list(n, "resources")
	if err != nil {
		return nil, err
	}
	var rs []assess.Resource
	for i, item := range items {
		rf, err := p.mapping(item, fmt.Sprintf("resource %d", i+1), resourceKeys)
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

func (p *parser) labels(n *yaml.Node) (assess.Labels, error) {
	known := slices.Concat(assess.RequiredLabels, assess.OptionalLabels)
	lf, err := p.mapping(n, "labels", known)
	if err != nil {
		return nil, err
	}
	labels := assess.Labels{}
	for _, key := range known {
		if _, ok := lf.vals[key]; !ok && !slices.Contains(assess.RequiredLabels, key) {
			continue
		}
		if labels[key], err = lf.text(key); err != nil {
			return nil, err
		}
	}
	return labels, nil
}

// fields is a validated mapping: each known key that is present, by name.
type fields struct {
	p    *parser
	top  bool
	node *yaml.Node
	what string
	keys map[string]*yaml.Node
	vals map[string]*yaml.Node
}

// mapping checks that n is a mapping whose keys are all in known, each once.
func (p *parser) mapping(n *yaml.Node, what string, known []string) (*fields, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.failf(n, "%s must be a mapping of keys to values, not %s", what, fileerr.KindName(n))
	}
	f := &fields{p: p, node: n, what: what, keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return nil, p.failf(k, "%s has a key that is not text; keys are names such as %s", what, known[0])
		}
		if !slices.Contains(known, k.Value) {
			msg := fmt.Sprintf("%s has an unknown key %q", what, k.Value)
			if s := suggest.Closest(k.Value, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known keys are " + strings.Join(known, ", ")
			}
			return nil, p.failf(k, "%s", msg)
		}
		if prev, dup := f.keys[k.Value]; dup {
			return nil, p.failf(k, "%s has the key %q twice (first on line %d); keep one", what, k.Value, prev.Line)
		}
		f.keys[k.Value], f.vals[k.Value] = k, v
	}
	return f, nil
}

func (f *fields) require(key string) (*yaml.Node, error) {
	v, ok := f.vals[key]
	if !ok {
		return nil, f.p.failf(f.node, "%s is missing the required key %q", f.what, key)
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

// name names a key in messages: "title" at the top of the file, and
// `question "stable-home": prompt` below it.
func (f *fields) name(key string) string {
	if f.top {
		return key
	}
	return f.what + ": " + key
}

func (p *parser) textValue(n *yaml.Node, what string) (string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "", p.failf(n, "%s is empty; write the text it needs", what)
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		hint := ""
		if n.Kind == yaml.ScalarNode {
			hint = fmt.Sprintf(`; put it in quotes, like "%s"`, n.Value)
		}
		return "", p.failf(n, "%s must be text, not %s%s", what, fileerr.KindName(n), hint)
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return "", p.failf(n, "%s is empty; write the text it needs", what)
	}
	if desc, r := safetext.Find(s); desc != "" {
		return "", p.failf(n, "%s: %s", what, describeBad(desc, r))
	}
	return s, nil
}

// list returns the items of a non-empty sequence; name names it in errors.
func (p *parser) list(n *yaml.Node, name string) ([]*yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.failf(n, "%s must be a list, not %s", name, fileerr.KindName(n))
	}
	if len(n.Content) == 0 {
		return nil, p.failf(n, "%s is an empty list; add at least one item", name)
	}
	return n.Content, nil
}

func (p *parser) textList(n *yaml.Node, name string) ([]string, error) {
	items, err := p.list(n, name)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(items))
	for i, item := range items {
		if out[i], err = p.textValue(item, fmt.Sprintf("%s item %d", name, i+1)); err != nil {
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
		return false, f.p.failf(n, "%s must be true or false, not %s", f.name(key), fileerr.KindName(n))
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		return false, f.p.failf(n, "%s must be true or false, not %q", f.name(key), n.Value)
	}
	return b, nil
}

func (p *parser) schema(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Value != "1" {
		return p.failf(n, "schema must be 1, the only version this iopfit reads, not %s", describeValue(n))
	}
	return nil
}

func describeValue(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return fileerr.KindName(n)
}
