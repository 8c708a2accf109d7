package gui

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	_ "github.com/mattn/go-sqlite3" // the raw driver, for watching a project from outside

	"clipper/model/ingest"
)

// corpusFile returns the absolute path of a file of the shared corpus
// (../shared/corpus beside the checkout). When the corpus is absent the
// test is skipped, except in CI, where it fails.
func corpusFile(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "shared", "corpus", rel))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the corpus file %s is missing in CI: %v", p, err)
		}
		t.Skipf("the shared corpus is not here (%v); skipping", err)
	}
	return p
}

// reportShowing returns the open import report window, or fails.
func reportShowing(t *testing.T, u *UI) *reportWindow {
	t.Helper()
	if u.report == nil {
		t.Fatalf("no import report window; status %q", u.status.Text)
	}
	return u.report
}

// walkObjects calls visit for o and everything under it, widgets' insides
// included.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, visit)
		}
	}
}

// windowText collects the texts of the labels, checks and buttons a
// window shows (of the tree, the rows laid out).
func windowText(w fyne.Window) string {
	var b strings.Builder
	walkObjects(w.Content(), func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + v.Text + "]\n")
		case *widget.Check:
			b.WriteString("[ ] " + v.Text + "\n")
		}
	})
	return b.String()
}

// tapRow scrolls the report's tree to the node uid and taps its row, as a
// click does.
func tapRow(t *testing.T, rw *reportWindow, uid string) {
	t.Helper()
	rw.tree.ScrollTo(uid)
	_, head, text := rw.row(uid)
	var row fyne.Tappable
	walkObjects(rw.tree, func(o fyne.CanvasObject) {
		tp, ok := o.(fyne.Tappable)
		if !ok || row != nil || !o.Visible() {
			return
		}
		found := 0
		walkObjects(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && (l.Text == head || l.Text == text) && c.Visible() {
				found++
			}
		})
		if found == 2 {
			row = tp
		}
	})
	if row == nil {
		t.Fatalf("no row %q (%s) is showing:\n%s", head, uid, windowText(rw.win))
	}
	test.Tap(row)
}

