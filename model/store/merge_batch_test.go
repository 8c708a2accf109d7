package store

import (
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
