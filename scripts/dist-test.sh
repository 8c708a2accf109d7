#!/usr/bin/env bash
# Tests what make dist built, as a user would meet it:
#   Windows: the zip's clipper.exe under Wine — --version, import a
#     clipping, annotate, export xlsx (opened by LibreOffice) and csv, share,
#     annotate the copy, merge it back, info; the .clip association script;
#     the installer (silent install, registry, uninstall); the window drawn
#     under Wine + Xvfb, captured to dist/test/. The Linux build then reads
#     the project Windows wrote.
#   Linux: the tarball's desktop entry and metainfo validate; install.sh
#     installs into a throwaway user's home (a temporary HOME when not
#     root), registers the .clip type, and the installed program starts
#     (--version, --screenshot under Xvfb); --uninstall removes it.
# Ends with "N passed, N failed"; exits non-zero when a check failed.
# Run through make dist-test (it builds dist/ and installs Wine first);
# DIST_TEST=windows or DIST_TEST=linux runs one half.
set -uo pipefail
source "$(dirname "$0")/dist-common.sh"
cd "$root"

passed=0 failed=0
ok() {
	echo "dist-test: ok   $*"
	passed=$((passed + 1))
}
bad() {
	echo "dist-test: FAIL $*" >&2
	failed=$((failed + 1))
}
# check DESCRIPTION COMMAND…: runs the command, ok when it succeeds.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}
# json FILE EXPR: evaluates a Python expression over the JSON in FILE
# (one object, or one per line as the list "rows").
json() {
	python3 - "$1" "$2" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
    doc = json.loads(text)
except ValueError:
    doc = None
rows = []
for line in text.splitlines():
    try:
        rows.append(json.loads(line))
    except ValueError:
        pass
print(eval(sys.argv[2], {"doc": doc, "rows": rows}))
PY
}

zipfile="dist/Clipper-$VERSION-windows-amd64.zip"
setup="dist/Clipper-$VERSION-windows-amd64-setup.exe"
tarball="dist/Clipper-$VERSION-linux-amd64.tar.xz"
stamp="$VERSION ($COMMIT)"
parts=${DIST_TEST:-windows linux}
want=()
[[ $parts == *windows* ]] && want+=("$zipfile" "$setup")
[[ $parts == *linux* ]] && want+=("$tarball")
for f in "${want[@]}"; do
	[ -s "$f" ] || { echo "dist-test: $f is missing: run make dist first" >&2; exit 1; }
done
for tool in x86_64-w64-mingw32-gcc wine winepath wineserver xvfb-run Xvfb python3 unzip soffice import identify desktop-file-validate appstreamcli xmllint; do
	command -v "$tool" >/dev/null || { echo "dist-test: $tool is missing: run bash scripts/deps.sh --dist-test" >&2; exit 1; }
done

work=$(mktemp -d /tmp/clipper-dist-test.XXXXXX)
chmod 755 "$work"
shots="$root/dist/test"
mkdir -p "$shots"
xvfb_pid="" app_pid="" tester=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	WINEPREFIX="$work/wine" wineserver -k 2>/dev/null
	[ -n "$tester" ] && userdel -r "$tester" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# ---------------------------------------------------------------- Windows
