package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"clipper/model"
	"clipper/model/ingest/archive"
)

// Parse turns a one-article file's bytes into a clipping; see
// ParseArticles for the formats and the errors. A file that holds several
// articles (an archive export) is an error wrapping ErrSeveral: read it
// with ParseArticles. Warnings report what the reader had to assume (an
// encoding fallback) and where the text kept disagrees with the file's.
func Parse(name string, data []byte) (*model.Clipping, []string, error) {
	p, err := ParseArticles(context.Background(), name, data)
	if err != nil {
		return nil, nil, err
	}
	return p.single()
}

// single returns the file's one clipping, or an error naming what it holds.
func (p *Parsed) single() (*model.Clipping, []string, error) {
	label := p.Name
	if label == "" {
		label = "unnamed file"
	}
	var got []*model.Clipping
	for _, a := range p.Articles {
		if a.Clipping != nil {
			got = append(got, a.Clipping)
		}
	}
	switch {
	case len(got) == 1 && len(p.Articles) == 1:
		return got[0], p.Warnings, nil
	case len(got) == 0:
		return nil, p.Warnings, fmt.Errorf("%s: %w: %s", label, ErrEmpty, strings.Join(p.Warnings, "; "))
	}
	return nil, p.Warnings, fmt.Errorf("%s: %w: it is a %s export with %d articles", label, ErrSeveral, p.Format, len(p.Articles))
}

// ParseText turns pasted text into a clipping, read like a .txt file (the
// e-paper and plain text layouts). Errors wrap ErrEmpty or ErrTooLarge.
func ParseText(text string) (*model.Clipping, error) {
	if len(text) > MaxFileSize {
		return nil, fmt.Errorf("pasted text: %w: %d MiB is over the %d MiB limit", ErrTooLarge, len(text)>>20, MaxFileSize>>20)
	}
	meta, body := parseLayout(text, hints{})
	if body == "" {
		return nil, fmt.Errorf("pasted text: %w", emptyReason(text))
	}
	return newClipping(meta, body, []byte(text), ""), nil
}

// ParseFile reads and parses the one-article file at path (see Parse).
// The size limit is checked before the file is read.
func ParseFile(path string) (*model.Clipping, []string, error) {
	p, err := ParseFileArticles(context.Background(), path)
	if err != nil {
		return nil, nil, err
	}
	return p.single()
}

// ParseFileArticles reads the file at path and parses it with
// ParseArticles. The size limit is checked before the file is read.
func ParseFileArticles(ctx context.Context, path string) (*Parsed, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return ParseArticles(ctx, path, data)
}

// readLimited reads a regular file of at most MaxFileSize bytes
// (MaxPDFSize for a PDF).
func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", baseName(p))
	}
	limit := fileSizeLimit(f)
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w: %d MiB is over the %d MiB limit", baseName(p), ErrTooLarge, st.Size()>>20, limit>>20)
	}
	// Read into a buffer of the file's size, plus the room ReadFrom wants
	// free to try another read (which sees the end, or growth):
	// io.ReadAll's doubling would allocate about twice the file.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", baseName(p), err)
	}
	if int64(len(data)) > limit { // grew while we read it
		return nil, fmt.Errorf("%s: %w: over the %d MiB limit", baseName(p), ErrTooLarge, limit>>20)
	}
	return data, nil
}

// baseName returns the last element of a slash or backslash separated path.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// format is how a file is read.
type format int

const (
	formatText format = iota
	formatHTML
	formatMarkdown
	formatDocx
	formatEmail
	formatXML
	formatMHTML
	formatRTF
	formatPDF
	formatSniff
)

func formatOf(base string) format {
	switch strings.ToLower(path.Ext(base)) {
	case ".txt", ".text":
		return formatText
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".md", ".markdown":
		return formatMarkdown
	case ".docx":
		return formatDocx
	case ".eml":
		return formatEmail
	case ".mhtml", ".mht":
		return formatMHTML
	case ".xml":
		return formatXML
	}
	return formatSniff
}

// fileDoc is one file decoded for Split and the single-article readers.
type fileDoc struct {
	doc     *archive.Doc
	format  format // the reader: text, HTML, Markdown, DOCX or e-mail
	html    bool   // doc holds HTML (a page, or an e-mail's HTML part)
	subject string // an e-mail's subject
	saved   string // the address a single-file page (.mhtml) was saved from
}

