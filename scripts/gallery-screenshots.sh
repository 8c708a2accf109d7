#!/usr/bin/env bash
# Rebuilds docs/gallery-cjk.png and docs/gallery-rtl.png: a Chinese and an
# Arabic clipping (short texts written for the gallery) with a few
# annotations, captured from the real window under Xvfb. Needs xvfb-run and
# a Chinese and an Arabic font (make test-deps) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 LANGUAGE=en XDG_CONFIG_HOME="$tmp/config"
go build -o "$tmp/clipper" ./cmd/clipper

cat > "$tmp/cjk.txt" <<'TXT'
港湾日报

渡轮票价四月起上涨百分之十二

岛民团体称涨价是“对岛民征税”，要求议会公开成本数据

本报记者 李明

本报讯 港湾渡轮公司周一宣布，将于2024年4月1日起把单程票价上调12%，这是两年内的第二次涨价。公司表示，燃料成本自2022年以来上涨了三分之一以上。

“我们已经尽力维持价格，”首席执行官Dana Holt在记者会上说。她表示，新增收入将用于更换两艘老旧渡轮，并增加冬季班次。

乘客团体“岛民之声”则批评此举是“对岛民征税”。该团体负责人王芳说，许多居民每天乘船上班，涨价后一个家庭每月将多支出约三百元。

市议会将于下周二（4月9日）就票价问题举行听证会。
TXT

cat > "$tmp/rtl.txt" <<'TXT'
صحيفة الميناء

أسعار العبّارة ترتفع بنسبة 12% في أبريل

مجموعة الركاب تصف الزيادة بأنها "ضريبة على سكان الجزيرة"

بقلم: سارة حداد

أعلنت شركة عبّارات الميناء يوم الاثنين أن أسعار التذاكر سترتفع بنسبة 12% اعتبارًا من 1 أبريل 2024، وهي الزيادة الثانية خلال عامين. وقالت الشركة إن تكاليف الوقود ارتفعت بأكثر من الثلث منذ عام 2022.

وقالت الرئيسة التنفيذية Dana Holt في مؤتمر صحفي: "حافظنا على الأسعار لأطول فترة ممكنة". وأضافت أن العائدات ستُستخدم لاستبدال عبّارتين قديمتين وزيادة الرحلات في فصل الشتاء.

وانتقدت مجموعة "صوت الجزيرة" القرار، وقال رئيسها عمر خليل إن الأسرة الواحدة ستدفع نحو 300 جنيه إضافية كل شهر.

ويعقد مجلس المدينة جلسة استماع يوم الثلاثاء المقبل (الساعة 18:00).
TXT

python3 - "$tmp/clipper" "$tmp/demo.clip" "$tmp" > "$tmp/ids" <<'PY'
import json, subprocess, sys
clipper, db, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
def run(*a):
    return subprocess.run([clipper, "--db", db, "--coder", "Priya", *a], check=True, capture_output=True, text=True).stdout
def clip(name, anns):
    path = f"{tmp}/{name}.txt"
    res = json.loads(run("import", path).splitlines()[0])
    cid = res["articles"][0]["id"] if "articles" in res else res["id"]
    body = json.loads(run("parse", path))["body"]
    for text, tag, *extra in anns:
        s = len(body[:body.index(text)])
        run("annotate", "--clipping", cid, "--tag", tag, "--start", str(s), "--end", str(s + len(text)), *extra)
    return cid
print(clip("cjk", [
    ("将于2024年4月1日起把单程票价上调12%", "claim", "--claimant", "港湾渡轮公司", "--status", "unverified"),
    ("12%", "figure", "--value", "12", "--unit", "%"),
    ("“我们已经尽力维持价格，”", "quote", "--speaker", "Dana Holt"),
    ("约三百元", "figure", "--value", "300", "--unit", "CNY", "--comparator", "~"),
]))
print(clip("rtl", [
    ("أسعار التذاكر سترتفع بنسبة 12% اعتبارًا من 1 أبريل 2024", "claim", "--claimant", "شركة عبّارات الميناء", "--status", "unverified"),
    ("12% اعتبارًا", "figure", "--value", "12", "--unit", "%"),
    ("\"حافظنا على الأسعار لأطول فترة ممكنة\"", "quote", "--speaker", "Dana Holt"),
    ("300 جنيه", "figure", "--value", "300", "--unit", "EGP"),
]))
PY
shot() {
	FYNE_THEME=light xvfb-run -a -s "-screen 0 1600x1000x24" "$tmp/clipper" --db "$tmp/demo.clip" --coder Priya \
		--screenshot "$1" --size 1280x800 --clipping "$2"
	echo "wrote $1"
}
shot docs/gallery-cjk.png "$(sed -n 1p "$tmp/ids")"
shot docs/gallery-rtl.png "$(sed -n 2p "$tmp/ids")"
