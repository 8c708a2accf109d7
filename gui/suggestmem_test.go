package gui

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/ingest"
	"clipper/model/store"
	"clipper/model/testenv"
)

// corpusProject imports the Factiva and ProQuest archives of the shared
// corpus into a new project in a temp dir and returns its path and how
// many clippings it holds. Without the corpus the test is skipped (failed
// with CI=true).
func corpusProject(tb testing.TB) (string, int) {
	tb.Helper()
	dir := testenv.Dir(tb, filepath.Join("..", "..", "shared", "corpus", "archives"), "the shared corpus")
	st, err := store.Create(filepath.Join(tb.TempDir(), "corpus.clip"))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	paths := []string{filepath.Join(dir, "factiva"), filepath.Join(dir, "proquest")}
	if _, err := ingest.ImportPaths(ctx, st, paths, nil); err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, err := range st.Reader().ClippingSummaries(ctx, store.LibraryFilter{}) {
		if err != nil {
			tb.Fatal(err)
		}
		n++
	}
	if n < 100 {
		tb.Fatalf("only %d clippings imported from %v", n, paths)
	}
	return st.Path(), n
}

// heapInUse is the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// suggestManyRetained opens a window on the project at path, runs Suggest
// for all clippings and returns the heap retained afterwards per clipping:
// by the whole session (HeapAlloc after − before) and by the suggestion
// state alone (what dropping it frees), and the window (closing it closes
// the project).
func suggestManyRetained(tb testing.TB, path string, clips int) (session, state float64, u *UI) {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	a := test.NewTempApp(tb)
	u = New(a, st, Options{Coder: "Tess Tester", NoPrompts: true})
	u.jobs.held = true
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	tb.Cleanup(func() {
		if !u.closed {
			u.win.Close()
		}
	})
	sugg := u.sugg
	before := heapInUse()
	u.suggestAll()
	u.jobs.wait()
	after := heapInUse()
	if u.sugg != sugg || !u.sugg.has(u.clip.ID) || u.sugg.count(u.clip.ID) == 0 {
		tb.Fatalf("Suggest for all clippings kept nothing: same state %v, open %q kept %v, %d kept, status %q", u.sugg == sugg, u.clip.ID, u.sugg.has(u.clip.ID), u.sugg.kept.len(), u.status.Text)
	}
	runtime.KeepAlive(sugg)
	u.sugg = newSuggestions()
	sugg = nil
	dropped := heapInUse()
	return (float64(after) - float64(before)) / float64(clips), (float64(after) - float64(dropped)) / float64(clips), u
}

// BenchmarkSuggestManyRetained measures the heap kept after Suggest for
// all clippings on the corpus archives (Factiva and ProQuest), in bytes
// per clipping: by the session ("retained-B/clipping") and by the
// suggestion state alone ("state-B/clipping"); the time is that of the
// run and the measuring.
func BenchmarkSuggestManyRetained(b *testing.B) {
	path, n := corpusProject(b)
	var session, state float64
	for b.Loop() {
		var u *UI
		session, state, u = suggestManyRetained(b, path, n)
		u.win.Close()
	}
	b.ReportMetric(session, "retained-B/clipping")
	b.ReportMetric(state, "state-B/clipping")
	b.ReportMetric(float64(n), "clippings")
}

// TestSuggestManyKeepsLittlePerClipping: after Suggest for all clippings
// on the corpus archives the suggestion state holds a tally per clipping
// and the open clipping's suggestions, not every clipping's suggestions
// (about 17 KB a clipping of 5 KB text when they were all kept).
func TestSuggestManyKeepsLittlePerClipping(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the corpus archives")
	}
	path, n := corpusProject(t)
	session, state, u := suggestManyRetained(t, path, n)
	t.Logf("%d clippings: the session retains %.0f B a clipping, the suggestion state %.0f B", n, session, state)
	if state > 512 {
		t.Errorf("the suggestion state retains %.0f B a clipping, want at most 512", state)
	}
	if u.sugg.has(u.clip.ID) {
		t.Fatal("the measured state was not dropped")
	}
}
