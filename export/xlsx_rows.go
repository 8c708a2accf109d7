package export

import (
	"context"
	"fmt"
	"sync"

	"github.com/xuri/excelize/v2"

	"clipper/model"
)

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

// rowBatch is a run of rows of the Annotations sheet, their cell values
// ready, on its way from the goroutine that builds them to the one that
// writes them; batches are reused.
type rowBatch struct {
	cells [][]any                   // per row: a value per column of the Annotations sheet
	runs  [][3]excelize.RichTextRun // per row: the rich-text context the cells refer to
	n     int                       // rows in use
}

func newRowBatch(cols int) *rowBatch {
	b := &rowBatch{cells: make([][]any, batchRows), runs: make([][3]excelize.RichTextRun, batchRows)}
	for i := range b.cells {
		b.cells[i] = make([]any, cols)
	}
	return b
}

const (
	batchRows = 256 // rows per batch
	batches   = 4   // batches in circulation: how far building may run ahead
)

// writeSheets writes every sheet of the workbook on two goroutines, each
// driving its own excelize StreamWriters (stream writers of different sheets
// share no state while rows are written; creating a stream, adding a table
// and flushing do, so those are serialised):
//
//   - the builder turns each annotation into a row once, writes it to the
//     Quotes, Figures or Claims sheet (plain-text context), prepares its
//     cells for the Annotations sheet and hands them on; when the
//     annotations are done it writes the small sheets (Clippings, Codebook,
//     Matrix, Agreement);
//   - the writer puts every row on the Annotations sheet, the one with the
//     rich-text context and the most cells (excelize's work on it is the
//     longest single task of the export), and reports progress.
//
// Warnings and cuts are the builder's, counted on the Annotations sheet
// (cuts on the per-kind sheets repeat them).
func writeSheets(ctx context.Context, f *excelize.File, ix *index, st styles, rep *Report, progress func(done, total int)) error {
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
		fileMu   sync.Mutex // workbook-wide changes: one at a time
		full     = make(chan *rowBatch, batches)
		free     = make(chan *rowBatch, batches)
		built    Report // the builder's: rows and cells, then small sheets
		sheets   Report
		written  int // rows on the Annotations sheet
	)
	for range batches {
		free <- newRowBatch(len(all.cols))
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
		err := writeRows(ctx, all, full, free, ix.live, progress, &written)
		if err == nil {
			fileMu.Lock()
			err = all.finish()
			fileMu.Unlock()
		}
		if err != nil {
			fail(err)
		}
	})
	wg.Go(func() {
		err := buildRows(ctx, ix, all.cols, byKind, full, free, &built)
		close(full)
		if err == nil {
			fileMu.Lock()
			err = writeSmallSheets(f, ix, st, byKind, &sheets)
			fileMu.Unlock()
		}
		if err != nil {
			fail(err)
		}
	})
	wg.Wait()
	rep.Annotations += written
	rep.absorb(built)
	rep.absorb(sheets)
	return firstErr
}

// buildRows builds a row per live annotation, writes it to its kind's sheet
// if the kind has one, and sends its cells for the columns cols of the
// Annotations sheet in batches on full.
func buildRows(ctx context.Context, ix *index, cols []col, byKind map[model.Kind]*annotationTable, full chan<- *rowBatch, free <-chan *rowBatch, rep *Report) error {
	rb := newRowBuilder(ix, rep)
	var r row
	plain := cellWriter{} // per-kind sheets: plain-text context, cuts not counted again
	rich := cellWriter{rep: rep, fonts: spanFonts(ix.d.Tags)}
	var b *rowBatch
	take := func() error {
		select {
		case b = <-free:
			b.n = 0
			return nil
		case <-ctx.Done():
			return fmt.Errorf("export cancelled: %w", ctx.Err())
		}
	}
	send := func() error {
		select {
		case full <- b:
			b = nil
			return nil
		case <-ctx.Done():
			return fmt.Errorf("export cancelled: %w", ctx.Err())
		}
	}
	if err := take(); err != nil {
		return err
	}
	err := ix.each(ctx, nil, func(ci int, c *model.Clipping, a *model.Annotation) error {
		rb.build(ci, c, a, &r)
		if t := byKind[r.tag.Kind]; t != nil {
			plain.fill(t.vals, t.cols, &r, nil)
			if err := t.row(); err != nil {
				return fmt.Errorf("sheet for %ss, annotation %s: %w", r.tag.Kind, a.ID, err)
			}
		}
		rich.fill(b.cells[b.n], cols, &r, &b.runs[b.n])
		b.n++
		if b.n < len(b.cells) {
			return nil
		}
		if err := send(); err != nil {
			return err
		}
		return take()
	})
	if err != nil {
		return err
	}
	return send()
}

