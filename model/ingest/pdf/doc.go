// Package pdf reads the text of a PDF in reading order: paragraphs with
// their font size, weight and page, columns read one after the other. It
// interprets the pages' content streams itself (fonts, encodings,
// ToUnicode CMaps, text and graphics state) on top of pdfcpu's object
// parser, and lays the glyphs out into lines, column blocks and
// paragraphs by their positions, so that words are spaced by the gaps
// between glyphs and not only by the space characters a PDF may omit.
//
// A PDF with no text layer (a scan) is reported with ErrNoText; OCR of
// its page images is offered by OCR when a tesseract command is installed.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// MaxText caps the text Read keeps, in bytes of UTF-8; a longer text is
// cut at a page end and Document.Truncated set.
const MaxText = 20 << 20

// Errors Read returns (test with errors.Is).
var (
	// ErrNoText: the PDF has pages but no text on them, as a scan has.
	ErrNoText = errors.New("this PDF has no text layer (a scan)")
	// ErrEncrypted: the PDF cannot be opened without a password.
	ErrEncrypted = errors.New("this PDF is protected by a password")
	// ErrDamaged: the file's PDF structure cannot be read.
	ErrDamaged = errors.New("damaged PDF")
	// ErrTooLarge: a page draws more than any page of text does.
	ErrTooLarge = errors.New("a page of this PDF draws too much")
)

// Document is the text of a PDF, page by page.
type Document struct {
	Pages []Page
	// Truncated: the text passed MaxText and the pages after it were left out.
	Truncated bool
	// Undecoded counts glyphs whose font gives no way to their Unicode
	// text; a document with many of them reads as garbage.
	Undecoded int
	// Glyphs counts the glyphs read.
	Glyphs int

	r *reader
}

// Page is one page's paragraphs in reading order.
type Page struct {
	Number     int // 1-based
	Paragraphs []Paragraph
	// ImageCover is the share of the page's area covered by images (0–1,
	// more when images overlap): near 1 on a scanned page.
	ImageCover float64

	width, height float64
	images        []imageUse
}

// Paragraph is a run of lines of one size and weight within one column.
type Paragraph struct {
	Lines []string // the paragraph's lines as the PDF sets them
	Size  float32  // the most used font size, in points, rounded to 0.5
	Bold  bool     // most of its glyphs are bold
	Page  int      // 1-based page
	// X0, X1, Top, Bottom: the paragraph's box in points from the page's
	// lower left corner.
	X0, X1, Top, Bottom float64
}

// Text returns the paragraph as running text: lines joined by spaces,
// words hyphenated at a line end joined again.
func (p Paragraph) Text() string { return joinLines(p.Lines) }

// Paragraphs returns the paragraphs of all pages in order.
func (d *Document) Paragraphs() []Paragraph {
	var out []Paragraph
	for _, p := range d.Pages {
		out = append(out, p.Paragraphs...)
	}
	return out
}

// Text returns the document as text: one line per line of the PDF,
// paragraphs separated by a blank line.
func (d *Document) Text() string {
	var b strings.Builder
	for _, p := range d.Pages {
		for _, para := range p.Paragraphs {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(strings.Join(para.Lines, "\n"))
		}
	}
	return b.String()
}

// HasText reports whether any page has text.
func (d *Document) HasText() bool {
	for _, p := range d.Pages {
		if len(p.Paragraphs) > 0 {
			return true
		}
	}
	return false
}

// Read extracts the text of the PDF in data. It returns ErrNoText (with
// the Document, whose pages say where the images are) for a PDF without
// text, ErrEncrypted for a password-protected one, and ErrDamaged when the
// file cannot be parsed. ctx is checked between pages.
func Read(ctx context.Context, data []byte) (*Document, error) {
	r, err := openPDF(data)
	if err != nil {
		low := strings.ToLower(err.Error())
		if strings.Contains(low, "password") || strings.Contains(low, "encrypt") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	d := &Document{r: r}
	fl := &fontLoader{r: r, cache: map[types.IndirectRef]*font{}}
	size := 0
	for n := 1; n <= r.ctx.PageCount; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := readPage(r, fl, n)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", n, err)
		}
		d.Glyphs += p.glyphs
		d.Undecoded += p.undec
		for _, para := range p.Paragraphs {
			for _, l := range para.Lines {
				size += len(l) + 1
			}
		}
		if size > MaxText {
			d.Truncated = true
			break
		}
		p.Paragraphs = dropFurniture(p.Paragraphs, p.height, r.ctx.PageCount)
		if n := len(d.Pages); n > 0 && len(p.Paragraphs) > 0 {
			prev := &d.Pages[n-1]
			if k := len(prev.Paragraphs); k > 0 && continues(prev.Paragraphs[k-1], p.Paragraphs[0]) {
				last := &prev.Paragraphs[k-1]
				last.Lines = append(last.Lines, p.Paragraphs[0].Lines...)
				p.Paragraphs = p.Paragraphs[1:]
			}
		}
		d.Pages = append(d.Pages, p.Page)
	}
	if len(d.Pages) == 0 && !d.Truncated {
		return nil, fmt.Errorf("%w: the file has no pages", ErrDamaged)
	}
	if !d.HasText() {
		return d, ErrNoText
	}
	return d, nil
}

