package ingest

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// lexisPDF455 makes (once per run, through LibreOffice) a LexisNexis PDF
// download of 242 documents on about 455 pages from the corpus's TXT.
func lexisPDF455(b *testing.B) (path string, data []byte, docs int, marker *regexp.Regexp) {
	txt := strings.ReplaceAll(strings.TrimPrefix(string(corpusFile(b, "nexis/lnt_sample_lexisnexis_classic.TXT")), "\ufeff"), "\r\n", "\n")
	marker = regexp.MustCompile(`(?m)^\s*\d+ of \d+ DOCUMENTS\s*$`)
	parts := marker.Split(txt, -1)
	docs = 242
	var sb strings.Builder
	sb.WriteString(parts[0])
	for i := 0; i < docs; i++ {
		fmt.Fprintf(&sb, "                               %d of %d DOCUMENTS\n", i+1, docs)
		sb.WriteString(parts[1+i%(len(parts)-1)])
	}
	path = sofficePDF(b, "lexis455.txt", []byte(sb.String()))
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, data, docs, marker
}

// BenchmarkPDFLexis455Pages reads the text of a 455-page LexisNexis PDF.
func BenchmarkPDFLexis455Pages(b *testing.B) {
	path, data, docs, marker := lexisPDF455(b)
	b.ReportMetric(float64(len(data))/(1<<20), "MiB-file")
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		doc, _, err := PDFDoc(context.Background(), path, data)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(marker.FindAllString(doc.Text, -1)); n != docs {
			b.Fatalf("%d markers, want %d", n, docs)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		b.ReportMetric(float64(doc.Paras[len(doc.Paras)-1].Page), "pages")
	}
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-inuse")
}

// BenchmarkImportLexisPDF455Pages reads a 455-page LexisNexis PDF into its
// 242 articles: the PDF reader, the LexisNexis splitter and the check
// that no text was lost (issue 10's target: ≤ 15 s).
func BenchmarkImportLexisPDF455Pages(b *testing.B) {
	path, data, docs, _ := lexisPDF455(b)
	b.ResetTimer()
	for b.Loop() {
		p, err := ParseArticles(context.Background(), path, data)
		if err != nil {
			b.Fatal(err)
		}
		if !p.Archive || len(p.Articles) != docs {
			b.Fatalf("%s: %d articles, want %d", p.Format, len(p.Articles), docs)
		}
	}
}
