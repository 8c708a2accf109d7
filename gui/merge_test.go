package gui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// overlayText collects the texts of labels, rich texts and buttons in the
// window's top overlay (a dialog).
func overlayText(t *testing.T, u *UI) string {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case *widget.Button:
			b.WriteString("[" + v.Text + "]\n")
		case *widget.Check:
			b.WriteString("[x] " + v.Text + "\n")
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

// closeDialogs hides every overlay.
func closeDialogs(u *UI) {
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}
}

// annotate stores an annotation of coder on the first occurrence of text.
func annotate(t *testing.T, st *store.Store, coder model.Coder, clip model.Clipping, tag, text string) model.Annotation {
	t.Helper()
	ctx := context.Background()
	tg, err := st.TagByName(ctx, tag)
	if err != nil {
		t.Fatal(err)
	}
	s, e := span(t, clip.Body, text)
	a := &model.Annotation{ClippingID: clip.ID, TagID: tg.ID, CoderID: coder.ID, Start: s, End: e}
	if err := st.AddAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	return *a
}

func TestShareWritesAProjectFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		noOrig bool
	}{{"with originals", false}, {"without originals", true}} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			dst := filepath.Join(t.TempDir(), "copy.clip")
			u.runShare(dst, store.ShareOptions{WithoutOriginals: tc.noOrig})
			u.jobs.wait()
			text := overlayText(t, u)
			if !strings.Contains(text, dst) || !strings.Contains(text, " KB") {
				t.Errorf("share result says %q, want the path and size", text)
			}
			cp, err := store.Open(dst)
			if err != nil {
				t.Fatalf("the shared copy does not open: %v", err)
			}
			defer cp.Close()
			c, err := cp.Clipping(context.Background(), u.clip.ID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Body != u.clip.Body || (len(c.Original) == 0) != tc.noOrig {
				t.Errorf("copy body equal %v, original bytes %d (without originals %v)", c.Body == u.clip.Body, len(c.Original), tc.noOrig)
			}
		})
	}
}

func TestShareName(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ project, coder, want string }{
		{"/x/study.clip", "Ann Lee", "study-Ann-Lee-2026-11-28.clip"},
		{"/x/study.clip", "", "study-2026-11-28.clip"},
		{"/x/s.clip", "a/b:c", "s-abc-2026-11-28.clip"},
		{"/x/s.clip", "Zoë", "s-Zoë-2026-11-28.clip"},
	} {
		if got := shareName(tc.project, tc.coder, now); got != tc.want {
			t.Errorf("shareName(%q, %q) = %q, want %q", tc.project, tc.coder, got, tc.want)
		}
	}
}

func TestMergePreviewThenApply(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	mine := annotate(t, st, u.coder, u.clip, "figure", "About 14,000 homes")
	u.reloadAnnotations()

	// A colleague gets a shared copy and annotates it as themselves.
	theirFile, other, ben := colleagueCopy(t, st)
	theirs := []model.Annotation{
		annotate(t, other, ben, u.clip, "figure", "About 14,000 homes"),
		annotate(t, other, ben, u.clip, "figure", "$48.5 million"),
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}

	closeDialogs(u)
	u.previewMerge(theirFile)
	u.jobs.wait()
	text := overlayText(t, u)
	for _, want := range []string{"2 new annotations", "New coders (1)", "New annotations (2)", "[Merge]"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	if n := len(annotationsOnDisk(t, st)); n != 1 {
		t.Fatalf("the preview changed the project: %d annotations", n)
	}

	tapDialogButton(t, u, "Merge")
	u.jobs.wait()
	got := annotationsOnDisk(t, st)
	if len(got) != 3 {
		t.Fatalf("after merging: %d annotations, want 3", len(got))
	}
	for _, want := range append(theirs, mine) {
		a, err := st.Annotation(ctx, want.ID)
		if err != nil || a.Start != want.Start || a.End != want.End || a.CoderID != want.CoderID {
			t.Errorf("annotation %s after merge: %+v, %v", want.Exact, a, err)
		}
	}
	if len(u.anns) != 3 {
		t.Errorf("the reader shows %d annotations after the merge, want 3", len(u.anns))
	}
	if !slices.Contains(u.lib.coderNames(), "Ben Other") {
		t.Error("the library's coder filter does not list the merged coder")
	}
	if u.mergeTab != nil {
		t.Error("the merge review opened although nothing needs review")
	}

	// Merging the same file again changes nothing.
	closeDialogs(u)
	u.previewMerge(theirFile)
	u.jobs.wait()
	if text := overlayText(t, u); !strings.Contains(text, "Nothing to merge") || strings.Contains(text, "[Merge]") {
		t.Errorf("second preview:\n%s", text)
	}
	closeDialogs(u)
	before, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	u.applyMerge(theirFile, false)
	u.jobs.wait()
	if !strings.Contains(u.status.Text, "nothing new") {
		t.Errorf("status after the second merge: %q", u.status.Text)
	}
	after, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("merging the same file twice changed the project file")
	}
	if n := len(annotationsOnDisk(t, st)); n != 3 {
		t.Errorf("after merging twice: %d annotations", n)
	}
}

