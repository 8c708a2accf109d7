package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model/store"
)

// sentences are invented news sentences the benchmark clippings are made
// of; %d is filled with numbers that vary per clipping.
var sentences = []string{
	"The regional council voted %d-2 on Tuesday to approve the plan, officials said.",
	"“We have waited long enough for this decision,” said council member Edda Varga, who has campaigned on the issue for %d years.",
	"According to figures released by the transport office, about %d,000 commuters use the route every day.",
	"Critics argue that the cost, estimated at $%d million, has been understated by at least a third.",
	"The ministry said %d,000 troops had been placed on standby, a figure the opposition called “pure theatre.”",
	"Unemployment in the district fell to %d.4 percent last year, the lowest rate since records began.",
	"A spokeswoman for the agency, Mirela Osei, said the review would be finished “within %d weeks.”",
	"Residents have collected more than %d,500 signatures on a petition against the closure.",
}

// epaperClipping builds an invented e-paper clipping of about `words`
// words; different i give different bodies.
func epaperClipping(i, words int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The Harbor Ledger\n\nCouncil approves plan number %d after long debate\n\n", i)
	fmt.Fprintf(&b, "Opponents say the %d-page proposal leaves key questions open\n\n", 40+i%60)
	b.WriteString("- Priya Natarajan and Tomasz Wieczorek LEDGER STAFF\n\n")
	fmt.Fprintf(&b, "EASTMOOR – The city council on Monday approved plan %d, ending a debate that lasted %d hours.", i, 3+i%9)
	n := 20
	for k := 0; n < words; k++ {
		if k%3 == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
		s := fmt.Sprintf(sentences[(i+k)%len(sentences)], 2+(i*7+k)%97)
		b.WriteString(s)
		n += len(strings.Fields(s))
	}
	b.WriteString("\n\n ?? DANIEL ASARE/LEDGER ?? Residents at a meeting on Eastmoor Road on Tuesday.\n")
	b.WriteString("DANIEL ASARE/LEDGER Residents at a meeting on Eastmoor Road on Tuesday.\n\n")
	b.WriteString("Newspapers in English\n\nNewspapers from United States\n")
	return b.String()
}

func BenchmarkParseEpaper(b *testing.B) {
	data := []byte(epaperClipping(1, 700))
	if c, _, err := Parse("clip.txt", data); err != nil || len(strings.Fields(c.Body)) < 650 {
		b.Fatalf("bad benchmark input: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("clip.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport1000 imports 1,000 generated ~700-word clippings from a
// folder into a new project; writing the files and creating the project
// are outside the timer.
func BenchmarkImport1000(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "clippings")
	if err := os.Mkdir(src, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		p := filepath.Join(src, fmt.Sprintf("clip-%04d.txt", i))
		if err := os.WriteFile(p, []byte(epaperClipping(i, 700)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Create(filepath.Join(dir, fmt.Sprintf("project-%d.clip", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := ImportPaths(ctx, st, []string{src}, nil)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil || len(r.Articles) != 1 || r.Articles[0].Duplicate != "" {
				b.Fatalf("%s: err %v articles %+v", r.Path, r.Err, r.Articles)
			}
		}
		if len(res) != 1000 {
			b.Fatalf("%d results", len(res))
		}
		st.Close()
		os.Remove(st.Path())
		b.StartTimer()
	}
}
