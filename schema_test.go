package iopfit_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/report"
)

// schema compiles one of the published JSON Schemas in schema/.
func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile(filepath.Join("schema", name))
	if err != nil {
		t.Fatalf("schema/%s does not compile: %v", name, err)
	}
	return s
}

// yamlValue turns a YAML document into the value JSON would give, keeping
// each scalar as written: an unquoted date stays the text 2026-11-28.
func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return yamlValue(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, yamlValue(c))
		}
		return l
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!null":
		return nil
	}
	return n.Value
}

func yamlInstance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return yamlValue(&doc)
}

func jsonInstance(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return v
}

// TestQuestionFilesMatchTheSchema: the shipped set and its translation, and
// the fixture, validate; each broken file fails where the rule can be said
// in a schema.
func TestQuestionFilesMatchTheSchema(t *testing.T) {
	s := schema(t, "questions.schema.json")
	for _, f := range []string{"questions.yaml", "questions.es.yaml", "testdata/fixture/questions.yaml", "testdata/fixture/questions.es.yaml", "internal/load/testdata/minimal.yaml", "internal/load/testdata/minimal.es.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(yamlInstance(t, data)); err != nil {
			t.Errorf("%s does not match the schema: %v", f, err)
		}
	}
	minimal, err := os.ReadFile("internal/load/testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string][2]string{
		"unknown key":                       {"title: T", "title: T\ntitel: T"},
		"deciding without topic":            {"    topic: T\n", ""},
		"id not kebab-case":                 {"id: stable-home", "id: Stable_Home"},
		"set id with a bar":                 {"id: t\n", "id: \"my set|v2\"\n"},
		"set id not ASCII":                  {"id: t\n", "id: café-ßet\n"},
		"version with a space and a bar":    {"version: \"1\"", "version: \"1.0|beta 2\""},
		"reserved id":                       {"id: stable-home", "id: lang"},
		"empty prompt":                      {"prompt: P", `prompt: ""`},
		"schema as text":                    {"schema: 1", `schema: "1"`},
		"missing reason":                    {"      unsure: U\n", ""},
		"bad date":                          {"checked: 2026-11-28", "checked: yesterday"},
		"web address not https":             {"url: https://example.org/n", "url: ftp://example.org/n"},
		"no sources":                        {"sources:\n  - name: N\n    url: https://example.org/n\n    checked: 2026-11-28\n", "sources: []\n"},
		"because without topics":            {"  cancelled: F", "  cancelled: F\n  because: Because."},
		"since_answer without {before}":     {"  cancelled: F", "  cancelled: F\n  since_answer: \"{topic}: {after}\""},
		"since_result with {after} twice":   {"  cancelled: F", "  cancelled: F\n  since_result: \"{before} {after} {after}\""},
		"yes steps on a deciding question":  {"    topic: T\n", "    topic: T\n    steps: {yes: [a]}\n"},
		"empty urgent":                      {"    topic: T\n", "    topic: T\n    urgent: {}\n"},
		"headline for yes":                  {"    topic: T\n", "    topic: T\n    headline: {yes: H}\n"},
		"headline where nothing is decided": {"questions:\n", "questions:\n  - id: other\n    prompt: P\n    help: H\n    decides: false\n    headline: {no: H}\n    reasons: {yes: Y, no: N, unsure: U}\n"},
		"source without url":                {"    url: https://example.org/n\n", ""},
		"source with url and no_url":        {"    url: https://example.org/n\n", "    url: https://example.org/n\n    no_url: true\n"},
		"no_url false":                      {"    url: https://example.org/n\n", "    no_url: false\n"},
	}
	for name, edit := range broken {
		if !bytes.Contains(minimal, []byte(edit[0])) {
			t.Fatalf("%s: minimal.yaml has no %q", name, edit[0])
		}
		data := bytes.Replace(minimal, []byte(edit[0]), []byte(edit[1]), 1)
		if err := s.Validate(yamlInstance(t, data)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
		if _, err := load.ParseSet(data, "t.yaml"); err == nil {
			t.Errorf("%s: iopfit accepts it, so the case tests nothing", name)
		}
	}
}

// TestJSONOutputsMatchTheSchemas: every result and listing the tests keep as
// golden JSON, and every result of the shipped sets, in both languages,
// validate against the published schemas.
func TestJSONOutputsMatchTheSchemas(t *testing.T) {
	result, listing := schema(t, "result.schema.json"), schema(t, "questions-output.schema.json")
	goldens, err := filepath.Glob("internal/report/testdata/*.json")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden JSON: %v", err)
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		s := result
		if strings.Contains(filepath.Base(g), "questions") {
			s = listing
		}
		if err := s.Validate(jsonInstance(t, data)); err != nil {
			t.Errorf("%s: %v", g, err)
		}
	}
	for _, l := range i18n.Langs {
		set, err := load.Embedded(l)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := report.QuestionsJSON(&b, set); err != nil {
			t.Fatal(err)
		}
		if err := listing.Validate(jsonInstance(t, b.Bytes())); err != nil {
			t.Errorf("questions -o json (%s): %v", l, err)
		}
		for _, answers := range everyCombination(set) {
			res, err := assess.Evaluate(set, answers)
			if err != nil {
				t.Fatal(err)
			}
			b.Reset()
			if err := report.JSON(&b, res); err != nil {
				t.Fatal(err)
			}
			if err := result.Validate(jsonInstance(t, b.Bytes())); err != nil {
				t.Fatalf("check -o json (%s, %v): %v", l, answers, err)
			}
		}
	}
}

// TestShippedFilesNameTheirSchema: an editor with the YAML language server
// checks the shipped files as they are edited.
func TestShippedFilesNameTheirSchema(t *testing.T) {
	for _, f := range []string{"questions.yaml", "questions.es.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if want := "# yaml-language-server: $schema=schema/questions.schema.json\n"; !bytes.HasPrefix(data, []byte(want)) {
			t.Errorf("%s does not start with %q", f, strings.TrimSpace(want))
		}
	}
}

// TestResultSchemaCompare: the keys --compare adds come together, and hold
// only iopfit's keys.
func TestResultSchemaCompare(t *testing.T) {
	s := schema(t, "result.schema.json")
	data, err := os.ReadFile("internal/report/testdata/since-step-down.json")
	if err != nil {
		t.Fatal(err)
	}
	good := string(data)
	if err := s.Validate(jsonInstance(t, data)); err != nil {
		t.Fatalf("since-step-down.json: %v", err)
	}
	for name, edit := range map[string][2]string{
		"changes without previous_recommendation":  {`"previous_recommendation": "residential",`, ""},
		"a previous recommendation of another key": {`"previous_recommendation": "residential"`, `"previous_recommendation": "inpatient"`},
		"an answer word that is not a key":         {`"before": "no"`, `"before": "No"`},
		"a change without its id": {`"id": "stable-home",
      "before"`, `"before"`},
	} {
		broken := strings.Replace(good, edit[0], edit[1], 1)
		if broken == good {
			t.Fatalf("%s: the golden has no %q", name, edit[0])
		}
		if err := s.Validate(jsonInstance(t, []byte(broken))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
