package release

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type config struct {
	Version int `yaml:"version"`
	Before  struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		GOOS    []string `yaml:"goos"`
		GOARCH  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		Formats   []string `yaml:"formats"`
		Overrides []struct {
			GOOS    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []any `yaml:"files"`
		Wrap  bool  `yaml:"wrap_in_directory"`
	} `yaml:"archives"`
	NFPMs []struct {
		Formats     []string `yaml:"formats"`
		Maintainer  string   `yaml:"maintainer"`
		License     string   `yaml:"license"`
		Description string   `yaml:"description"`
		Bindir      string   `yaml:"bindir"`
		Contents    []struct {
			Src      string `yaml:"src"`
			Dst      string `yaml:"dst"`
			Packager string `yaml:"packager"`
		} `yaml:"contents"`
	} `yaml:"nfpms"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	} `yaml:"checksum"`
}

func load(t *testing.T) config {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var c config
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReleaseConfig(t *testing.T) {
	c := load(t)
	if c.Version != 2 {
		t.Errorf("version = %d, want 2 (goreleaser v2)", c.Version)
	}
	if !slices.Contains(c.Before.Hooks, "go run ./tools/docs -out build -version {{ .Version }} -date {{ .CommitDate }}") {
		t.Error("no before hook writes the man pages, completions, copyright and Debian changelog into build/")
	}
	if len(c.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(c.Builds))
	}
	b := c.Builds[0]
	if b.Main != "./cmd/iopfit" || b.Binary != "iopfit" || !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build = %+v", b)
	}
	for _, os := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.GOOS, os) {
			t.Errorf("no %s build", os)
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.GOARCH, arch) {
			t.Errorf("no %s build", arch)
		}
	}
	flags := strings.Join(b.Ldflags, " ")
	main, err := os.ReadFile(filepath.Join("..", "..", "cmd", "iopfit", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range regexp.MustCompile(`-X main\.(\w+)=`).FindAllStringSubmatch(flags, -1) {
		if !regexp.MustCompile(`(?m)^\s+` + v[1] + `\s+string$`).Match(main) {
			t.Errorf("ldflags set main.%s, which cmd/iopfit/main.go does not declare", v[1])
		}
	}
	if !strings.Contains(flags, "main.version={{ .Version }}") || !strings.Contains(flags, "main.commit=") {
		t.Errorf("ldflags = %q: the version must come from the tag", flags)
	}

	if len(c.Archives) != 1 || !slices.Contains(c.Archives[0].Formats, "tar.gz") {
		t.Fatalf("archives = %+v", c.Archives)
	}
	zip := false
	for _, o := range c.Archives[0].Overrides {
		zip = zip || (o.GOOS == "windows" && slices.Contains(o.Formats, "zip"))
	}
	if !zip {
		t.Error("Windows archives are not zip")
	}

	if len(c.NFPMs) != 1 {
		t.Fatalf("nfpms = %+v", c.NFPMs)
	}
	p := c.NFPMs[0]
	if !slices.Contains(p.Formats, "deb") || !slices.Contains(p.Formats, "rpm") || p.Maintainer == "" || p.Bindir != "/usr/bin" {
		t.Errorf("nfpm = %+v", p)
	}
	dsts := map[string]string{}
	for _, ct := range p.Contents {
		dsts[ct.Packager+":"+ct.Dst] = ct.Src
	}
	for dst, src := range map[string]string{
		// Debian wants man pages gzipped, and a package's licence in its
		// copyright file; the man pages point to the README.
		":/usr/share/man/man1/":            "build/man/*.1.gz",
		":/usr/share/doc/iopfit/copyright": "build/copyright",
		":/usr/share/doc/iopfit/README.md": "README.md",
		// The user docs the README links to, not CONTRIBUTING.md.
		":/usr/share/doc/iopfit/docs/":                      "docs/*.md",
		":/usr/share/bash-completion/completions/iopfit":    "build/completions/iopfit.bash",
		":/usr/share/zsh/vendor-completions/_iopfit":        "build/completions/iopfit.zsh",
		":/usr/share/fish/vendor_completions.d/iopfit.fish": "build/completions/iopfit.fish",
		// A .deb with a doc directory must have a changelog (lintian).
		"deb:/usr/share/doc/iopfit/changelog.gz":  "build/changelog.gz",
		"deb:/usr/share/lintian/overrides/iopfit": "build/lintian-overrides",
		"rpm:/usr/share/licenses/iopfit/LICENSE":  "LICENSE",
	} {
		if dsts[dst] != src {
			t.Errorf("packages do not install %s to %s", src, dst)
		}
	}
	if p.License != "Apache-2.0" {
		t.Errorf("package licence %q, want the SPDX id Apache-2.0 (LICENSE)", p.License)
	}
	description(t, p.Description)
	var files []string
	for _, f := range c.Archives[0].Files {
		switch f := f.(type) {
		case string:
			files = append(files, f)
		case map[string]any:
			files = append(files, f["src"].(string))
		}
	}
	for _, want := range []string{"README.md", "docs/*.md", "LICENSE", "build/copyright", "build/man/*.1.gz"} {
		if !slices.Contains(files, want) {
			t.Errorf("archives do not carry %s", want)
		}
	}
	if slices.Contains(files, "CONTRIBUTING.md") {
		t.Error("archives carry CONTRIBUTING.md, which is for maintainers")
	}
	if !c.Archives[0].Wrap {
		t.Error("archives unpack into the current folder; wrap_in_directory puts them in one of their own")
	}
	if c.Checksum.NameTemplate == "" {
		t.Error("no checksums")
	}
}

// description checks the packages' description as Debian's policy asks: a
// first line of at most 80 characters that does not end in a period, then
// a long description in lines that fit 80 columns, with paragraphs apart.
// It never calls residential care the safer choice.
func description(t *testing.T, d string) {
	t.Helper()
	lines := strings.Split(d, "\n")
	if len(lines) < 3 {
		t.Fatalf("description %q has no long part", d)
	}
	if n := len([]rune(lines[0])); n == 0 || n > 80 || strings.HasSuffix(lines[0], ".") {
		t.Errorf("description's first line %q: want 1 to 80 characters, no final period", lines[0])
	}
	for i, l := range lines {
		if len([]rune(l)) > 79 {
			t.Errorf("description line %d is %d characters; wrap it under 80", i+1, len([]rune(l)))
		}
	}
	if strings.Contains(strings.ToLower(d), "safer") {
		t.Error("the description calls one kind of care safer")
	}
}

// TestMakeTestBuildsEveryTarget holds make test's cross-compile list to the
// targets the release ships: a platform that is released but never compiled
// is how macOS and Windows once stopped building unnoticed.
func TestMakeTestBuildsEveryTarget(t *testing.T) {
	c := load(t)
	var want []string
	for _, b := range c.Builds {
		for _, goos := range b.GOOS {
			for _, arch := range b.GOARCH {
				want = append(want, goos+"/"+arch)
			}
		}
	}
	mk, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^RELEASE_TARGETS\s*:=\s*(.*)$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("the Makefile has no RELEASE_TARGETS")
	}
	got := strings.Fields(string(m[1]))
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Makefile RELEASE_TARGETS = %v, .goreleaser.yaml builds %v", got, want)
	}
	if !regexp.MustCompile(`(?m)^test:.*\bcross\b`).Match(mk) {
		t.Error("make test does not run the cross target")
	}
}
