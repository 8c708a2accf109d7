package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// TestRefusedRowsOutliveTheWindow: the rows a merge refused are listed in
// the merge review and by Check project… after the project is closed and
// opened again, until Forget.
func TestRefusedRowsOutliveTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	theirFile := colleagueFile(t, u, st)
	rawEdit(t, theirFile, `INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('`+badTagID+
		`', 'claim' || char(8203), 'custom', '2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`)
	u.previewMerge(theirFile)
	u.jobs.wait()
	tapDialogButton(t, u, "Merge")
	u.jobs.wait()
	path := st.Path()
	u.win.Close()
	st.Close()

	// Opened again, in a new window.
	st2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	u2 := New(test.NewTempApp(t), st2, Options{Coder: "Tess Tester", NoPrompts: true})
	u2.jobs.held = true
	u2.win.Resize(fyne.NewSize(1280, 800))
	u2.win.Show()
	t.Cleanup(func() {
		if !u2.closed {
			u2.win.Close()
		}
	})
	m := u2.merges
	if len(m.items) != 1 || m.items[0].refused == nil || m.items[0].refused.ID != badTagID {
		t.Fatalf("review items after reopening: %+v", m.items)
	}
	if head, line := m.rowText(m.items[0]); head != "Refused · tag from ben.clip" || !strings.Contains(line, "U+200B") {
		t.Errorf("review row %q / %q", head, line)
	}

	u2.checkProject()
	u2.jobs.wait()
	text := overlayText(t, u2)
	for _, want := range []string{"The latest merge of ben.clip refused 1 row", "merge of ben.clip: tag " + badTagID, "U+200B",
		"[Forget these refused rows]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the check lacks %q:\n%s", want, text)
		}
	}
	test.Tap(topWidget(t, u2, func(b *widget.Button) bool { return b.Text == "Forget these refused rows" }))
	if len(m.items) != 0 {
		t.Errorf("review items after Forget: %+v", m.items)
	}
	if rs, err := st2.MergeRefusals(u2.ctx()); err != nil || len(rs) != 0 {
		t.Errorf("refusals after Forget: %+v, %v", rs, err)
	}
	if n := len(u2.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d dialogs left after Forget", n)
	}
}
