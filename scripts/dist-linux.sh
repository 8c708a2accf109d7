#!/usr/bin/env bash
# Builds dist/Clipper-VERSION-linux-amd64.tar.xz: fyne package's tarball
# (binary, .desktop entry, icon) completed with the AppStream metainfo, the
# .clip MIME type, a hicolor icon and install.sh, which installs per user
# into ~/.local (make install runs it). Run through make dist-linux.
set -euo pipefail
source "$(dirname "$0")/dist-common.sh"
cd "$root"

start=$(date +%s)
fyne=$(fyne_cli)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
echo "dist: building the Linux binary (release mode, -trimpath)…"
# The tags are the ones fyne package uses in release mode with FyneApp.toml's
# fyneDo migration.
"$GO" build -trimpath -tags release,migrated_fynedo -ldflags "-s -w $LDFLAGS" -o "$stage/clipper" ./cmd/clipper
echo "dist: packaging with fyne package…"
(cd "$stage" && with_fyneapp "$fyne" package --os linux --release --src "$root/cmd/clipper" \
	--exe "$stage/clipper" --icon "$root/assets/icon.png" --app-version "$VERSION")
mkdir "$stage/x"
tar -xJf "$stage/Clipper.tar.xz" -C "$stage/x"
pkg="$stage/x/Clipper"
mv "$stage/x/clipper" "$pkg"
usr="$pkg/usr/local"
appid=org.clipper.app
desktop="$usr/share/applications/$appid.desktop"
grep -q '^MimeType=application/x-clipper-project' "$desktop" || { echo "dist: fyne package wrote no MimeType into $desktop" >&2; exit 1; }
# One program per double-clicked project (%f), not one for all (%F):
# clipper opens a single project.
sed -i 's/^Exec=clipper %F$/Exec=clipper %f/' "$desktop"
# Lists in desktop entries end with a semicolon.
sed -i 's/^MimeType=\([^;]*\)$/MimeType=\1;/' "$desktop"
grep -q '^Exec=clipper %f$' "$desktop" || { echo "dist: unexpected Exec line in $desktop" >&2; exit 1; }
website=$(sed -n 's/^Website *= *"\(.*\)"/\1/p' FyneApp.toml)
install -Dm0644 assets/packaging/linux/$appid.xml "$usr/share/mime/packages/$appid.xml"
sed -e "s|@VERSION@|$VERSION|" -e "s|@DATE@|${BUILD_DATE%%T*}|" -e "s|@WEBSITE@|$website|" \
	assets/packaging/linux/$appid.metainfo.xml.in >"$stage/metainfo.xml"
install -Dm0644 "$stage/metainfo.xml" "$usr/share/metainfo/$appid.metainfo.xml"
install -Dm0644 assets/icon.png "$usr/share/icons/hicolor/512x512/apps/$appid.png"
install -m0755 assets/packaging/linux/install.sh "$pkg/install.sh"
install -m0644 assets/packaging/linux/Makefile "$pkg/Makefile"
sed "s|@VERSION@|$VERSION|" assets/packaging/linux/README.txt >"$pkg/README.txt"
echo "$VERSION ($COMMIT)" >"$pkg/VERSION"

mkdir -p dist
out="dist/Clipper-$VERSION-linux-amd64.tar.xz"
# Owner and order fixed so the same build gives the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner -cJf "$out" -C "$stage/x" Clipper
echo "dist: $out ($(du -h "$out" | cut -f1)) in $(elapsed "$start") s"
