package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"clipper/model"
)

// textGen makes deterministic news-like text from a vocabulary of 5,000
// made-up words with a skewed (Zipf-like) frequency.
type textGen struct {
	r     *rand.Rand
	vocab []string
}

func newTextGen(seed uint64) *textGen {
	g := &textGen{r: rand.New(rand.NewPCG(seed, 99))}
	for range 5000 {
		n := 2 + g.r.IntN(9)
		var b strings.Builder
		for range n {
			b.WriteByte(byte('a' + g.r.IntN(26)))
		}
		g.vocab = append(g.vocab, b.String())
	}
	return g
}

// words returns n words with sentence punctuation.
func (g *textGen) words(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%17 == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		k := int(float64(len(g.vocab)) * g.r.Float64() * g.r.Float64())
		b.WriteString(g.vocab[k])
	}
	b.WriteByte('.')
	return b.String()
}

// clippings generates n clippings of about 700 words, with Original set
// to the body's bytes as an importer would.
func (g *textGen) clippings(n int) []*model.Clipping {
	cs := make([]*model.Clipping, n)
	for i := range cs {
		body := g.words(650 + g.r.IntN(100))
		cs[i] = &model.Clipping{
			Body: body, Original: []byte(body), SourceName: fmt.Sprintf("clip%05d.txt", i),
			Metadata: model.Metadata{Headline: g.words(8), Publication: "The Daily " + g.vocab[i%50],
				Date: fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28), Authors: []string{g.words(2)}},
		}
	}
	return cs
}

