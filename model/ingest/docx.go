package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"clipper/model"
)

// Word's main namespace, transitional and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// maxDocxXML bounds how much XML Clipper inflates from a .docx, against
// ZIP bombs.
const maxDocxXML = 256 << 20

// errNotDocx marks a ZIP archive without a Word document part.
var errNotDocx = errors.New("no word/document.xml")

// docxPar is one Word paragraph: its style id and its text, with "\n" for
// line breaks.
type docxPar struct {
	style, text string
}

// parseDocx reads a .docx: the paragraphs of its main document part
// (w:p; text from w:t, w:tab as a space, w:br and w:cr as line breaks;
// deleted text and field codes left out) are treated like the text layout.
// A first paragraph styled Title or Heading1 is the headline, and a
// Subtitle or Heading2 right after it the deck. declared says the file is
// named .docx: then any problem is ErrCorruptDocx; otherwise a ZIP that is
// not a Word document is ErrBinary.
func parseDocx(data []byte, declared bool) (model.Metadata, string, error) {
	pars, err := readDocx(data)
	if err != nil {
		if !declared && isZip(data) {
			if errors.Is(err, errNotDocx) {
				return model.Metadata{}, "", binaryErr(zipKind(data))
			}
			return model.Metadata{}, "", binaryErr("a damaged ZIP archive")
		}
		return model.Metadata{}, "", err
	}
	var h hints
	i := 0
	for i < len(pars) && strings.TrimSpace(pars[i].text) == "" {
		i++
	}
	if i < len(pars) && isStyle(pars[i].style, "title", "heading1") {
		h.headline = normField(pars[i].text)
		i++
		for i < len(pars) && strings.TrimSpace(pars[i].text) == "" {
			i++
		}
		if i < len(pars) && isStyle(pars[i].style, "subtitle", "heading2") {
			h.deck = normField(pars[i].text)
			i++
		}
	}
	var b strings.Builder
	for _, p := range pars[i:] {
		b.WriteString(p.text)
		b.WriteString("\n\n")
	}
	meta, body := parseLayout(b.String(), h)
	return meta, body, nil
}

func isStyle(style string, names ...string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}

// readDocx returns the paragraphs of a .docx's main document part.
func readDocx(data []byte) ([]docxPar, error) {
	if !isZip(data) {
		return nil, fmt.Errorf("%w: it is not a ZIP package, as every .docx is", ErrCorruptDocx)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: cannot open the ZIP package: %v", ErrCorruptDocx, err)
	}
	name := mainPart(zr)
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == name {
			f = zf
			break
		}
	}
	if f == nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptDocx, errNotDocx)
	}
	if f.UncompressedSize64 > maxDocxXML {
		return nil, fmt.Errorf("%w: %s would inflate to %d MiB", ErrCorruptDocx, name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: cannot open %s: %v", ErrCorruptDocx, name, err)
	}
	defer rc.Close()
	pars, err := readDocumentXML(&limitedReader{r: rc, n: maxDocxXML})
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorruptDocx, name, err)
	}
	return pars, nil
}

// mainPart finds the main document part through _rels/.rels, defaulting
// to word/document.xml.
func mainPart(zr *zip.Reader) string {
	for _, zf := range zr.File {
		if zf.Name != "_rels/.rels" || zf.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			break
		}
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		err = xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels)
		rc.Close()
		if err != nil {
			break
		}
		for _, r := range rels.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
				return path.Clean(strings.TrimPrefix(r.Target, "/"))
			}
		}
	}
	return "word/document.xml"
}

// limitedReader fails once more than n bytes have been read.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, fmt.Errorf("the document is larger than %d MiB uncompressed", maxDocxXML>>20)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// readDocumentXML streams WordprocessingML and collects paragraphs.
// Paragraphs nested in text boxes are emitted before the paragraph that
// holds them.
func readDocumentXML(r io.Reader) ([]docxPar, error) {
	d := xml.NewDecoder(r)
	var out []docxPar
	type open struct {
		style string
		text  strings.Builder
	}
	var stack []*open
	inText, inRun := false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not valid XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS && t.Name.Space != wordStrictNS {
				continue
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &open{})
			case "pStyle":
				if len(stack) > 0 {
					stack[len(stack)-1].style = xmlAttr(t, "val")
				}
			case "r":
				inRun++
			case "t":
				inText = true
			case "tab":
				if inRun > 0 && len(stack) > 0 {
					stack[len(stack)-1].text.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && len(stack) > 0 {
					if xmlAttr(t, "type") == "page" {
						stack[len(stack)-1].text.WriteString("\n\n")
					} else {
						stack[len(stack)-1].text.WriteByte('\n')
					}
				}
			case "noBreakHyphen":
				if inRun > 0 && len(stack) > 0 {
					stack[len(stack)-1].text.WriteByte('-')
				}
			}
		case xml.EndElement:
			if t.Name.Space != wordNS && t.Name.Space != wordStrictNS {
				continue
			}
			switch t.Name.Local {
			case "p":
				if len(stack) > 0 {
					p := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					out = append(out, docxPar{style: p.style, text: p.text.String()})
				}
			case "r":
				inRun = max(0, inRun-1)
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	return out, nil
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// zipKind says what a ZIP archive that is not a .docx looks like.
func zipKind(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "a damaged ZIP archive"
	}
	for _, f := range zr.File {
		switch f.Name {
		case "mimetype":
			if rc, err := f.Open(); err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 100))
				rc.Close()
				switch {
				case bytes.Contains(b, []byte("opendocument.text")):
					return "an OpenDocument text (.odt); save it as .docx or plain text first"
				case bytes.Contains(b, []byte("epub")):
					return "an EPUB e-book; export the article as text first"
				}
			}
		case "xl/workbook.xml":
			return "an Excel workbook; Clipper imports articles, not spreadsheets"
		case "ppt/presentation.xml":
			return "a PowerPoint presentation; export it as text first"
		}
	}
	return "a ZIP archive; unzip it and import the files inside"
}