// writeRows writes the rows arriving on full to the Annotations sheet,
// counting them in done, and returns each batch to free; it reports
// progress every 1,024 rows.
func writeRows(ctx context.Context, t *annotationTable, full <-chan *rowBatch, free chan<- *rowBatch, total int, progress func(done, total int), done *int) error {
	for {
		var b *rowBatch
		select {
		case b = <-full:
		case <-ctx.Done():
			return fmt.Errorf("export cancelled after %d of %d annotations: %w", *done, total, ctx.Err())
		}
		if b == nil { // closed: every row is written
			return nil
		}
		for i := range b.n {
			if progress != nil && *done%1024 == 0 {
				progress(*done, total)
			}
			if err := t.rowOf(b.cells[i]); err != nil {
				return fmt.Errorf("sheet %s, annotation %v: %w", SheetAnnotations, b.cells[i][0], err)
			}
			*done++
		}
		free <- b
	}
}

// writeSmallSheets finishes the per-kind sheets and writes the sheets with
// a row per clipping or tag, and the Agreement sheet when there is one.
func writeSmallSheets(f *excelize.File, ix *index, st styles, byKind map[model.Kind]*annotationTable, rep *Report) error {
	for _, k := range []model.Kind{model.KindQuote, model.KindFigure, model.KindClaim} {
		if err := byKind[k].finish(); err != nil {
			return err
		}
	}
	if err := writeClippingsSheet(f, ix, st, rep); err != nil {
		return err
	}
	if err := writeCodebookSheet(f, ix, st, rep); err != nil {
		return err
	}
	if err := writeMatrixSheet(f, ix, st, rep); err != nil {
		return err
	}
	if hasAgreement(ix.d) {
		return writeAgreementSheet(f, ix.d.Agreement, st)
	}
	return nil
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
}

// cut records that column c of r was shortened.
func (cw *cellWriter) cut(c col, r *row) {
	if cw.rep != nil {
		cw.rep.Truncated++
		cw.rep.warn("annotation %s: %s cut to %d characters", r.annotationID, c.name(), maxCellChars)
	}
}

// fill sets vals[i] to the value of column cols[i] for r; a rich-text
// context keeps its runs in runs, which must outlive the use of vals.
func (cw *cellWriter) fill(vals []any, cols []col, r *row, runs *[3]excelize.RichTextRun) {
	for i, c := range cols {
		vals[i] = cw.value(c, r, runs)
	}
}

// value is the cell value of column c for r; nil leaves the cell empty.
func (cw *cellWriter) value(c col, r *row, runs *[3]excelize.RichTextRun) any {
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
			return serialCell(v)
		}
		return cw.text(c, r, r.date)
	case cellDateTime:
		t := r.created
		if c == colModified {
			t = r.modified
		}
		if v, ok := excelSerial(t); ok {
			return serialCell(v)
		}
		return cw.text(c, r, isoTime(t))
	case cellContext:
		if cw.fonts == nil {
			return cw.text(c, r, r.contextText())
		}
		return cw.context(r, runs)
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
// bold and the tag's colour, its runs kept in buf. An overlong span is cut
// so the cell fits.
func (cw *cellWriter) context(r *row, buf *[3]excelize.RichTextRun) any {
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
	runs := buf[:0]
	if r.before != "" {
		runs = append(runs, excelize.RichTextRun{Text: r.before})
	}
	runs = append(runs, excelize.RichTextRun{Text: span, Font: cw.fonts[r.tagIdx]})
	if r.after != "" {
		runs = append(runs, excelize.RichTextRun{Text: r.after})
	}
	return runs
}
