package gui

import (
	"strings"
	"testing"
)

// TestSuggestAllFromMenu: Suggest → Suggest for all clippings… runs as a
// job with a determinate bar and keeps what it found for review.
func TestSuggestAllFromMenu(t *testing.T) {
	u, st := newTestUI(t)
	other := addClipping(t, u, st, secondClipping)
	menuAction(t, u, "Suggest", "Suggest for all clippings…")
	progressShowing(t, u, "Finding suggestions")
	u.jobs.wait()
	if dialogCount(u) != 0 {
		t.Errorf("dialogs left:\n%s", overlayText(t, u))
	}
	if !u.sugg.has(u.clip.ID) || u.sugg.count(other) == 0 {
		t.Errorf("suggestions kept: open clipping %v, other %d", u.sugg.has(u.clip.ID), u.sugg.count(other))
	}
	if !strings.Contains(u.status.Text, "suggestions to review in") || strings.Contains(u.status.Text, "Stopped") {
		t.Errorf("status %q", u.status.Text)
	}
}

// TestSuggestAllCancel: cancelled before it looked at any clipping, the
// run says so and keeps nothing.
func TestSuggestAllCancel(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, secondClipping)
	menuAction(t, u, "Suggest", "Suggest for all clippings…")
	cancelJob(t, u, "Finding suggestions")
	u.jobs.wait()
	if !strings.Contains(u.status.Text, "Stopped after 0 of 2 clippings") {
		t.Errorf("status %q", u.status.Text)
	}
	if n := u.sugg.kept.len(); n != 0 {
		t.Errorf("kept suggestions for %d clippings", n)
	}
}

// TestSuggestAllError: a clipping the project no longer holds (deleted
// by another program during the run) stops the run with an error; what
// was found before stays.
func TestSuggestAllError(t *testing.T) {
	u, _ := newTestUI(t)
	u.suggestMany(idList(u.clip.ID, "0190aaaa-0000-7000-8000-000000000000"))
	u.jobs.wait()
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, "reading clipping 0190aaaa") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if !u.sugg.has(u.clip.ID) {
		t.Error("the suggestions found before the error were dropped")
	}
}
