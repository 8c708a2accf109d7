package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/find"
	"clipper/model/store"
	"clipper/model/store/fixture"
)

// The app at scale: the benchmarks open the generated project of package
// fixture (50,000 clippings, 1,000,000 annotations; CLIPPER_BENCH_SPEC=mid
// or small for quicker runs) in a child process each, for its peak RSS.

// TestMain runs a benchmark's child work instead of the tests when asked.
func TestMain(m *testing.M) { fixture.Main(m, benchChild) }

// benchChild does one measured piece of work: "open" opens the project at
// CLIPPER_BENCH_PROJECT in the app window (Fyne's test driver, 1280×800)
// and draws it, first clipping and library shown, then prints the phases'
// times and its usage.
func benchChild(work string) error {
	if work != "open" {
		return fmt.Errorf("unknown work %q", work)
	}
	stop, err := fixture.StartProfile()
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	a := test.NewApp()
	defer test.NewApp()
	st, err := store.Open(os.Getenv("CLIPPER_BENCH_PROJECT"))
	if err != nil {
		return err
	}
	defer st.Close()
	opened := time.Since(start)
	u := New(a, st, Options{Coder: "Ana", NoPrompts: true})
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	built := time.Since(start)
	img := u.win.Canvas().Capture()
	drawn := time.Since(start)
	if u.clip.ID == "" || u.lib.n == 0 || img.Bounds().Empty() {
		return fmt.Errorf("opened: clipping %q, %d listed", u.clip.ID, u.lib.n)
	}
	fmt.Printf("phases open=%.3f window=%.3f drawn=%.3f listed=%d\n", opened.Seconds(), built.Seconds(), drawn.Seconds(), u.lib.n)
	return fixture.PrintUsage(start)
}

// BenchmarkOpenAtScale opens a copy of the scale project in the app and
// reports the wall time until the window with the library and the first
// clipping is drawn, and the peak RSS. Targets: ≤ 2 s, ≤ 400 MB.
func BenchmarkOpenAtScale(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "project.clip")
	if err := fixture.Copy(ctx, fixture.SpecFromEnv(), path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		use, out, err := fixture.RunChild("open", "CLIPPER_BENCH_PROJECT="+path, "XDG_CONFIG_HOME="+b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.Log(out)
		b.ReportMetric(use.Wall.Seconds(), "wall-s")
		b.ReportMetric(use.PeakRSSMB, "peak-MB")
		b.ReportMetric(use.CPU.Seconds(), "cpu-s")
	}
}

// BenchmarkProjectFindAtScale runs a project-wide find as the find bar
// does (Matcher.Search over the store's texts, keeping maxHits) on the
// scale project and reports the time to the first hits (target ≤ 200 ms)
// and to the end of the count.
func BenchmarkProjectFindAtScale(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "project.clip")
	if err := fixture.Copy(ctx, fixture.SpecFromEnv(), path); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, pattern := range []string{"café", "zfxpqraixi"} {
		m, err := find.Compile(pattern, false, false, false)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(pattern, func(b *testing.B) {
			for b.Loop() {
				start := time.Now()
				var first time.Duration
				p, err := m.Search(ctx, st.Reader().Texts(ctx, store.LibraryFilter{}), maxHits,
					func(find.Text, []find.Hit) {
						if first == 0 {
							first = time.Since(start)
						}
					}, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(first.Milliseconds()), "first-ms")
				b.ReportMetric(time.Since(start).Seconds(), "all-s")
				b.ReportMetric(float64(p.Hits), "hits")
			}
		})
	}
}
