package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"clipper/model"
	"clipper/model/ingest/archive"
	"clipper/model/ingest/pdf"
)

// MaxPDFSize is the largest PDF file accepted, in bytes. It is larger
// than MaxFileSize because a PDF carries fonts and images beside its text
// (a 500-article LexisNexis PDF can pass 20 MiB); the text read from it
// is still capped at MaxFileSize (pdf.MaxText), and a longer text is cut
// at a page end with a warning.
const MaxPDFSize = 200 << 20

// isPDF reports whether data is a PDF: "%PDF-" within its first KiB, as
// readers accept.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// sizeLimit returns the size limit for a file that starts with head.
func sizeLimit(head []byte) int64 {
	if isPDF(head) {
		return MaxPDFSize
	}
	return MaxFileSize
}

// fileSizeLimit peeks at the start of f to choose its size limit and
// rewinds it.
func fileSizeLimit(f *os.File) int64 {
	head := make([]byte, 1024)
	n, _ := f.ReadAt(head, 0)
	return sizeLimit(head[:n])
}

// documentKind returns "pdf" for a PDF, "image" for a PNG, JPEG or TIFF
// image when the tesseract command is installed to read it, else "".
func documentKind(data []byte) string {
	if isPDF(data) {
		return "pdf"
	}
	for _, sig := range []string{"\x89PNG\r\n\x1a\n", "\xff\xd8\xff", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(data, []byte(sig)) {
			if _, ok := pdf.Tesseract(); ok {
				return "image"
			}
		}
	}
	return ""
}

// parseImage reads the text of a scanned clipping image by OCR. The image
// itself is kept as the clipping's original file.
func parseImage(base string, data []byte) (*model.Clipping, []string, error) {
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%w: %d MiB is over the %d MiB limit", ErrTooLarge, len(data)>>20, MaxFileSize>>20)
	}
	bin, _ := pdf.Tesseract()
	dir, err := os.MkdirTemp("", "clipper-ocr-")
	if err != nil {
		return nil, nil, fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "scan")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		return nil, nil, fmt.Errorf("OCR: %w", err)
	}
	text, err := pdf.RecogniseImage(context.Background(), bin, file)
	if err != nil {
		return nil, nil, binaryErr(knownBinary(data)) // as without OCR: not an image tesseract reads
	}
	meta, body := parseLayout(text, hints{})
	if body == "" {
		return nil, nil, fmt.Errorf("%w: OCR found no text in the image", ErrEmpty)
	}
	if meta.Date == "" {
		meta.Date = dateFromFileName(base)
	}
	warns := []string{"the text of this image was read by OCR (tesseract) and may have errors; the image is kept as the clipping's original file"}
	return newClipping(meta, body, data, base), warns, nil
}

// readPDF reads a PDF's text; a scan without a text layer is read by OCR
// when the tesseract command is installed. Errors wrap ErrEmpty (no text),
// ErrBinary (damaged or protected) or ErrTooLarge.
func readPDF(ctx context.Context, data []byte) (*pdf.Document, []string, error) {
	if len(data) > MaxPDFSize {
		return nil, nil, fmt.Errorf("%w: %d MiB is over the %d MiB limit for PDF files", ErrTooLarge, len(data)>>20, MaxPDFSize>>20)
	}
	doc, err := pdf.Read(ctx, data)
	var warns []string
	switch {
	case errors.Is(err, pdf.ErrNoText):
		if _, ok := pdf.Tesseract(); !ok {
			return nil, nil, fmt.Errorf("%w: %w; Clipper reads scanned pages by OCR when the tesseract command is installed", ErrEmpty, pdf.ErrNoText)
		}
		if err := pdf.OCR(ctx, doc); err != nil {
			return nil, nil, fmt.Errorf("%w: %w, and OCR failed: %w", ErrEmpty, pdf.ErrNoText, err)
		}
		if !doc.HasText() {
			return nil, nil, fmt.Errorf("%w: %w, and OCR found no text on its pages", ErrEmpty, pdf.ErrNoText)
		}
		warns = append(warns, "this PDF has no text layer (a scan): its text was read by OCR (tesseract) and may have errors; the scan is kept as the clipping's original file")
	case errors.Is(err, pdf.ErrEncrypted):
		return nil, nil, fmt.Errorf("%w: looks like a password-protected PDF; save an unprotected copy first", ErrBinary)
	case errors.Is(err, pdf.ErrTooLarge):
		return nil, nil, fmt.Errorf("%w: %w", ErrTooLarge, err)
	case errors.Is(err, pdf.ErrDamaged):
		return nil, nil, fmt.Errorf("%w: looks like a damaged PDF file: its structure cannot be read", ErrBinary)
	case err != nil:
		return nil, nil, fmt.Errorf("reading the PDF: %w", err)
	}
	if doc.Truncated {
		warns = append(warns, fmt.Sprintf("the PDF's text passes %d MiB: only its first %d pages were read", pdf.MaxText>>20, len(doc.Pages)))
	}
	if doc.Glyphs > 0 && doc.Undecoded*10 > doc.Glyphs {
		warns = append(warns, fmt.Sprintf("%d%% of the PDF's characters use fonts without a Unicode map: parts of the text may be garbled", doc.Undecoded*100/doc.Glyphs))
	}
	return doc, warns, nil
}

