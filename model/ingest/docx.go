package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"clipper/model"
	"clipper/model/ingest/archive"
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

// maxDocxParas bounds the paragraphs read from a .docx (seven times those
// of a 500-article Nexis Uni export): a million empty paragraphs are a few
// MiB of XML but would take far more memory than their text.
const maxDocxParas = 250_000

// parseDocx reads a .docx into its paragraphs (w:p; text from w:t, w:tab
// as a tab, w:br and w:cr as line breaks; deleted text and field codes
// left out), with each paragraph's style, boldness and font size.
// declared says the file is named .docx: then any problem is
// ErrCorruptDocx; otherwise a ZIP that is not a Word document is
// ErrBinary. Text over MaxFileSize is ErrTooLarge.
func parseDocx(data []byte, declared bool) ([]archive.Para, error) {
	pars, err := readDocx(data)
	if err != nil {
		if !declared && isZip(data) && !errors.Is(err, ErrTooLarge) {
			if errors.Is(err, errNotDocx) {
				return nil, binaryErr(zipKind(data))
			}
			return nil, binaryErr("a damaged ZIP archive")
		}
		return nil, err
	}
	return pars, nil
}

// docxArticle reads a single-article document: a first paragraph styled
// Title or Heading1 is the headline, and a Subtitle or Heading2 right
// after it the deck; the rest is read like the text layout.
func docxArticle(pars []archive.Para) (model.Metadata, string) {
	var h hints
	i := 0
	for i < len(pars) && strings.TrimSpace(pars[i].Text) == "" {
		i++
	}
	if i < len(pars) && isStyle(pars[i].Style, "title", "heading1") {
		h.headline = normField(pars[i].Text)
		i++
		for i < len(pars) && strings.TrimSpace(pars[i].Text) == "" {
			i++
		}
		if i < len(pars) && isStyle(pars[i].Style, "subtitle", "heading2") {
			h.deck = normField(pars[i].Text)
			i++
		}
	}
	var b strings.Builder
	for _, p := range pars[i:] {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return parseLayout(b.String(), h)
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
func readDocx(data []byte) ([]archive.Para, error) {
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
	if errors.Is(err, ErrTooLarge) {
		return nil, err
	}
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
// holds them. It stops with ErrTooLarge once the text passes MaxFileSize
// or the paragraphs maxDocxParas, whatever the XML's size.
func readDocumentXML(r io.Reader) ([]archive.Para, error) {
	sc := newWMLScanner(r)
	var out []archive.Para
	type open struct {
		style       string
		text        strings.Builder
		runs, bolds int     // runs with visible text, and how many of them are bold
		size        float32 // the largest run size, in points
	}
	var stack []*open
	styles := map[string]string{} // interned style names
	inText, inRun, inRPr := false, 0, false
	runBold, runSize, runText := false, float32(0), false
	total := 0
	tooLarge := fmt.Errorf("%w: the document's text is over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)
	for {
		err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			return nil, fmt.Errorf("not valid XML: %w", err)
		}
		switch sc.kind {
		case wmlStart:
			if sc.space != wordNS && sc.space != wordStrictNS {
				continue
			}
			switch string(sc.local) {
			case "p":
				if !sc.selfClose {
					stack = append(stack, &open{})
					continue
				}
				if len(out) >= maxDocxParas {
					return nil, fmt.Errorf("%w: the document has more than %d paragraphs", ErrTooLarge, maxDocxParas)
				}
				total += 2
				out = append(out, archive.Para{})
			case "pStyle":
				if len(stack) > 0 {
					v := sc.attr("val")
					if s, ok := styles[v]; ok {
						v = s
					} else {
						styles[v] = v
					}
					stack[len(stack)-1].style = v
				}
			case "r":
				if !sc.selfClose {
					inRun++
				}
				runBold, runSize, runText = false, 0, false
			case "rPr":
				inRPr = inRun > 0 && !sc.selfClose
			case "b":
				if inRPr {
					switch sc.attr("val") {
					case "0", "false", "off":
						runBold = false
					default:
						runBold = true
					}
				}
			case "sz":
				if inRPr {
					if half, err := strconv.ParseFloat(sc.attr("val"), 32); err == nil && half > 0 && half < 2000 {
						runSize = float32(half) / 2
					}
				}
			case "t":
				inText = !sc.selfClose
			case "tab":
				if inRun > 0 && len(stack) > 0 {
					stack[len(stack)-1].text.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && len(stack) > 0 {
					if sc.attr("type") == "page" {
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
		case wmlEnd:
			if sc.space != wordNS && sc.space != wordStrictNS {
				continue
			}
			switch string(sc.local) {
			case "p":
				if len(stack) > 0 {
					p := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					text := p.text.String()
					total += len(text) + 2
					if total > MaxFileSize {
						return nil, tooLarge
					}
					if len(out) >= maxDocxParas {
						return nil, fmt.Errorf("%w: the document has more than %d paragraphs", ErrTooLarge, maxDocxParas)
					}
					out = append(out, archive.Para{Text: text, Style: p.style, Bold: p.runs > 0 && p.bolds == p.runs, Size: p.size})
				}
			case "r":
				if inRun > 0 && len(stack) > 0 && runText {
					p := stack[len(stack)-1]
					p.runs++
					if runBold {
						p.bolds++
					}
					p.size = max(p.size, runSize)
				}
				runBold, runSize, runText = false, 0, false
				inRun = max(0, inRun-1)
			case "rPr":
				inRPr = false
			case "t":
				inText = false
			}
		case wmlText:
			if inText && len(stack) > 0 {
				p := stack[len(stack)-1]
				p.text.Write(sc.text)
				if len(bytes.TrimSpace(sc.text)) > 0 {
					runText = true
				}
				if p.text.Len() > MaxFileSize {
					return nil, tooLarge
				}
			}
		}
	}
	return out, nil
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
