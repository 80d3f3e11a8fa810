# iopfit's build and checks. `make test` is what CI runs; it needs Go (and
# fetches modules through the proxy), and Node.js for one test (see unit).
# staticcheck is pinned by a tool directive in go.mod, and goreleaser by one
# in tools/goreleaser/go.mod, so go.sum checks both and neither touches a
# developer's own install.

GO          ?= go
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo "(devel)")
COMMIT      ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo "unknown commit")
LDFLAGS     := -X main.version=$(VERSION) -X 'main.commit=$(COMMIT)'
BIN         ?= bin/iopfit

# Fuzzing. `make test` gives each target a fixed number of runs (a few
# seconds here): Go 1.26's fuzzer can report its own -fuzztime deadline as a
# failure (golang/go#75804, fixed in Go 1.27), and a count has no deadline.
# `make fuzz` runs each target for FUZZTIME and fails only on a real finding.
# Minimizing a new input is capped at 5 s in `make fuzz` (Go's default is a
# minute, which a large seed such as questions.es.yaml can spend entirely on
# one input) and at 1 s in the short pass, where each new input of the
# Spanish set's target took most of its 5 s and the target 39 s of the pass
# (12 s now): a failing input is still reported, only less reduced. That
# target runs about 100 inputs a second (each is a whole translated set), so
# it has 1,000 runs: 2,000 took 18 s of a 2-minute make test.
FUZZTIME ?= 60s
FUZZ_TARGETS := \
	./internal/load:FuzzParseSet:20000 \
	./internal/load:FuzzParseTranslation:1000 \
	./internal/load:FuzzParseSomeone:2000 \
	./internal/load:FuzzParseAnswers:60000 \
	./internal/earlier:FuzzParse:40000 \
	./internal/prompt:FuzzParseLine:40000 \
	./internal/prompt:FuzzSplitReplyIsNoKey:40000 \
	./internal/safetext:FuzzOneLine:40000

.PHONY: all build test vet cross lint unit spec test-fhirpath fuzz-short fuzz mutate bench man release-snapshot clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/iopfit

# Every test and check, in order of cost: vet, the release targets and lint,
# then the unit, CLI-script and real-terminal tests, then the FHIR outputs
# read by the specification's parser. Each step says what it is before it
# starts: the tests print nothing until a package is done. The tests run
# with the race detector; the iopfit binary that the real-terminal and
# process tests drive is built without it (see binary in
# cmd/iopfit/binary_test.go for why). The short fuzz pass is CI's (.ci/run
# runs it after this): make test runs every fuzz target's seeds as tests,
# and the pass's instrumented build of every dependency took close to 2
# minutes of a make test from nothing.
test: vet cross lint unit spec

vet:
	@echo "== vet (go vet ./..., also with the test hooks and the FHIR spec reader)"
	$(GO) vet ./...
	$(GO) vet -tags iopfit_testhook ./...
	$(GO) vet -tags fhirspec ./internal/report

# Every target the release ships, as .goreleaser.yaml lists them
# (tools/release checks that the two lists agree). A release is only as good
# as its worst platform, so each must compile: every package (the tools
# too) is built for macOS and Windows, then each target's binary. Go builds
# the other platforms without cgo by itself; the host's build then shares
# the tests' cache (forcing CGO_ENABLED=0 there rebuilt the whole standard
# library). The tests are not type-checked for macOS and Windows: no one
# runs them there, and vetting them cost 30 s of a cold make test, for the
# test-only libraries' builds.
RELEASE_TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

cross:
	@echo "== cross (every package for macOS and Windows, then every release target)"
	@set -e; for os in darwin windows; do \
		echo "build GOOS=$$os ./..."; GOOS=$$os $(GO) build ./...; \
	done
	@set -e; for t in $(RELEASE_TARGETS); do \
		echo "build $$t"; GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build -o /dev/null ./cmd/iopfit; \
	done

lint:
	@echo "== lint (gofmt, go mod tidy, staticcheck)"
	@unformatted=$$(find . -name '*.go' -not -path './.git/*' -not -path './dist/*' -print0 | xargs -0 gofmt -l); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) mod tidy -diff
	$(GO) tool staticcheck ./...
	$(GO) tool staticcheck -tags iopfit_testhook ./...