// PDFDoc reads a PDF into an archive.Doc of styled paragraphs (Kind
// Paragraphs, Source "pdf", each Para with its size, weight and page;
// Para.Text keeps the PDF's lines), for archive.Split. Errors are those of
// readPDF, starting with the file's base name.
func PDFDoc(ctx context.Context, name string, data []byte) (*archive.Doc, []string, error) {
	base := baseName(name)
	d, warns, err := pdfDoc(ctx, base, data)
	if err != nil {
		return nil, warns, fmt.Errorf("%s: %w", base, err)
	}
	return d, warns, nil
}

// pdfDoc is PDFDoc without the file name in its errors.
func pdfDoc(ctx context.Context, base string, data []byte) (*archive.Doc, []string, error) {
	doc, warns, err := readPDF(ctx, data)
	if err != nil {
		return nil, warns, err
	}
	d := &archive.Doc{Name: base, Kind: archive.Paragraphs, Source: "pdf"}
	var b strings.Builder
	for _, p := range doc.Paragraphs() {
		text := strings.Join(p.Lines, "\n")
		d.Paras = append(d.Paras, archive.Para{Text: text, Bold: p.Bold, Size: p.Size, Page: p.Page})
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(text)
	}
	d.Text = b.String()
	return d, warns, nil
}

// pdfArticle reads a PDF's paragraphs as one article: the headline is the
// first large paragraph near the top of the first page (by font size, see
// pdfHeadline); the rest is read like a text file.
func pdfArticle(doc *archive.Doc) (model.Metadata, string) {
	var h hints
	hi := pdfHeadline(doc.Paras)
	var b strings.Builder
	for i, p := range doc.Paras {
		if i == hi {
			h.headline = normField(p.Text)
			continue
		}
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return parseLayout(b.String(), h)
}

// pdfHeadline returns the index of the paragraph that is the headline by
// font size, or -1: among the first paragraphs of the first page with
// text, the first of the largest size, when that size is at least 1.2
// times the body text's and the paragraph is short.
func pdfHeadline(paras []archive.Para) int {
	if len(paras) == 0 {
		return -1
	}
	chars := map[float32]int{}
	for _, p := range paras {
		chars[p.Size] += len(p.Text)
	}
	sizes := make([]float32, 0, len(chars))
	for s := range chars {
		sizes = append(sizes, s)
	}
	sort.Slice(sizes, func(i, j int) bool { return chars[sizes[i]] > chars[sizes[j]] })
	body := sizes[0]
	best := -1
	for i, p := range paras {
		if p.Page != paras[0].Page || i >= 8 {
			break
		}
		if p.Size >= 1.2*body && len(p.Text) <= 250 && (best < 0 || p.Size > paras[best].Size) {
			best = i
		}
	}
	return best
}
