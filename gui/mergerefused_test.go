package gui

import (
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// rawEdit runs SQL statements on the project file at path with the raw
// SQLite driver: the values a hand edit, an older Clipper or a hostile
// colleague can leave, which Clipper itself never writes. Test-only: the
// file must not be open.
func rawEdit(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// badTagID is the id of a tag a test slips into a colleague's file.
const badTagID = "01900000-0000-7000-8000-00000000aaa1"

// TestMergeListsRefusedRows: a colleague's file holding a tag whose name
// hides a zero-width space is previewed with a "Rows refused" list giving
// the reason, counted in the headline; the rest merges, and the review
// lists the refused row until it is dismissed.
func TestMergeListsRefusedRows(t *testing.T) {
	u, st := newTestUI(t)
	theirFile := colleagueFile(t, u, st)
	rawEdit(t, theirFile, `INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('`+badTagID+
		`', 'claim' || char(8203), 'custom', '2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`)

	u.previewMerge(theirFile)
	u.jobs.wait()
	text := overlayText(t, u)
	for _, want := range []string{
		"Merging would bring 1 new annotation. 1 row of the file is refused for invalid values and not merged (listed below).",
		"Rows refused: invalid values, not merged (the rest is merged) (1)",
		"• tag " + badTagID + ": ",
		"U+200B",
		"[Merge]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}

	capture(t, u.win, "merge-preview-refused.png")

	tapDialogButton(t, u, "Merge")
	u.jobs.wait()
	capture(t, u.win, "merge-review-refused.png")
	if n := len(annotationsOnDisk(t, st)); n != 1 {
		t.Errorf("%d annotations after the merge, want Ben's", n)
	}
	if tags, err := st.Tags(u.ctx()); err != nil || len(tags) != 3 {
		t.Errorf("tags after the merge: %d, %v (the refused one must not arrive)", len(tags), err)
	}
	if !strings.Contains(u.status.Text, "refused (invalid values, see the report): 1 tags") {
		t.Errorf("status %q", u.status.Text)
	}
	if u.mergeTab == nil || u.tabs.Selected() != u.mergeTab {
		t.Fatal("the merge review did not open for the refused row")
	}
	m := u.merges
	if got := m.summary.Text; got != "To check: 1 row of ben.clip refused" {
		t.Errorf("review summary %q", got)
	}
	if len(m.items) != 1 || m.items[0].refused == nil {
		t.Fatalf("review items %+v", m.items)
	}
	head, line := m.rowText(m.items[0])
	if head != "Refused · tag from ben.clip" || !strings.Contains(line, "U+200B") {
		t.Errorf("review row %q / %q", head, line)
	}
	detail := strings.Join(labelTexts(m.detail), "\n")
	if !strings.Contains(detail, "Not merged: this tag of ben.clip") || !strings.Contains(detail, badTagID) {
		t.Errorf("review detail:\n%s", detail)
	}
	test.Tap(findButton(m.detail, "Dismiss"))
	if len(m.items) != 0 || m.summary.Text != "Nothing left to review from merges." {
		t.Errorf("after Dismiss: %d items, summary %q", len(m.items), m.summary.Text)
	}
}

// TestMergePreviewOfOnlyRefusedRows: when every new row of the file is
// refused, the preview says there is nothing to merge and why.
func TestMergePreviewOfOnlyRefusedRows(t *testing.T) {
	u, st := newTestUI(t)
	theirFile := colleagueFile(t, u, st)
	rawEdit(t, theirFile, `UPDATE coders SET name = 'Ben' || char(8238) || 'Other' WHERE name = 'Ben Other'`)
	u.previewMerge(theirFile)
	u.jobs.wait()
	text := overlayText(t, u)
	for _, want := range []string{"Nothing to merge from ben.clip. 2 rows of the file are refused for invalid values",
		"Rows refused: invalid values, not merged (the rest is merged) (2)", "• coder ", "• annotation ", "[Close]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[Merge]") {
		t.Errorf("the preview offers to merge nothing:\n%s", text)
	}
}