// pageNumberRe matches a page number line: "12", "- 12 -", "Page 3 of 9".
var pageNumberRe = regexp.MustCompile(`(?i)^[-–—\s]*(?:page|pagina|seite|p\.)?\s*\d{1,4}(?:\s*(?:/|of|van|von|sur|de)\s*\d{1,4})?[-–—\s]*$`)

var digitsRe = regexp.MustCompile(`\d+`)

// dropFurniture leaves out page numbers: one-line paragraphs that are
// only a page number (at most pages), in the top or bottom tenth of the
// page, with no other text beside them.
func dropFurniture(ps []Paragraph, height float64, pages int) []Paragraph {
	if height <= 0 {
		return ps
	}
	furniture := func(i int) bool {
		p := ps[i]
		if len(p.Lines) != 1 || (p.Top >= 0.1*height && p.Bottom <= 0.9*height) || !pageNumberRe.MatchString(p.Lines[0]) {
			return false
		}
		if n, err := strconv.Atoi(digitsRe.FindString(p.Lines[0])); err != nil || n < 1 || n > pages {
			return false
		}
		for j, q := range ps {
			if j != i && q.Bottom < p.Top && p.Bottom < q.Top {
				return false
			}
		}
		return true
	}
	var out []Paragraph
	for i := range ps {
		if !furniture(i) {
			out = append(out, ps[i])
		}
	}
	return out
}

// continues reports whether next, the first paragraph of a page, goes on
// with prev, the last of the page before: same size and weight, prev
// stops mid-sentence and next starts in lower case.
func continues(prev, next Paragraph) bool {
	if prev.Size != next.Size || prev.Bold != next.Bold || len(prev.Lines) == 0 || len(next.Lines) == 0 {
		return false
	}
	last := strings.TrimSpace(prev.Lines[len(prev.Lines)-1])
	r, _ := utf8.DecodeLastRuneInString(last)
	if last == "" || strings.ContainsRune(".!?:;\"”’)»", r) {
		return false
	}
	f, _ := firstRune(next.Lines[0])
	return unicode.IsLower(f)
}

// pageResult is a page with its glyph counts.
type pageResult struct {
	Page
	glyphs, undec int
}

// readPage interprets page n and lays out its text.
func readPage(r *reader, fl *fontLoader, n int) (res pageResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	res.Number = n
	pd, _, inh, err := r.ctx.PageDict(n, false)
	if err != nil {
		return res, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if inh != nil {
		box := inh.CropBox
		if box == nil {
			box = inh.MediaBox
		}
		if box != nil {
			res.width, res.height = box.Width(), box.Height()
		}
	}
	content, err := r.pageContent(pd) // nil for a page without contents, or one that cannot be decoded: no text
	if err != nil {
		return res, err
	}
	var resources types.Dict
	if inh != nil {
		resources = inh.Resources
	}
	if resources == nil {
		resources = r.dict(pd["Resources"])
	}
	in := &interp{r: r, fonts: fl}
	in.run(content, resources, gstate{ctm: identity, th: 1})
	if in.over {
		return res, fmt.Errorf("%w: over %d characters, %d forms or %d operations", ErrTooLarge, maxPageGlyphs, maxPageForms, maxPageWork)
	}
	res.glyphs, res.undec = len(in.chars)+in.skipped, in.undec
	res.images = in.images
	if res.width > 0 && res.height > 0 {
		for _, im := range in.images {
			res.ImageCover += im.area / (res.width * res.height)
		}
	}
	for _, b := range order(blocks(lines(in.chars))) {
		res.Paragraphs = append(res.Paragraphs, paragraphs(b, n)...)
	}
	return res, nil
}
