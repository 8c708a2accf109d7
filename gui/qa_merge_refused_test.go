package gui

import (
	"database/sql"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // to poison the colleague's file by hand
)

// TestMergePreviewListsRefusedRows: a colleague's file whose coder name
// carries a bidirectional override has every row refused. The preview
// says so and names the row and the reason, as the CLI's report does;
// before, it said "Nothing to merge: this project already has everything
// in ben.clip", and the rows and their reasons were nowhere in the app.
func TestMergePreviewListsRefusedRows(t *testing.T) {
	u, st := newTestUI(t)
	theirFile, other, ben := colleagueCopy(t, st)
	annotate(t, other, ben, u.clip, "figure", "About 14,000 homes")
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", theirFile+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE coders SET name = 'Ben' || char(8238) || 'rehtO' WHERE id = ?`, ben.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	closeDialogs(u)
	u.previewMerge(theirFile)
	u.jobs.wait()
	text := overlayText(t, u)
	if strings.Contains(text, "already has everything") {
		t.Errorf("the preview says there is nothing to merge although rows were refused:\n%s", text)
	}
	for _, want := range []string{"refused", ben.ID, "bidirectional"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
}
