#!/usr/bin/env bash
# Installs what Clipper needs to build and test: a C compiler for cgo (SQLite),
# Fyne's OpenGL/X11 headers, and for the tests Xvfb, xmllint, LibreOffice Calc and Writer
# (the export tests validate REFI-QDA files and convert a workbook headless; the PDF
# tests convert a Lexis TXT to PDF) and tesseract (the optional OCR tests).
# With --dist: the cross-compiler, NSIS and archivers make dist needs; with
# --dist-test also Wine and the desktop-file checkers make dist-test runs.
# Idempotent: installs only what is missing. Debian/Ubuntu via apt-get
# (with sudo when not root); elsewhere prints what to install.
set -euo pipefail

build_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
# LibreOffice Writer makes the Lexis PDFs the PDF tests read; tesseract lets
# the optional OCR tests run (Clipper never needs it to build or test).
test_pkgs=(xvfb xauth libxml2-utils libreoffice-calc-nogui libreoffice-writer-nogui tesseract-ocr tesseract-ocr-eng)
# make dist: Windows cross-compiler (cgo stays on for SQLite), the NSIS
# installer builder, zip and xz for the archives.
dist_pkgs=(gcc-mingw-w64-x86-64 nsis zip xz-utils)
# make dist-test: Wine runs the Windows build; the checkers validate the
# Linux desktop entry and AppStream metainfo; imagemagick captures the
# window under Xvfb.
dist_test_pkgs=(wine64 wine desktop-file-utils appstream imagemagick unzip)

# Fonts for the reader's tests of scripts the bundled font lacks: Chinese
# (WenQuanYi Micro Hei, 1.6 MB; fonts-noto-cjk would be 57 MB), Arabic and Hebrew (DejaVu).
test_pkgs+=(fonts-wqy-microhei fonts-dejavu-core)
want=("${build_pkgs[@]}")
case "${1:-}" in
--test) want+=("${test_pkgs[@]}") ;;
--dist) want+=("${dist_pkgs[@]}") ;;
--dist-test) want+=("${dist_pkgs[@]}" "${test_pkgs[@]}" "${dist_test_pkgs[@]}") ;;
esac

if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
	echo "deps: Go is not installed. Install Go 1.26 or newer from your distribution or the Go website, then run make again." >&2
	exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	cat >&2 <<MSG
deps: this is not a Debian/Ubuntu system, so nothing was installed.
Clipper needs: a C compiler (gcc or clang), pkg-config, and the development headers of
OpenGL and X11 (GL, X11, Xcursor, Xrandr, Xinerama, Xi, Xxf86vm).
  Fedora:  sudo dnf install gcc pkgconf-pkg-config libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel mesa-libGL-devel
  Arch:    sudo pacman -S gcc pkgconf libx11 libxcursor libxrandr libxinerama libxi libxxf86vm mesa
  macOS:   xcode-select --install
For the tests also: Xvfb (xorg-x11-server-Xvfb / xorg-server-xvfb), xmllint (libxml2) and
LibreOffice Calc; without them the tests that need them are skipped (CI=true makes them fail).
MSG
	exit 0
fi

missing=()
for p in "${want[@]}"; do
	# Only install what is absent: naming an installed mesa package makes apt upgrade it.
	if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
