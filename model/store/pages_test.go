package store

import (
	"database/sql"
	"os"
	"slices"
	"testing"
)

// journaledPages counts, for each commit on conn, the pages whose old
// content went to the rollback journal before the commit: the pages the
// transaction changed that existed before it (pages it appended are not
// journaled), besides page 1, whose change counter is journaled later in
// the commit.
type journaledPages struct {
	counts []int
}

// hook registers the count on the pinned connection conn of the database
// file at path.
func (j *journaledPages) hook(t *testing.T, conn *sql.Conn, path string) {
	t.Helper()
	err := conn.Raw(func(dc any) error {
		sc, ok := sqliteConn(dc)
		if !ok {
			t.Fatalf("not a SQLite connection: %T", dc)
		}
		sc.RegisterCommitHook(func() int {
			// The commit hook runs after virtual tables flushed (FTS4
			// writes its segment then) and before the journal is synced:
			// a 512-byte header and one record (page number, page,
			// checksum) per page.
			fi, err := os.Stat(path + "-journal")
			n := -1
			if err == nil {
				n = int((fi.Size() - 512) / (4096 + 8))
			}
			j.counts = append(j.counts, n)
			return 0
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// median is the usual number of pages per commit (page splits aside).
func (j *journaledPages) median() int {
	c := slices.Clone(j.counts)
	slices.Sort(c)
	return c[len(c)/2]
}

// TestPagesPerSave counts the pages saving one annotation changes in the
// usual commit (no page split), against a bare single-row INSERT: each is
// written twice under fsync, to the journal and to the file, and they,
// not CPU, make most of the difference between the two. Besides page 1,
// the bare insert changes the table and its primary-key index; a save
// changes the annotations table and its four indexes (id, clipping, tag,
// coder) and the op log; a note adds FTS4's segment directory, its
// primary-key index and its statistics row. A new index or table on the
// save path shows here.
func TestPagesPerSave(t *testing.T) {
	bt := newBareTable(t)
	bt.db.SetMaxOpenConns(1) // the hooked connection is the one the inserts use
	var bare journaledPages
	conn, err := bt.db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var file string
	if err := conn.QueryRowContext(t.Context(), `SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&file); err != nil {
		t.Fatal(err)
	}
	bare.hook(t, conn, file)
	conn.Close() // back to the pool, for bt.insert
	for range 30 {
		bt.insert(t)
	}
	for _, tc := range []struct {
		note string
		want int
	}{{"", 6}, {"check this", 9}} {
		ab := newAnnotationBench(t)
		var save journaledPages
		save.hook(t, ab.f.s.w, ab.f.s.Path())
		for range 30 {
			ab.add(t, tc.note)
		}
		if got := save.median(); got != tc.want {
			t.Errorf("note %q: a save changes %d pages in the usual commit (all: %v), want %d", tc.note, got, save.counts, tc.want)
		}
	}
	if got := bare.median(); got != 2 {
		t.Errorf("a bare insert changes %d pages in the usual commit (all: %v), want 2", got, bare.counts)
	}
}
