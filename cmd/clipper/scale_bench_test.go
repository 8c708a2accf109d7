package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"clipper/model/store/fixture"
)

// The scale benchmarks of the command line run on the generated project
// of package fixture (50,000 clippings, 1,000,000 annotations; with
// CLIPPER_BENCH_SPEC=mid|small a smaller one), each command in a child
// process that reports its peak resident set and CPU time.

// TestMain runs a benchmark's child work instead of the tests when asked.
func TestMain(m *testing.M) { fixture.Main(m, cliChild) }

// cliChild runs `clipper --db PROJECT <work…>` with its output discarded.
func cliChild(work string) error {
	path, err := fixture.Path(context.Background(), fixture.SpecFromEnv())
	if err != nil {
		return err
	}
	start := time.Now()
	var stderr strings.Builder
	out := &countingWriter{w: io.Discard}
	if code := run(append([]string{"--db", path}, strings.Fields(work)...), out, &stderr); code != 0 {
		return fmt.Errorf("clipper %s: exit %d: %s", work, code, stderr.String())
	}
	if out.lines == 0 {
		return fmt.Errorf("clipper %s printed nothing", work)
	}
	fmt.Printf("lines %d\n", out.lines)
	return fixture.PrintUsage(start)
}

// countingWriter counts the lines written through it.
type countingWriter struct {
	w     io.Writer
	lines int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.lines += strings.Count(string(p), "\n")
	return c.w.Write(p)
}

// BenchmarkScaleCLI runs `annotations` (1,000,000 lines) and `list`
// (50,000 lines) on the scale project: target ≤ 100 MB peak RSS each.
func BenchmarkScaleCLI(b *testing.B) {
	if _, err := fixture.Path(context.Background(), fixture.SpecFromEnv()); err != nil {
		b.Fatal(err)
	}
	for _, work := range []string{"annotations", "list", "search --limit 0 café"} {
		b.Run(strings.Fields(work)[0], func(b *testing.B) {
			var u fixture.Usage
			for b.Loop() {
				var err error
				if u, _, err = fixture.RunChild(work, "XDG_CONFIG_HOME="+b.TempDir()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(u.PeakRSSMB, "peak-RSS-MB")
			b.ReportMetric(u.CPU.Seconds(), "cpu-s")
			b.ReportMetric(u.Wall.Seconds(), "wall-s")
		})
	}
}
