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

func BenchmarkPDFLexis455Pages(b *testing.B) {
	txt := strings.ReplaceAll(strings.TrimPrefix(string(corpusFile(b, "nexis/lnt_sample_lexisnexis_classic.TXT")), "\ufeff"), "\r\n", "\n")
	marker := regexp.MustCompile(`(?m)^\s*\d+ of \d+ DOCUMENTS\s*$`)
	parts := marker.Split(txt, -1)
	const docs = 242
	var sb strings.Builder
	sb.WriteString(parts[0])
	for i := 0; i < docs; i++ {
		fmt.Fprintf(&sb, "                               %d of %d DOCUMENTS\n", i+1, docs)
		sb.WriteString(parts[1+i%(len(parts)-1)])
	}
	path := sofficePDF(b, "lexis455.txt", []byte(sb.String()))
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
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