// readDoc decodes one file's bytes. The format comes from the extension
// of base (.txt/.text, .html/.htm/.xhtml, .mhtml/.mht, .docx,
// .md/.markdown, .eml); other names are sniffed: an Internet message with
// MIME headers is an e-mail, text starting with "<" that has <html, <body
// or <p is HTML, anything else text. A ZIP holding a Word document is read
// as .docx, RTF as RTF (word processors and archives save it as .doc too)
// and a PDF as a PDF, whatever the name. Known binary formats are refused
// whatever the name. Text over MaxFileSize once decoded is refused too (a
// legacy encoding can make it grow).
func readDoc(ctx context.Context, base string, data []byte) (fileDoc, []string, error) {
	if limit := sizeLimit(data); int64(len(data)) > limit {
		return fileDoc{}, nil, fmt.Errorf("%w: %d MiB is over the %d MiB limit", ErrTooLarge, len(data)>>20, limit>>20)
	}
	if len(data) == 0 {
		return fileDoc{}, nil, fmt.Errorf("%w: the file is empty", ErrEmpty)
	}
	if isRTF(data) {
		doc, err := readRTF(base, data)
		if err != nil {
			return fileDoc{}, nil, err
		}
		return fileDoc{format: formatRTF, doc: doc}, nil, nil
	}
	if isPDF(data) {
		doc, warns, err := pdfDoc(ctx, base, data)
		if err != nil {
			return fileDoc{}, warns, err
		}
		return fileDoc{format: formatPDF, doc: doc}, warns, nil
	}
	if what := knownBinary(data); what != "" {
		return fileDoc{}, nil, binaryErr(what)
	}
	f := formatOf(base)
	if isZip(data) {
		f = formatDocx // a Word document whatever its name, or ErrBinary
	}
	if (f == formatSniff || f == formatText) && looksEmail(data) {
		f = formatEmail
	}
	fd := fileDoc{format: f, doc: &archive.Doc{Name: base}}
	var warns []string
	switch f {
	case formatDocx:
		pars, err := parseDocx(data, formatOf(base) == formatDocx)
		if err != nil {
			return fileDoc{}, nil, err
		}
		texts := make([]string, len(pars))
		for i, p := range pars {
			texts[i] = p.Text
		}
		fd.doc.Kind, fd.doc.Paras, fd.doc.Text, fd.doc.Source = archive.Paragraphs, pars, strings.Join(texts, "\n\n"), "docx"
		return fd, nil, nil
	case formatEmail:
		part, w, err := readEmail(data)
		if err != nil {
			return fileDoc{}, w, err
		}
		warns = w
		fd.doc.Text, fd.doc.Source, fd.subject, fd.html = part.text, "eml", part.subject, part.html
	case formatHTML:
		text, w, err := decodeHTML(data)
		if err != nil {
			return fileDoc{}, w, err
		}
		warns = w
		fd.doc.Text, fd.doc.Source, fd.html = text, "html", true
	case formatMHTML:
		text, saved, w, err := decodeMHTML(data)
		if err != nil {
			return fileDoc{}, w, err
		}
		warns = w
		fd.doc.Text, fd.doc.Source, fd.html, fd.saved = text, "mhtml", true, saved
	default:
		text, w, err := decode(data)
		if err != nil {
			return fileDoc{}, w, err
		}
		warns = w
		fd.doc.Text, fd.doc.Source = text, "txt"
		switch {
		case f == formatMarkdown:
			fd.doc.Source = "md"
		case f == formatXML || f == formatSniff && strings.HasPrefix(strings.TrimLeft(text, "\ufeff \t\r\n"), "<?xml") && !looksHTML(text):
			fd.format, fd.doc.Kind, fd.doc.Source = formatXML, archive.XML, "xml"
		case f == formatSniff && looksHTML(text):
			fd.format, fd.html, fd.doc.Source = formatHTML, true, "html"
		default:
			fd.format = formatText
		}
	}
	if len(fd.doc.Text) > MaxFileSize {
		return fileDoc{}, warns, fmt.Errorf("%w: its text is %d MiB once decoded, over the %d MiB limit", ErrTooLarge, len(fd.doc.Text)>>20, MaxFileSize>>20)
	}
	if fd.html {
		fd.doc.Kind = archive.HTML
	}
	return fd, warns, nil
}

// emptyReason explains why text gave no body.
func emptyReason(text string) error {
	if Normalize(text) == "" {
		return fmt.Errorf("%w: the file holds only white space", ErrEmpty)
	}
	return fmt.Errorf("%w: nothing is left once metadata, captions and archive footers are taken out", ErrEmpty)
}

// newClipping assembles a clipping with tidy metadata. Its Original is
// original itself, not a copy: a file's bytes are kept once (a 19 MB page
// was held twice).
func newClipping(meta model.Metadata, body string, original []byte, source string) *model.Clipping {
	meta.Publication = normField(meta.Publication)
	meta.Headline = normField(meta.Headline)
	meta.Deck = normField(meta.Deck)
	meta.Credit = normField(meta.Credit)
	meta.Dateline = normField(meta.Dateline)
	meta.URL = normField(meta.URL)
	meta.Section = normField(meta.Section)
	meta.Page = normField(meta.Page)
	meta.SourceID = normField(meta.SourceID)
	meta.Language = strings.ToLower(normField(meta.Language))
	if meta.Words < 0 {
		meta.Words = 0
	}
	if meta.Date != "" && !model.ValidDate(meta.Date) {
		meta.Date = ""
	}
	var details []model.Field
	for _, d := range meta.Details {
		d.Key, d.Value = normField(d.Key), normField(d.Value)
		if d.Key != "" && d.Value != "" {
			details = append(details, d)
		}
	}
	meta.Details = details
	var authors []string
	seen := map[string]bool{}
	for _, a := range meta.Authors {
		if a = normField(a); a != "" && !seen[strings.ToLower(a)] {
			seen[strings.ToLower(a)] = true
			authors = append(authors, a)
		}
	}
	meta.Authors = authors
	var caps []model.Caption
	for _, c := range meta.Captions {
		c.Credit, c.Text = normField(c.Credit), normField(c.Text)
		if c.Credit != "" || c.Text != "" {
			caps = append(caps, c)
		}
	}
	meta.Captions = caps
	return &model.Clipping{
		Metadata:   meta,
		Body:       body,
		BodyHash:   model.HashBody(body),
		Original:   original,
		SourceName: source,
	}
}
