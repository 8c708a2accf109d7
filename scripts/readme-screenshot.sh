#!/usr/bin/env bash
# Rebuilds docs/screenshot.png: the sample clipping with a few annotations,
# made through the CLI and captured from the real window under Xvfb.
# Needs xvfb-run (make test-deps) and python3 (to find spans in the text).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 LANGUAGE=en XDG_CONFIG_HOME="$tmp/config"
go build -o "$tmp/clipper" ./cmd/clipper
python3 - "$tmp/clipper" "$tmp/demo.clip" > "$tmp/id" <<'PY'
import json, subprocess, sys
clipper, db = sys.argv[1], sys.argv[2]
def run(*a):
    return subprocess.run([clipper, "--db", db, "--coder", "Priya", *a], check=True, capture_output=True, text=True).stdout
sample = "assets/sample-clipping.txt"
res = json.loads(run("import", sample).splitlines()[0])
cid = res["articles"][0]["id"] if "articles" in res else res["id"]
body = json.loads(run("parse", sample))["body"]
def ann(text, tag, *extra):
    s = len(body[:body.index(text)])
    run("annotate", "--clipping", cid, "--tag", tag, "--start", str(s), "--end", str(s + len(text)), *extra)
ann("lead levels in some homes had nearly tripled since 2021, the largest increase recorded in the region", "claim", "--claimant", "city council", "--status", "unverified")
ann("About 14,000 homes", "figure", "--value", "14000", "--unit", "homes", "--comparator", "~")
ann("320 businesses", "figure", "--value", "320", "--unit", "businesses")
ann("an estimated cost of $48.5 million", "figure", "--value", "48500000", "--unit", "USD", "--comparator", "~")
ann("“We cannot ask families to drink water we would not give our own children,”", "quote", "--speaker", "Helen Okafor")
ann("“This is the fastest safe option we have.”", "quote", "--speaker", "Helen Okafor")
ann("up to 41 parts per billion", "figure", "--value", "41", "--unit", "parts per billion", "--comparator", "<=")
ann("The utilities department said the readings were caused by corroding service pipes, not by the plant itself.", "claim", "--claimant", "utilities department", "--status", "unsupported", "--note", "No pipe survey published yet.")
print(cid)
PY
FYNE_THEME=light xvfb-run -a -s "-screen 0 1600x1000x24" "$tmp/clipper" --db "$tmp/demo.clip" --coder Priya \
	--screenshot docs/screenshot.png --size 1280x800 --clipping "$(cat "$tmp/id")"
echo "wrote docs/screenshot.png"
