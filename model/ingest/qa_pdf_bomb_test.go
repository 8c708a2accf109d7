package ingest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// bombPDF writes a one-page PDF whose page draws form X1, which draws
// X2 fan times, and so on for levels forms; the last one shows text.
// With levels 0 the page's own content is body, deflated.
func bombPDF(t *testing.T, body string, levels, fan int) []byte {
	t.Helper()
	var b bytes.Buffer
	offs := map[int]int{}
	obj := func(n int, s string) {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, s)
	}
	b.WriteString("%PDF-1.4\n")
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	if levels == 0 {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write([]byte(body))
		w.Close()
		obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
		obj(4, fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	} else {
		obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 10 0 R >> >> >>")
		obj(4, "<< /Length 5 >>\nstream\n/X Do\nendstream")
		for i := range levels {
			content, res := strings.Repeat("/X Do\n", fan), fmt.Sprintf("<< /XObject << /X %d 0 R >> >>", 11+i)
			if i == levels-1 {
				content, res = body, "<< /Font << /F1 5 0 R >> >>"
			}
			obj(10+i, fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s /Length %d >>\nstream\n%s\nendstream", res, len(content), content))
		}
	}
	last := 10 + levels
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", last)
	for n := 1; n < last; n++ {
		if o, ok := offs[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", last, xref)
	return b.Bytes()
}

// TestPDFBombsAreRefused: a small PDF whose page draws millions of
// characters — a deflated content stream, or forms drawing forms (each
// level multiplies the one below) — or whose content inflates past the
// 64 MiB stream cap is refused as too large before it fills memory.
// Before, a 57 KB PDF took 2 GB, a 2 KB one with 12 levels of forms ran
// out of memory, and a 1.7 MB one was killed at 24 GB: the 20 MiB text
// cap was only checked after a whole page was laid out, and page
// contents were decoded with pdfcpu's own 512 MiB limit.
func TestPDFBombsAreRefused(t *testing.T) {
	line := "BT /F1 12 Tf 72 700 Td (The minister said the budget would grow.) Tj ET\n"
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"deflated", bombPDF(t, strings.Repeat(line, 40000), 0, 0)},
		{"forms", bombPDF(t, "BT /F1 12 Tf 72 700 Td (ab) Tj ET", 7, 10)},
		{"deflated past 64 MiB", bombPDF(t, strings.Repeat("0 0 m 1 1 l S\n", 70<<20/14), 0, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.data) > 200<<10 {
				t.Fatalf("the bomb is %d KiB, not a small file", len(tt.data)>>10)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, _, err := Parse("bomb.pdf", tt.data)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("err = %v, want ErrTooLarge", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 400<<20 {
				t.Errorf("reading it allocated %d MiB", grew>>20)
			}
		})
	}
}
