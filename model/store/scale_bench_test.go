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
// summary; "merge-again" does the same and requires that nothing changes.
func child(work string) error {
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
	st, err := store.Open(os.Getenv("CLIPPER_BENCH_PROJECT"))
	if err != nil {
		return err
	}
	defer st.Close()
	coder, err := st.EnsureCoder(ctx, "Ana")
	if err != nil {
		return err
	}
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
