package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clipper/model/store"
	"clipper/model/store/fixture"
)

// BenchmarkScaleExport exports the scale project once per op, in every
// format, each in a fresh child process, end to end: open the project,
// read it and write the file (atomically, fsync'd). It reports the peak
// resident set (target ≤ 300 MB), CPU time (user+sys) beside wall time,
// and annotations per second of wall time (CSV target ≥ 150,000/s).
func BenchmarkScaleExport(b *testing.B) {
	spec := fixture.SpecFromEnv()
	if _, err := fixture.Path(context.Background(), spec); err != nil {
		b.Fatal(err)
	}
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			var u fixture.Usage
			for b.Loop() {
				var err error
				if u, _, err = fixture.RunChild("export:"+string(f), "CLIPPER_BENCH_OUT="+filepath.Join(b.TempDir(), "out"+f.Ext())); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(u.PeakRSSMB, "peak-RSS-MB")
			b.ReportMetric(u.CPU.Seconds(), "cpu-s")
			b.ReportMetric(u.Wall.Seconds(), "wall-s")
			b.ReportMetric(float64(spec.Annotations())/u.Wall.Seconds(), "ann/s")
		})
	}
}

// scaleChild is the child process of BenchmarkScaleExport: work is
// "export:<format>". With CLIPPER_BENCH_CPUPROFILE=FILE it writes a CPU
// profile of the export.
func scaleChild(work string) error {
	f, ok := strings.CutPrefix(work, "export:")
	if !ok {
		return fmt.Errorf("unknown work %q", work)
	}
	ctx := context.Background()
	path, err := fixture.Path(ctx, fixture.SpecFromEnv())
	if err != nil {
		return err
	}
	stop, err := fixture.StartProfile()
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := exportProject(ctx, st, Format(f), os.Getenv("CLIPPER_BENCH_OUT"))
	if err != nil {
		return err
	}
	if f != string(QDC) && rep.Annotations != fixture.SpecFromEnv().Annotations() {
		return fmt.Errorf("exported %d annotations", rep.Annotations)
	}
	return fixture.PrintUsage(start)
}

// exportProject is what `clipper export` does: the whole project, the
// agreement sheet in a workbook.
func exportProject(ctx context.Context, st *store.Store, f Format, out string) (Report, error) {
	d, err := Open(ctx, st, "Ana")
	if err != nil {
		return Report{}, err
	}
	d = d.Select(Filter{})
	if f == XLSX {
		if err := d.AttachAgreement(ctx); err != nil {
			return Report{}, err
		}
	}
	return WriteFile(ctx, out, f, d, nil)
}
