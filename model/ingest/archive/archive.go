// Package archive splits the batch downloads of news databases — Nexis Uni
// and LexisNexis, Factiva, ProQuest, Europresse, APA/wiso — into one
// Article per story, each with the metadata the database gives it. It
// reads a Doc that the ingest readers made from the file (decoded text, an
// HTML or XML source, or styled paragraphs from DOCX, RTF or PDF), never
// the file name: a format is recognised from the content by several cues,
// and the file name's date is never an article's date.
//
// Split answers three ways: the file is not an archive export (nil, nil);
// it is one and was split (a Batch, which may hold warnings and articles
// without a body); or it looks like one but its records cannot be found
// (ErrUnsplittable), which the importer reports instead of importing the
// whole file as one clipping.
package archive

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"clipper/model"
)

// ErrUnsplittable: the file looks like an archive export but its article
// records could not be found.
var ErrUnsplittable = errors.New("looks like an archive export, but its articles could not be found")

// Kind says what a Doc holds.
type Kind int

const (
	// Text: decoded plain text (a .txt export, or text read from another format).
	Text Kind = iota
	// HTML: the decoded source of an HTML page (Doc.Text holds the markup).
	HTML
	// XML: the decoded source of an XML document.
	XML
	// Paragraphs: styled paragraphs read from a DOCX, RTF or PDF (Doc.Paras);
	// Doc.Text holds the same paragraphs joined by blank lines.
	Paragraphs
)

// Para is one paragraph of a word-processor or PDF document.
type Para struct {
	Text  string  // the paragraph's text; "\n" for line breaks inside it
	Style string  // style name or id ("Title", "Heading1"), "" if none
	Bold  bool    // the whole paragraph is bold
	Size  float32 // font size in points, 0 if unknown
	Page  int     // 1-based page (PDF), 0 if unknown
}

// Doc is one file as the readers give it to Split.
type Doc struct {
	Name   string // base file name, for messages only
	Kind   Kind
	Text   string
	Paras  []Para
	Source string // the reader that made it: "txt", "html", "xml", "docx", "rtf", "pdf", "eml"

	htmlMu   sync.Mutex
	htmlDone bool // htmlRoot and htmlErr are set
	htmlRoot *html.Node
	htmlErr  error
	visOnce  sync.Once
	visible  string
}

// HTMLRoot parses an HTML Doc's Text once and returns the tree, so that
// the formats' split functions that walk it share one parse. It is an
// error for a Doc that is not HTML.
func (d *Doc) HTMLRoot() (*html.Node, error) {
	d.htmlMu.Lock()
	defer d.htmlMu.Unlock()
	if !d.htmlDone {
		d.htmlDone = true
		if d.Kind != HTML {
			d.htmlErr = errors.New("not an HTML document")
		} else {
			d.htmlRoot, d.htmlErr = html.Parse(strings.NewReader(d.Text))
		}
	}
	return d.htmlRoot, d.htmlErr
}

// parsedRoot returns the tree when HTMLRoot has built it, else parses one
// that the Doc does not keep: a page's tree takes many times the memory of
// its text, and most pages need it only once, for VisibleText.
func (d *Doc) parsedRoot() (*html.Node, error) {
	d.htmlMu.Lock()
	root, err, done := d.htmlRoot, d.htmlErr, d.htmlDone
	d.htmlMu.Unlock()
	if done {
		return root, err
	}
	return html.Parse(strings.NewReader(d.Text))
}

// VisibleText is the text a reader of the file sees: Text for text and
// paragraphs, the rendered text of an HTML page (see HTMLText; read from
// its tokens when it has over MaxTreeElements elements) or the
// character data of an XML document. Blocks are separated by blank lines.
func (d *Doc) VisibleText() string {
	d.visOnce.Do(func() {
		switch d.Kind {
		case HTML:
			if manyElements(d.Text, MaxTreeElements) {
				d.visible = streamText(d.Text)
			} else if root, err := d.parsedRoot(); err == nil {
				d.visible = HTMLText(root)
			} else {
				d.visible = d.Text
			}
		case XML:
			d.visible = xmlText(d.Text)
		default:
			d.visible = d.Text
		}
	})
	return d.visible
}

// Article is one story of a batch: its metadata (headline, publication,
// date as YYYY-MM-DD, authors, section, words, language as an ISO 639-1
// code, page, source id, URL, and the other labelled fields and trailers
// in Details) and its body text with paragraphs separated by blank lines,
// not yet normalised; single line breaks inside a paragraph are kept, and
// the import joins those that read as hard wraps.
type Article struct {
	model.Metadata
	Body string
	// N is the 1-based position the file gives the article ("3 of 100
	// DOCUMENTS", "Document 3 of 100"), else its position in the file.
	N int
	// Problem says why the article has no usable body (the archive's "We
	// are sorry but there is an error in this document" placeholder, an
	// empty record); "" when it has one.
	Problem string
	// Record is the article's text as it stands in the file (header, body
	// and trailers), kept as the clipping's original for provenance; ""
	// keeps the body instead.
	Record string
}

// Batch is what Split found in one file.
type Batch struct {
	Format    string // the layout recognised: Split sets the format's name ("Nexis Uni"); the import adds the reader ("Nexis Uni DOCX")
	Articles  []Article
	Announced int // articles the file says it holds (N of M, the cover list, a count); 0 if it does not say
	// Warnings are disagreements and assumptions, one sentence each. Split
	// puts first "found 99 of 100 articles" when Articles and Announced
	// differ and "article 37: <its Problem>" for each article with one, so
	// a format adds only what it alone knows ("documents 37–38 are missing").
	Warnings []string
	LeftOut  []string // what was kept out of the bodies, one short line each ("cover page", "LOAD-DATE trailers")
	// Omitted is the text of the parts LeftOut names that are in no
	// article's body or metadata (the cover page, separators), so that the
	// import can check that nothing else of the file was lost.
	Omitted []string
}

// format is one database's export layout.
type format struct {
	name string
	// detect reports whether doc is in this layout, from several cues.
	detect func(doc *Doc) bool
	// split finds the articles; it returns an error wrapping
	// ErrUnsplittable when the records cannot be found.
	split func(ctx context.Context, doc *Doc) (*Batch, error)
}

// formats lists the layouts Split knows, most specific first.
func formats() []format {
	return []format{
		nexisUniFormat(),
		factivaHTMLFormat(),
		factivaXMLFormat(),
		europresseFormat(),
		apaFormat(),
		bzkFormat(),
		lexisFormat(),
		proquestFormat(),
	}
}

// Split recognises doc's layout and splits it into articles. It returns
// (nil, nil) for a file that is not an archive export. A batch's first
// warnings compare the articles found with the number announced and name
// every article with a Problem; the format's own warnings follow.
func Split(ctx context.Context, doc *Doc) (*Batch, error) {
	for _, f := range formats() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !f.detect(doc) {
			continue
		}
		b, err := f.split(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		b.Format = f.name
		b.Warnings = append(countWarnings(b), b.Warnings...)
		return b, nil
	}
	return nil, nil
}

// countWarnings says where the articles found disagree with what the file
// announces, and which articles have no usable body.
func countWarnings(b *Batch) []string {
	var out []string
	if b.Announced > 0 && len(b.Articles) != b.Announced {
		out = append(out, fmt.Sprintf("found %d of %d articles", len(b.Articles), b.Announced))
	}
	for _, a := range b.Articles {
		if a.Problem != "" {
			out = append(out, fmt.Sprintf("article %d: %s", a.N, a.Problem))
		}
	}
	return out
}