// BenchmarkAddClippings1000 imports 1,000 ~700-word clippings into a new
// project with one AddClippings call (one transaction) per op.
func BenchmarkAddClippings1000(b *testing.B) {
	cs := newTextGen(1).clippings(1000)
	ctx := context.Background()
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := Create(filepath.Join(dir, fmt.Sprintf("p%d.clip", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.AddClippings(ctx, cs)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if len(res) != 1000 || res[999].Duplicate {
			b.Fatalf("bad results: %d", len(res))
		}
		s.Close()
		b.StartTimer()
	}
}

// annotationBench is a project with one ~700-word clipping to annotate.
type annotationBench struct {
	f    *fixture
	clip *model.Clipping
	n    int // code points in the body
	i    int
}

func newAnnotationBench(b testing.TB) *annotationBench {
	f := newFixture(b)
	// The app names its version, so every save also checks the file's
	// "written by" record (see stampWrite); so does the benchmark.
	f.s.SetVersion("0.1.0 (bench)")
	c := newTextGen(2).clippings(1)[0]
	if _, err := f.s.AddClipping(f.ctx, c); err != nil {
		b.Fatal(err)
	}
	return &annotationBench{f: f, clip: c, n: len([]rune(c.Body))}
}

// add saves the next annotation: a claim with attributes, and a note if
// note is not empty.
func (ab *annotationBench) add(b testing.TB, note string) {
	start := (ab.i * 7) % (ab.n - 40)
	ab.i++
	a := &model.Annotation{ClippingID: ab.clip.ID, TagID: ab.f.tags["claim"].ID, CoderID: ab.f.coder.ID,
		Start: start, End: start + 30,
		Attributes: model.Attributes{Claimant: "Marie", Status: model.StatusUnverified, Note: note}}
	if err := ab.f.s.AddAnnotation(ab.f.ctx, a); err != nil {
		b.Fatal(err)
	}
}

// bareTable is a one-table database opened with the store's DSN pragmas.
type bareTable struct{ db *sql.DB }

func newBareTable(b testing.TB) *bareTable {
	db, err := sql.Open(driverName, rwDSN(filepath.Join(b.TempDir(), "bare.db")))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	return &bareTable{db}
}

// insert runs one single-row INSERT in its own (autocommit) transaction.
func (bt *bareTable) insert(b testing.TB) {
	id, err := newID()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := bt.db.Exec(`INSERT INTO t (id, v) VALUES (?, ?)`, id, "check this"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAddAnnotation saves one annotation (a claim with claimant and
// status, no note) per op through the full path: validation, anchoring,
// insert and op log, in one synchronous=FULL transaction.
func BenchmarkAddAnnotation(b *testing.B) {
	ab := newAnnotationBench(b)
	b.ResetTimer()
	for b.Loop() {
		ab.add(b, "")
	}
}

// BenchmarkAddAnnotationWithNote is BenchmarkAddAnnotation with a note,
// which the transaction also indexes for search (FTS4 writes a segment).
func BenchmarkAddAnnotationWithNote(b *testing.B) {
	ab := newAnnotationBench(b)
	b.ResetTimer()
	for b.Loop() {
		ab.add(b, "check this")
	}
}

// BenchmarkBareInsert is the floor AddAnnotation is compared with: one
// single-row INSERT (autocommit) into a one-table database opened with the
// same DSN pragmas.
func BenchmarkBareInsert(b *testing.B) {
	bt := newBareTable(b)
	b.ResetTimer()
	for b.Loop() {
		bt.insert(b)
	}
}

// BenchmarkAddAnnotationVsBare alternates one bare INSERT and one
// AddAnnotation per op, so both see the same disk and CPU load (the
// machine is shared), and reports the median of each and their ratio
// (target ≤ 1.5).
func BenchmarkAddAnnotationVsBare(b *testing.B) {
	for _, note := range []string{"", "check this"} {
		name := "no-note"
		if note != "" {
			name = "note"
		}
		b.Run(name, func(b *testing.B) {
			ab, bt := newAnnotationBench(b), newBareTable(b)
			var ann, bare []time.Duration
			b.ResetTimer()
			for b.Loop() {
				t0 := time.Now()
				bt.insert(b)
				t1 := time.Now()
				ab.add(b, note)
				bare, ann = append(bare, t1.Sub(t0)), append(ann, time.Since(t1))
			}
			med := func(d []time.Duration) float64 {
				slices.Sort(d)
				return float64(d[len(d)/2]) / 1e6
			}
			ma, mb := med(ann), med(bare)
			b.ReportMetric(ma, "ann-ms")
			b.ReportMetric(mb, "bare-ms")
			b.ReportMetric(ma/mb, "ratio")
		})
	}
}

// bigProject builds a project of 10,000 ~700-word clippings and 100,000
// annotations (10 per clipping, through the store's batch calls, op log
// included) and returns its path.
func bigProject(b *testing.B) string {
	b.Helper()
	s, err := Create(filepath.Join(b.TempDir(), "big.clip"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	coder, err := s.EnsureCoder(ctx, "Ana")
	if err != nil {
		b.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		b.Fatal(err)
	}
	g := newTextGen(3)
	var all []*model.Clipping
	for range 10 {
		cs := g.clippings(1000)
		if _, err := s.AddClippings(ctx, cs); err != nil {
			b.Fatal(err)
		}
		all = append(all, cs...)
	}
	var as []*model.Annotation
	for i, c := range all {
		for k := range 10 {
			as = append(as, &model.Annotation{ClippingID: c.ID, TagID: tags[(i+k)%3].ID, CoderID: coder.ID,
				Start: k * 20, End: k*20 + 12})
		}
	}
	if err := s.AddAnnotations(ctx, as); err != nil {
		b.Fatal(err)
	}
	return s.Path()
}

// BenchmarkOpenAndList opens a project of 10,000 clippings and 100,000
// annotations (with every safety check) and lists it for the library pane.
func BenchmarkOpenAndList(b *testing.B) {
	path := bigProject(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sums, err := s.ClippingSummaries(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(sums) != 10000 || sums[0].Annotations != 10 {
			b.Fatalf("%d summaries, first has %d annotations", len(sums), sums[0].Annotations)
		}
		s.Close()
	}
}

// BenchmarkCheck runs the full quick_check (Store.Check) on the project of
// BenchmarkOpenAndList: the cost Open avoids for files above 16 MiB.
func BenchmarkCheck(b *testing.B) {
	path := bigProject(b)
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if s.Verified() {
		b.Fatal("a big project was fully checked on open")
	}
	b.ResetTimer()
	for b.Loop() {
		if err := s.Check(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIncomingCheck runs what a merge runs on the colleague's file
// before reading a row (checkIncoming: header, schema, integrity_check) on
// the project of BenchmarkOpenAndList, to compare with BenchmarkCheck.
func BenchmarkIncomingCheck(b *testing.B) {
	path := bigProject(b)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := checkIncomingNow(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fi.Size())/(1<<20), "MiB")
}
