package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/assets"
	"clipper/model/ingest"
	"clipper/model/store"
)

// handEditedUI opens, in a test window, a project holding the sample
// clipping after stmts changed it behind Clipper's back (see rawEdit).
func handEditedUI(t *testing.T, stmts ...string) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "p.clip")
	st, err := store.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := ingest.Parse(assets.SampleClippingName, assets.SampleClipping)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddClipping(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	rawEdit(t, path, stmts...)
	if st, err = store.Open(path); err != nil {
		t.Fatalf("a project with bad values must open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st, Options{Coder: "Tess Tester", NoPrompts: true})
	u.jobs.held = true
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	t.Cleanup(func() {
		if !u.closed {
			u.win.Close()
		}
	})
	return u, st
}

// Two timestamps an older Clipper or a hand edit could leave: one that is
// no timestamp at all, one in another format.
var badTimestamps = []string{
	`UPDATE clippings SET imported_at = 'yesterday', created_at = '2024-05-03 10:00:00'`,
}

// TestProblemsBannerAndRepair: values a read could not use are announced
// once in a banner; Check project lists them, Repair repairs them, and the
// banner goes.
func TestProblemsBannerAndRepair(t *testing.T) {
	u, st := handEditedUI(t, badTimestamps...)
	b := u.problems
	if !b.box.Visible() {
		t.Fatalf("no banner; the reads noted %v", st.Problems())
	}
	n := len(st.Problems())
	if want := counted(n, "stored value", "stored values") + " could not be read and"; n == 0 || !strings.HasPrefix(b.label.Text, want) {
		t.Errorf("banner %q, want it to start %q", b.label.Text, want)
	}
	capture(t, u.win, "problems-banner.png")

	// Check project, from the banner, as a job.
	test.Tap(findButton(b.box, "Check project…"))
	progressShowing(t, u, "Checking project")
	u.jobs.wait()
	text := overlayText(t, u)
	for _, want := range []string{"2 problems in p.clip; 2 can be repaired.", " — repair: ", "clippings ", "imported_at", "created_at", "[Repair 2]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the check lacks %q:\n%s", want, text)
		}
	}
	capture(t, u.win, "problems-check.png")
	tapDialogButton(t, u, "Repair 2")
	progressShowing(t, u, "Repairing project")
	u.jobs.wait()
	text = overlayText(t, u)
	if !strings.Contains(text, "Project repaired") || !strings.Contains(text, "Repaired 2 problems.") || !strings.Contains(text, " — repaired: ") {
		t.Errorf("after the repair:\n%s", text)
	}
	if b.box.Visible() {
		t.Error("the banner stays after the repair")
	}
	ps, err := st.Diagnose(context.Background())
	if err != nil || len(ps) != 0 {
		t.Errorf("after the repair Diagnose finds %v, %v", ps, err)
	}
	if u.clip.ImportedAt.IsZero() || u.clip.CreatedAt.IsZero() {
		t.Errorf("the open clipping still reads empty timestamps: %v, %v", u.clip.ImportedAt, u.clip.CreatedAt)
	}
	closeDialogs(u)
	u.updateStatus()
	if b.box.Visible() {
		t.Error("the banner came back")
	}

	// Checked again, from the File menu: nothing left.
	menuAction(t, u, "File", "Check project…")
	u.jobs.wait()
	if text := overlayText(t, u); !strings.Contains(text, "No problems found in p.clip") {
		t.Errorf("second check:\n%s", text)
	}
}

// TestProblemsBannerDismissed: the banner says it once; dismissed, it stays
// away for the project.
func TestProblemsBannerDismissed(t *testing.T) {
	u, _ := handEditedUI(t, badTimestamps...)
	b := u.problems
	if !b.box.Visible() {
		t.Fatal("no banner")
	}
	test.Tap(topButtonIn(t, b.box, ""))
	if b.box.Visible() {
		t.Fatal("the banner stays after dismissing it")
	}
	u.refreshLibrary()
	if b.box.Visible() {
		t.Error("the banner came back after a reload")
	}
}

// TestCheckProjectCancel: a cancelled check says so and changes nothing.
func TestCheckProjectCancel(t *testing.T) {
	u, st := handEditedUI(t, badTimestamps...)
	before := fileBytes(t, st.Path())
	menuAction(t, u, "File", "Check project…")
	cancelJob(t, u, "Checking project")
	u.jobs.wait()
	if dialogCount(u) != 0 {
		t.Errorf("a dialog showed after the cancel:\n%s", overlayText(t, u))
	}
	if !strings.Contains(u.status.Text, "Check cancelled; nothing was changed.") {
		t.Errorf("status %q", u.status.Text)
	}
	if string(before) != string(fileBytes(t, st.Path())) {
		t.Error("a cancelled check changed the project")
	}
}

// topButtonIn returns the first button labelled text under o.
func topButtonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}
