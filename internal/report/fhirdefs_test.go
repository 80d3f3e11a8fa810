package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
	"github.com/iopfit/iopfit/internal/i18n"
)

// fhirDir holds the published definitions (fhir/ at the repository's root).
const fhirDir = "../../fhir"

// definition is what the tests read of a published definition.
type definition struct {
	ResourceType, ID, URL, Status, Content string
	Concept                                []struct{ Code string }
	Differential                           struct {
		Element []struct {
			Path     string
			FixedURI string `json:"fixedUri"`
		}
	}
}

// definitions reads and validates every file in fhir/, by canonical URL.
// Each is valid R4, named <resourceType>-<id>.json, and its url is the
// address of that file under fhirid.Base, so the URL serves the definition.
func definitions(t *testing.T) map[string]definition {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fhirDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no definitions in %s: %v", fhirDir, err)
	}
	defs := map[string]definition{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d definition
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		validR4(t, f, data, d.ResourceType)
		name := filepath.Base(f)
		if name != d.ResourceType+"-"+d.ID+".json" || d.URL != fhirid.Base+"/"+name || d.Status != "active" {
			t.Errorf("%s: resourceType %s, id %s, url %s, status %s; want it named <resourceType>-<id>.json, served at its url, and active", f, d.ResourceType, d.ID, d.URL, d.Status)
		}
		if d.ResourceType == "StructureDefinition" {
			fixed := ""
			for _, e := range d.Differential.Element {
				if e.Path == "Extension.url" {
					fixed = e.FixedURI
				}
			}
			if fixed != d.URL {
				t.Errorf("%s: Extension.url is fixed to %q, want its url", f, fixed)
			}
		}
		defs[d.URL] = d
	}
	return defs
}

// others are the definitions of others the outputs may use, with the codes
// they may use from each code system.
var others = map[string][]string{
	itemControl:          nil,
	calculatedExpression: nil,
	itemControlSystem:    {"radio-button", "help"},
}

// TestFHIRUsesDefinedURLs: every code system and extension an output uses,
// and every other URL of iopfit's own in an output or a definition, is
// defined in fhir/; every code from a code system that lists its codes is
// one of them.
func TestFHIRUsesDefinedURLs(t *testing.T) {
	defs := definitions(t)
	check := func(what string, data []byte) {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		walkJSON(v, "", func(key string, obj map[string]any) {
			switch key {
			case "system":
				system, code := obj["system"].(string), obj["code"].(string)
				if codes, ok := others[system]; ok {
					if !slices.Contains(codes, code) {
						t.Errorf("%s: code %q of %s", what, code, system)
					}
					return
				}
				d, ok := defs[system]
				if !ok || d.ResourceType != "CodeSystem" {
					t.Errorf("%s: code system %s is not defined in fhir/", what, system)
				} else if d.Content == "complete" && !containsCode(d, code) {
					t.Errorf("%s: code %q is not in %s", what, code, system)
				}
			case "extension":
				url := obj["url"].(string)
				if _, ok := others[url]; !ok && defs[url].ResourceType != "StructureDefinition" {
					t.Errorf("%s: extension %s is not defined in fhir/", what, url)
				}
			}
		}, func(s string) {
			if strings.HasPrefix(s, fhirid.Base+"/") && !strings.HasPrefix(s, fhirid.Base+"/Questionnaire/") {
				if _, ok := defs[s]; !ok {
					t.Errorf("%s: %s is not defined in fhir/", what, s)
				}
			}
		})
	}
	for url := range defs {
		data, err := os.ReadFile(filepath.Join(fhirDir, strings.TrimPrefix(url, fhirid.Base+"/")))
		if err != nil {
			t.Fatal(err)
		}
		check(url, data)
	}
	for name, set := range map[string]*assess.Set{"fixture-en": fixture(t, i18n.English), "fixture-es": fixture(t, i18n.Spanish), "two-urgent": twoUrgent(t)} {
		check(name+" Questionnaire", questionnaire(t, set))
		for _, c := range cases {
			_, r := response(t, set, c.answers)
			check(name+" "+c.name+" response", r)
		}
	}
}

// walkJSON calls onObject with each object that holds a coding (key
// "system") or is an extension (key "extension", for the objects in an
// extension list), and onString with every string.
func walkJSON(v any, parent string, onObject func(key string, obj map[string]any), onString func(string)) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["system"].(string); ok {
			if _, ok := v["code"].(string); ok {
				onObject("system", v)
			}
		}
		if parent == "extension" {
			onObject("extension", v)
		}
		for k, c := range v {
			walkJSON(c, k, onObject, onString)
		}
	case []any:
		for _, c := range v {
			walkJSON(c, parent, onObject, onString)
		}
	case string:
		onString(v)
	}
}

func containsCode(d definition, code string) bool {
	for _, c := range d.Concept {
		if c.Code == code {
			return true
		}
	}
	return false
}
