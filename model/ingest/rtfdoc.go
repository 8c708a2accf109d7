package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"clipper/model"
	"clipper/model/ingest/archive"
	"clipper/model/ingest/rtf"
)

// ErrCorruptRTF: a file that starts like RTF but whose structure cannot be
// followed.
var ErrCorruptRTF = errors.New("damaged RTF document")

// isRTF reports whether data is an RTF document, whatever its name (word
// processors and news archives save RTF under a .doc name too).
func isRTF(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.TrimLeft(data[:min(len(data), 64)], " \t\r\n")
	return bytes.HasPrefix(data, []byte(`{\rtf`))
}

// readRTF reads an RTF document into a Doc of styled paragraphs for
// archive.Split; Doc.Text is rtf.Text's (paragraphs separated by blank
// lines, or, in a document that separates blocks with empty paragraphs as
// a converted text file does, by the document's own blank lines). Errors
// wrap ErrCorruptRTF, ErrTooLarge or ErrEmpty.
func readRTF(name string, data []byte) (*archive.Doc, error) {
	ps, err := rtf.Read(data)
	switch {
	case errors.Is(err, rtf.ErrTooLarge):
		return nil, fmt.Errorf("%w: the document holds more than %d MiB of text", ErrTooLarge, rtf.MaxText>>20)
	case err != nil:
		return nil, fmt.Errorf("%w: %v", ErrCorruptRTF, err)
	case len(ps) == 0:
		return nil, fmt.Errorf("%w: the RTF document has no text", ErrEmpty)
	}
	doc := &archive.Doc{Name: name, Kind: archive.Paragraphs, Source: "rtf", Paras: make([]archive.Para, len(ps))}
	for i, p := range ps {
		doc.Paras[i] = archive.Para{Text: p.Text, Style: p.Style, Bold: p.Bold, Size: p.Size}
	}
	doc.Text = rtf.Text(ps)
	return doc, nil
}

// rtfClipping reads one article from an RTF Doc: the headline is the first
// paragraph when its style is Title or Heading 1, when its font is larger
// than the body's, or when it alone is bold and short; a Subtitle or
// Heading 2 paragraph, or one in a font between the headline's and the
// body's, after it is the deck. The rest is read like a text file.
func rtfClipping(doc *archive.Doc) (model.Metadata, string) {
	ps := doc.Paras
	body := bodySize(ps)
	var h hints
	i := 0
	if len(ps) > 1 && isRTFHeadline(ps, body) {
		h.headline = normField(ps[0].Text)
		i = 1
		p := ps[1]
		if len(p.Text) <= 400 && (isStyle(p.Style, "subtitle", "heading2") || p.Size > body && p.Size < ps[0].Size) {
			h.deck = normField(p.Text)
			i = 2
		}
	}
	var b strings.Builder
	for _, p := range ps[i:] {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return parseLayout(b.String(), h)
}

// isRTFHeadline reports whether ps[0] is set apart as a headline.
func isRTFHeadline(ps []archive.Para, body float32) bool {
	p := ps[0]
	if len(p.Text) > 300 || strings.Contains(p.Text, "\n") {
		return false
	}
	switch {
	case isStyle(p.Style, "title", "heading1"):
		return true
	case body > 0 && p.Size >= body+2:
		return true
	case p.Bold && !ps[1].Bold && len(p.Text) <= 200:
		return true
	}
	return false
}

// bodySize is the font size of most of the text, 0 if unknown.
func bodySize(ps []archive.Para) float32 {
	bySize := map[float32]int{}
	for _, p := range ps {
		bySize[p.Size] += len(p.Text)
	}
	var best float32
	for s, n := range bySize {
		if n > bySize[best] || n == bySize[best] && s < best {
			best = s
		}
	}
	return best
}
