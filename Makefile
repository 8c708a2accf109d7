# Clipper: `make run` opens the app, `make test` runs every check CI runs,
# `make dist` builds the Linux and Windows downloads into dist/.
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
export LANG := C.UTF-8
# Fyne reads the UI language from LANGUAGE first; "C" would log a locale error.
export LANGUAGE := en
export CGO_ENABLED := 1

# The version has one source, FyneApp.toml ([Details] Version); a test keeps
# the fallback in cmd/clipper/version.go equal to it. The commit and build
# date are stamped into the binary for `clipper --version` and Help → About.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD -- 2>/dev/null || echo -dirty)
BUILD_DATE := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.buildDate=$(BUILD_DATE)
export VERSION COMMIT BUILD_DATE LDFLAGS

.PHONY: deps test-deps dist-deps run build test vet bench fmt dist dist-linux dist-windows dist-test install uninstall clean

deps:
	@bash scripts/deps.sh

test-deps:
	@bash scripts/deps.sh --test

dist-deps:
	@bash scripts/deps.sh --dist

# Build first (saying so: the first build takes minutes and go is silent
# meanwhile), then start the program. ARGS are passed to it:
# make run ARGS="--db my.clip".
run: build
	./bin/clipper $(ARGS)

build: deps
	@echo "Building Clipper $(VERSION) into bin/clipper (the first build compiles SQLite and the OpenGL driver: about 5–6 minutes on 2 cores; later builds take seconds)…"
	@start=$$(date +%s); $(GO) build -ldflags "$(LDFLAGS)" -o bin/clipper ./cmd/clipper && \
		echo "Built bin/clipper in $$(( $$(date +%s) - start )) s."

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

# Release downloads (see docs/distributing.md): the Linux tarball, and the
# Windows zip and installer cross-compiled with mingw-w64. macOS builds run
# on a Mac: scripts/dist-macos.sh, or the GitHub Actions workflow.
dist: dist-linux dist-windows
	@ls -l dist/

dist-linux: deps dist-deps
	@bash scripts/dist-linux.sh

dist-windows: dist-deps
	@bash scripts/dist-windows.sh

# Runs what dist builds: the Windows build under Wine (import, annotate,
# export, share, merge, a screenshot), the installer, and the Linux
# tarball installed into a fresh home.
dist-test: dist
	@bash scripts/deps.sh --dist-test
	@bash scripts/dist-test.sh

# Install the Linux build for yourself, into ~/.local (menu entry and .clip
# file type included); uninstall removes it again.
install: dist-linux
	@d=$$(mktemp -d) && tar -xJf dist/Clipper-$(VERSION)-linux-amd64.tar.xz -C $$d && $$d/Clipper/install.sh && rm -rf $$d

uninstall:
	@PREFIX=$${PREFIX:-$$HOME/.local} sh assets/packaging/linux/install.sh --uninstall

clean:
	rm -rf bin dist