func TestMergeRefusesANonProject(t *testing.T) {
	u, st := newTestUI(t)
	annotate(t, st, u.coder, u.clip, "figure", "About 14,000 homes")
	bad := filepath.Join(t.TempDir(), "notes.clip")
	if err := os.WriteFile(bad, []byte("just some notes, not a project\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	closeDialogs(u)
	u.previewMerge(bad)
	u.jobs.wait()
	text := overlayText(t, u)
	if !strings.Contains(text, "cannot be merged") || !strings.Contains(text, "not a Clipper project") {
		t.Errorf("error dialog says %q", text)
	}
	if strings.Contains(text, "[Merge]") {
		t.Error("a refused file offers Merge")
	}
	after, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) || len(annotationsOnDisk(t, st)) != 1 {
		t.Error("the refused merge changed the project file")
	}
}

func TestMergeReviewResolvesAConflict(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	mine := annotate(t, st, u.coder, u.clip, "figure", "About 14,000 homes")
	theirFile, other, ben := colleagueCopy(t, st)
	// Both change the same annotation differently: a conflict.
	theirVersion := mine
	theirVersion.Note = "their note"
	if err := other.UpdateAnnotation(ctx, ben.ID, theirVersion); err != nil {
		t.Fatal(err)
	}
	other.Close()
	ourVersion := mine
	ourVersion.Note = "our note"
	if err := st.UpdateAnnotation(ctx, u.coder.ID, ourVersion); err != nil {
		t.Fatal(err)
	}
	u.reloadAnnotations()

	closeDialogs(u)
	u.previewMerge(theirFile)
	u.jobs.wait()
	if text := overlayText(t, u); !strings.Contains(text, "1 conflict") {
		t.Errorf("preview does not announce the conflict:\n%s", text)
	}
	tapDialogButton(t, u, "Merge")
	u.jobs.wait()
	if u.mergeTab == nil || u.tabs.Selected() != u.mergeTab {
		t.Fatal("the merge review did not open after a merge with a conflict")
	}
	if u.merges.pending() != 1 || u.merges.items[0].conflict == nil {
		t.Fatalf("review lists %d items", u.merges.pending())
	}
	if u.merges.summary.Text != "To check: 1 conflict" {
		t.Errorf("summary %q", u.merges.summary.Text)
	}
	u.merges.resolve(u.merges.items[0].conflict.ID, "theirs")
	a, err := st.Annotation(ctx, mine.ID)
	if err != nil || a.Note != "their note" {
		t.Errorf("after Take theirs: note %q, %v", a.Note, err)
	}
	if u.merges.pending() != 0 || !strings.Contains(u.merges.summary.Text, "Nothing left") {
		t.Errorf("after resolving: %d pending, %q", u.merges.pending(), u.merges.summary.Text)
	}
}

// TestMergeReviewMovesAnOrphan drives the review of an anchor issue. A
// real orphan needs a colleague's corrected text, which only the store's
// tests can fabricate, so the issue is built here around a stored annotation.
func TestMergeReviewMovesAnOrphan(t *testing.T) {
	u, st := newTestUI(t)
	a := annotate(t, st, u.coder, u.clip, "figure", "14,000 homes")
	u.reloadAnnotations()
	m := u.merges
	m.items = []reviewItem{{issue: &store.AnchorIssue{Annotation: a, Status: "orphan", Quote: "14,000 houses"}}}
	m.show(0)
	if s, e := u.reader.view.Selection(); s != a.Start || e != a.End {
		t.Errorf("reader selection %d–%d, want the best guess %d–%d", s, e, a.Start, a.End)
	}
	if u.selected != a.ID {
		t.Errorf("selected annotation %q, want %q", u.selected, a.ID)
	}
	text := strings.Join(labelTexts(m.detail), "\n")
	if !strings.Contains(text, "Made on: “14,000 houses”") || !strings.Contains(text, "Now on: “14,000 homes”") {
		t.Errorf("detail = %q", text)
	}
	if b := findButton(m.detail, "Looks right"); b == nil || !b.Disabled() {
		t.Error("Looks right is not disabled for an orphan")
	}

	// Re-select: the span moves to the reader's selection.
	s, e := span(t, u.clip.Body, "About 14,000 homes")
	u.reader.view.Select(s, e)
	m.moveToSelection(a)
	got, err := st.Annotation(context.Background(), a.ID)
	if err != nil || got.Start != s || got.End != e || got.Exact != "About 14,000 homes" {
		t.Errorf("after Move to selection: %+v, %v", got, err)
	}
}

// labelTexts lists the label texts under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// findButton returns the button labelled text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// colleagueFile shares st and adds one annotation of "Ben Other" to the
// copy: a colleague's project to merge.
func colleagueFile(t *testing.T, u *UI, st *store.Store) string {
	t.Helper()
	theirFile, other, ben := colleagueCopy(t, st)
	defer other.Close()
	annotate(t, other, ben, u.clip, "figure", "$48.5 million")
	return theirFile
}

// TestMergeCancel: Cancel while reading the colleague's file (the
// preview) or while merging leaves the project as it was.
func TestMergeCancel(t *testing.T) {
	u, st := newTestUI(t)
	theirFile := colleagueFile(t, u, st)
	before := fileBytes(t, st.Path())

	u.previewMerge(theirFile)
	cancelJob(t, u, "Reading ben.clip")
	u.jobs.wait()
	if dialogCount(u) != 0 {
		t.Errorf("the preview showed although cancelled:\n%s", overlayText(t, u))
	}
	if !strings.Contains(u.status.Text, "Merge cancelled; nothing was changed.") {
		t.Errorf("status %q", u.status.Text)
	}

	u.previewMerge(theirFile)
	u.jobs.wait()
	tapDialogButton(t, u, "Merge")
	cancelJob(t, u, "Merging ben.clip")
	u.jobs.wait()
	if n := len(annotationsOnDisk(t, st)); n != 0 {
		t.Errorf("a cancelled merge added %d annotations", n)
	}
	if string(before) != string(fileBytes(t, st.Path())) {
		t.Error("a cancelled merge changed the project file")
	}

	// Not cancelled, the same merge goes through.
	u.previewMerge(theirFile)
	u.jobs.wait()
	tapDialogButton(t, u, "Merge")
	u.jobs.wait()
	if n := len(annotationsOnDisk(t, st)); n != 1 {
		t.Errorf("after merging: %d annotations, want 1", n)
	}
}

// colleagueCopy shares st into a file of the test's and opens it as a
// colleague's copy, with the colleague "Ben Other" as a coder there; the
// caller closes it.
func colleagueCopy(t *testing.T, st *store.Store) (string, *store.Store, model.Coder) {
	t.Helper()
	ctx := context.Background()
	theirFile := filepath.Join(t.TempDir(), "ben.clip")
	if err := st.Share(ctx, theirFile, store.ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(theirFile)
	if err != nil {
		t.Fatal(err)
	}
	ben, err := other.EnsureCoder(ctx, "Ben Other")
	if err != nil {
		other.Close()
		t.Fatal(err)
	}
	return theirFile, other, ben
}