# The unit tests, the testscript CLI tests (testdata/script) and the
# pseudo-terminal tests (cmd/iopfit/pty_test.go) are all Go tests. One of
# them runs the FHIR Questionnaire's calculated items in fhirpath.js, the
# engine LHC-Forms uses, which Node.js runs (tools/fhirpath, pinned by its
# package-lock.json): where node is installed it is required, and installed
# from the npm registry the first time; without node that test skips.
unit:
	@echo "== unit tests (go test -race ./...)"
	$(GO) test -race -count=1 ./...

# The FHIR tests again, with every output also read by google/fhir's R4
# parser (the fhirspec tag; see validR4 in internal/report/fhir_test.go).
# That library's generated code takes about 45 s to compile on 2 cores, so
# it is built here once, for this machine and without the race detector,
# rather than for every platform vet checks and for the race build too.
spec:
	@echo "== FHIR R4 (the FHIR tests, each output read by google/fhir's R4 parser)"
	$(GO) test -tags fhirspec -count=1 -run 'FHIR|Spec' ./internal/report

# The FHIRPath test runs the FHIR output's calculated items in fhirpath.js,
# the engine LHC-Forms uses; no Go engine exists. It needs Node.js and, the
# first time, the npm registry, so make test runs it only once fhirpath.js
# is here (it skips and says so otherwise); this target fetches it, pinned
# by tools/fhirpath/package-lock.json, and requires the test to run.
test-fhirpath:
	[ -f tools/fhirpath/node_modules/fhirpath/package.json ] || npm ci --prefix tools/fhirpath --no-audit --no-fund --loglevel=error
	IOPFIT_FHIRPATH=required $(GO) test -count=1 -run 'FHIRPath' ./internal/report

fuzz-short:
	@echo "== short fuzz pass (a fixed number of runs per target)"
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$$(echo $$t | cut -d: -f1); name=$$(echo $$t | cut -d: -f2); runs=$$(echo $$t | cut -d: -f3); \
		echo "fuzz $$pkg $$name: $$runs runs"; \
		$(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$${runs}x -fuzzminimizetime=1s $$pkg; \
	done

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$$(echo $$t | cut -d: -f1); name=$$(echo $$t | cut -d: -f2); \
		echo "fuzz $$pkg $$name for $(FUZZTIME)"; \
		log=$$(mktemp); \
		$(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s $$pkg >$$log 2>&1; rc=$$?; \
		cat $$log; \
		if [ $$rc -ne 0 ]; then \
			if grep -q 'context deadline exceeded' $$log && ! grep -qE 'Failing input written|panic:|_test.go:[0-9]+:' $$log; then \
				echo "(the fuzzer's own deadline race, golang/go#75804; no finding)"; \
			else rm -f $$log; exit 1; fi; \
		fi; \
		rm -f $$log; \
	done

# Hand mutations of the code that matters most (the rule, the key guard,
# the reply expiry, the step cap, the saved copy's mode, the FHIR calculated
# result), each applied to a copy of the module and tested by its package:
# prints caught or MISSED for each and fails if any is missed. The working
# tree is never written. Not part of make test: about a minute.
mutate:
	$(GO) run ./tools/mutate

# Figures, not tests: builds iopfit, an empty program and a floor program
# (the libraries alone), measures them side by side and prints one table.
# BENCH_AGAINST is the revision whose form is measured beside this one: the
# form before it was built on huh.
BENCH_AGAINST ?= fd7dd11
bench:
	$(GO) run ./tools/bench -runs 21 -against $(BENCH_AGAINST)

# Release archives, packages and checksums in dist/, from the working tree,
# with the goreleaser that tools/goreleaser/go.mod pins; then a look inside
# the .deb it built (and lintian's, where it is installed).
GORELEASER := $(GO) tool -modfile=tools/goreleaser/go.mod goreleaser
release-snapshot:
	$(GORELEASER) check
	$(GORELEASER) release --snapshot --clean
	$(GO) test -count=1 -run '^TestBuiltPackages$$' ./tools/release -args -dist=$(CURDIR)/dist

# iopfit(1) and a page per subcommand (gzipped), the shell completions and
# the Debian copyright file, in build/.
man:
	$(GO) run ./tools/docs -out build

clean:
	rm -rf bin build dist