ana="$work/ana.clip" ben="$work/ben.clip"
test_windows() {
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko download prompts: Clipper needs neither. Go programs
# need bcryptprimitives.dll (ProcessPrng), which Wine 8 lacks: a stand-in
# goes into the prefix (scripts/wine/bcryptprimitives.c), not into dist/.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
t0=$(date +%s)
wineboot --init >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	scripts/wine/bcryptprimitives.c -lbcrypt
echo "dist-test: Wine prefix ready in $(elapsed "$t0") s"

unzip -q "$zipfile" -d "$work/zip"
exe="$work/zip/Clipper/clipper.exe"
check "zip holds clipper.exe, README.txt and the association scripts" \
	test -s "$exe" -a -s "$work/zip/Clipper/README.txt" -a -s "$work/zip/Clipper/register-clip-files.cmd" -a -s "$work/zip/Clipper/unregister-clip-files.cmd"
check "README.txt has Windows line ends and says how to associate .clip files" \
	bash -c "grep -q 'register-clip-files.cmd' '$work/zip/Clipper/README.txt' && ! grep -qv \$'\\r\$' '$work/zip/Clipper/README.txt'"

w() { winepath -w "$1" 2>/dev/null; }
# clip ARGS…: runs clipper.exe under Wine with stdout to $work/out, stderr to $work/err.
clip() { wine "$exe" "$@" >"$work/out" 2>"$work/err"; }

clip --version
check "clipper.exe --version says Clipper $VERSION" grep -qx "Clipper $VERSION" "$work/out"
check "clipper.exe --version has the commit $COMMIT" grep -q "^commit:  $COMMIT" "$work/out"
check "clipper.exe --version names Go for windows/amd64, Fyne and SQLite" \
	bash -c "grep -q '^Go: .* windows/amd64\$' '$work/out' && grep -q '^Fyne: *v2' '$work/out' && grep -q '^SQLite: *3\.' '$work/out'"
sed 's/^/    /' "$work/out"

clip --db "$(w "$ana")" --coder Ana import "$(w assets/sample-clipping.txt)"
id=$(json "$work/out" 'rows[0]["articles"][0]["id"]')
check "import a clipping (id $id)" test "$(json "$work/out" 'rows[0].get("error") or ""')" = ""
clip --db "$(w "$ana")" --coder Ana annotate --clipping "$id" --tag claim --start 0 --end 8
check "annotate it as Ana" test -s "$work/out"
clip --db "$(w "$ana")" annotations
check "the annotation is stored (claim 0–8 by Ana)" test "$(json "$work/out" '[(r["tag"], r["start"], r["end"], r["coder"]) for r in rows]')" = "[('claim', 0, 8, 'Ana')]"
exact=$(json "$work/out" 'rows[0]["text"]')

clip --db "$(w "$ana")" export --format xlsx -o "$(w "$work/ana.xlsx")"
size=$(stat -c %s "$work/ana.xlsx" 2>/dev/null || echo 0)
check "export xlsx ($size bytes)" test "$size" -gt 4000
check "the workbook is a zip with xl/workbook.xml" bash -c "unzip -l '$work/ana.xlsx' | grep -q 'xl/workbook.xml'"
(cd "$work" && HOME="$work/lohome" timeout 180 soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
	--outdir "$work/lo" "$work/ana.xlsx" >"$work/lo.log" 2>&1) || cat "$work/lo.log"
check "LibreOffice opens the workbook and finds Ana's claim \"$exact\"" \
	bash -c "grep -F '$exact' '$work/lo/ana.csv' | grep -q 'Ana'"
clip --db "$(w "$ana")" export --format csv -o "$(w "$work/ana.csv")"
size=$(stat -c %s "$work/ana.csv" 2>/dev/null || echo 0)
check "export csv ($size bytes) holds a header and Ana's claim" \
	bash -c "[ \$(grep -c . '$work/ana.csv') -ge 2 ] && grep -F '$exact' '$work/ana.csv' | grep -q 'Ana'"

clip --db "$(w "$ana")" share -o "$(w "$ben")"
check "share a copy for Ben" test -s "$ben"
clip --db "$(w "$ben")" --coder Ben annotate --clipping "$id" --tag quote --start 10 --end 20
check "Ben annotates his copy" test -s "$work/out"
clip --db "$(w "$ana")" --coder Ana merge "$(w "$ben")"
check "merge Ben's copy back: 1 annotation added" test "$(json "$work/out" 'doc["annotations"]["added"]')" = 1
check "the merge reports Ben's Clipper ($stamp)" test "$(json "$work/out" 'doc["peer_versions"]["written_by"]')" = "$stamp"
clip --db "$(w "$ana")" merge "$(w "$ben")"
check "merging again changes nothing" test "$(json "$work/out" 'doc["annotations"]["added"]')" = 0
clip --db "$(w "$ana")" info
check "info: created and last written by Clipper $stamp" \
	test "$(json "$work/out" 'doc["created_by"] + "|" + doc["written_by"]')" = "$stamp|$stamp"
clip --db "$(w "$ana")" stats
check "stats: 2 annotations" test "$(json "$work/out" 'doc["annotations"]')" = 2

# The association script of the zip.
wine cmd /c "$(w "$work/zip/Clipper/register-clip-files.cmd")" /quiet >/dev/null 2>&1
wine reg query 'HKCU\Software\Classes\Clipper.Project\shell\open\command' /ve >"$work/out" 2>/dev/null
check "register-clip-files.cmd: .clip opens with clipper.exe \"%1\"" grep -qi 'clipper.exe" "%1"' "$work/out"
wine cmd /c "$(w "$work/zip/Clipper/unregister-clip-files.cmd")" /quiet >/dev/null 2>&1
check "unregister-clip-files.cmd removes it" bash -c "! wine reg query 'HKCU\\Software\\Classes\\Clipper.Project' >/dev/null 2>&1"

# The installer: silent per-user install, registry, the installed program,
# silent uninstall.
wine "$setup" /S >/dev/null 2>&1
wineserver -w
local_app=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
inst=$(winepath -u "$local_app\\Programs\\Clipper" 2>/dev/null)
check "installer puts clipper.exe and uninstall.exe in %LOCALAPPDATA%\\Programs\\Clipper" test -s "$inst/clipper.exe" -a -s "$inst/uninstall.exe"
wine reg query 'HKCU\Software\Classes\Clipper.Project\shell\open\command' /ve >"$work/out" 2>/dev/null
check "installer registers .clip (open command)" grep -qi 'Programs\\Clipper\\clipper.exe" "%1"' "$work/out"
wine reg query 'HKCU\Software\Classes\.clip' /ve >"$work/out" 2>/dev/null
check "installer maps .clip to Clipper.Project" grep -q 'Clipper.Project' "$work/out"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Clipper' /v DisplayVersion >"$work/out" 2>/dev/null
check "installer lists Clipper $VERSION in Apps" grep -q "$VERSION" "$work/out"
wine "$inst/clipper.exe" --version >"$work/out" 2>/dev/null
check "the installed clipper.exe runs" grep -qx "Clipper $VERSION" "$work/out"
wine "$inst/uninstall.exe" /S >/dev/null 2>&1
wineserver -w
sleep 2
check "uninstaller removes the program" test ! -e "$inst/clipper.exe"
check "uninstaller removes the .clip association" bash -c "! wine reg query 'HKCU\\Software\\Classes\\Clipper.Project' >/dev/null 2>&1"

# The window under Wine + Xvfb: Clipper's own screenshot (the window must
# open for it to be taken), then the real screen captured from outside.
# Wine's desktop process started without a display so far: restart it.
wineserver -k 2>/dev/null
wineserver -w
# Xvfb picks a free display number and writes it to fd 5.
Xvfb -displayfd 5 -screen 0 1400x900x24 -nolisten tcp 5>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
	[ -s "$work/display" ] && break
	sleep 0.1
done
disp=:$(tr -d '\n' <"$work/display")
# Every Wine program from here on sees the display (winepath too: the first
# one starts Wine's desktop process, which keeps the display it found).
export DISPLAY=$disp
timeout 180 wine "$exe" --db "$(w "$ana")" --coder Ana --screenshot "$(w "$work/wine-shot.png")" --size 1280x800 >"$work/out" 2>"$work/err"
dims=$(identify -format '%w %h' "$work/wine-shot.png" 2>/dev/null)
check "the window opens under Wine and draws itself (--screenshot $dims)" test "$dims" = "1280 800"
[ "$dims" = "1280 800" ] || sed 's/^/    /' "$work/err" | tail -20
cp "$work/wine-shot.png" "$shots/windows-screenshot-option.png" 2>/dev/null
wine "$exe" --db "$(w "$ana")" --coder Ana >/dev/null 2>&1 &
app_pid=$!
# Capture the screen until the window shows (an empty Xvfb screen is one
# flat colour), for up to two minutes on a busy machine; then a few seconds
# more so it is fully drawn.
spread=0
for _ in $(seq 40); do
	sleep 3
	import -window root "$work/screen.png" 2>/dev/null || continue
	spread=$(convert "$work/screen.png" -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
	python3 -c "import sys; sys.exit(0 if float('$spread') > 0.05 else 1)" && break
done
sleep 5
import -window root "$shots/windows-under-wine.png" 2>/dev/null
spread=$(convert "$shots/windows-under-wine.png" -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
kill "$app_pid" 2>/dev/null
app_pid=""
wineserver -k 2>/dev/null
unset DISPLAY
check "the screen under Wine shows a drawn window (grey spread $spread, dist/test/windows-under-wine.png)" \
	python3 -c "import sys; sys.exit(0 if float('$spread') > 0.05 else 1)"

}

# ------------------------------------------------------------------ Linux
test_linux() {
mkdir "$work/lin"
tar -xJf "$tarball" -C "$work/lin"
pkg="$work/lin/Clipper"
usr="$pkg/usr/local"
check "tarball holds install.sh, the binary, desktop entry, metainfo, MIME type and icons" \
	test -x "$pkg/install.sh" -a -x "$usr/bin/clipper" -a -s "$usr/share/applications/org.clipper.app.desktop" \
	-a -s "$usr/share/metainfo/org.clipper.app.metainfo.xml" -a -s "$usr/share/mime/packages/org.clipper.app.xml" \
	-a -s "$usr/share/icons/hicolor/512x512/apps/org.clipper.app.png"
check "desktop entry validates and opens .clip projects" \
	bash -c "desktop-file-validate '$usr/share/applications/org.clipper.app.desktop' && grep -q '^MimeType=application/x-clipper-project' '$usr/share/applications/org.clipper.app.desktop' && grep -q '^Exec=clipper %f$' '$usr/share/applications/org.clipper.app.desktop'"
check "AppStream metainfo validates" appstreamcli validate --no-net --pedantic "$usr/share/metainfo/org.clipper.app.metainfo.xml"
check "MIME type definition is well-formed XML" xmllint --noout "$usr/share/mime/packages/org.clipper.app.xml"

# The Linux build reads the project Windows wrote.
if [ -s "$ana" ]; then
	"$usr/bin/clipper" --db "$ana" annotations >"$work/out" 2>"$work/err"
	check "the Linux build reads the Windows-made project (2 annotations)" test "$(json "$work/out" 'len(rows)')" = 2
fi

# A clean account: a throwaway user when root, else a temporary HOME.
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null; then
	tester="clipdt$$"
	useradd -m -d "$work/home" -s /bin/bash "$tester"
	as_user() { runuser -u "$tester" -- env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 LANGUAGE=en "$@"; }
	who="a new user account ($tester)"
else
	mkdir "$work/home"
	as_user() { env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 LANGUAGE=en "$@"; }
	who="a fresh HOME"
fi
cp -r "$pkg" "$work/home/Clipper"
[ -n "$tester" ] && chown -R "$tester" "$work/home/Clipper"
h="$work/home"
as_user "$h/Clipper/install.sh" >"$work/out" 2>&1
check "install.sh installs into ~/.local of $who" test -x "$h/.local/bin/clipper"
check "the menu entry runs ~/.local/bin/clipper" grep -q "^Exec=$h/.local/bin/clipper %f" "$h/.local/share/applications/org.clipper.app.desktop"
check "the .clip type is registered (~/.local/share/mime)" grep -q 'application/x-clipper-project:\*\.clip' "$h/.local/share/mime/globs2"
check "the .clip type recognises a project by content" grep -q 'application/x-clipper-project' "$h/.local/share/mime/magic"
check "the desktop database maps the type to Clipper" grep -q 'application/x-clipper-project=org.clipper.app.desktop' "$h/.local/share/applications/mimeinfo.cache"
as_user "$h/.local/bin/clipper" --version >"$work/out" 2>&1
check "the installed clipper --version says $VERSION ($COMMIT)" bash -c "grep -qx 'Clipper $VERSION' '$work/out' && grep -q '^commit:  $COMMIT' '$work/out'"
as_user xvfb-run -a -s "-screen 0 1400x900x24" "$h/.local/bin/clipper" --screenshot "$h/shot.png" --size 1024x700 >"$work/out" 2>&1
check "the installed app starts on a fresh account and draws its window" test "$(identify -format '%w %h' "$h/shot.png" 2>/dev/null)" = "1024 700"
cp "$h/shot.png" "$shots/linux-fresh-account.png" 2>/dev/null
check "its first start made the default project with the sample clipping" test -s "$h/.local/share/Clipper/default.clip"
as_user "$h/Clipper/install.sh" --uninstall >"$work/out" 2>&1
check "install.sh --uninstall removes the program and menu entry" \
	test ! -e "$h/.local/bin/clipper" -a ! -e "$h/.local/share/applications/org.clipper.app.desktop"
check "uninstalling keeps the user's project" test -s "$h/.local/share/Clipper/default.clip"
}

for part in $parts; do
	echo "dist-test: $part"
	"test_$part"
done

echo "dist-test: pictures in dist/test/: look at them"
echo "dist-test: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
