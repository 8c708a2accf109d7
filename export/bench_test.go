package export

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"clipper/model"
	"clipper/model/store/fixture"
	"clipper/model/testenv"
)

// Words the generated clippings are made of; some clippings mix in
// accented words, curly quotes and emoji so the non-ASCII paths run too.
var (
	plainWords = strings.Fields("the minister said that prices rose by percent in the region " +
		"while critics argued budget deficit growth council report police officials data survey " +
		"health schools energy market workers election campaign housing tax")
	fancyWords = strings.Fields("énergie café “quoted” naïve 🔥 Zürich déficit €")
)

// bigDataset generates clips clippings with perClip annotations each,
// deterministically: paragraphs of sentences, spans of two to five words.
func bigDataset(clips, perClip int) *Dataset {
	rng := rand.New(rand.NewPCG(1, 2))
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	d := &Dataset{ProjectName: "bench.clip", SchemaVersion: 3, Creator: "Coder 1"}
	for i, tag := range model.DefaultTags() {
		tag.ID = testID(kindTag, i+1)
		d.Tags = append(d.Tags, tag)
	}
	d.Tags = append(d.Tags, model.Tag{ID: testID(kindTag, 4), Name: "follow-up", Kind: model.KindCustom, Color: "#6A1B9A"})
	for i := range 3 {
		d.Coders = append(d.Coders, model.Coder{ID: testID(kindCode, i+1), Name: "Coder " + strconv.Itoa(i+1)})
	}
	type sentence struct{ start, words int }
	for ci := range clips {
		var b strings.Builder
		var sents []sentence
		runes := 0
		write := func(s string) {
			b.WriteString(s)
			runes += len([]rune(s))
		}
		fancy := ci%2 == 1
		for p := range 12 {
			if p > 0 {
				write("\n\n")
			}
			for s := range 4 {
				if s > 0 {
					write(" ")
				}
				n := 8 + rng.IntN(12)
				sents = append(sents, sentence{runes, n})
				for w := range n {
					if w > 0 {
						write(" ")
					}
					word := plainWords[rng.IntN(len(plainWords))]
					if fancy && rng.IntN(6) == 0 {
						word = fancyWords[rng.IntN(len(fancyWords))]
					}
					if w == 0 {
						r := []rune(word)
						word = strings.ToUpper(string(r[:1])) + string(r[1:])
					}
					write(word)
				}
				write(".")
			}
		}
		body := b.String()
		c := model.Clipping{ID: testID(kindClip, ci+1), Body: body, BodyHash: model.HashBody(body),
			Metadata: model.Metadata{Publication: "Gazette " + strconv.Itoa(ci%7), Headline: "Story " + strconv.Itoa(ci),
				Date: at.AddDate(0, 0, -ci%365).Format(time.DateOnly), Authors: []string{"A. Writer"}},
			CreatedAt: at, UpdatedAt: at}
		d.Clippings = append(d.Clippings, c)

		rs := []rune(body)
		for k := range perClip {
			s := sents[(k*7)%len(sents)]
			// Spans start at a word: walk to the w-th word of the sentence.
			pos := s.start
			for skip := k % 3; skip > 0; skip-- {
				for rs[pos] != ' ' {
					pos++
				}
				pos++
			}
			end := pos
			for w := 2 + k%4; w > 0 && end < len(rs) && rs[end] != '.'; w-- {
				end++
				for end < len(rs) && rs[end] != ' ' && rs[end] != '.' {
					end++
				}
			}
			tag := k % 4
			a := model.Annotation{
				ID: testID(kindAnn, ci*perClip+k+1), ClippingID: c.ID, TagID: d.Tags[tag].ID,
				CoderID: d.Coders[k%3].ID, Start: pos, End: end, Exact: string(rs[pos:end]),
				Prefix: string(rs[max(0, pos-model.AnchorContext):pos]), Suffix: string(rs[end:min(len(rs), end+model.AnchorContext)]),
				BodyHash: c.BodyHash, CreatedAt: at, UpdatedAt: at,
			}
			switch d.Tags[tag].Kind {
			case model.KindClaim:
				a.Claimant, a.Status = "the ministry", model.StatusFalse
			case model.KindQuote:
				a.Speaker = "Minister"
			case model.KindFigure:
				a.Value, a.Unit = fp(float64(k)*1.5), "%"
			}
			if k%5 == 0 {
				a.Note = "Check against the report, page " + strconv.Itoa(k)
			}
			d.Annotations = append(d.Annotations, a)
		}
	}
	return d
}

// benchDataset is the size of the benchmarks: 100,000 annotations over
// 2,000 clippings.
func benchDataset() *Dataset { return bigDataset(2000, 50) }

