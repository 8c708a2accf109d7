package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/store/fixture"
)

// The scale benchmarks use the generated projects of package fixture
// (cached under os.TempDir): 50,000 clippings with 1,000,000 annotations,
// or with CLIPPER_BENCH_SPEC=mid|small a smaller project for quick runs.
// Memory is measured in a child process per op (peak RSS is a process's).

func scaleSpecs() (project, colleague fixture.Spec) {
	project = fixture.Big
	switch os.Getenv("CLIPPER_BENCH_SPEC") {
	case "mid":
		project = fixture.Mid
	case "small":
		project = fixture.Small
	}
	colleague = project
	colleague.Coders, colleague.Seed = []string{"Dana"}, 1
	return project, colleague
}

// TestMain runs a benchmark's child work instead of the tests when asked.
func TestMain(m *testing.M) {
	if work := os.Getenv(fixture.ChildEnv); work != "" {
		if err := child(work); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child does one measured piece of work: "merge" merges the colleague's
// project into the project copy at CLIPPER_BENCH_PROJECT and prints the
// summary; "merge-again" does the same and requires that nothing changes;
// "accept" saves one step of bulkPerClipping annotations in every
// clipping, and "undo" undoes it (see BenchmarkScaleUndo).
func child(work string) error {
	if work == "accept" || work == "undo" {
		return historyChild(work)
	}
	ctx := context.Background()
	_, colleague := scaleSpecs()
	src, err := fixture.Path(ctx, colleague)
	if err != nil {
		return err
	}
	if p := os.Getenv("CLIPPER_BENCH_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	st, coder, err := openAsAna(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Merge(ctx, src, store.MergeOptions{CoderID: coder.ID, CountsOnly: true})
	if err != nil {
		return err
	}
	switch work {
	case "merge":
		if rep.Annotations.Added == 0 {
			return fmt.Errorf("nothing added: %s", rep.Summary())
		}
	case "merge-again":
		if rep.Changes() != 0 {
			return fmt.Errorf("merging again changed something: %s", rep.Summary())
		}
	default:
		return fmt.Errorf("unknown work %q", work)
	}
	fmt.Println("summary", rep.Summary())
	return fixture.PrintUsage(start)
}

// BenchmarkScaleMerge merges a colleague's project of 1,000,000
// annotations (another coder's, on the same 50,000 clippings) into a copy
// of the project with 1,000,000 (target ≤ 60 s, ≤ 600 MB RSS), then the
// same file again (target ≤ 20 s, changes nothing). Copies are made
// outside the measurement; each merge runs in a fresh child process,
// which reports its peak resident set and CPU time (user+sys).
func BenchmarkScaleMerge(b *testing.B) {
	ctx := context.Background()
	project, colleague := scaleSpecs()
	if _, err := fixture.Path(ctx, colleague); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, work := range []string{"merge", "merge-again"} {
		b.Run(work, func(b *testing.B) {
			var u fixture.Usage
			var summary string
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				p := filepath.Join(dir, fmt.Sprintf("%s-%d.clip", work, i))
				if err := fixture.Copy(ctx, project, p); err != nil {
					b.Fatal(err)
				}
				if work == "merge-again" {
					if _, _, err := fixture.RunChild("merge", "CLIPPER_BENCH_PROJECT="+p); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				var out string
				var err error
				if u, out, err = fixture.RunChild(work, "CLIPPER_BENCH_PROJECT="+p); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				summary = strings.TrimSpace(strings.TrimPrefix(out, "summary "))
				os.Remove(p)
				b.StartTimer()
			}
			b.Logf("%s: %s", work, summary)
			b.ReportMetric(u.PeakRSSMB, "peak-RSS-MB")
			b.ReportMetric(u.CPU.Seconds(), "cpu-s")
			b.ReportMetric(u.Wall.Seconds(), "wall-s")
		})
	}
}

// openAsAna opens the project at CLIPPER_BENCH_PROJECT with coder Ana.
func openAsAna(ctx context.Context) (*store.Store, model.Coder, error) {
	st, err := store.Open(os.Getenv("CLIPPER_BENCH_PROJECT"))
	if err != nil {
		return nil, model.Coder{}, err
	}
	coder, err := st.EnsureCoder(ctx, "Ana")
	if err != nil {
		st.Close()
		return nil, model.Coder{}, err
	}
	return st, coder, nil
}

// bulkPerClipping is how many annotations the "accept" child adds to every
// clipping in one step: 200,000 on the big project.
const bulkPerClipping = 4

// historyChild saves a step of bulkPerClipping quotes in every clipping by
// Ana ("accept"), or undoes Ana's last step ("undo"), in the project at
// CLIPPER_BENCH_PROJECT.
func historyChild(work string) error {
	ctx := context.Background()
	start := time.Now()
	st, coder, err := openAsAna(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if work == "undo" {
		step, err := st.Undo(ctx, coder.ID)
		if err != nil {
			return err
		}
		fmt.Println("summary undid", step.Count, "ops")
		return fixture.PrintUsage(start)
	}
	quote, err := st.TagByName(ctx, "quote")
	if err != nil {
		return err
	}
	var clips []string
	for t, err := range st.Reader().Texts(ctx, store.LibraryFilter{}) {
		if err != nil {
			return err
		}
		if len(t.Body) >= 4*bulkPerClipping {
			clips = append(clips, t.ClippingID)
		}
	}
	as := func(yield func(*model.Annotation) bool) {
		for _, id := range clips {
			for k := range bulkPerClipping {
				// Odd starts and length 3: spans the fixture's annotations never have.
				if !yield(&model.Annotation{ClippingID: id, TagID: quote.ID, Start: 4*k + 1, End: 4*k + 4}) {
					return
				}
			}
		}
	}
	res, err := st.AddAnnotationGroup(ctx, coder.ID, as, store.GroupOptions{})
	if err != nil {
		return err
	}
	fmt.Println("summary added", res.Added)
	return fixture.PrintUsage(start)
}

// BenchmarkScaleUndo undoes one step of 200,000 new annotations (four in
// each of the 50,000 clippings, as an Accept all in every clipping saves
// them) in a child process: its ops are read a chunk at a time, so memory
// does not grow with the step (it read them all: about 1 GB for 870,000).
// The step is saved outside the measurement.
func BenchmarkScaleUndo(b *testing.B) {
	ctx := context.Background()
	project, _ := scaleSpecs()
	dir := b.TempDir()
	var u fixture.Usage
	var summary string
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		p := filepath.Join(dir, fmt.Sprintf("undo-%d.clip", i))
		if err := fixture.Copy(ctx, project, p); err != nil {
			b.Fatal(err)
		}
		if _, _, err := fixture.RunChild("accept", "CLIPPER_BENCH_PROJECT="+p); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var out string
		var err error
		if u, out, err = fixture.RunChild("undo", "CLIPPER_BENCH_PROJECT="+p); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		summary = strings.TrimSpace(strings.TrimPrefix(out, "summary "))
		os.Remove(p)
		b.StartTimer()
	}
	if want := fmt.Sprintf("undid %d ops", project.Clippings*bulkPerClipping); summary != want {
		b.Fatalf("the undo says %q, want %q", summary, want)
	}
	b.ReportMetric(u.PeakRSSMB, "peak-RSS-MB")
	b.ReportMetric(u.CPU.Seconds(), "cpu-s")
	b.ReportMetric(u.Wall.Seconds(), "wall-s")
}
