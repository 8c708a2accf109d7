package store

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestAttachedRefusesDanglingReference: a merge transaction that would
// leave a reference dangling is refused at its commit with ErrCorrupt
// (foreign keys are deferred to the commit, not checked by a scan), and
// the project is unchanged.
func TestAttachedRefusesDanglingReference(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 4)
	src := filepath.Join(t.TempDir(), "other.clip")
	other, err := Create(src)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	before := snapshot(t, f.s)
	for _, tc := range []struct {
		name, q string
		args    []any
	}{
		{"annotation of a missing clipping", `UPDATE main.annotations SET clipping_id = ? WHERE id = ?`,
			[]any{"00000000-0000-0000-0000-000000000000", a.ID}},
		{"sync point of a missing annotation", `INSERT INTO main.merge_base (peer, annotation, ours, theirs)
			VALUES ((SELECT coalesce(max(rid), 0) + 1 FROM main.peers), 999999, 1, 2)`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := f.s.attached(f.ctx, src, func(tx *wtx) (bool, error) {
				_, err := tx.ExecContext(f.ctx, tc.q, tc.args...)
				return true, err
			})
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("got %v, want ErrCorrupt", err)
			}
			if got := snapshot(t, f.s); got != before {
				t.Errorf("the project changed:\n%s\nwant\n%s", got, before)
			}
		})
	}
	// A transaction without dangling references commits.
	if err := f.s.attached(f.ctx, src, func(tx *wtx) (bool, error) {
		_, err := tx.ExecContext(f.ctx, `UPDATE main.annotations SET note = 'kept' WHERE id = ?`, a.ID)
		return true, err
	}); err != nil {
		t.Fatalf("clean transaction: %v", err)
	}
}
