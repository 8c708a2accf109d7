// Package rtf reads the text of Rich Text Format documents as paragraphs,
// with the few character and paragraph properties an importer can use to
// find a headline (bold, font size, style name). It is a small tokenizer,
// not a renderer: groups are tracked, destinations that hold no body text
// (font and colour tables, style sheet, document info, pictures, headers
// and footers, list tables, every "\*" group) are skipped, "\'hh" bytes are
// decoded through the document's or the font's code page, "\uN" characters
// replace their "\ucN" fallback, and raw UTF-8 bytes, which some exporters
// write although RTF is 7-bit, are accepted.
package rtf

import (
	"errors"
	"fmt"
	"strings"
)

// MaxText is the most text, in bytes, that Read returns for one document.
const MaxText = 20 << 20

// maxDepth bounds the nesting of groups; real documents stay far below it.
const maxDepth = 2048

var (
	// ErrNotRTF: the data does not start with "{\rtf".
	ErrNotRTF = errors.New("not an RTF document")
	// ErrMalformed: the document's structure cannot be followed.
	ErrMalformed = errors.New("malformed RTF")
	// ErrTooLarge: the document holds more than MaxText bytes of text.
	ErrTooLarge = errors.New("RTF text too large")
)

// Paragraph is one paragraph of a document, or one row of a table (its
// cells separated by tabs).
type Paragraph struct {
	// Text is the paragraph's text without surrounding white space; "\n"
	// marks a line break (\line) inside it, "\t" a tab or a table cell border.
	Text string
	// Bold: every letter of the paragraph is bold.
	Bold bool
	// Size is the font size in points that most of the paragraph's letters have.
	Size float32
	// Style is the name of the paragraph's style in the style sheet
	// ("heading 1", "Title"), or "" when it has none or the sheet does not name it.
	Style string
	// AfterBlank: one or more empty paragraphs came before this one, as in
	// documents that separate blocks with empty lines.
	AfterBlank bool
}

// Read returns the non-empty paragraphs of an RTF document in order. A
// document cut short (groups left open at the end) is read as far as it
// goes. Errors wrap ErrNotRTF, ErrMalformed or ErrTooLarge.
func Read(data []byte) ([]Paragraph, error) {
	start, ok := rtfStart(data)
	if !ok {
		return nil, ErrNotRTF
	}
	r := newReader(data[start:])
	if err := r.run(); err != nil {
		return nil, err
	}
	return r.out, nil
}

// rtfStart returns the offset of "{\rtf" after an optional byte-order mark
// and white space.
func rtfStart(data []byte) (int, bool) {
	i := 0
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		i = 3
	}
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	if len(data)-i < 5 || string(data[i:i+5]) != `{\rtf` {
		return 0, false
	}
	return i, true
}

// Text returns the paragraphs' text joined by blank lines. In a document
// that separates blocks with empty paragraphs (at least three, and a tenth
// of its paragraphs follow one), as a text file converted to RTF does, paragraphs
// with no empty one between them are joined by a single line break
// instead, so the text keeps the blocks of the original.
func Text(ps []Paragraph) string {
	blanks := 0
	for _, p := range ps {
		if p.AfterBlank {
			blanks++
		}
	}
	blockLayout := blanks >= 3 && blanks*10 >= len(ps)-1
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			if blockLayout && !p.AfterBlank {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

func malformed(at int, format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrMalformed, at, fmt.Sprintf(format, args...))
}
