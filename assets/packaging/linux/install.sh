#!/bin/sh
# Installs Clipper from this folder.
#   ./install.sh                  for you alone, into ~/.local (no root needed)
#   ./install.sh --uninstall      removes that again (your projects are kept)
#   sudo ./install.sh --system [--uninstall]   for everyone, into /usr/local
#   (PREFIX=DIR ./install.sh installs into DIR)
# It registers the .clip project type, so double-clicking a project opens it
# in Clipper (some desktops notice only after you log in again).
set -eu

appid=org.clipper.app
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-${HOME:?}/.local}
files="bin/clipper
share/applications/$appid.desktop
share/metainfo/$appid.metainfo.xml
share/mime/packages/$appid.xml
share/icons/hicolor/512x512/apps/$appid.png
share/pixmaps/$appid.png"

action=install
for arg in "$@"; do
	case "$arg" in
	--uninstall) action=uninstall ;;
	--system) prefix=/usr/local ;;
	*)
		sed -n '2,8s/^# //p' "$0" >&2
		exit 2
		;;
	esac
done

# refresh updates the desktop's caches when their tools are there; without
# them the file type is picked up at the next login.
refresh() {
	if command -v update-mime-database >/dev/null 2>&1; then
		update-mime-database "$prefix/share/mime" || true
	fi
	if command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$prefix/share/applications" || true
	fi
	if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$prefix/share/icons/hicolor/index.theme" ]; then
		gtk-update-icon-cache -q -t -f "$prefix/share/icons/hicolor" || true
	fi
}

if [ "$action" = uninstall ]; then
	for f in $files; do
		rm -f "$prefix/$f"
	done
	refresh
	echo "Clipper is removed from $prefix. Your projects and preferences are kept."
	exit 0
fi

for f in $files; do
	mode=0644
	[ "$f" = bin/clipper ] && mode=0755
	mkdir -p "$(dirname "$prefix/$f")"
	cp "$here/usr/local/$f" "$prefix/$f.new"
	chmod "$mode" "$prefix/$f.new"
	mv -f "$prefix/$f.new" "$prefix/$f"
done
# The menu entry names the program by its full path: ~/.local/bin is not
# on every PATH.
sed -i -e "s|^Exec=clipper|Exec=$prefix/bin/clipper|" "$prefix/share/applications/$appid.desktop"
refresh
echo "Clipper $(cat "$here/VERSION" 2>/dev/null || true) is installed in $prefix."
echo "Start it from your applications menu, or run: $prefix/bin/clipper"
