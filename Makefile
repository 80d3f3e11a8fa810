# iopfit's build and checks. `make test` is what CI runs; it needs only Go
# (and fetches modules, including the pinned staticcheck, through the proxy).

GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo "(devel)")
COMMIT      ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo "unknown commit")
LDFLAGS     := -X main.version=$(VERSION) -X 'main.commit=$(COMMIT)'
BIN         ?= bin/iopfit

# Fuzz time per target: short in `make test`, longer in `make fuzz`.
FUZZTIME       ?= 60s
FUZZTIME_SHORT ?= 4s
FUZZ_TARGETS := \
	./internal/questions:FuzzParse \
	./internal/answers:FuzzParse \
	./internal/prompt:FuzzParseLine

.PHONY: all build test vet lint unit fuzz-short fuzz clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/iopfit

# Everything, in order of cost: vet and lint, then the unit, CLI-script and
# real-terminal tests with the race detector, then a short fuzz pass.
test: vet lint unit fuzz-short

vet:
	$(GO) vet ./...
	$(GO) vet -tags iopfit_testpanic ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags iopfit_testpanic ./...

# The unit tests, the testscript CLI tests (testdata/script) and the
# pseudo-terminal tests (cmd/iopfit/pty_test.go) are all Go tests.
unit:
	$(GO) test -race -count=1 ./...

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_SHORT)

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name for $(FUZZTIME)"; \
		$(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) $$pkg; \
	done

clean:
	rm -rf bin
