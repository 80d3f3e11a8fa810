package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

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
		return nil, p.fail(n, path, i18n.M("key.not_map", kindName(n)))
	}
	f := &fields{p: p, node: n, path: path, keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return nil, p.fail(k, path, i18n.M("key.not_text", known[0]))
		}
		if !slices.Contains(known, k.Value) {
			if s := Closest(k.Value, known); s != "" {
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
			return "", p.fail(n, path, i18n.M("value.quote", kindName(n), n.Value))
		}
		return "", p.fail(n, path, i18n.M("value.not_text", kindName(n)))
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return "", p.fail(n, path, i18n.M("value.empty"))
	}
	if desc, r := safetext.Find(s); desc != "" {
		return "", p.fail(n, path, badChar(desc, r))
	}
	if err := p.shortText(n, path, s, MaxText); err != nil {
		return "", err
	}
	return s, nil
}

// list returns the items of a non-empty sequence.
func (p *parser) list(n *yaml.Node, path string) ([]*yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.fail(n, path, i18n.M("value.not_list", kindName(n)))
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
		return false, f.p.fail(n, f.name(key), i18n.M("value.not_bool", kindName(n)))
	}
	b, ok := yamlBool(n)
	if !ok {
		return false, f.p.fail(n, f.name(key), i18n.M("value.not_bool", strconv.Quote(n.Value)))
	}
	return b, nil
}

// yamlBool reads a boolean as YAML 1.2 writes one: true, True, TRUE, false,
// False or FALSE. A tag makes no other word a boolean: "!!bool t", "!!bool
// 1" and "!!bool yes" are what some libraries read as true, and a file that
// means different things to different readers is refused.
func yamlBool(n *yaml.Node) (b, ok bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return false, false
	}
	switch n.Value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

func describeValue(n *yaml.Node) any {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return kindName(n)
}
