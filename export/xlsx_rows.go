package export

import (
	"context"

	"github.com/xuri/excelize/v2"

	"clipper/model"
)

// newAnnotationTable opens the stream of a sheet of annotation columns
// and writes its header.
func newAnnotationTable(f *excelize.File, sheet, table string, cols []col, st styles) (*sheetWriter, error) {
	spec := sheetSpec{sheet: sheet, table: table}
	for _, c := range cols {
		spec.headers = append(spec.headers, c.name())
		spec.widths = append(spec.widths, c.width())
		spec.styles = append(spec.styles, st.style(c.typ()))
	}
	return newSheetWriter(f, spec, st.header)
}

// writeSheets writes every sheet of the workbook. The four annotation
// sheets (Annotations with the rich-text context, and Quotes, Figures,
// Claims with the columns of their kind) get their header, columns, panes
// and table from excelize; their data rows are written later, straight
// into the compressed part, by the splicedSheet returned for each (see
// parallelZip). The rows of all four come from one read of the
// annotations (see rowFanout, which the caller closes), built one at a
// time, so that the workbook's memory does not grow with the project.
// Warnings of building the rows go to build, cuts of the Annotations
// sheet to cuts (cuts on the per-kind sheets repeat those and are not
// counted again), the small sheets' to small; the zip writer checks ctx
// for every chunk it compresses.
func writeSheets(ctx context.Context, f *excelize.File, ix *index, st styles, build, small, cuts *Report, progress func(done, total int)) (map[string]*splicedSheet, *rowFanout, error) {
	perKind := map[model.Kind]int{}
	for ti, t := range ix.d.Tags {
		perKind[t.Kind] += ix.tagTotals[ti]
	}
	colors := make([]string, len(ix.d.Tags))
	for i, t := range ix.d.Tags {
		colors[i] = spanColor(t.Color)
	}
	fan := &rowFanout{ctx: ctx, ix: ix, build: build, progress: progress}
	spliced := map[string]*splicedSheet{}
	add := func(sheet, table string, cols []col, rows int, sink *rowSink) error {
		t, err := newAnnotationTable(f, sheet, table, cols, st)
		if err != nil {
			return err
		}
		t.next = rows + 2
		if err := t.finish(); err != nil {
			return err
		}
		path, err := sheetPart(f, sheet)
		if err != nil {
			return err
		}
		sink.sheet, sink.rows, sink.cols = sheet, rows, cols
		sink.styles = make([]int, len(cols))
		for i, c := range cols {
			sink.styles[i] = st.style(c.typ())
		}
		spliced[path] = &splicedSheet{sheet: sheet, path: path, rows: rows, lastCol: t.lastCol, write: fan.add(sink)}
		return nil
	}
	// The Annotations sheet's context is rich text and its cuts are
	// counted; the kinds' sheets have a plain-text context.
	if err := add(SheetAnnotations, "tblAnnotations", annotationCols(), ix.live,
		&rowSink{all: true, cw: cellWriter{rep: cuts, colors: colors}}); err != nil {
		return nil, fan, err
	}
	for _, k := range []struct {
		kind         model.Kind
		sheet, table string
	}{
		{model.KindQuote, SheetQuotes, "tblQuotes"},
		{model.KindFigure, SheetFigures, "tblFigures"},
		{model.KindClaim, SheetClaims, "tblClaims"},
	} {
		if err := add(k.sheet, k.table, kindCols(k.kind), perKind[k.kind], &rowSink{kind: k.kind}); err != nil {
			return nil, fan, err
		}
	}
	if err := writeSmallSheets(ctx, f, ix, st, small); err != nil {
		return nil, fan, err
	}
	return spliced, fan, nil
}

// writeSmallSheets writes the sheets with
// a row per clipping or tag, and the Agreement sheet when there is one.
func writeSmallSheets(ctx context.Context, f *excelize.File, ix *index, st styles, rep *Report) error {
	if err := writeClippingsSheet(ctx, f, ix, st, rep); err != nil {
		return err
	}
	if err := writeCodebookSheet(f, ix, st, rep); err != nil {
		return err
	}
	if err := writeMatrixSheet(ctx, f, ix, st, rep); err != nil {
		return err
	}
	if hasAgreement(ix.d) {
		return writeAgreementSheet(f, ix.d.Agreement, st)
	}
	return nil
}

// cellWriter writes the cells of annotation rows, shortening what does
// not fit a cell.
type cellWriter struct {
	rep    *Report  // where cuts are counted and warned about; nil: nowhere
	colors []string // span colour ("FFRRGGBB" or "") per tag; nil: the context is plain text
}

// cut records that column c of r was shortened.
func (cw *cellWriter) cut(c col, r *row) {
	if cw.rep != nil {
		cw.rep.Truncated++
		cw.rep.warn("annotation %s: %s cut to %d characters", r.annotationID, c.name(), maxCellChars)
	}
}

// row starts the next row of x and writes the cells of columns cols for r,
// each with its column's style; empty values leave the cell out.
func (cw *cellWriter) row(x *rowXML, cols []col, styles []int, r *row) {
	x.startRow()
	for i, c := range cols {
		s := styles[i]
		switch c.typ() {
		case cellInt:
			if v := cellInt64(c, r); c != colParagraph || v != 0 {
				x.int(i, s, int64(v))
			}
		case cellFloat:
			if p := cellFloatPtr(c, r); p != nil {
				x.float(i, s, *p)
			}
		case cellDate:
			if v, ok := excelSerial(r.dateT); ok && r.hasDate {
				x.float(i, s, v)
			} else {
				cw.text(x, i, s, c, r, r.date)
			}
		case cellDateTime:
			t := r.created
			if c == colModified {
				t = r.modified
			}
			if v, ok := excelSerial(t); ok {
				x.float(i, s, v)
			} else {
				cw.text(x, i, s, c, r, isoTime(t))
			}
		case cellContext:
			if cw.colors == nil {
				cw.text(x, i, s, c, r, r.contextText())
			} else if r.hasContext {
				before, span, after := cw.context(r)
				x.rich(i, s, before, span, after, cw.colors[r.tagIdx])
			}
		default:
			cw.text(x, i, s, c, r, cellString(c, r))
		}
	}
}

// text writes a text cell cut to fit; an empty s leaves the cell out.
func (cw *cellWriter) text(x *rowXML, i, style int, c col, r *row, s string) {
	if s == "" {
		return
	}
	s, cut := fitCell(s)
	if cut {
		cw.cut(c, r)
	}
	x.text(i, style, s)
}

// context splits the context cell around the span, cutting an overlong
// span so the cell fits.
func (cw *cellWriter) context(r *row) (before, span, after string) {
	span = r.span
	if n := len(r.before) + len(span) + len(r.after); n > maxCellChars {
		room := maxCellChars - utf16Len(r.before) - utf16Len(r.after)
		if utf16Len(span) > room {
			span = cutUTF16(span, room-utf16Len(truncMarker)) + truncMarker
			cw.cut(colContext, r)
		}
	}
	return r.before, span, r.after
}