// capture renders w, fails when the picture is blank and, with
// CLIPPER_SHOT_DIR set, writes it there as name for a look.
func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	img := w.Canvas().Capture()
	if Blank(img) {
		t.Fatalf("%s renders blank", name)
	}
	if out := os.Getenv("CLIPPER_SHOT_DIR"); out != "" {
		if err := WritePNG(img, filepath.Join(out, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// articleNode is the tree node of the article numbered n of file f.
func articleNode(t *testing.T, rw *reportWindow, f, n int) (string, ingest.ArticleReport) {
	t.Helper()
	for j, a := range rw.r.files[f].Articles {
		if a.N == n {
			return fmt.Sprintf("f%d/a%d", f, j), a
		}
	}
	t.Fatalf("file %d has no article %d", f, n)
	return "", ingest.ArticleReport{}
}

// TestImportReportOfAnArchive: a LexisNexis export of 27 articles (two of
// them empty placeholders) is reported per file and per article; a
// clicked article opens its clipping; Copy report puts the report on the
// clipboard; imported again, every article is a duplicate that opens the
// clipping already holding it.
func TestImportReportOfAnArchive(t *testing.T) {
	path := corpusFile(t, "archives/nexis/amcat_lexisnexis_test.txt")
	u, st := newTestUI(t)
	drop(u, path)
	u.jobs.wait()
	rw := reportShowing(t, u)
	text := windowText(rw.win)
	for _, want := range []string{
		"27 articles in 1 file: 25 added, 2 not imported.",
		"1 file has warnings.",
		"amcat_lexisnexis_test.txt",
		"LexisNexis TXT · 27 articles (as announced) · 25 added · 2 not imported · 3 warnings",
		"[Copy report]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if n := clippingCount(t, st.Path()); n != 26 {
		t.Errorf("%d clippings in the project, want the sample and 25", n)
	}
	if !strings.Contains(u.status.Text, "25 clippings imported, 2 articles not imported.") {
		t.Errorf("status %q", u.status.Text)
	}

	// Article 2 opens its clipping in the project window.
	uid, a := articleNode(t, rw, 0, 2)
	if head, line := rw.r.articleLines(a); head != "2. Euro-Schuldenkrise belastet DZ Bank" ||
		line != "Börsen-Zeitung · 2011-08-30 · added" {
		t.Errorf("article 2 reads %q / %q", head, line)
	}
	tapRow(t, rw, uid)
	if u.clip.ID != a.ID || u.clip.Headline != "Euro-Schuldenkrise belastet DZ Bank" {
		t.Errorf("after clicking article 2 the open clipping is %q (%s)", u.clip.Headline, u.clip.ID)
	}
	if !strings.Contains(rw.status.Text, "Opened “Euro-Schuldenkrise belastet DZ Bank”") {
		t.Errorf("report status %q", rw.status.Text)
	}
	// Article 8 has no text: nothing to open.
	uid8, a8 := articleNode(t, rw, 0, 8)
	if _, line := rw.r.articleLines(a8); line != "not imported: the document has no text" {
		t.Errorf("article 8 reads %q", line)
	}
	tapRow(t, rw, uid8)
	if u.clip.ID != a.ID || !strings.Contains(rw.status.Text, "Article 8 was not imported") {
		t.Errorf("clicking article 8: open %q, status %q", u.clip.Headline, rw.status.Text)
	}

	test.Tap(findButton(rw.win.Content(), "Copy report"))
	clip := u.app.Clipboard().Content()
	for _, want := range []string{"Clipper import report", "Project: " + st.Path(), path,
		"  2. Euro-Schuldenkrise belastet DZ Bank\n    Börsen-Zeitung · 2011-08-30 · added [clipping " + a.ID + "]",
		"  8. (no headline)\n    not imported: the document has no text\n",
		"  warning: article 10: the document has no text", "  left out: cover page"} {
		if !strings.Contains(clip, want) {
			t.Errorf("the copied report lacks %q:\n%s", want, clip)
		}
	}

	// The same file again: every article is already in the project.
	first := rw
	drop(u, path)
	u.jobs.wait()
	rw = reportShowing(t, u)
	if rw == first {
		t.Fatal("the second import did not get its own report")
	}
	if text := windowText(rw.win); !strings.Contains(text, "27 articles in 1 file: 0 added, 25 already in the project, 2 not imported.") {
		t.Errorf("second report:\n%s", text)
	}
	uid, dup := articleNode(t, rw, 0, 2)
	if _, line := rw.r.articleLines(dup); dup.ID != a.ID ||
		line != "Börsen-Zeitung · 2011-08-30 · already in the project (same text) as “Euro-Schuldenkrise belastet DZ Bank”" {
		t.Errorf("the duplicate reads %q (clipping %s, want %s)", line, dup.ID, a.ID)
	}
	if err := u.Open(u.lib.firstID()); err != nil {
		t.Fatal(err)
	}
	tapRow(t, rw, uid)
	if u.clip.ID != a.ID {
		t.Errorf("the duplicate's row opened %q, want the clipping holding it", u.clip.Headline)
	}
	if n := clippingCount(t, st.Path()); n != 26 {
		t.Errorf("%d clippings after importing the file again, want 26", n)
	}
}

// TestImportCancelKeepsCommittedFiles: cancelled after its first batch of
// files was committed, an import keeps that batch and its report says
// what was imported and that the rest was not.
func TestImportCancelKeepsCommittedFiles(t *testing.T) {
	u, st := newTestUI(t)
	dir := t.TempDir()
	const files = 3000 // ingest commits every 1,000 files
	for i := range files {
		text := fmt.Sprintf("Council report %d\n\nThe council published report number %d on Tuesday.", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite3", "file:"+st.Path()+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Cancel, as the Cancel button does, once the first batch is in.
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM clippings`).Scan(&n); err == nil && n > 1 {
				u.jobs.mu.Lock()
				for l := range u.jobs.live {
					l.cancel()
				}
				u.jobs.mu.Unlock()
				return
			}
		}
	}()
	drop(u, dir)
	u.jobs.wait()
	<-stopped
	rw := reportShowing(t, u)
	added := rw.r.sum.added
	if !rw.r.cancelled() || added == 0 || added >= files {
		t.Fatalf("cancelled %v with %d added", rw.r.cancelled(), added)
	}
	if n := clippingCount(t, st.Path()); n != added+1 {
		t.Errorf("%d clippings in the project, the report says %d were added", n, added)
	}
	text := windowText(rw.win)
	want := fmt.Sprintf("Import cancelled after %s of 3,000 files. The files listed here were imported and stay in the project; the other %s files were not imported.",
		thousands(len(rw.r.files)), thousands(files-len(rw.r.files)))
	if !strings.Contains(text, want) {
		t.Errorf("the report lacks %q:\n%s", want, text)
	}
	if want := "Import cancelled: " + thousands(added) + " clippings imported before the cancel; they stay in the project."; !strings.HasPrefix(u.status.Text, want) {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	if u.lib.clips != added+1 {
		t.Errorf("the library lists %d clippings", u.lib.clips)
	}
}

// TestImportProgressCountsArticles: the progress line counts files and
// the articles found in them.
func TestImportProgressCountsArticles(t *testing.T) {
	u, _ := newTestUI(t)
	dir := clippingFiles(t, twoClippings)
	drop(u, dir)
	base := filepath.Base(dir)
	label := topWidget(t, u, func(l *widget.Label) bool { return l.Text == base })
	u.jobs.wait()
	if want := base + " — 2 of 2 files · 2 articles"; label.Text != want {
		t.Errorf("the progress line said %q at the end, want %q", label.Text, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 25000: "25,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestImportReportRenders draws the report of a folder holding archive
// exports, a broken file and sidecars; with CLIPPER_SHOT_DIR set it writes
// the picture there (import-report.png) for a look.
func TestImportReportRenders(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{"archives/nexis/amcat_lexisnexis_test.txt", "archives/nexis/lnt_sample_nexisuni.DOCX",
		"archives/nexis/tmplugin_lexisnexis_test_copyright_error.html", "archives/factiva/tmplugin_factiva_test.html"} {
		p := corpusFile(t, rel)
		if err := os.Symlink(p, filepath.Join(dir, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range map[string]string{"broken.docx": "not a Word file", ".DS_Store": "\x00\x01", "search.json": "{}"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, _ := newTestUI(t)
	drop(u, dir)
	u.jobs.wait()
	rw := reportShowing(t, u)
	shot := func(name string) { t.Helper(); capture(t, rw.win, name) }
	text := windowText(rw.win)
	for _, want := range []string{"Skipped", "1 sidecar file (not clippings)", "broken.docx", "could not be imported: "} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	shot("import-report-files.png")
	tapRow(t, rw, "f0")
	tapRow(t, rw, "f0/w2")
	if !strings.Contains(rw.status.Text, "the file seems pieced together from several downloads, so only its 27 document markers are counted") {
		t.Errorf("a clicked warning shows %q", rw.status.Text)
	}
	uid, _ := articleNode(t, rw, 0, 9)
	tapRow(t, rw, uid)
	shot("import-report-articles.png")
	capture(t, u.win, "import-main.png")
}
