#!/usr/bin/env bash
# Builds the Windows downloads into dist/, cross-compiled here with Debian's
# mingw-w64 (cgo stays on: the SQLite driver is C):
#   Clipper-VERSION-windows-amd64.zip        clipper.exe (GUI subsystem, icon,
#       manifest and version resource by fyne package), README.txt and the
#       scripts that associate .clip files for the current user;
#   Clipper-VERSION-windows-amd64-setup.exe  the per-user NSIS installer
#       (Start menu entry, .clip association, uninstaller).
# Run through make dist-windows.
set -euo pipefail
source "$(dirname "$0")/dist-common.sh"
cd "$root"

cc=x86_64-w64-mingw32-gcc
for tool in "$cc" makensis zip; do
	command -v "$tool" >/dev/null || { echo "dist: $tool is missing: run make dist-deps (Debian: apt-get install gcc-mingw-w64-x86-64 nsis zip)" >&2; exit 1; }
done

start=$(date +%s)
fyne=$(fyne_cli)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

echo "dist: cross-compiling clipper.exe with mingw-w64 (the first build compiles SQLite and the OpenGL driver for Windows: several minutes)…"
# fyne package writes the icon, manifest and version resource as a .syso
# beside main, builds with -H=windowsgui in release mode (and the
# migrated_fynedo tag FyneApp.toml asks for), and passes GOFLAGS' -ldflags=
# entries to the linker: that is how the version stamp gets in. It takes
# them out of GOFLAGS in its first build, so it must make only one: given
# an existing --exe (a placeholder) it skips the build without the
# resource and builds once, with it, over the placeholder.
goflags=""
for x in "main.version=$VERSION" "main.commit=$COMMIT" "main.buildDate=$BUILD_DATE"; do
	goflags+=" -ldflags=-X=$x"
done
rm -f cmd/clipper/Clipper.exe
: >cmd/clipper/clipper.exe
(cd cmd/clipper && with_fyneapp env GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$cc" CXX=x86_64-w64-mingw32-g++ \
	GOFLAGS="$goflags" "$fyne" package --os windows --release --exe "$root/cmd/clipper/clipper.exe" \
	--icon "$root/assets/icon.png" --app-version "$VERSION")
rm -f cmd/clipper/clipper.exe
pkg="$stage/Clipper"
mkdir -p "$pkg"
mv cmd/clipper/Clipper.exe "$pkg/clipper.exe"
grep -aq "$COMMIT" "$pkg/clipper.exe" || { echo "dist: the version stamp ($COMMIT) did not reach clipper.exe" >&2; exit 1; }
echo "dist: clipper.exe built in $(elapsed "$start") s"

# Windows text files: CRLF line ends.
crlf() { sed -e "s|@VERSION@|$VERSION|g" -e 's/$/\r/' "$1" >"$2"; }
crlf assets/packaging/windows/README.txt "$pkg/README.txt"
crlf assets/packaging/windows/register-clip-files.cmd "$pkg/register-clip-files.cmd"
crlf assets/packaging/windows/unregister-clip-files.cmd "$pkg/unregister-clip-files.cmd"

mkdir -p dist
zipfile="$root/dist/Clipper-$VERSION-windows-amd64.zip"
rm -f "$zipfile"
(cd "$stage" && TZ=UTC zip -q -X -r "$zipfile" Clipper)
echo "dist: dist/$(basename "$zipfile") ($(du -h "$zipfile" | cut -f1))"

# The installer's icon; the program's own icon is in its resources.
"$GO" run scripts/ico/main.go assets/icon.png "$stage/clipper.ico"
IFS=. read -r major minor patch <<<"$VERSION"
build=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\)/\1/p' FyneApp.toml)
setup="dist/Clipper-$VERSION-windows-amd64-setup.exe"
makensis -V2 -DVERSION="$VERSION" -DVERSION4="${major:-0}.${minor:-0}.${patch:-0}.${build:-0}" \
	-DSRC="$pkg" -DICON="$stage/clipper.ico" -DOUTFILE="$root/$setup" assets/packaging/windows/clipper.nsi
echo "dist: $setup ($(du -h "$setup" | cut -f1)); Windows downloads done in $(elapsed "$start") s"
