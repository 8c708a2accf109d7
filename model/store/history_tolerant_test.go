package store

import (
	"strings"
	"testing"
)

// problemsAbout returns the problems of s about table whose text contains
// want.
func problemsAbout(s *Store, table, want string) []Problem {
	var out []Problem
	for _, p := range s.Problems() {
		if p.Table == table && strings.Contains(p.String(), want) {
			out = append(out, p)
		}
	}
	return out
}

// TestHistoryReadsPastBadRows: an op with a time Clipper would not write,
// in the middle of the log, does not stop History: every op is returned,
// that one with the zero time, and the problem is noted.
func TestHistoryReadsPastBadRows(t *testing.T) {
	f := newFixture(t)
	for i := range 5 {
		f.mustAdd(t, "claim", i, i+3)
	}
	all, err := f.s.History(f.ctx, 0)
	if err != nil || len(all) < 5 {
		t.Fatalf("history: %d ops, %v", len(all), err)
	}
	bad := all[2].ID
	db := rawDB(t, f.s.Path())
	if _, err := db.Exec(`UPDATE ops SET created_at = 'last Tuesday' WHERE id = ?`, bad); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got, err := f.s.History(f.ctx, 0)
	if err != nil {
		t.Fatalf("history stopped at the bad row: %v", err)
	}
	if len(got) != len(all) {
		t.Fatalf("%d ops, want %d", len(got), len(all))
	}
	for _, o := range got {
		if (o.ID == bad) != o.At.IsZero() {
			t.Errorf("op %s at %v", o.ID, o.At)
		}
	}
	if ps := problemsAbout(f.s, "ops", "last Tuesday"); len(ps) != 1 || ps[0].ID != bad || ps[0].Column != "created_at" {
		t.Errorf("problems: %+v", f.s.Problems())
	}
}

// TestConflictsReadPastBadRows: open conflicts with an unusable time, an
// unusable time inside a version, or versions that are not JSON at all do
// not stop Conflicts: the readable ones are returned (times emptied), the
// unreadable one is left out, and each is noted.
func TestConflictsReadPastBadRows(t *testing.T) {
	ana := newFixture(t)
	var ids []string
	for _, sub := range []string{"Le café", "coûte 3 €", "dit Marie"} {
		ids = append(ids, ana.addOn(t, ana.clip, "claim", sub, "base").ID)
	}
	bPath := share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)
	for _, id := range ids {
		a, err := ana.s.Annotation(ana.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ben.setNote(t, a, "Ben's")
		ana.setNote(t, a, "Ana's")
	}
	ben.s.Close()
	merge(t, ana, bPath, MergeOptions{})
	cs, err := ana.s.Conflicts(ana.ctx)
	if err != nil || len(cs) != 3 {
		t.Fatalf("conflicts: %d, %v", len(cs), err)
	}
	byAnn := map[string]string{}
	for _, c := range cs {
		byAnn[c.Ours.ID] = c.ID
	}
	db := rawDB(t, ana.s.Path())
	for _, q := range []string{
		`UPDATE conflicts SET created_at = 'soon' WHERE id = '` + byAnn[ids[0]] + `'`,
		`UPDATE conflicts SET theirs = json_set(theirs, '$.updated_at', 'later') WHERE id = '` + byAnn[ids[1]] + `'`,
		`PRAGMA ignore_check_constraints = ON`,
		`UPDATE conflicts SET ours = 'not json' WHERE id = '` + byAnn[ids[2]] + `'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	got, err := ana.s.Conflicts(ana.ctx)
	if err != nil {
		t.Fatalf("conflicts stopped at a bad row: %v", err)
	}
	if len(got) != 2 {
		t.Fatalf("%d conflicts, want the 2 readable ones: %+v", len(got), got)
	}
	for _, c := range got {
		switch c.ID {
		case byAnn[ids[0]]:
			if !c.CreatedAt.IsZero() || c.Ours.Note != "Ana's" || c.Theirs.Note != "Ben's" {
				t.Errorf("bad created_at: %+v", c)
			}
		case byAnn[ids[1]]:
			if c.CreatedAt.IsZero() || !c.Theirs.UpdatedAt.IsZero() || c.Theirs.Note != "Ben's" {
				t.Errorf("bad time in theirs: %+v", c)
			}
		default:
			t.Errorf("unexpected conflict %+v", c)
		}
	}
	for _, want := range []struct{ id, says string }{
		{byAnn[ids[0]], `"soon"`}, {byAnn[ids[1]], `"later"`}, {byAnn[ids[2]], "left out"},
	} {
		if ps := problemsAbout(ana.s, "conflicts", want.says); len(ps) != 1 || ps[0].ID != want.id {
			t.Errorf("problem saying %s about %s: %+v", want.says, want.id, ana.s.Problems())
		}
	}
}
