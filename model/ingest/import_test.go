package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"clipper/model/store"
)

// writeFiles creates files (relative path → content) under dir.
func writeFiles(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func testdataFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), "project.clip"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"b.txt":             []byte("x"),
		"a.txt":             []byte("x"),
		".hidden.txt":       []byte("x"),
		".git/config":       []byte("x"),
		"sub/c.html":        []byte("x"),
		"sub/.cache/d.txt":  []byte("x"),
		"sub/deeper/e.docx": []byte("x"),
	})
	explicitHidden := filepath.Join(dir, ".hidden.txt")
	got, err := Collect([]string{dir, explicitHidden, filepath.Join(dir, "a.txt")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "a.txt"),
		filepath.Join(dir, "b.txt"),
		filepath.Join(dir, "sub", "c.html"),
		filepath.Join(dir, "sub", "deeper", "e.docx"),
		explicitHidden, // named explicitly, so kept; a.txt is not repeated
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Collect =\n%q\nwant\n%q", got, want)
	}
	if _, err := Collect([]string{filepath.Join(dir, "missing.txt")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing path: err = %v, want ErrNotExist", err)
	}
}

func TestImportPaths(t *testing.T) {
	dir := t.TempDir()
	epaper := testdataFile(t, "epaper_captions.txt")
	writeFiles(t, dir, map[string][]byte{
		"clips/01 gazette.txt":       epaper,
		"clips/02 copy of 01.txt":    epaper, // same text: a duplicate
		"clips/.DS_Store":            {0, 0, 0, 1, 'B', 'u', 'd', '1'},
		"clips/sub/bridge.txt":       testdataFile(t, "plain_byline_pubdate.txt"),
		"clips/sub/empty.txt":        nil,
		"clips/sub/scan.txt":         testdataFile(t, "scan.txt"),
		"clips/sub/zz quarry.html":   testdataFile(t, "article.html"),
		"loose/2022-02-15 board.txt": testdataFile(t, "2022-02-15 ledger.txt"),
	})
	missing := filepath.Join(dir, "nope")
	st := newStore(t)
	ctx := context.Background()

	var calls []Progress
	res, err := ImportPaths(ctx, st, []string{filepath.Join(dir, "clips"), missing, filepath.Join(dir, "loose", "2022-02-15 board.txt")},
		func(p Progress) { calls = append(calls, p) })
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name     string
		dup, bad bool
		is       error
	}
	want := []row{
		{name: "01 gazette.txt"},
		{name: "02 copy of 01.txt", dup: true},
		{name: "bridge.txt"},
		{name: "empty.txt", bad: true, is: ErrEmpty},
		{name: "scan.txt", bad: true, is: ErrBinary},
		{name: "zz quarry.html"},
		{name: "nope", bad: true, is: os.ErrNotExist},
		{name: "2022-02-15 board.txt"},
	}
	if len(res) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(res), len(want), res)
	}
	for i, w := range want {
		r := res[i]
		if filepath.Base(r.Path) != w.name {
			t.Errorf("result %d is %s, want %s", i, r.Path, w.name)
			continue
		}
		if (r.Err != nil) != w.bad || (w.is != nil && !errors.Is(r.Err, w.is)) {
			t.Errorf("%s: err = %v, want %v", w.name, r.Err, w.is)
		}
		if w.bad {
			if len(r.Articles) != 0 {
				t.Errorf("%s: failed file has articles %+v", w.name, r.Articles)
			}
			continue
		}
		if len(r.Articles) != 1 || r.Archive {
			t.Errorf("%s: %d articles, archive %v", w.name, len(r.Articles), r.Archive)
			continue
		}
		a := r.Articles[0]
		if a.ID == "" || (a.Duplicate == DupSameText) != w.dup || a.Headline == "" {
			t.Errorf("%s: ID %q Duplicate %q Headline %q", w.name, a.ID, a.Duplicate, a.Headline)
		}
	}
	if res[1].Articles[0].ID != res[0].Articles[0].ID {
		t.Errorf("duplicate points to %s, want %s", res[1].Articles[0].ID, res[0].Articles[0].ID)
	}
	if len(calls) != 7 || calls[6].FilesDone != 7 || calls[6].Files != 7 || calls[6].Articles != 5 {
		t.Errorf("progress calls = %+v, want 1..7 of 7 and 5 articles", calls)
	}
	for i, c := range calls {
		if c.FilesDone != i+1 {
			t.Errorf("progress call %d reported done=%d", i, c.FilesDone)
		}
	}

	sums, err := st.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 4 {
		t.Fatalf("%d clippings stored, want 4", len(sums))
	}
	stored, err := st.Clipping(ctx, res[7].Articles[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _, err := Parse("2022-02-15 board.txt", testdataFile(t, "2022-02-15 ledger.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if stored.Body != parsed.Body || stored.Date != "2022-02-15" || stored.SourceName != "2022-02-15 board.txt" {
		t.Errorf("stored clipping: date %q source %q, body equal %v", stored.Date, stored.SourceName, stored.Body == parsed.Body)
	}

	// Importing the same files again adds nothing.
	again, err := ImportPaths(ctx, st, []string{filepath.Join(dir, "clips", "sub", "bridge.txt")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || len(again[0].Articles) != 1 || again[0].Articles[0].Duplicate != DupSameText || again[0].Articles[0].ID != res[2].Articles[0].ID {
		t.Errorf("re-import: %+v, want duplicate of %s", again, res[2].Articles[0].ID)
	}
}

func TestImportPathsCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": testdataFile(t, "plain_byline_pubdate.txt")})
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ImportPaths(ctx, st, []string{dir}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	sums, err := st.ClippingSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 0 {
		t.Errorf("%d clippings stored after cancellation", len(sums))
	}
}

func TestImportPathsTransactionFails(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a.txt":     testdataFile(t, "plain_byline_pubdate.txt"),
		"empty.txt": nil,
	})
	st, err := store.Create(filepath.Join(t.TempDir(), "project.clip"))
	if err != nil {
		t.Fatal(err)
	}
	st.Close() // every write now fails
	res, err := ImportPaths(context.Background(), st, []string{dir}, nil)
	if err == nil {
		t.Fatal("no error from a failed transaction")
	}
	if len(res) != 2 || !errors.Is(res[1].Err, ErrEmpty) || res[0].Err == nil || res[0].Articles[0].ID != "" {
		t.Errorf("results = %+v", res)
	}
}

func TestImportPathsNothingToImport(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"empty.txt": nil})
	res, err := ImportPaths(context.Background(), newStore(t), []string{dir}, nil)
	if err != nil || len(res) != 1 || !errors.Is(res[0].Err, ErrEmpty) {
		t.Errorf("res = %+v, err = %v", res, err)
	}
}

// TestImportPathsCancelKeepsCommitted: cancelling keeps the files whose
// transaction was committed, and only those are reported.
func TestImportPathsCancelKeepsCommitted(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for i := range 30 {
		files[fmt.Sprintf("clip-%03d.txt", i)] = []byte(epaperClipping(i, 120))
	}
	writeFiles(t, dir, files)
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const perTx = 10
	reps, err := importPaths(ctx, st, []string{dir}, func(p Progress) {
		if p.FilesDone == 2*perTx+5 {
			cancel()
		}
	}, batchLimits{articles: 1000, bytes: 1 << 30, files: perTx})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(reps) != 2*perTx {
		t.Fatalf("%d reports, want the %d files of the two committed transactions", len(reps), 2*perTx)
	}
	for _, r := range reps {
		if r.Err != nil || len(r.Articles) != 1 || r.Articles[0].ID == "" {
			t.Fatalf("report %+v", r)
		}
	}
	sums, err := st.ClippingSummaries(context.Background())
	if err != nil || len(sums) != 2*perTx {
		t.Errorf("%d clippings stored, want %d (%v)", len(sums), 2*perTx, err)
	}
}
