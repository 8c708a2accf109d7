package store

import (
	"context"
	"testing"
)

// TestRepairRowWithSeveralBadColumns: a row with two bad enum columns (a
// tag's kind and colour, an annotation's status and comparator) is
// reported column by column and repaired whole; before, only the first
// problem was reported, the tag's UPDATE then failed its CHECK constraint
// and rolled back every repair, and the annotation was left as it was.
func TestRepairRowWithSeveralBadColumns(t *testing.T) {
	s, ids := handEdited(t,
		`PRAGMA ignore_check_constraints = ON`,
		`UPDATE tags SET kind = 'weird', color = '#GGGGGG' WHERE name = 'figure'`,
		`UPDATE annotations SET status = 'bogus', comparator = '!!' WHERE rid = 1`,
		`UPDATE annotations SET created_at = 'soon' WHERE rid = 2`)
	ctx := context.Background()
	ps, err := s.Diagnose(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]bool{}
	for _, p := range ps {
		cols[p.Table+"."+p.Column] = true
		if p.Repair == "" {
			t.Errorf("no repair offered for %+v", p)
		}
	}
	for _, want := range []string{"tags.kind", "tags.color", "annotations.status", "annotations.comparator", "annotations.created_at"} {
		if !cols[want] {
			t.Errorf("Diagnose does not report %s: %+v", want, ps)
		}
	}
	if _, err := s.Repair(ctx, ids["coder"]); err != nil {
		t.Fatalf("Repair: %v", err)
	}
	if left, err := s.Diagnose(ctx); err != nil || len(left) != 0 {
		t.Errorf("after Repair: %+v %v", left, err)
	}
}
