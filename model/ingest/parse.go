package ingest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"clipper/model"
)

// Parse turns one file's bytes into a clipping. The format comes from the
// extension of name (.txt/.text, .html/.htm/.xhtml, .mhtml/.mht, .docx,
// .md/.markdown);
// other names are sniffed: text starting with "<" that has <html, <body or
// <p is HTML, anything else text. A ZIP holding a Word document is read as
// .docx whatever its name, and RTF as RTF whatever its name (see rtfdoc.go).
// Known binary formats are refused whatever the name. The date
// falls back to one in the file name ("2022-02-15 ledger.txt"). Warnings
// report what the reader had to assume (an encoding fallback). Errors wrap
// ErrBinary, ErrEmpty, ErrTooLarge, ErrEncoding, ErrCorruptDocx or ErrCorruptRTF and start
// with the file's base name.
func Parse(name string, data []byte) (*model.Clipping, []string, error) {
	base := baseName(name)
	c, warns, err := parse(base, data)
	if err != nil {
		label := base
		if label == "" {
			label = "unnamed file"
		}
		return nil, warns, fmt.Errorf("%s: %w", label, err)
	}
	return c, warns, nil
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

// ParseFile reads and parses the file at path. The size limit is checked
// before the file is read.
func ParseFile(path string) (*model.Clipping, []string, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, nil, err
	}
	return Parse(path, data)
}

// readLimited reads a regular file of at most MaxFileSize bytes.
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
	limit := fileSizeLimit(f) // PDFs have their own (pdfdoc.go)
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w: %d MiB is over the %d MiB limit", baseName(p), ErrTooLarge, st.Size()>>20, limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
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
	formatMHTML
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
	case ".mhtml", ".mht":
		return formatMHTML
	}
	return formatSniff
}

func parse(base string, data []byte) (*model.Clipping, []string, error) {
	if kind := documentKind(data); kind != "" { // PDF, or an image to OCR (pdfdoc.go)
		return parseDocument(kind, base, data)
	}
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%w: %d MiB is over the %d MiB limit", ErrTooLarge, len(data)>>20, MaxFileSize>>20)
	}
	if len(data) == 0 {
		return nil, nil, fmt.Errorf("%w: the file is empty", ErrEmpty)
	}
	if isRTF(data) { // an .rtf, or a .doc that is RTF
		return parseRTFFile(base, data)
	}
	if what := knownBinary(data); what != "" {
		return nil, nil, binaryErr(what)
	}
	f := formatOf(base)
	if isZip(data) {
		f = formatDocx // a Word document whatever its name, or ErrBinary
	}
	var (
		meta  model.Metadata
		body  string
		text  string
		warns []string
		err   error
	)
	if f == formatMHTML {
		meta, body, text, warns, err = parseMHTML(data)
		if err != nil {
			return nil, warns, err
		}
	} else if f == formatDocx {
		meta, body, err = parseDocx(data, formatOf(base) == formatDocx)
		if err != nil {
			return nil, nil, err
		}
	} else {
		if f == formatHTML {
			text, warns, err = decodeHTML(data)
		} else {
			text, warns, err = decode(data)
		}
		if err != nil {
			return nil, warns, err
		}
		if f == formatSniff {
			f = formatText
			if looksHTML(text) {
				f = formatHTML
			}
		}
		switch f {
		case formatHTML:
			var w []string
			meta, body, w = parseHTML(text)
			warns = append(warns, w...)
		case formatMarkdown:
			meta, body = parseMarkdown(text)
		default:
			meta, body = parseLayout(text, hints{})
		}
	}
	if body == "" {
		if f == formatDocx {
			return nil, warns, fmt.Errorf("%w: the document has no text", ErrEmpty)
		}
		return nil, warns, emptyReason(text)
	}
	if meta.Date == "" {
		meta.Date = dateFromFileName(base)
	}
	return newClipping(meta, body, data, base), warns, nil
}

// emptyReason explains why text gave no body.
func emptyReason(text string) error {
	if Normalize(text) == "" {
		return fmt.Errorf("%w: the file holds only white space", ErrEmpty)
	}
	return fmt.Errorf("%w: nothing is left once metadata, captions and archive footers are taken out", ErrEmpty)
}

// newClipping assembles a clipping with tidy metadata.
func newClipping(meta model.Metadata, body string, original []byte, source string) *model.Clipping {
	meta.Publication = normField(meta.Publication)
	meta.Headline = normField(meta.Headline)
	meta.Deck = normField(meta.Deck)
	meta.Credit = normField(meta.Credit)
	meta.Dateline = normField(meta.Dateline)
	meta.URL = normField(meta.URL)
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
		Original:   bytes.Clone(original),
		SourceName: source,
	}
}
