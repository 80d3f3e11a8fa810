package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// idShape is what a catalog ID looks like in the code: a known prefix, a dot
// and a name.
var idShape = regexp.MustCompile(`^(file|yaml|char|kind|compare|questions|key|value|answers|answer|cli|flag|prompt|label|help|cmd|report)\.[a-z0-9_.]+$`)

// codeIDs returns every string literal in iopfit's non-test Go code that has
// the shape of a catalog ID, with where it is.
func codeIDs(t *testing.T) map[string]string {
	t.Helper()
	ids := map[string]string{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && idShape.MatchString(s) {
					ids[s] = path
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[vqsdxXcU]`)

func TestCatalog(t *testing.T) {
	used := codeIDs(t)
	for id, where := range used {
		if _, ok := catalog[id]; !ok {
			t.Errorf("%s uses %q, which the catalog does not have", where, id)
		}
	}
	for id, texts := range catalog {
		for _, l := range Langs {
			if strings.TrimSpace(texts[l]) == "" {
				t.Errorf("%s has no %s text", id, l)
			}
		}
		en, es := verb.FindAllString(texts[English], -1), verb.FindAllString(texts[Spanish], -1)
		if !slices.Equal(en, es) {
			t.Errorf("%s: English takes %v but Spanish takes %v", id, en, es)
		}
		// Labels are reached as "label."+key, and char.* through safetext.
		if _, ok := used[id]; !ok && !strings.HasPrefix(id, "label.") {
			t.Errorf("%s is in the catalog but no code uses it", id)
		}
	}
}

func TestMessageIn(t *testing.T) {
	m := M("cli.format", "xml", "check", Or{"text", "json", "markdown"})
	if got := m.In(English); got != `--output "xml" is not a format of check; use text, json or markdown` {
		t.Errorf("English: %q", got)
	}
	if got := m.In(Spanish); got != `--output "xml" no es un formato de check; use text, json o markdown` {
		t.Errorf("Spanish: %q", got)
	}
	nested := M("file.bad_char", M("char.escape"), rune(0x1b))
	if got := nested.In(Spanish); !strings.HasPrefix(got, "el texto contiene un carácter de escape (U+001B)") {
		t.Errorf("nested: %q", got)
	}
	if M("no.such.id").In(Spanish) != "no.such.id" {
		t.Error("an unknown ID should show itself, not vanish")
	}
}

func TestParseAndLocale(t *testing.T) {
	for in, want := range map[string]Lang{"es": Spanish, "EN": English, " es ": Spanish} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "fr", "es_US", "spanish"} {
		if _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) accepted it", bad)
		}
	}
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "es_US.UTF-8"}, Spanish},
		{map[string]string{"LANG": "es"}, Spanish},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LANG": "es_MX", "LC_MESSAGES": "en_US"}, English},
		{map[string]string{"LANG": "en_US", "LC_ALL": "es_ES.UTF-8"}, Spanish},
		{map[string]string{"LC_ALL": "", "LANG": "es_AR"}, Spanish},
	}
	for _, tt := range tests {
		if got := FromLocale(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromLocale(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
	if List(Spanish, []string{"a"}) != "a" || List(English, []string{"a", "b"}) != "a or b" || List(Spanish, []string{"a", "b", "c"}) != "a, b o c" {
		t.Error("List joins wrongly")
	}
}
