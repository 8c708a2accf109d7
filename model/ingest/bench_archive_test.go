package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"clipper/model/ingest/archive"
	"clipper/model/store"
	"clipper/model/testenv"
)

// Benchmarks of whole imports of large exports. The inputs are built once
// from real records of the corpus, repeated with changed titles, bodies
// and document ids so that no article is a duplicate, and cached in the
// temporary folder. Each reports the process's peak resident memory
// (VmHWM, Linux): run one benchmark per process to read it, e.g.
//
//	go test -run '^$' -bench ImportNexisUni500 ./model/ingest/
//	go test -run '^$' -bench ImportFolder50 -benchtime 1x ./model/ingest/

// benchCache is where the generated inputs are kept between runs.
func benchCache(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "clipper-archive-bench-v1")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// cached returns path, building it with build when it does not exist.
func cached(b *testing.B, path string, build func() []byte) string {
	if _, err := os.Stat(path); err == nil {
		return path
	}
	data := build()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// nexisRecords reads the documents of the corpus's 50-article Nexis Uni
// export: the cover page, and each document's paragraphs with its "End of
// Document" line.
func nexisRecords(b *testing.B) (cover []archive.Para, recs [][]archive.Para) {
	data, err := os.ReadFile(filepath.Join(archiveCorpus(b), "nexis", "koheiw_lexis_nyt1.docx"))
	if err != nil {
		b.Fatal(err)
	}
	ps, err := readDocx(data)
	if err != nil {
		b.Fatal(err)
	}
	var cur []archive.Para
	for _, p := range ps {
		cur = append(cur, p)
		if strings.TrimSpace(p.Text) == "End of Document" {
			recs = append(recs, cur)
			cur = nil
		}
	}
	// the cover ends where the first document's title starts
	first := recs[0]
	for i, p := range first {
		if strings.HasPrefix(p.Text, "Canada Attacks U.S. Tariffs") && p.Bold {
			cover, recs[0] = first[:i], first[i:]
		}
	}
	return cover, recs
}

// nexis500 builds a 500-article Nexis Uni export; variant v changes every
// title and body.
func nexis500(b *testing.B, cover []archive.Para, recs [][]archive.Para, v int) []byte {
	var out []archive.Para
	docsRe := regexp.MustCompile(`^Documents \(\d+\)$`)
	for _, p := range cover {
		if docsRe.MatchString(p.Text) {
			p.Text = "Documents (500)"
		}
		if len(p.Text) > 3 && p.Text[0] >= '1' && p.Text[0] <= '9' && strings.Contains(p.Text[:4], ".") {
			continue // the title list is rebuilt below
		}
		out = append(out, p)
	}
	for k := range 500 {
		out = append(out, archive.Para{Text: fmt.Sprintf("%d. Document %d of variant %d", k+1, k+1, v)})
	}
	for k := range 500 {
		rec := recs[k%len(recs)]
		inBody := false
		for i, p := range rec {
			switch {
			case i == 0:
				p.Text = fmt.Sprintf("%s (%d/%d)", p.Text, v, k)
			case strings.TrimSpace(p.Text) == "Body":
				inBody = true
			case inBody && strings.TrimSpace(p.Text) != "":
				p.Text = fmt.Sprintf("[%d/%d] %s", v, k, p.Text)
				inBody = false
			}
			out = append(out, p)
		}
	}
	return nexisDocx(b, out)
}

// proquest500 builds a 500-article ProQuest text export from the corpus's
// records; variant v changes every body and document id.
func proquest500(b *testing.B, v int) []byte {
	data, err := os.ReadFile(filepath.Join(archiveCorpus(b), "proquest", "importProquest_star.txt"))
	if err != nil {
		b.Fatal(err)
	}
	sep := strings.Repeat("_", 60)
	var recs []string
	for _, r := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), sep) {
		if strings.Contains(r, "Full text:") {
			recs = append(recs, r)
		}
	}
	idRe := regexp.MustCompile(`(?m)^ProQuest document ?ID: \d+`)
	var out strings.Builder
	for k := range 500 {
		r := recs[k%len(recs)]
		r = strings.Replace(r, "Full text: ", fmt.Sprintf("Full text: [%d/%d] ", v, k), 1)
		r = idRe.ReplaceAllString(r, "ProQuest document ID: "+strconv.Itoa(10_000_000*(v+1)+k))
		out.WriteString(sep)
		out.WriteString(r)
	}
	out.WriteString(sep + "\n\nContact us at: http://about.proquest.example/contact\n")
	return []byte(out.String())
}

// peakRSS returns the process's peak resident memory in MiB, 0 when the
// system does not say.
func peakRSS() float64 { return procStatus("VmHWM:") }

// rss returns the process's resident memory now, in MiB.
func rss() float64 { return procStatus("VmRSS:") }

func procStatus(key string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, key) {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// benchImport imports paths into a new project per iteration and checks
// that every article was added.
func benchImport(b *testing.B, paths []string, articles int, progress func(Progress)) {
	dir := b.TempDir()
	ctx := context.Background()
	cpu0 := testenv.CPUTime().Seconds()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Create(filepath.Join(dir, fmt.Sprintf("p%d.clip", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		reps, err := ImportPaths(ctx, st, paths, progress)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		added := 0
		for _, r := range reps {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Path, r.Err)
			}
			a, _, _ := r.Counts()
			added += a
		}
		if added != articles {
			b.Fatalf("%d articles added, want %d", added, articles)
		}
		st.Close()
		os.Remove(st.Path())
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric((testenv.CPUTime().Seconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(articles), "articles/op")
	b.ReportMetric(peakRSS(), "peak-RSS-MB")
}

func BenchmarkImportNexisUni500(b *testing.B) {
	cover, recs := nexisRecords(b)
	p := cached(b, filepath.Join(benchCache(b), "nexis500-0.docx"), func() []byte { return nexis500(b, cover, recs, 0) })
	benchImport(b, []string{p}, 500, nil)
}

func BenchmarkImportProQuest500(b *testing.B) {
	p := cached(b, filepath.Join(benchCache(b), "proquest500-0.txt"), func() []byte { return proquest500(b, 0) })
	benchImport(b, []string{p}, 500, nil)
}

// BenchmarkImportFolder50 imports a folder of 25 Nexis Uni and 25
// ProQuest exports of 500 articles each (25,000 articles). It reports the
// resident memory after the 10th and the 50th file and the most seen
// after any file: flat memory keeps them close.
func BenchmarkImportFolder50(b *testing.B) {
	cover, recs := nexisRecords(b)
	folder := filepath.Join(benchCache(b), "folder50")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		b.Fatal(err)
	}
	for v := range 25 {
		cached(b, filepath.Join(folder, fmt.Sprintf("nexis-%02d.docx", v)), func() []byte { return nexis500(b, cover, recs, v+1) })
		cached(b, filepath.Join(folder, fmt.Sprintf("proquest-%02d.txt", v)), func() []byte { return proquest500(b, v+1) })
	}
	runtime.GC()
	var at10, last, most float64
	benchImport(b, []string{folder}, 25_000, func(p Progress) {
		r := rss()
		if p.FilesDone == 10 {
			at10 = r
		}
		last = r
		most = max(most, r)
	})
	b.ReportMetric(at10, "rss-file10-MB")
	b.ReportMetric(last, "rss-file50-MB")
	b.ReportMetric(most, "rss-max-MB")
}
