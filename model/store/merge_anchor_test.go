package store

import (
	"testing"

	"clipper/model"
)

// rewriteBody replaces a clipping's text in the project file at path behind
// the store's back, as a body correction in a colleague's copy would.
func rewriteBody(t *testing.T, path, id, body string) {
	t.Helper()
	db := rawDB(t, path)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE clippings SET body = ?, body_hash = ? WHERE id = ?`, []any{body, model.HashBody(body), id}},
		{`INSERT INTO clip_fts (clip_fts) VALUES ('rebuild')`, nil},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
}

// TestMergeReanchors: one copy corrects the text of a clipping; merging
// re-anchors the other side's annotations onto each project's own text —
// remapped where the quote is intact, fuzzy where it changed a little,
// orphaned where it is gone — and loses none.
func TestMergeReanchors(t *testing.T) {
	const (
		ours   = "The mayor said the the budgit would rise by 4 percent next year. Critics called the plan reckless and unfunded. The council will vote on Tuesday after a long debate."
		theirs = "The mayor said the budget would rise by 4 percent next year. Opponents argued that nobody knows how to pay for any of it. The council will vote on Tuesday after a long debate."
	)
	ana := newFixture(t)
	clip := &model.Clipping{Body: ours, Metadata: model.Metadata{Headline: "Budget"}}
	if _, err := ana.s.AddClipping(ana.ctx, clip); err != nil {
		t.Fatal(err)
	}
	before := ana.addOn(t, clip, "claim", "Critics called the plan reckless", "")
	bPath := share(t, ana, ShareOptions{})
	rewriteBody(t, bPath, clip.ID, theirs)
	fixed := *clip
	fixed.Body = theirs
	ben := openAs(t, bPath, "Ben", &fixed)

	want := map[string]struct{ status, exact string }{}
	for _, c := range []struct{ sub, status, exact string }{
		{"The council will vote on Tuesday", "remapped", "The council will vote on Tuesday"},
		{"4 percent next year", "remapped", "4 percent next year"},
		{"the budget would rise by 4 percent", "fuzzy", "the budgit would rise by 4 percent"},
		{"nobody knows how to pay for any of it", "orphan", "nobody knows how to pay for any of it"},
	} {
		a := ben.addOn(t, &fixed, "claim", c.sub, "Ben: "+c.sub)
		want[a.ID] = struct{ status, exact string }{c.status, c.exact}
	}
	anaAfter := ana.addOn(t, clip, "quote", "reckless and unfunded", "")
	anaCouncil := ana.addOn(t, clip, "quote", "The council will vote", "")

	rep := merge(t, ana, bPath, MergeOptions{})
	if len(rep.Clippings.TextDiffers) != 1 || rep.Annotations.Added != 4 || rep.Annotations.Remapped != 2 ||
		rep.Annotations.Fuzzy != 1 || rep.Annotations.Orphans != 1 || rep.Annotations.Unchanged != 1 {
		t.Fatalf("report: %s\n%+v", rep.Summary(), rep.Annotations)
	}
	runes := []rune(ours)
	for _, r := range rep.Annotations.ReAnchored {
		w := want[r.AnnotationID]
		if r.Status != w.status {
			t.Errorf("%s: status %s, want %s", r.Quote, r.Status, w.status)
		}
		got, err := ana.s.Annotation(ana.ctx, r.AnnotationID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Exact != w.exact || got.Start >= got.End || got.End > len(runes) {
			t.Errorf("%s: stored %d–%d %q, want %q", r.Quote, got.Start, got.End, got.Exact, w.exact)
		}
		if w.status != "orphan" && string(runes[got.Start:got.End]) != got.Exact {
			t.Errorf("%s: the span does not read its exact text", r.Quote)
		}
		if got.Note != "Ben: "+r.Quote {
			t.Errorf("%s: note %q", r.Quote, got.Note)
		}
	}
	issues, err := ana.s.AnchorReview(ana.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 || issues[0].Status != "fuzzy" || issues[0].Quote != "the budget would rise by 4 percent" ||
		issues[1].Status != "orphan" || issues[1].Quote != "nobody knows how to pay for any of it" {
		t.Fatalf("review list: %+v", issues)
	}
	if _, ok := liveSet(t, ana.s)[before.ID]; !ok {
		t.Error("Ana's annotation from before the share is gone")
	}

	// Idempotent, even through re-anchoring.
	snap := snapshot(t, ana.s)
	if rep := merge(t, ana, bPath, MergeOptions{}); rep.Changes() != 0 || snapshot(t, ana.s) != snap {
		t.Errorf("second merge: %s", rep.Summary())
	}

	// Reviewing: a fuzzy placement can be confirmed, an orphan is moved.
	fuzzy, orphan := issues[0].Annotation, issues[1].Annotation
	wantErr(t, ana.s.ConfirmAnchor(ana.ctx, ana.coder.ID, orphan.ID), ErrInvalid)
	if err := ana.s.ConfirmAnchor(ana.ctx, ana.coder.ID, fuzzy.ID); err != nil {
		t.Fatal(err)
	}
	orphan.Start, orphan.End = find(t, ours, "Critics called")
	orphan.Exact = ""
	if err := ana.s.UpdateAnnotation(ana.ctx, ana.coder.ID, orphan); err != nil {
		t.Fatal(err)
	}
	if issues, err := ana.s.AnchorReview(ana.ctx); err != nil || len(issues) != 0 {
		t.Errorf("review list after reviewing: %+v %v", issues, err)
	}
	if _, err := ana.s.Undo(ana.ctx, ana.coder.ID); err != nil {
		t.Fatal(err)
	}
	if issues, _ := ana.s.AnchorReview(ana.ctx); len(issues) != 1 || issues[0].Status != "orphan" {
		t.Errorf("undoing the move should put the orphan back on the list: %+v", issues)
	}

	// The other way: Ana's new annotations land on Ben's corrected text.
	rep = merge(t, ben, ana.s.Path(), MergeOptions{})
	st := map[string]string{}
	for _, r := range rep.Annotations.ReAnchored {
		st[r.AnnotationID] = r.Status
	}
	if len(rep.Annotations.Conflicts) != 0 || rep.Annotations.Added != 2 {
		t.Errorf("Ben's own annotations, re-anchored in Ana's project, should come back unchanged: %s", rep.Summary())
	}
	if st[anaAfter.ID] != "orphan" || st[anaCouncil.ID] != "remapped" {
		t.Errorf("Ana's annotations on Ben's text: %v (%s)", st, rep.Summary())
	}
	start, _ := find(t, theirs, "The council")
	if start == anaCouncil.Start {
		t.Fatal("setup: the span should move")
	}
	if got, err := ben.s.Annotation(ben.ctx, anaCouncil.ID); err != nil || got.Start != start || got.Exact != anaCouncil.Exact {
		t.Errorf("remapped onto Ben's text: %+v %v", got, err)
	}
	if got, err := ben.s.Annotation(ben.ctx, anaAfter.ID); err != nil || got.Exact != "reckless and unfunded" || got.DeletedAt != nil {
		t.Errorf("orphan keeps its text: %+v %v", got, err)
	}
}
