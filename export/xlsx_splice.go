package export

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// splicedSheet is a worksheet whose data rows Clipper writes itself:
// excelize streams the sheet with its header row only (columns, panes,
// styles and the table over the real range) and the rows are put before
// </sheetData> while the part is being compressed, so the largest sheets
// never go through excelize's per-cell marshalling.
type splicedSheet struct {
	sheet   string // sheet name, for errors
	path    string // part name, "xl/worksheets/sheetN.xml"
	rows    int    // data rows, below the header
	lastCol string // letter of the last column
	done    bool   // rows written
	// write writes the data rows, from row 2, to x.
	write func(x *rowXML) error
}

// sheetPart returns the part name excelize gives the worksheet named sheet
// of a workbook made with excelize.NewFile: xl/worksheets/sheet<ID>.xml.
func sheetPart(f *excelize.File, sheet string) (string, error) {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", fmt.Errorf("sheet %s: not in the workbook", sheet)
}

// spliceBuf holds the part excelize writes for a spliced sheet (a few
// kilobytes: everything but the data rows) until it is complete.
type spliceBuf struct {
	sheet *splicedSheet
	buf   bytes.Buffer
}

func (s *spliceBuf) Write(p []byte) (int, error) { return s.buf.Write(p) }

// finish writes the part to w with the right dimension and the data rows
// put before </sheetData>.
func (s *spliceBuf) finish(w io.Writer) error {
	sh := s.sheet
	part := s.buf.Bytes()
	end := bytes.Index(part, []byte("</sheetData>"))
	if end < 0 || bytes.Count(part, []byte("</sheetData>")) != 1 {
		return fmt.Errorf("sheet %s: excelize's part has no single </sheetData> to put rows before", sh.sheet)
	}
	head, tail := part[:end], part[end:]
	// The part must be this sheet's: a header row whose last cell is in
	// the sheet's last column.
	if !headerOnly(head, sh.lastCol) {
		return fmt.Errorf("sheet %s: part %s is not its header-only stream", sh.sheet, sh.path)
	}
	dim := []byte(`<dimension ref="A1:` + sh.lastCol + strconv.Itoa(sh.rows+1) + `"/>`)
	if i := bytes.Index(head, []byte("<dimension ")); i >= 0 {
		j := dimensionEnd(head[i:])
		if j < 0 {
			return fmt.Errorf("sheet %s: unterminated <dimension> in excelize's part", sh.sheet)
		}
		if _, err := w.Write(head[:i]); err != nil {
			return err
		}
		if _, err := w.Write(dim); err != nil {
			return err
		}
		head = head[i+j:]
	} else if i := bytes.Index(head, []byte("<sheetViews")); i >= 0 {
		if _, err := w.Write(head[:i]); err != nil {
			return err
		}
		if _, err := w.Write(dim); err != nil {
			return err
		}
		head = head[i:]
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	x := newRowXML(w)
	if err := sh.write(x); err != nil {
		return fmt.Errorf("sheet %s: %w", sh.sheet, err)
	}
	if err := x.flush(); err != nil {
		return err
	}
	if x.row != sh.rows+1 {
		return fmt.Errorf("sheet %s: wrote %d data rows, the table expects %d", sh.sheet, x.row-1, sh.rows)
	}
	sh.done = true
	_, err := w.Write(tail)
	return err
}

// headerOnly reports whether the sheet data in head is a single row 1
// whose last cell is in column lastCol.
func headerOnly(head []byte, lastCol string) bool {
	if bytes.Count(head, []byte("<row ")) != 1 || !bytes.Contains(head, []byte(`<row r="1"`)) {
		return false
	}
	i := bytes.Index(head, []byte(`<c r="`+lastCol+`1"`))
	if i < 0 {
		return false
	}
	rest := head[i+1:]
	end := bytes.Index(rest, []byte("</row>"))
	return end >= 0 && !bytes.Contains(rest[:end], []byte("<c "))
}

// dimensionEnd returns the length of the <dimension> element b starts
// with, written either empty ("<dimension …/>") or with an end tag as
// encoding/xml writes it; -1 if it does not end.
func dimensionEnd(b []byte) int {
	gt := bytes.IndexByte(b, '>')
	if gt < 0 {
		return -1
	}
	if b[gt-1] == '/' {
		return gt + 1
	}
	const end = "</dimension>"
	if i := bytes.Index(b, []byte(end)); i >= 0 {
		return i + len(end)
	}
	return -1
}

// checkSpliced reports a spliced sheet whose part excelize never wrote.
func checkSpliced(sheets map[string]*splicedSheet) error {
	for _, s := range sheets {
		if !s.done {
			return fmt.Errorf("sheet %s: part %s was never written", s.sheet, s.path)
		}
	}
	return nil
}

// rowXML appends worksheet row XML to a reused buffer and hands it to w in
// 64 KiB pieces. Cells carry their column's style; texts are inline strings.
type rowXML struct {
	w      io.Writer
	buf    []byte
	row    int    // current row number
	rowNum []byte // its digits
	err    error
}

const rowXMLFlush = 64 << 10

func newRowXML(w io.Writer) *rowXML {
	return &rowXML{w: w, buf: make([]byte, 0, rowXMLFlush+8<<10), row: 1}
}

// startRow begins the next row.
func (x *rowXML) startRow() {
	x.row++
	x.rowNum = strconv.AppendInt(x.rowNum[:0], int64(x.row), 10)
	x.buf = append(x.buf, `<row r="`...)
	x.buf = append(x.buf, x.rowNum...)
	x.buf = append(x.buf, `">`...)
}

// endRow ends the row and flushes the buffer when it is full.
func (x *rowXML) endRow() error {
	x.buf = append(x.buf, `</row>`...)
	if len(x.buf) >= rowXMLFlush {
		return x.flush()
	}
	return nil
}

func (x *rowXML) flush() error {
	if x.err == nil && len(x.buf) > 0 {
		_, x.err = x.w.Write(x.buf)
	}
	x.buf = x.buf[:0]
	return x.err
}

// open starts cell ci (0-based) of the row with style s (0: none) and type
// t ("" for a number).
func (x *rowXML) open(ci, s int, t string) {
	x.buf = append(x.buf, `<c r="`...)
	x.buf = appendColName(x.buf, ci+1)
	x.buf = append(x.buf, x.rowNum...)
	x.buf = append(x.buf, '"')
	if s != 0 {
		x.buf = append(x.buf, ` s="`...)
		x.buf = strconv.AppendInt(x.buf, int64(s), 10)
		x.buf = append(x.buf, '"')
	}
	if t != "" {
		x.buf = append(x.buf, ` t="`...)
		x.buf = append(x.buf, t...)
		x.buf = append(x.buf, '"')
	}
	x.buf = append(x.buf, '>')
}

// int writes an integer cell.
func (x *rowXML) int(ci, s int, v int64) {
	x.open(ci, s, "")
	x.buf = append(x.buf, `<v>`...)
	x.buf = strconv.AppendInt(x.buf, v, 10)
	x.buf = append(x.buf, `</v></c>`...)
}

// float writes a number cell with the shortest digits that read back as v.
func (x *rowXML) float(ci, s int, v float64) {
	x.open(ci, s, "")
	x.buf = append(x.buf, `<v>`...)
	x.buf = strconv.AppendFloat(x.buf, v, 'f', -1, 64)
	x.buf = append(x.buf, `</v></c>`...)
}

// text writes an inline-string cell; s must already fit a cell.
func (x *rowXML) text(ci, style int, s string) {
	x.open(ci, style, "inlineStr")
	x.buf = append(x.buf, `<is>`...)
	x.appendT(s)
	x.buf = append(x.buf, `</is></c>`...)
}

// rich writes an inline rich-text cell: before and after plain, span in
// bold and, when rgb ("FFRRGGBB") is set, that colour. Empty plain runs are
// left out.
func (x *rowXML) rich(ci, style int, before, span, after, rgb string) {
	x.open(ci, style, "inlineStr")
	x.buf = append(x.buf, `<is>`...)
	if before != "" {
		x.buf = append(x.buf, `<r>`...)
		x.appendT(before)
		x.buf = append(x.buf, `</r>`...)
	}
	x.buf = append(x.buf, `<r><rPr><b/>`...)
	if rgb != "" {
		x.buf = append(x.buf, `<color rgb="`...)
		x.buf = append(x.buf, rgb...)
		x.buf = append(x.buf, `"/>`...)
	}
	x.buf = append(x.buf, `</rPr>`...)
	x.appendT(span)
	x.buf = append(x.buf, `</r>`...)
	if after != "" {
		x.buf = append(x.buf, `<r>`...)
		x.appendT(after)
		x.buf = append(x.buf, `</r>`...)
	}
	x.buf = append(x.buf, `</is></c>`...)
}

// appendT appends a <t> element holding s, preserving its spaces.
func (x *rowXML) appendT(s string) {
	x.buf = append(x.buf, `<t xml:space="preserve">`...)
	x.buf = appendEscaped(x.buf, s)
	x.buf = append(x.buf, `</t>`...)
}

// xmlSpecial marks the bytes appendEscaped has a case for: control
// characters but LF, & < > " _ and 0xEF (the lead byte of U+FFFE/U+FFFF).
// It is never written after initialisation.
var xmlSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\n'
	}
	for _, c := range []byte("&<>\"_\xEF") {
		t[c] = true
	}
	return t
}()

