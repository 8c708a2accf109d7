package store

import (
	"fmt"
	"strings"
	"testing"
)

// TestMergeRefusalsOutliveTheStore: the rows a merge refused are recorded
// with the merge, read back after the project is closed and opened again
// (at most maxKeptRefused of them, with the total), and forgotten on
// request.
func TestMergeRefusalsOutliveTheStore(t *testing.T) {
	src := populated(t)
	path := tamper(t, src, `UPDATE annotations SET value = 'abc'`) // every annotation refused: nothing else changes
	f := newFixture(t)
	merge(t, f, src, MergeOptions{})
	rep := merge(t, f, path, MergeOptions{})
	if len(rep.Refused) != 600 || rep.Changes() != 0 {
		t.Fatalf("setup: %d refused, %d changes: %s", len(rep.Refused), rep.Changes(), rep.Summary())
	}
	dbPath := f.s.Path()
	f.s.Close()
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rs, err := s.MergeRefusals(t.Context())
	if err != nil || len(rs) != 1 {
		t.Fatalf("MergeRefusals = %+v, %v", rs, err)
	}
	r := rs[0]
	if r.Source != "copy.clip" || r.Total != 600 || len(r.Rows) != maxKeptRefused || r.At.IsZero() {
		t.Errorf("source %q, total %d, %d rows kept, at %v", r.Source, r.Total, len(r.Rows), r.At)
	}
	if x := r.Rows[0]; x.Table != "annotations" || !strings.Contains(x.Reason, "value") || x != rep.Refused[0] {
		t.Errorf("first row %+v, merged %+v", x, rep.Refused[0])
	}
	if err := s.ForgetRefusals(t.Context(), r.MergeID); err != nil {
		t.Fatal(err)
	}
	if rs, err := s.MergeRefusals(t.Context()); err != nil || len(rs) != 0 {
		t.Errorf("after ForgetRefusals: %+v, %v", rs, err)
	}
	wantErr(t, s.ForgetRefusals(t.Context(), dupA), ErrNotFound)
}

// TestMergeRefusalsLatestPerFile: a later merge of the same file replaces
// what an earlier one refused; the refusals of another file stay.
func TestMergeRefusalsLatestPerFile(t *testing.T) {
	src := populated(t)
	f := newFixture(t)
	bad := tamper(t, src, `UPDATE tags SET name = char(27) || '[31mRED' WHERE name = 'figure'`)
	merge(t, f, bad, MergeOptions{})
	other := newFixture(t)
	otherShared := share(t, other, ShareOptions{})
	rawOther := rawDB(t, otherShared)
	if _, err := rawOther.Exec(`UPDATE coders SET name = 'Eve' || char(8238) || 'x'`); err != nil {
		t.Fatal(err)
	}
	rawOther.Close()
	merge(t, f, otherShared, MergeOptions{})
	rs, err := f.s.MergeRefusals(t.Context())
	if err != nil || len(rs) != 2 || rs[0].Source != "shared.clip" || rs[1].Source != "copy.clip" {
		t.Fatalf("two files: %s, %v", sources(rs), err)
	}
	merge(t, f, src, MergeOptions{}) // the same file (same replica), repaired
	rs, err = f.s.MergeRefusals(t.Context())
	if err != nil || len(rs) != 1 || rs[0].Source != "shared.clip" {
		t.Fatalf("after merging the repaired file: %s, %v", sources(rs), err)
	}
}

// sources names each entry of rs with its row count.
func sources(rs []MergeRefusals) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s: %d of %d rows; ", r.Source, len(r.Rows), r.Total)
	}
	return b.String()
}
