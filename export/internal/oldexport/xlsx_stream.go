package oldexport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// sheetWriter streams one worksheet holding a single table: header row,
// frozen, with filter buttons. Its columns are set up before the first row,
// as excelize's stream mode requires.
type sheetWriter struct {
	sw      *excelize.StreamWriter
	table   string // table name, unique in the workbook
	lastCol string // column letter of the last column
	next    int    // next row number
	end     int    // last row of the table; 0: the last row written
	vals    []any  // reused row buffer
}

// sheetSpec describes a table sheet: header names (unique ignoring case),
// widths and column styles (0 for none), one per column.
type sheetSpec struct {
	sheet, table string
	headers      []string
	widths       []float64
	styles       []int
}

// col adds a column: its header, width and style (0 for none).
func (s *sheetSpec) col(header string, width float64, style int) {
	s.headers = append(s.headers, header)
	s.widths = append(s.widths, width)
	s.styles = append(s.styles, style)
}

// newSheetWriter opens a stream on an existing sheet, sizes and styles the
// columns, freezes the header and writes it.
func newSheetWriter(f *excelize.File, spec sheetSpec, headerStyle int) (*sheetWriter, error) {
	sw, err := f.NewStreamWriter(spec.sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", spec.sheet, err)
	}
	n := len(spec.headers)
	// excelize v2.11.1 moves the column it touches to the front of <cols>
	// and Excel wants them ascending: size and style each column, from the
	// last to the first.
	for i := n - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, spec.widths[i]); err != nil {
			return nil, fmt.Errorf("sheet %s: width of column %d: %w", spec.sheet, i+1, err)
		}
		if spec.styles[i] != 0 {
			if err := sw.SetColStyle(i+1, i+1, spec.styles[i]); err != nil {
				return nil, fmt.Errorf("sheet %s: style of column %d: %w", spec.sheet, i+1, err)
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("sheet %s: freeze header: %w", spec.sheet, err)
	}
	last, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", spec.sheet, err)
	}
	s := &sheetWriter{sw: sw, table: spec.table, lastCol: last, next: 1, vals: make([]any, n)}
	for i, h := range spec.headers {
		s.vals[i] = excelize.Cell{StyleID: headerStyle, Value: h}
	}
	if err := s.row(); err != nil {
		return nil, fmt.Errorf("sheet %s: header: %w", spec.sheet, err)
	}
	return s, nil
}

// row writes s.vals as the next row and clears them.
func (s *sheetWriter) row() error {
	err := s.sw.SetRow("A"+strconv.Itoa(s.next), s.vals)
	clear(s.vals)
	s.next++
	return err
}

// rowOf writes vals, of any length, as the next row.
func (s *sheetWriter) rowOf(vals []any) error {
	err := s.sw.SetRow("A"+strconv.Itoa(s.next), vals)
	s.next++
	return err
}

// skip leaves the next row empty.
func (s *sheetWriter) skip() { s.next++ }

// endTable ends the table at the last row written; later rows lie below it.
func (s *sheetWriter) endTable() { s.end = s.next - 1 }

// finish adds the table over the header and the rows written (up to
// endTable, if called) and flushes the sheet.
func (s *sheetWriter) finish() error {
	lastRow := s.next - 1
	if s.end > 0 {
		lastRow = s.end
	}
	lastRow = max(lastRow, 2) // a table needs a data row, even an empty one
	err := s.sw.AddTable(&excelize.Table{
		Range:     "A1:" + s.lastCol + strconv.Itoa(lastRow),
		Name:      s.table,
		StyleName: "TableStyleLight9",
	})
	if err != nil {
		return fmt.Errorf("sheet %s: table: %w", s.sw.Sheet, err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: flush: %w", s.sw.Sheet, err)
	}
	return nil
}

// styles are the cell styles of a workbook.
type styles struct {
	header, text, date, dateTime int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	if st.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "#7F7F7F", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return st, fmt.Errorf("header style: %w", err)
	}
	if st.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // "@": edits stay text
		return st, fmt.Errorf("text style: %w", err)
	}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return st, fmt.Errorf("date style: %w", err)
	}
	if st.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFmt}); err != nil {
		return st, fmt.Errorf("timestamp style: %w", err)
	}
	return st, nil
}

// style returns the column style for a cell type.
func (st styles) style(t cellType) int {
	switch t {
	case cellText, cellFreeText, cellContext:
		return st.text
	case cellDate:
		return st.date
	case cellDateTime:
		return st.dateTime
	}
	return 0
}

// setProperties records provenance: title, creator, a description naming
// the project file and schema version, and custom properties for both.
func setProperties(f *excelize.File, d *Dataset, now time.Time) error {
	project := d.ProjectName
	if project == "" {
		project = "unsaved project"
	}
	stamp := now.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "Clipper annotations: " + project,
		Subject:        "Annotated news clippings",
		Creator:        d.Creator,
		LastModifiedBy: d.Creator,
		Description: fmt.Sprintf("Exported by Clipper from the project file %s (schema version %d).",
			project, d.SchemaVersion),
		Keywords: "Clipper; annotations; claims; quotes; figures",
		Created:  stamp,
		Modified: stamp,
	}); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	for _, p := range []excelize.CustomProperty{
		{Name: "ClipperSchemaVersion", Value: int32(d.SchemaVersion)},
		{Name: "ClipperSource", Value: project},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return fmt.Errorf("custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

// uniqueHeaders makes names unique ignoring case (Excel tables require it)
// by appending _2, _3… to later duplicates; empty names become "column".
func uniqueHeaders(names []string) []string {
	seen := make(map[string]bool, len(names))
	out := make([]string, len(names))
	for i, n := range names {
		n = strings.TrimSpace(cleanLine(n))
		if n == "" {
			n = "column"
		}
		cand := n
		for k := 2; seen[strings.ToLower(cand)]; k++ {
			cand = n + "_" + strconv.Itoa(k)
		}
		seen[strings.ToLower(cand)] = true
		out[i] = cand
	}
	return out
}

// hexColor reports whether s is a "#RRGGBB" colour.
func hexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
