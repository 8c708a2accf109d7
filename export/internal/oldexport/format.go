package oldexport

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Format names an export format.
type Format string

// The formats Write knows.
const (
	XLSX   Format = "xlsx"    // Excel workbook (Annotations, Quotes, Figures, Claims, Clippings, Codebook, Matrix, Agreement)
	CSV    Format = "csv"     // the Annotations sheet for spreadsheet apps: BOM, CRLF, all quoted, formula-safe
	CSVRaw Format = "csv-raw" // the same columns for scripts: no BOM, LF, minimal quoting, ISO timestamps
	JSON   Format = "json"    // W3C Web Annotation JSON-LD AnnotationCollection
	QDPX   Format = "qdpx"    // REFI-QDA project (ZIP with project.qde and sources)
	QDC    Format = "qdc"     // REFI-QDA codebook
)

// Formats lists every format in menu order.
func Formats() []Format { return []Format{XLSX, CSV, CSVRaw, JSON, QDPX, QDC} }

// ParseFormat reads a format name, ignoring case, surrounding space and a
// leading dot (".xlsx" works too).
func ParseFormat(s string) (Format, error) {
	f := Format(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "."))
	for _, g := range Formats() {
		if f == g {
			return g, nil
		}
	}
	names := make([]string, 0, 6)
	for _, g := range Formats() {
		names = append(names, string(g))
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Ext returns the file name extension for f, with its dot.
func (f Format) Ext() string {
	switch f {
	case CSV, CSVRaw:
		return ".csv"
	case JSON:
		return ".jsonld"
	default:
		return "." + string(f)
	}
}

// Write writes d to w in format f and reports what it wrote. progress, when
// not nil, is called now and then with the annotations done so far and their
// total, and once with (total, total) at the end; calls never overlap but
// may come from a goroutine the export starts (a GUI must hop to its own
// thread). A cancelled ctx stops the export with an error wrapping
// ctx.Err(); w may then hold a partial output (WriteFile never leaves one
// behind).
func Write(ctx context.Context, w io.Writer, f Format, d *Dataset, progress func(done, total int)) (Report, error) {
	switch f {
	case XLSX:
		return WriteXLSX(ctx, w, d, progress)
	case CSV:
		return WriteCSV(ctx, w, d, false, progress)
	case CSVRaw:
		return WriteCSV(ctx, w, d, true, progress)
	case JSON:
		return WriteWebAnnotation(ctx, w, d, progress)
	case QDPX:
		return WriteQDPX(ctx, w, d, progress)
	case QDC:
		return WriteQDC(ctx, w, d, progress)
	}
	return Report{}, fmt.Errorf("unknown export format %q (use ParseFormat to read a name)", string(f))
}
