package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"clipper/model"
)

// newProject creates a project in a temp dir and closes it at the end.
func newProject(t testing.TB) *Store {
	t.Helper()
	s, err := Create(filepath.Join(t.TempDir(), "p.clip"))
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixture is a project with one coder, one clipping and the default tags.
type fixture struct {
	s     *Store
	ctx   context.Context
	coder model.Coder
	clip  *model.Clipping
	tags  map[string]model.Tag // by name
}

const sampleBody = "Le café coûte 3 € 😀 de plus, dit Marie. The unemployment rate fell to 4.2 percent in May, the ministry said on Friday."

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{s: newProject(t), ctx: context.Background(), tags: map[string]model.Tag{}}
	var err error
	if f.coder, err = f.s.EnsureCoder(f.ctx, "Ana"); err != nil {
		t.Fatal(err)
	}
	f.clip = &model.Clipping{Body: sampleBody, Metadata: model.Metadata{Headline: "Prices", Date: "2024-05-03"}}
	if _, err := f.s.AddClipping(f.ctx, f.clip); err != nil {
		t.Fatal(err)
	}
	ts, err := f.s.Tags(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range ts {
		f.tags[tg.Name] = tg
	}
	return f
}

// ann returns an unsaved annotation of the fixture's clipping and coder.
func (f *fixture) ann(tag string, start, end int) *model.Annotation {
	return &model.Annotation{ClippingID: f.clip.ID, TagID: f.tags[tag].ID, CoderID: f.coder.ID, Start: start, End: end}
}

// mustAdd saves an annotation or fails the test.
func (f *fixture) mustAdd(t testing.TB, tag string, start, end int) model.Annotation {
	t.Helper()
	a := f.ann(tag, start, end)
	if err := f.s.AddAnnotation(f.ctx, a); err != nil {
		t.Fatalf("AddAnnotation(%s %d–%d): %v", tag, start, end, err)
	}
	return *a
}

// liveIDs lists the ids of live annotations.
func (f *fixture) liveIDs(t testing.TB) []string {
	t.Helper()
	as, err := f.s.Annotations(f.ctx, AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

// rawDB opens a file with the plain driver (no safety checks) for tests
// that tamper with project files.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driverName, path+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func wantErr(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error = %v, want %v", err, target)
	}
}

func f64(v float64) *float64 { return &v }

// checkFTS runs FTS4's integrity-check on both search indexes.
func checkFTS(t testing.TB, s *Store) {
	t.Helper()
	for _, tbl := range []string{"clip_fts", "note_fts"} {
		if _, err := s.db.Exec(`INSERT INTO ` + tbl + `(` + tbl + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s integrity-check: %v", tbl, err)
		}
	}
}
