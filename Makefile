# Clipper: `make run` opens the app, `make test` runs every check CI runs.
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
export LANG := C.UTF-8
# Fyne reads the UI language from LANGUAGE first; "C" would log a locale error.
export LANGUAGE := en
export CGO_ENABLED := 1

.PHONY: deps test-deps run build test vet bench fmt

deps:
	@bash scripts/deps.sh

test-deps:
	@bash scripts/deps.sh --test

run: deps
	$(GO) run ./cmd/clipper

build: deps
	$(GO) build -o bin/clipper ./cmd/clipper

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above need formatting" >&2; exit 1; }

# The tests keep Fyne's preferences out of the user's home and run the real
# window under Xvfb (see cmd/clipper/smoke_test.go). Tests whose program
# (Xvfb, LibreOffice, xmllint) or corpus is missing skip, unless CI=true is
# in the environment (.ci/run sets it; make passes it to go test): then
# they fail.
test: test-deps vet
	XDG_CONFIG_HOME=$$(mktemp -d) XDG_DATA_HOME=$$(mktemp -d) $(GO) test -timeout 20m ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./... | tee bench.txt

fmt:
	gofmt -w $$(git ls-files '*.go')
