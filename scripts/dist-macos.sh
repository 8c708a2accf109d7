#!/usr/bin/env bash
# Builds Clipper for macOS on a Mac: dist/Clipper.app (a universal binary
# for Apple silicon and Intel) and dist/Clipper-VERSION-macos.dmg, signed
# and, when credentials are given, notarized. It cannot run on Linux: cgo
# needs Apple's SDK. See docs/distributing.md; .github/workflows/macos.yml
# runs it on GitHub's macOS runners.
#
# Needs: macOS with Xcode's command line tools (xcode-select --install) and
# Go 1.26 or newer. Environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)" from your
#                         keychain (security find-identity -v -p codesigning);
#                         unset: ad-hoc signature (runs on this Mac; others
#                         must right-click > Open the first time)
#   MACOS_NOTARY_PROFILE  a notarytool keychain profile (xcrun notarytool
#                         store-credentials NAME --apple-id … --team-id …
#                         --password APP-SPECIFIC-PASSWORD); unset: no
#                         notarization
#   ARCHS                 "arm64 amd64" (default, universal) or one of them
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ "$(uname -s)" = Darwin ] || { echo "dist-macos: run this on a Mac (it needs Apple's SDK for cgo)" >&2; exit 1; }

VERSION=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- 2>/dev/null || COMMIT="$COMMIT-dirty"
BUILD_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS="-s -w -X main.version=$VERSION -X main.commit=$COMMIT -X main.buildDate=$BUILD_DATE"
ARCHS=${ARCHS:-arm64 amd64}
fyne_version=v1.7.4
export CGO_ENABLED=1 MACOSX_DEPLOYMENT_TARGET=11.0 LANG=en_US.UTF-8

build=$(mktemp -d)
trap 'rm -rf "$build"; rm -f "$root/cmd/clipper/FyneApp.toml"' EXIT
mkdir -p dist

# 1. The binary, per architecture (Apple's clang builds both), then lipo.
bins=()
for arch in $ARCHS; do
	echo "dist-macos: building for $arch (the first build compiles SQLite and the OpenGL driver: minutes)…"
	GOARCH=$arch go build -trimpath -tags release,migrated_fynedo -ldflags "$LDFLAGS" -o "$build/clipper-$arch" ./cmd/clipper
	bins+=("$build/clipper-$arch")
done
lipo -create -output "$build/clipper" "${bins[@]}"
lipo -info "$build/clipper"

# 2. The .app: fyne package writes Info.plist and the .icns from
# FyneApp.toml, which it reads beside the main package.
go install "fyne.io/tools/cmd/fyne@$fyne_version"
fyne="$(go env GOPATH)/bin/fyne"
cp FyneApp.toml cmd/clipper/FyneApp.toml
rm -rf dist/Clipper.app
(cd dist && "$fyne" package --os darwin --release --src "$root/cmd/clipper" --exe "$build/clipper" \
	--icon "$root/assets/icon.png" --app-version "$VERSION")
rm -f cmd/clipper/FyneApp.toml
app=dist/Clipper.app
/usr/libexec/PlistBuddy -c "Set :LSMinimumSystemVersion $MACOSX_DEPLOYMENT_TARGET" "$app/Contents/Info.plist" 2>/dev/null ||
	/usr/libexec/PlistBuddy -c "Add :LSMinimumSystemVersion string $MACOSX_DEPLOYMENT_TARGET" "$app/Contents/Info.plist"

# 3. Sign: Developer ID with the hardened runtime (notarization needs both),
# or ad-hoc.
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
else
	echo "dist-macos: MACOS_SIGN_IDENTITY is not set: ad-hoc signature (not for distribution)"
	codesign --force --sign - "$app"
fi
codesign --verify --strict --verbose=2 "$app"
"$app/Contents/MacOS/clipper" --version

# 4. The disk image: the app and a link to /Applications to drag it onto.
dmg="dist/Clipper-$VERSION-macos.dmg"
mkdir "$build/dmg"
cp -R "$app" "$build/dmg/"
ln -s /Applications "$build/dmg/Applications"
rm -f "$dmg"
hdiutil create -volname "Clipper $VERSION" -srcfolder "$build/dmg" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

# 5. Notarize and staple, so Gatekeeper opens it without a warning.
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
	xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
	xcrun stapler staple "$dmg"
	spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "dist-macos: $app and $dmg"
