package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"clipper/model"
)

// WriteCSV writes the Annotations sheet as CSV: one row per annotation with
// the columns of the workbook, the context as plain text.
//
// The default variant (raw false) is for spreadsheet apps: UTF-8 with BOM,
// CRLF line ends, every field quoted, timestamps as "YYYY-MM-DD hh:mm:ss"
// (UTC), and a ' before every text field that starts with = + - @, a tab, a
// line break or their full-width forms, so that a cell never becomes a
// formula. Numbers are never prefixed. The raw variant (raw true) is for
// scripts: no BOM, LF, fields quoted only when needed, RFC 3339 timestamps
// and no prefix. Neither variant shortens long texts.
func WriteCSV(ctx context.Context, w io.Writer, d *Dataset, raw bool, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(ctx, d)
	if err != nil {
		return rep, err
	}
	defer ix.close()
	cw := &csvWriter{w: bufio.NewWriterSize(w, 64<<10), raw: raw, buf: make([]byte, 0, 64)}
	if !raw {
		_, _ = cw.w.WriteString("\uFEFF")
	}
	cols := annotationCols()
	for i, c := range cols {
		cw.text(i == 0, c.name())
	}
	if err := cw.endRow(); err != nil {
		return rep, fmt.Errorf("write CSV header: %w", err)
	}
	rb := newRowBuilder(ix, &rep)
	var r row
	err = ix.each(ctx, walkSpec{body: true, brief: true}, progress, func(ci int, c *model.Clipping, a *model.Annotation) error {
		if ci != rb.clip {
			rep.Clippings++
		}
		rb.build(ci, c, a, &r)
		for i, col := range cols {
			cw.cell(i == 0, col, &r)
		}
		if err := cw.endRow(); err != nil {
			return fmt.Errorf("write CSV row for annotation %s: %w", a.ID, err)
		}
		rep.Annotations++
		return nil
	})
	if err != nil {
		return rep, err
	}
	if err := cw.w.Flush(); err != nil {
		return rep, fmt.Errorf("write CSV: %w", err)
	}
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}

// csvWriter writes fields with the quoting rules of one CSV variant.
type csvWriter struct {
	w   *bufio.Writer
	raw bool
	buf []byte // scratch for numbers and timestamps
}

// cell writes column c of r.
func (cw *csvWriter) cell(first bool, c col, r *row) {
	switch c.typ() {
	case cellInt:
		v := cellInt64(c, r)
		if c == colParagraph && v == 0 {
			cw.number(first, nil)
			return
		}
		cw.number(first, strconv.AppendInt(cw.buf[:0], int64(v), 10))
	case cellFloat:
		p := cellFloatPtr(c, r)
		if p == nil {
			cw.number(first, nil)
			return
		}
		cw.number(first, strconv.AppendFloat(cw.buf[:0], *p, 'f', -1, 64))
	case cellDateTime:
		t := r.created
		if c == colModified {
			t = r.modified
		}
		if t.IsZero() {
			cw.number(first, nil)
			return
		}
		cw.number(first, appendStamp(cw.buf[:0], t, cw.raw))
	case cellContext:
		if !r.hasContext {
			cw.text(first, "")
			return
		}
		cw.parts(first, r.before, r.span, r.after)
	default:
		cw.text(first, cellString(c, r))
	}
}

// appendStamp appends t (UTC) as "2006-01-02 15:04:05", or as RFC 3339
// ("2006-01-02T15:04:05Z") when rfc is true: what t.AppendFormat writes
// with those layouts, without interpreting a layout for each of a
// million cells. Years outside 0–9999 go through AppendFormat.
func appendStamp(b []byte, t time.Time, rfc bool) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 || t.Location() != time.UTC {
		if rfc {
			return t.AppendFormat(b, time.RFC3339)
		}
		return t.AppendFormat(b, "2006-01-02 15:04:05")
	}
	h, mi, s := t.Clock()
	two := func(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	b = two(two(b, y/100), y%100)
	b = two(append(b, '-'), int(mo))
	b = two(append(b, '-'), d)
	sep := byte(' ')
	if rfc {
		sep = 'T'
	}
	b = two(append(b, sep), h)
	b = two(append(b, ':'), mi)
	b = two(append(b, ':'), s)
	if rfc {
		b = append(b, 'Z')
	}
	return b
}

