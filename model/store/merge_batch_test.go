package store

import (
	"fmt"
	"slices"
	"testing"
)

// TestMergeInBatches: a merge of more annotations than one batch decides
// across batches as a merge of a few does — added, updated, deleted,
// conflicts — its dry run, its counts-only report and its streamed items
// agree with it, and merging the same file again changes nothing.
func TestMergeInBatches(t *testing.T) {
	const n = 9000 // a little over two batches
	project, colleague := mergePair(t, 40, n)
	ana := openAs(t, project, "Ana", nil)
	if rep := merge(t, ana, colleague, MergeOptions{}); rep.Annotations.Added != n || len(rep.Annotations.AddedIDs) != n ||
		!slices.IsSorted(rep.Annotations.AddedIDs) {
		t.Fatalf("first merge: %s (%d ids)", rep.Summary(), len(rep.Annotations.AddedIDs))
	}
	// Ben edits and deletes some of his annotations (spread over the
	// batches); Ana edits one of the edited ones too: a conflict.
	ben := openAs(t, colleague, "Ben", nil)
	mine := map[string]bool{}
	for id, a := range liveSet(t, ben.s) {
		if a.CoderID == ben.coder.ID {
			mine[id] = true
		}
	}
	ids := sortedIDs(mine)
	var edited, deleted []string
	for i, id := range ids {
		switch {
		case i%997 == 0:
			a, err := ben.s.Annotation(ben.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			ben.setNote(t, a, "Ben changed this")
			edited = append(edited, id)
		case i%1499 == 0:
			if err := ben.s.DeleteAnnotation(ben.ctx, ben.coder.ID, id); err != nil {
				t.Fatal(err)
			}
			deleted = append(deleted, id)
		}
	}
	ben.s.Close()
	a, err := ana.s.Annotation(ana.ctx, edited[3])
	if err != nil {
		t.Fatal(err)
	}
	ana.setNote(t, a, "Ana changed this")

	dry := merge(t, ana, colleague, MergeOptions{DryRun: true})
	var items []MergeItem
	rep := merge(t, ana, colleague, MergeOptions{CountsOnly: true, OnItem: func(it MergeItem) { items = append(items, it) }})
	r := rep.Annotations
	if r.Updated != len(edited)-1 || r.Deleted != len(deleted) || len(r.Conflicts) != 1 || r.Conflicts[0].AnnotationID != edited[3] ||
		r.Conflicts[0].ConflictID == "" || r.Added != 0 || r.Unchanged != n-len(edited)-len(deleted) {
		t.Fatalf("second merge: %s", rep.Summary())
	}
	if r.UpdatedIDs != nil || r.DeletedIDs != nil {
		t.Errorf("counts only, yet ids listed: %d %d", len(r.UpdatedIDs), len(r.DeletedIDs))
	}
	d := dry.Annotations
	if d.Updated != r.Updated || d.Deleted != r.Deleted || len(d.Conflicts) != 1 || d.Unchanged != r.Unchanged ||
		!slices.Equal(d.DeletedIDs, sortedList(deleted)) {
		t.Errorf("dry run %s, merge %s", dry.Summary(), rep.Summary())
	}
	count := map[string]int{}
	for _, it := range items {
		count[it.What]++
	}
	if count["updated"] != r.Updated || count["deleted"] != r.Deleted || count["conflict"] != 1 || len(items) != r.Updated+r.Deleted+1 {
		t.Errorf("items %v for %s", count, rep.Summary())
	}
	before := snapshot(t, ana.s)
	if again := merge(t, ana, colleague, MergeOptions{}); again.Changes() != 0 || again.Annotations.AlreadyInConflict != 1 {
		t.Errorf("merging again: %s", again.Summary())
	}
	if snapshot(t, ana.s) != before {
		t.Error("merging the same file again changed the project")
	}
}

func sortedList(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// TestBatchBounds: the batch bounds are every mergeBatch-th row of the
// file's annotations and the last row, whether they come from the count
// (row numbers without gaps) or from the rows themselves (with gaps).
func TestBatchBounds(t *testing.T) {
	_, colleague := mergePair(t, 20, 2*mergeBatch+100)
	for _, c := range []struct {
		name  string
		stmts []string
	}{
		{"no gaps", nil},
		{"gaps", []string{`PRAGMA foreign_keys = OFF`, `DELETE FROM annotations WHERE rid IN (3, 4000, 4001, 5000)`}},
		{"one row", []string{`PRAGMA foreign_keys = OFF`, `DELETE FROM annotations WHERE rid <> 77`}},
		{"exactly one batch", []string{`PRAGMA foreign_keys = OFF`,
			fmt.Sprintf(`DELETE FROM annotations WHERE rid > (SELECT min(rid) FROM annotations) + %d`, mergeBatch-1)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := colleague
			if c.stmts != nil {
				path = tamper(t, colleague, c.stmts...)
			}
			// What the bounds must be, from every row number in order.
			var rids []int64
			rows, err := rawDB(t, path).Query(`SELECT rid FROM annotations ORDER BY rid`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var r int64
				if err := rows.Scan(&r); err != nil {
					t.Fatal(err)
				}
				rids = append(rids, r)
			}
			rows.Close()
			want := []int64{rids[0] - 1}
			for i := mergeBatch - 1; i < len(rids); i += mergeBatch {
				want = append(want, rids[i])
			}
			if want[len(want)-1] != rids[len(rids)-1] {
				want = append(want, rids[len(rids)-1])
			}
			f := newFixture(t)
			var got []int64
			err = f.s.attached(f.ctx, path, func(tx *wtx) (bool, error) {
				m := &merger{ctx: tx.ctx, tx: tx}
				var err error
				got, err = m.batchBounds()
				return false, err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("bounds %v, want %v", got, want)
			}
		})
	}
}