func TestBigDatasetIsConsistent(t *testing.T) {
	d := bigDataset(20, 50)
	for _, a := range d.Annotations {
		c := d.Clippings[slicesIndexClip(d, a.ClippingID)]
		exact, prefix, suffix, err := model.Anchor(c.Body, a.Start, a.End)
		if err != nil || exact != a.Exact || prefix != a.Prefix || suffix != a.Suffix {
			t.Fatalf("annotation %s does not anchor: %v %q vs %q", a.ID, err, exact, a.Exact)
		}
		if strings.HasPrefix(a.Exact, " ") || strings.HasSuffix(a.Exact, " ") {
			t.Fatalf("span %q does not sit on words", a.Exact)
		}
	}
	// Every format handles it, and the spreadsheet rows match.
	for _, f := range Formats() {
		rep, err := Write(context.Background(), io.Discard, f, d, nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f != QDC && (rep.Annotations != 1000 || len(rep.Warnings) != 0) {
			t.Errorf("%s: report %d annotations, warnings %q", f, rep.Annotations, rep.Warnings)
		}
	}
}

func slicesIndexClip(d *Dataset, id string) int {
	for i, c := range d.Clippings {
		if c.ID == id {
			return i
		}
	}
	return -1
}

func benchmarkFormat(b *testing.B, f Format) {
	d := benchDataset()
	var size int64
	b.ReportAllocs()
	cpu0 := testenv.CPUTime()
	n := 0
	for b.Loop() {
		cw := &countingWriter{}
		if _, err := Write(context.Background(), cw, f, d, nil); err != nil {
			b.Fatal(err)
		}
		size = cw.n
		n++
	}
	b.ReportMetric(float64(size)/1e6, "MB-out")
	// CPU seconds of the whole process (all threads, GC included): steadier
	// than wall time on a machine shared with other work.
	b.ReportMetric((testenv.CPUTime()-cpu0).Seconds()/float64(n), "cpu-s/op")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkExportCSV and BenchmarkExportXLSX share the dataset and the row
// building (context sentence, paragraph, lookups): target XLSX ≤ 4× CSV.
func BenchmarkExportCSV(b *testing.B)    { benchmarkFormat(b, CSV) }
func BenchmarkExportCSVRaw(b *testing.B) { benchmarkFormat(b, CSVRaw) }
func BenchmarkExportXLSX(b *testing.B)   { benchmarkFormat(b, XLSX) }
func BenchmarkExportJSON(b *testing.B)   { benchmarkFormat(b, JSON) }
func BenchmarkExportQDPX(b *testing.B)   { benchmarkFormat(b, QDPX) }

// peakEnv makes the test binary act as the peak-memory helper (see TestMain).
const peakEnv = "CLIPPER_EXPORT_PEAK_HELPER"

// BenchmarkExportXLSXPeakRSS runs one XLSX export of the benchmark dataset
// in a fresh helper process and reports its resident set once the dataset
// is built and the peak (VmHWM) during the export, with the Go runtime's
// default settings; the target is ≤ 250 MB.
func BenchmarkExportXLSXPeakRSS(b *testing.B) {
	var base, peak float64
	for b.Loop() {
		base, peak = peakRSS(b, "")
	}
	b.ReportMetric(base, "dataset-RSS-MB")
	b.ReportMetric(peak, "peak-RSS-MB")
}

// peakRSS runs the peak-memory helper with GOMEMLIMIT set to limit (unset
// when empty) and returns the resident set after building the dataset and
// the peak, in MB.
func peakRSS(b *testing.B, limit string) (base, peak float64) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, peakEnv+"=xlsx")
	if limit != "" {
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+limit)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("helper: %v\n%s", err, out)
	}
	if _, err := fmt.Sscanf(string(out), "base=%f peak=%f", &base, &peak); err != nil {
		b.Fatalf("helper output %q: %v", out, err)
	}
	return base, peak
}

// TestMain runs the peak-memory helper when asked to, else the tests.
func TestMain(m *testing.M) {
	if f := os.Getenv(peakEnv); f != "" {
		os.Exit(peakHelper(Format(f)))
	}
	fixture.Main(m, scaleChild)
}

// peakHelper exports the benchmark dataset once and prints the process's
// peak RSS after building the dataset and after the export, in MB.
func peakHelper(f Format) int {
	d := benchDataset()
	// Drop the generator's garbage and restart the high-water mark, so the
	// figures are the dataset's live size and the export's peak on top.
	runtime.GC()
	debug.FreeOSMemory()
	err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	var base float64
	if err == nil {
		base, err = fixture.PeakRSS()
	}
	if err == nil {
		_, err = Write(context.Background(), io.Discard, f, d, nil)
	}
	var peak float64
	if err == nil {
		peak, err = fixture.PeakRSS()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("base=%.1f peak=%.1f\n", base, peak)
	return 0
}
