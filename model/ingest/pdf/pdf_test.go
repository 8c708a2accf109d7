package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// buildPDF writes a PDF with one page per content stream, the fonts
// F1 = Helvetica and F2 = Helvetica-Bold (standard fonts without widths)
// and, when image is true, a 1×1 grey image XObject Im1.
func buildPDF(contents []string, image bool) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n")
	n := len(contents)
	// 1 catalog, 2 pages, 3 F1, 4 F2, 5 image, then page i: 6+2i, content 7+2i
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids []string
	for i := range contents {
		kids = append(kids, fmt.Sprintf("%d 0 R", 6+2*i))
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
	for i, c := range contents {
		xobj := ""
		if image {
			xobj = " /XObject << /Im1 5 0 R >>"
		}
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >>%s >> /Contents %d 0 R >>", xobj, 7+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// twoColumns is a page with a bold 18 pt headline over two columns of
// 10 pt text whose lines the content stream draws row by row, across
// both columns, and whose words are spaced by TJ offsets, not spaces.
func twoColumns() string {
	var s strings.Builder
	s.WriteString("BT /F2 18 Tf 50 780 Td (Council votes on the new budget) Tj ET\n")
	left := []string{"alpha bravo charlie", "delta echo foxtrot", "golf hotel india."}
	right := []string{"juliet kilo lima", "mike november oscar", "papa quebec romeo."}
	for i := range left {
		y := 740 - 12*i
		for k, col := range []string{left[i], right[i]} {
			var tj []string
			for _, w := range strings.Fields(col) {
				tj = append(tj, "("+w+")")
			}
			fmt.Fprintf(&s, "BT /F1 10 Tf %d %d Td [%s] TJ ET\n", 50+260*k, y, strings.Join(tj, " -300 "))
		}
	}
	s.WriteString("BT /F1 10 Tf 290 30 Td (1) Tj ET\n") // the page number
	return s.String()
}

func TestReadTwoColumns(t *testing.T) {
	d, err := Read(context.Background(), buildPDF([]string{twoColumns()}, false))
	if err != nil {
		t.Fatal(err)
	}
	ps := d.Paragraphs()
	var got []string
	for _, p := range ps {
		got = append(got, p.Text())
	}
	want := []string{
		"Council votes on the new budget",
		"alpha bravo charlie delta echo foxtrot golf hotel india.",
		"juliet kilo lima mike november oscar papa quebec romeo.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("paragraphs:\n got %q\nwant %q", got, want)
	}
	if !ps[0].Bold || ps[0].Size != 18 || ps[1].Bold || ps[1].Size != 10 || ps[1].Page != 1 {
		t.Errorf("styles: headline bold=%v size=%v, body bold=%v size=%v page=%d", ps[0].Bold, ps[0].Size, ps[1].Bold, ps[1].Size, ps[1].Page)
	}
	if len(ps[1].Lines) != 3 || ps[1].Lines[0] != "alpha bravo charlie" {
		t.Errorf("lines of the left column: %q", ps[1].Lines)
	}
}

func TestReadLinesAndPages(t *testing.T) {
	page1 := "BT /F1 11 Tf 72 700 Td 14 TL (The minister said the plan would be ver-) Tj T* (ified next week, and that the) Tj ET"
	page2 := "BT /F1 11 Tf 72 760 Td 14 TL (council agreed.) Tj (Second paragraph?) ' ET"
	d, err := Read(context.Background(), buildPDF([]string{page1, page2}, false))
	if err != nil {
		t.Fatal(err)
	}
	ps := d.Paragraphs()
	if len(ps) != 1 {
		t.Fatalf("want one paragraph continued across the page break, got %d: %q", len(ps), d.Text())
	}
	if want := "The minister said the plan would be verified next week, and that the council agreed. Second paragraph?"; ps[0].Text() != want {
		t.Errorf("text %q, want %q", ps[0].Text(), want)
	}
	if want := "The minister said the plan would be ver-\nified next week, and that the\ncouncil agreed.\nSecond paragraph?"; d.Text() != want {
		t.Errorf("Text() keeps the PDF's lines: got %q", d.Text())
	}
}

func TestReadProblems(t *testing.T) {
	scan := "q 595 0 0 842 0 0 cm /Im1 Do Q"
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"scan", buildPDF([]string{scan, scan}, true), ErrNoText},
		{"garbage", []byte("%PDF-1.4\nthis is not a PDF at all"), ErrDamaged},
		{"truncated", buildPDF([]string{twoColumns()}, false)[:300], ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(context.Background(), tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if tt.want == ErrNoText {
				if len(d.Pages) != 2 || d.Pages[0].ImageCover < 0.99 {
					t.Errorf("a scan's pages: %d, image cover %.2f", len(d.Pages), d.Pages[0].ImageCover)
				}
				if !strings.Contains(err.Error(), "no text layer (a scan)") {
					t.Errorf("message %q", err)
				}
			}
		})
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, buildPDF([]string{twoColumns()}, false)); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestCMap(t *testing.T) {
	m := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0024> <00660069> endbfchar
2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<00E9> <D83DDE00>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`))
	for _, tt := range []struct {
		code uint32
		want string
	}{{3, " "}, {0x24, "fi"}, {0x10, "A"}, {0x12, "C"}, {0x20, "é"}, {0x21, "😀"}} {
		if got, ok := m.text(tt.code); !ok || got != tt.want {
			t.Errorf("code %#x: %q, want %q", tt.code, got, tt.want)
		}
	}
	if n := m.codeLen([]byte{0, 3, 0, 4}, 1); n != 2 {
		t.Errorf("code length %d, want 2", n)
	}
}
