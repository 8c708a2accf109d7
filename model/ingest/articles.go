package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"clipper/model"
	"clipper/model/ingest/archive"
)

// Parsed is what one file holds: one article for a clipping file, or the
// articles of a news database's export, with what the file announced and
// what the reader had to say about it.
type Parsed struct {
	Name    string // the file's base name
	Format  string // the format recognised: "text", "web page", "Nexis Uni DOCX", "ProQuest TXT"…
	Archive bool   // a database export split into articles
	// Announced is how many articles the file says it holds ("N of M
	// DOCUMENTS", a cover page's list); 0 when it does not say.
	Announced int
	Articles  []Article
	Warnings  []string // one sentence each: assumptions and disagreements
	LeftOut   []string // what was kept out of the bodies on purpose (cover page, trailers)
}

// Article is one article of a file: a clipping ready to store, or none
// and the Problem that kept it out.
type Article struct {
	N        int             // its position as the file numbers it (1-based)
	Clipping *model.Clipping // nil when Problem is set
	Problem  string
}

// Clippings returns the file's importable clippings in file order.
func (p *Parsed) Clippings() []*model.Clipping {
	var out []*model.Clipping
	for _, a := range p.Articles {
		if a.Clipping != nil {
			out = append(out, a.Clipping)
		}
	}
	return out
}

// ParseArticles reads one file's bytes into its articles. The reader comes
// from the name's extension or the content (see readDoc: text, HTML,
// DOCX, Markdown, e-mail); then the content decides whether the file is a
// news database's export (Nexis Uni, LexisNexis, ProQuest… see package
// archive), which becomes one clipping per article with the article's own
// metadata, or a single clipping read by the text, web page, Word or
// Markdown layout. Only single-article files that are not exports take a
// date from the file name ("2022-02-15 ledger.txt"): an export's file
// name says when it was downloaded, not when its articles appeared.
//
// A one-article file's clipping keeps data as its Original (not a copy):
// data must not change afterwards.
//
// Errors start with the file's base name and wrap ErrBinary, ErrEmpty,
// ErrTooLarge, ErrEncoding, ErrCorruptDocx, ErrCorruptEmail or ErrUnsplittable (an export
// whose articles cannot be found, never imported as one clipping). An
// article without a body does not stop the others: it is an Article with
// Problem set.
func ParseArticles(ctx context.Context, name string, data []byte) (p *Parsed, err error) {
	base := baseName(name)
	label := base
	if label == "" {
		label = "unnamed file"
	}
	defer func() {
		// a reader's bug fails this file, not the import it is part of
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("%s: Clipper could not read this file (an error in its reader: %v); please report it", label, r)
		}
	}()
	p, err = parseArticles(ctx, base, data)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	return p, nil
}

func parseArticles(ctx context.Context, base string, data []byte) (*Parsed, error) {
	if documentKind(data) == "image" { // a scanned clipping, read by OCR (pdfdoc.go)
		c, warns, err := parseImage(base, data)
		if err != nil {
			return nil, err
		}
		return &Parsed{Name: base, Format: "image (OCR)", Articles: []Article{{N: 1, Clipping: c}}, Warnings: warns}, nil
	}
	fd, warns, err := readDoc(ctx, base, data)
	if err != nil {
		return nil, err
	}
	batch, err := archive.Split(ctx, fd.doc)
	if err != nil {
		return nil, err
	}
	if batch != nil {
		p := archiveArticles(ctx, fd, batch, base)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.Warnings = append(warns, p.Warnings...)
		return p, nil
	}
	return singleArticle(fd, warns, data, base)
}

// sourceLabels name the readers in a format's name.
var sourceLabels = map[string]string{
	"txt": "TXT", "html": "HTML", "docx": "DOCX", "eml": "e-mail", "md": "Markdown",
	"rtf": "RTF", "pdf": "PDF", "xml": "XML", "mhtml": "MHTML",
}

