package pdf

import (
	"clipper/model/testenv"

	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// scanPDF is a one-page PDF whose only content is a grey image of text,
// as a scanner makes it.
func scanPDF(text string) []byte {
	const scale = 4
	small := image.NewGray(image.Rect(0, 0, 8+7*len(text), 24))
	draw.Draw(small, small.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	d := xfont.Drawer{Dst: small, Src: image.NewUniform(color.Gray{}), Face: basicfont.Face7x13, Dot: fixed.P(4, 16)}
	d.DrawString(text)
	w, h := small.Bounds().Dx()*scale, small.Bounds().Dy()*scale
	pix := make([]byte, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			pix[y*w+x] = small.GrayAt(x/scale, y/scale).Y
		}
	}
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>")
	c := "q 500 0 0 100 40 700 cm /Im1 Do Q"
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c))
	obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", w, h, len(pix), pix))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

func TestOCR(t *testing.T) {
	if _, ok := Tesseract(); !ok {
		testenv.Tool(t, "tesseract", "apt-get install tesseract-ocr tesseract-ocr-eng (OCR is optional for users; CI tests it)")
	}
	d, err := Read(context.Background(), scanPDF("MINISTER OPENS NEW BRIDGE"))
	if !errors.Is(err, ErrNoText) {
		t.Fatalf("Read: %v, want ErrNoText", err)
	}
	if err := OCR(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := strings.ToUpper(d.Text())
	for _, w := range []string{"MINISTER", "OPENS", "BRIDGE"} {
		if !strings.Contains(got, w) {
			t.Errorf("OCR text %q lacks %q", got, w)
		}
	}
}

func TestOCRWithoutTesseract(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	d, err := Read(context.Background(), scanPDF("TEXT"))
	if !errors.Is(err, ErrNoText) {
		t.Fatalf("Read: %v", err)
	}
	if err := OCR(context.Background(), d); err == nil || !strings.Contains(err.Error(), "tesseract") {
		t.Fatalf("OCR without tesseract: %v", err)
	}
}
