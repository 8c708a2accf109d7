package export

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
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
	SheetAgreement   = "Agreement" // only when the Dataset carries an agreement report
)

// WriteXLSX writes d as an Excel workbook built with excelize's
// StreamWriter (the annotation sheets' data rows excepted). Sheets:
//   - Annotations: one row per annotation (long format), the context as rich
//     text with the span in bold and the tag's colour;
//   - Quotes, Figures, Claims: the same rows by kind with the columns that
//     matter for it (context as plain text);
//   - Clippings: metadata, length in words and annotation counts, in total
//     and per tag (columns n_<tag>);
//   - Codebook: tags with their colour (the cell filled with it) and counts;
//   - Matrix: clippings × tags, counts (n_<tag>) then 0/1 presence (has_<tag>);
//   - Agreement, only when d.Agreement holds coder pairs: agreement between
//     coders per pair and tag (see writeAgreementSheet).
//
// Every sheet has a styled, frozen header and a table with filter buttons
// (header names made unique ignoring case); dates are Excel dates,
// timestamps in UTC, numbers are numbers. Texts longer than a cell holds are
// cut with "… [truncated]" and counted in the Report; control characters
// are removed. Document properties name the project file and its schema
// version (custom properties ClipperSchemaVersion and ClipperSource).
//
// The four annotation sheets hold most of the cells: excelize writes their
// header, columns, panes and table, and their rows are written by Clipper
// straight into the compressed package (see splicedSheet), each built from
// the annotation as it is read — in one read of the annotations for all
// four, the rows of the sheets written later spooled to temporary files
// (see rowFanout). The package is compressed on one
// goroutine per core and w receives it as it is compressed, never held
// whole in memory: the workbook's memory does not grow with the project.
func WriteXLSX(ctx context.Context, w io.Writer, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(ctx, d)
	if err != nil {
		return rep, err
	}
	defer ix.close()
	d = ix.d
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // removes excelize's temporary files; nothing to report
	var zw *parallelZip
	defer func() {
		if zw != nil {
			zw.abort()
		}
	}()
	// excelize offers a bytes.Buffer meant to hold the whole package; the
	// archive goes straight to w instead (see the check after f.Write).
	var spliced map[string]*splicedSheet // set before f.Write calls this
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw = newParallelZip(ctx, w, 0)
		zw.splice = spliced
		return zw
	})
	st, err := newStyles(f)
	if err != nil {
		return rep, err
	}
	if err := setProperties(f, d, ix.now()); err != nil {
		return rep, err
	}
	if err := f.SetSheetName("Sheet1", SheetAnnotations); err != nil {
		return rep, fmt.Errorf("name first sheet: %w", err)
	}
	names := []string{SheetQuotes, SheetFigures, SheetClaims, SheetClippings, SheetCodebook, SheetMatrix}
	if hasAgreement(d) {
		names = append(names, SheetAgreement)
	}
	for _, name := range names {
		if _, err := f.NewSheet(name); err != nil {
			return rep, fmt.Errorf("add sheet %s: %w", name, err)
		}
	}

	var build, small, cuts Report
	var fan *rowFanout
	spliced, fan, err = writeSheets(ctx, f, ix, st, &build, &small, &cuts, progress)
	defer func() { _ = fan.close() }() // temporary files; nothing to report
	if err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("export cancelled: %w", err)
	}
	// Everything excelize writes goes through zw; anything it wrote to the
	// writer given to Write would land after the archive and spoil it.
	var stray byteCounter
	if err := f.Write(&stray); err != nil {
		return rep, fmt.Errorf("write workbook: %w", err)
	}
	if stray.n != 0 {
		return rep, fmt.Errorf("write workbook: excelize wrote %d bytes outside its zip writer", stray.n)
	}
	if err := checkSpliced(spliced); err != nil {
		return rep, fmt.Errorf("write workbook: %w", err)
	}
	// The warnings in the order the rows, the small sheets and the cuts
	// of the rows' cells were met in before the rows were streamed.
	rep.absorb(build)
	rep.absorb(small)
	rep.absorb(cuts)
	rep.Annotations = ix.live
	rep.Clippings = ix.clippings
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}

// byteCounter counts the bytes written to it and drops them.
type byteCounter struct{ n int64 }

func (c *byteCounter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// serialCell is the cell value of an Excel serial: a whole number of days
// (a date) as an integer, which excelize writes faster than a float, with
// the same digits.
func serialCell(v float64) any {
	if days := int64(v); float64(days) == v {
		return days
	}
	return v
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