// appendEscaped appends s escaped for XML character data: & < > " are
// entities, CR and TAB character references (a parser would turn a raw CR
// into LF), characters XML 1.0 forbids are dropped, and a literal
// "_xHHHH_" gets the "_x005F" escape so that Excel and excelize do not read
// it as an encoded character.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !xmlSpecial[c] {
			continue // most bytes: one look-up instead of the cases below
		}
		var esc string
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&quot;"
		case c == '\r':
			esc = "&#xD;"
		case c == '\t':
			esc = "&#x9;"
		case c == '_' && isEncodedChar(s[i:]):
			esc = "_x005F"
		case c < 0x20 && c != '\n':
			esc = "" // not allowed in XML 1.0: dropped
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			// U+FFFE and U+FFFF are not XML characters: dropped.
			b = append(b, s[last:i]...)
			i += 2
			last = i + 1
			continue
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
		if c == '_' {
			last = i // keep the underscore itself after the escape
		}
	}
	return append(b, s[last:]...)
}

// isEncodedChar reports whether s starts with "_xHHHH_".
func isEncodedChar(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for i := 2; i < 6; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendColName appends the letters of column n (1-based).
func appendColName(b []byte, n int) []byte {
	if n <= 26 {
		return append(b, byte('A'+n-1))
	}
	var tmp [3]byte
	i := len(tmp)
	for n > 0 {
		n--
		i--
		tmp[i] = byte('A' + n%26)
		n /= 26
	}
	return append(b, tmp[i:]...)
}

// spanColor is the rgb attribute ("FFRRGGBB") of a tag's span colour, ""
// when the tag has no valid colour.
func spanColor(color string) string {
	if !hexColor(color) {
		return ""
	}
	return "FF" + strings.ToUpper(color[1:])
}
