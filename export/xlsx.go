package export

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"clipper/model"
)

// Sheet names of the workbook, in order.
const (
	SheetAnnotations = "Annotations"
	SheetQuotes      = "Quotes"
	SheetFigures     = "Figures"
	SheetClaims      = "Claims"
	SheetClippings   = "Clippings"
	SheetCodebook    = "Codebook"
	SheetMatrix      = "Matrix"
)

// WriteXLSX writes d as an Excel workbook, always through excelize's
// StreamWriter. Sheets:
//   - Annotations: one row per annotation (long format), the context as rich
//     text with the span in bold and the tag's colour;
//   - Quotes, Figures, Claims: the same rows by kind with the columns that
//     matter for it (context as plain text);
//   - Clippings: metadata, length in words and annotation counts, in total
//     and per tag (columns n_<tag>);
//   - Codebook: tags with their colour (the cell filled with it) and counts;
//   - Matrix: clippings × tags, counts (n_<tag>) then 0/1 presence (has_<tag>).
//
// Every sheet has a styled, frozen header and a table with filter buttons
// (header names made unique ignoring case); dates are Excel dates,
// timestamps in UTC, numbers are numbers. Texts longer than a cell holds are
// cut with "… [truncated]" and counted in the Report; control characters
// are removed. Document properties name the project file and its schema
// version (custom properties ClipperSchemaVersion and ClipperSource).
func WriteXLSX(ctx context.Context, w io.Writer, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(d)
	if err != nil {
		return rep, err
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // removes excelize's temporary files; nothing to report
	f.SetZipWriter(fastZip)
	st, err := newStyles(f)
	if err != nil {
		return rep, err
	}
	if err := setProperties(f, d, time.Now()); err != nil {
		return rep, err
	}
	if err := f.SetSheetName("Sheet1", SheetAnnotations); err != nil {
		return rep, fmt.Errorf("name first sheet: %w", err)
	}
	for _, name := range []string{SheetQuotes, SheetFigures, SheetClaims, SheetClippings, SheetCodebook, SheetMatrix} {
		if _, err := f.NewSheet(name); err != nil {
			return rep, fmt.Errorf("add sheet %s: %w", name, err)
		}
	}

	if err := writeAnnotationSheets(ctx, f, ix, st, &rep, progress); err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("export cancelled: %w", err)
	}
	if err := writeClippingsSheet(f, ix, st, &rep); err != nil {
		return rep, err
	}
	if err := writeCodebookSheet(f, ix, st, &rep); err != nil {
		return rep, err
	}
	if err := writeMatrixSheet(f, ix, st, &rep); err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("export cancelled: %w", err)
	}
	if err := f.Write(w); err != nil {
		return rep, fmt.Errorf("write workbook: %w", err)
	}
	rep.Clippings = len(d.Clippings)
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}

// annotationTable streams rows of annotation columns to one sheet.
type annotationTable struct {
	*sheetWriter
	cols []col
}

func newAnnotationTable(f *excelize.File, sheet, table string, cols []col, st styles) (*annotationTable, error) {
	spec := sheetSpec{sheet: sheet, table: table}
	for _, c := range cols {
		spec.headers = append(spec.headers, c.name())
		spec.widths = append(spec.widths, c.width())
		spec.styles = append(spec.styles, st.style(c.typ()))
	}
	sw, err := newSheetWriter(f, spec, st.header)
	if err != nil {
		return nil, err
	}
	return &annotationTable{sheetWriter: sw, cols: cols}, nil
}

// writeAnnotationSheets streams the Annotations sheet and, concurrently,
// the Quotes, Figures and Claims sheets: two goroutines, each building its
// own rows, each driving its own excelize StreamWriter (stream writers of
// different sheets share no state while rows are written; adding a table
// and flushing do, so those are serialised). Only the
// Annotations pass reports progress, truncations and warnings, and only it
// writes the context as rich text; the per-kind sheets show it as plain text
// next to the exact text, which halves the most expensive cells.
func writeAnnotationSheets(ctx context.Context, f *excelize.File, ix *index, st styles, rep *Report, progress func(done, total int)) error {
	all, err := newAnnotationTable(f, SheetAnnotations, "tblAnnotations", annotationCols(), st)
	if err != nil {
		return err
	}
	byKind := map[model.Kind]*annotationTable{}
	for _, k := range []struct {
		kind         model.Kind
		sheet, table string
	}{
		{model.KindQuote, SheetQuotes, "tblQuotes"},
		{model.KindFigure, SheetFigures, "tblFigures"},
		{model.KindClaim, SheetClaims, "tblClaims"},
	} {
		t, err := newAnnotationTable(f, k.sheet, k.table, kindCols(k.kind), st)
		if err != nil {
			return err
		}
		byKind[k.kind] = t
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		fileMu   sync.Mutex // AddTable and Flush change workbook-wide parts: one at a time
	)
	finish := func(t *annotationTable) error {
		fileMu.Lock()
		defer fileMu.Unlock()
		return t.finish()
	}
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	wg.Go(func() {
		cw := cellWriter{rep: rep, fonts: spanFonts(ix.d.Tags)}
		rb := newRowBuilder(ix, rep)
		var r row
		err := ix.each(ctx, progress, func(ci int, c *model.Clipping, a *model.Annotation) error {
			rb.build(ci, c, a, &r)
			if err := cw.write(all, &r); err != nil {
				return fmt.Errorf("sheet %s, annotation %s: %w", SheetAnnotations, a.ID, err)
			}
			rep.Annotations++
			return nil
		})
		if err == nil {
			err = finish(all)
		}
		if err != nil {
			fail(err)
		}
	})
	wg.Go(func() {
		var quiet Report // the Annotations pass reports; this one would repeat it
		cw := cellWriter{}
		rb := newRowBuilder(ix, &quiet)
		var r row
		// One pass per kind, flushing each sheet before the next, so only
		// one of them holds a stream buffer at a time.
		for _, k := range []model.Kind{model.KindQuote, model.KindFigure, model.KindClaim} {
			t := byKind[k]
			err := ix.each(ctx, nil, func(ci int, c *model.Clipping, a *model.Annotation) error {
				if ix.tag(a).Kind != k {
					return nil
				}
				rb.build(ci, c, a, &r)
				if err := cw.write(t, &r); err != nil {
					return fmt.Errorf("sheet for %ss, annotation %s: %w", k, a.ID, err)
				}
				return nil
			})
			if err == nil {
				err = finish(t)
			}
			if err != nil {
				fail(err)
				return
			}
		}
	})
	wg.Wait()
	return firstErr
}