// archiveArticles turns a batch into clippings.
func archiveArticles(ctx context.Context, fd fileDoc, b *archive.Batch, base string) *Parsed {
	p := &Parsed{Name: base, Format: b.Format, Archive: true, Announced: b.Announced, LeftOut: b.LeftOut}
	if l := sourceLabels[fd.doc.Source]; l != "" && !strings.Contains(b.Format, l) {
		p.Format += " " + l
	}
	p.Warnings = append(p.Warnings, b.Warnings...)
	for i, a := range b.Articles {
		if i%256 == 0 && ctx.Err() != nil {
			break // the caller sees ctx's error
		}
		art := Article{N: a.N, Problem: a.Problem}
		if art.N == 0 {
			art.N = i + 1
		}
		if a.Problem == "" {
			body := articleBody(a.Body)
			switch {
			case body == "":
				art.Problem = "the article has no text"
				p.Warnings = append(p.Warnings, fmt.Sprintf("article %d: %s", art.N, art.Problem))
			case len(body) > MaxFileSize:
				art.Problem = fmt.Sprintf("the article's text is over the %d MiB limit", MaxFileSize>>20)
				p.Warnings = append(p.Warnings, fmt.Sprintf("article %d: %s", art.N, art.Problem))
			default:
				if a.Date != "" && !model.ValidDate(a.Date) {
					p.Warnings = append(p.Warnings, fmt.Sprintf("article %d: the date %q is not a calendar date and was left empty", art.N, a.Date))
				}
				orig := a.Record
				if orig == "" {
					orig = a.Body
				}
				art.Clipping = newClipping(a.Metadata, body, []byte(orig), base)
			}
		}
		p.Articles = append(p.Articles, art)
	}
	if ctx.Err() == nil {
		p.Warnings = append(p.Warnings, coverage(fd.doc, p, b.Omitted, b.Articles)...)
	}
	return p
}

// articleBody turns a splitter's body (blocks separated by blank lines)
// into the normal form: line breaks inside a block that are hard wraps
// are joined (see paragraphs), then Normalize.
func articleBody(body string) string {
	if strings.Contains(body, "\u00AD") {
		body = strings.NewReplacer("\u00AD\r\n", "", "\u00AD\n", "").Replace(body)
	}
	return Normalize(strings.Join(paragraphs(cleanLines(body)), "\n\n"))
}

// singleArticle reads a file that is not an export as one clipping.
func singleArticle(fd fileDoc, warns []string, data []byte, base string) (*Parsed, error) {
	p := &Parsed{Name: base}
	var (
		meta model.Metadata
		body string
	)
	switch {
	case fd.format == formatDocx:
		p.Format = "Word document"
		meta, body = docxArticle(fd.doc.Paras)
		if body == "" {
			return nil, fmt.Errorf("%w: the document has no text", ErrEmpty)
		}
	case fd.format == formatRTF:
		p.Format = "RTF document"
		meta, body = rtfClipping(fd.doc)
	case fd.format == formatPDF:
		p.Format = "PDF"
		meta, body = pdfArticle(fd.doc)
		if body == "" {
			return nil, fmt.Errorf("%w: nothing is left of the PDF's text once metadata lines are taken out", ErrEmpty)
		}
	case fd.html:
		p.Format = "web page"
		if fd.format == formatEmail {
			p.Format = "e-mail"
		}
		var w []string
		meta, body, w = parseHTML(fd.doc.Text)
		warns = append(warns, w...)
		if meta.URL == "" && okURL(fd.saved) {
			meta.URL = fd.saved // the address a single-file page was saved from
		}
	case fd.format == formatMarkdown:
		p.Format = "Markdown"
		meta, body = parseMarkdown(fd.doc.Text)
	case fd.format == formatXML:
		p.Format = "XML"
		meta, body = parseLayout(fd.doc.VisibleText(), hints{})
	default:
		p.Format = "text"
		if fd.format == formatEmail {
			p.Format = "e-mail"
		}
		meta, body = parseLayout(fd.doc.Text, hints{})
	}
	if body == "" {
		return nil, emptyReason(fd.doc.Text)
	}
	if len(body) > MaxFileSize {
		return nil, fmt.Errorf("%w: its text is over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)
	}
	if meta.Headline == "" && fd.subject != "" {
		meta.Headline = fd.subject
	}
	if meta.Date == "" {
		meta.Date = dateFromFileName(base)
	}
	c := newClipping(meta, body, data, base)
	p.Articles = []Article{{N: 1, Clipping: c}}
	p.Warnings = append(warns, singleCoverage(fd, c)...)
	return p, nil
}
