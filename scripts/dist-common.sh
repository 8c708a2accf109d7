# Shared by the dist scripts (sourced, not run): the stamp the Makefile
# exports, the fyne CLI, and FyneApp.toml where fyne package looks for it.
# shellcheck shell=bash

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$PATH:/usr/local/go/bin"
export LANG=C.UTF-8 LANGUAGE=en
GO=${GO:-go}

# The Makefile computes these from FyneApp.toml and git (make dist, make
# dist-linux, make dist-windows).
: "${VERSION:?run the dist scripts through make (make dist)}"
: "${COMMIT?}" "${BUILD_DATE?}"
[ -n "$COMMIT" ] || COMMIT=unknown

# fyne_version is the fyne CLI (fyne.io/tools) the packages are made with.
fyne_version=v1.7.4

# fyne_cli prints the path of the fyne CLI, installing the pinned version
# with go install when it is missing or another version.
fyne_cli() {
	local bin
	bin="$("$GO" env GOPATH)/bin/fyne"
	if [ ! -x "$bin" ] || [[ "$("$bin" version 2>&1)" != *"cli version: $fyne_version"* ]]; then
		echo "dist: installing the fyne CLI $fyne_version (go install fyne.io/tools/cmd/fyne@$fyne_version)…" >&2
		"$GO" install "fyne.io/tools/cmd/fyne@$fyne_version" >&2
	fi
	echo "$bin"
}

# with_fyneapp runs "$@" with FyneApp.toml beside the main package, where
# fyne package reads it (the toml stays at the top of the repository, the
# one source of the version), and removes the copy afterwards.
with_fyneapp() {
	local copy="$root/cmd/clipper/FyneApp.toml" rc=0
	cp "$root/FyneApp.toml" "$copy"
	"$@" || rc=$?
	rm -f "$copy" "$root/cmd/clipper/fyne_metadata_init.go" "$root/cmd/clipper/fyne.syso"
	return $rc
}

# elapsed prints the seconds since $1 (from date +%s).
elapsed() { echo $(($(date +%s) - $1)); }