// spanFonts are the fonts of the emphasised span in the context cell, one
// per tag: bold, in the tag's colour when it has a valid one.
func spanFonts(tags []model.Tag) []*excelize.Font {
	fonts := make([]*excelize.Font, len(tags))
	for i, t := range tags {
		fonts[i] = &excelize.Font{Bold: true}
		if hexColor(t.Color) {
			fonts[i].Color = t.Color
		}
	}
	return fonts
}

// cellWriter turns row fields into cell values, shortening what does not
// fit a cell.
type cellWriter struct {
	rep   *Report          // where cuts are counted and warned about; nil: nowhere
	fonts []*excelize.Font // span font per tag; nil: the context is plain text
	runs  [3]excelize.RichTextRun
}

// cut records that column c of r was shortened.
func (cw *cellWriter) cut(c col, r *row) {
	if cw.rep != nil {
		cw.rep.Truncated++
		cw.rep.warn("annotation %s: %s cut to %d characters", r.annotationID, c.name(), maxCellChars)
	}
}

// write fills t's row buffer with r's values for t's columns and writes it.
func (cw *cellWriter) write(t *annotationTable, r *row) error {
	for i, c := range t.cols {
		t.vals[i] = cw.value(c, r)
	}
	return t.row()
}

// value is the cell value of column c for r; nil leaves the cell empty.
func (cw *cellWriter) value(c col, r *row) any {
	switch c.typ() {
	case cellInt:
		v := cellInt64(c, r)
		if c == colParagraph && v == 0 {
			return nil
		}
		return v
	case cellFloat:
		if p := cellFloatPtr(c, r); p != nil {
			return *p
		}
		return nil
	case cellDate:
		if v, ok := excelSerial(r.dateT); ok && r.hasDate {
			return v
		}
		return cw.text(c, r, r.date)
	case cellDateTime:
		t := r.created
		if c == colModified {
			t = r.modified
		}
		if v, ok := excelSerial(t); ok {
			return v
		}
		return cw.text(c, r, isoTime(t))
	case cellContext:
		if cw.fonts == nil {
			return cw.text(c, r, r.contextText())
		}
		return cw.context(r)
	}
	return cw.text(c, r, cellString(c, r))
}

// text is a text cell value, cut to fit a cell.
func (cw *cellWriter) text(c col, r *row, s string) any {
	if s == "" {
		return nil
	}
	s, cut := fitCell(s)
	if cut {
		cw.cut(c, r)
	}
	return s
}

// context is the rich-text context cell: the sentence with the span in
// bold and the tag's colour. An overlong span is cut so the cell fits.
func (cw *cellWriter) context(r *row) any {
	if !r.hasContext {
		return nil
	}
	span := r.span
	if n := len(r.before) + len(span) + len(r.after); n > maxCellChars {
		room := maxCellChars - utf16Len(r.before) - utf16Len(r.after)
		if utf16Len(span) > room {
			span = cutUTF16(span, room-utf16Len(truncMarker)) + truncMarker
			cw.cut(colContext, r)
		}
	}
	runs := cw.runs[:0]
	if r.before != "" {
		runs = append(runs, excelize.RichTextRun{Text: r.before})
	}
	runs = append(runs, excelize.RichTextRun{Text: span, Font: cw.fonts[r.tagIdx]})
	if r.after != "" {
		runs = append(runs, excelize.RichTextRun{Text: r.after})
	}
	return runs
}

// excelSerial converts t to an Excel serial date (days since 1899-12-30 in
// the 1900 date system, the time of day as the fraction) from its wall
// clock. Dates before 1900-03-01, where Excel's calendar is off by its
// phantom 29 February 1900, and the zero time give false.
func excelSerial(t time.Time) (float64, bool) {
	y, m, d := t.Date()
	if t.IsZero() || y < 1900 || (y == 1900 && m < time.March) {
		return 0, false
	}
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	h, mi, sec := t.Clock()
	return days + float64(h*3600+mi*60+sec)/86400, true
}