// number writes a field that is never prefixed (numbers, timestamps).
func (cw *csvWriter) number(first bool, b []byte) {
	if !first {
		_ = cw.w.WriteByte(',')
	}
	if cw.raw {
		_, _ = cw.w.Write(b)
		return
	}
	_ = cw.w.WriteByte('"')
	_, _ = cw.w.Write(b)
	_ = cw.w.WriteByte('"')
}

// text writes a text field.
func (cw *csvWriter) text(first bool, s string) { cw.parts(first, s, "", "") }

// parts writes the concatenation of a, b and c as one text field without
// building it.
func (cw *csvWriter) parts(first bool, a, b, c string) {
	if !first {
		_ = cw.w.WriteByte(',')
	}
	lead := a
	if lead == "" {
		lead = b
		if lead == "" {
			lead = c
		}
	}
	if cw.raw {
		if !needsQuotes(a) && !needsQuotes(b) && !needsQuotes(c) && !startsWithSpace(lead) {
			_, _ = cw.w.WriteString(a)
			_, _ = cw.w.WriteString(b)
			_, _ = cw.w.WriteString(c)
			return
		}
	}
	_ = cw.w.WriteByte('"')
	if !cw.raw && formulaLead(lead) {
		_ = cw.w.WriteByte('\'')
	}
	cw.quoted(a)
	cw.quoted(b)
	cw.quoted(c)
	_ = cw.w.WriteByte('"')
}

// quoted writes s with its double quotes doubled.
func (cw *csvWriter) quoted(s string) {
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			_, _ = cw.w.WriteString(s)
			return
		}
		_, _ = cw.w.WriteString(s[:i+1])
		_ = cw.w.WriteByte('"')
		s = s[i+1:]
	}
}

// endRow ends a record and returns the writer's first error, if any.
func (cw *csvWriter) endRow() error {
	var err error
	if cw.raw {
		err = cw.w.WriteByte('\n')
	} else {
		_, err = cw.w.WriteString("\r\n")
	}
	return err
}

// needsQuotes reports whether a raw CSV field holding s must be quoted.
func needsQuotes(s string) bool {
	return strings.ContainsAny(s, ",\"\r\n")
}

// startsWithSpace reports whether s begins with white space, which a CSV
// reader might trim unless the field is quoted.
func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// formulaLead reports whether a spreadsheet app could read a text starting
// like s as a formula: = + - @, tab, CR, LF or full-width ＝ ＋ － ＠.
func formulaLead(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r == '＝' || r == '＋' || r == '－' || r == '＠'
}

// cellString is the text of a text column.
func cellString(c col, r *row) string {
	switch c {
	case colAnnotationID:
		return r.annotationID
	case colClippingID:
		return r.clippingID
	case colPublication:
		return r.publication
	case colDate:
		return r.date
	case colHeadline:
		return r.headline
	case colTag:
		return r.tagName
	case colKind:
		return r.kind
	case colExact:
		return r.exact
	case colContext:
		return r.contextText()
	case colSpeaker:
		return r.speaker
	case colClaimant:
		return r.claimant
	case colStatus:
		return r.status
	case colComparator:
		return r.comparator
	case colUnit:
		return r.unit
	case colNote:
		return r.note
	case colCoder:
		return r.coder
	}
	return ""
}

// cellInt64 is the value of an integer column.
func cellInt64(c col, r *row) int {
	switch c {
	case colStart:
		return r.start
	case colEnd:
		return r.end
	}
	return r.paragraph
}

// cellFloatPtr is the value of an optional number column.
func cellFloatPtr(c col, r *row) *float64 {
	switch c {
	case colLow:
		return r.low
	case colHigh:
		return r.high
	}
	return r.value
}
