package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeXLSX exports d and opens the result with excelize.
func writeXLSX(t *testing.T, d *Dataset) (*excelize.File, []byte, Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WriteXLSX(context.Background(), &buf, d, nil)
	if err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, buf.Bytes(), rep
}

// cellsByHeader reads a sheet into maps from header to cell reference.
func headerIndex(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: rows %v, %v", sheet, len(rows), err)
	}
	cols := map[string]string{}
	for i, h := range rows[0] {
		name, _ := excelize.ColumnNumberToName(i + 1)
		cols[h] = name
	}
	return cols
}

func TestXLSXSheetsAndHeaders(t *testing.T) {
	d := sampleDataset(t)
	f, _, rep := writeXLSX(t, d)
	if got, want := f.GetSheetList(), []string{"Annotations", "Quotes", "Figures", "Claims", "Clippings", "Codebook", "Matrix"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if rep.Annotations != 6 || rep.Clippings != 3 || rep.Truncated != 0 {
		t.Errorf("report = %+v, want 6 annotations, 3 clippings, nothing truncated", rep)
	}
	tests := []struct {
		sheet   string
		headers []string
		rows    int // data rows
	}{
		{"Annotations", []string{"annotation_id", "clipping_id", "publication", "date", "headline", "tag", "kind",
			"exact", "context", "start", "end", "paragraph", "speaker", "claimant", "status", "value", "low", "high",
			"comparator", "unit", "note", "coder", "created", "modified"}, 6},
		{"Quotes", []string{"annotation_id", "clipping_id", "publication", "date", "headline", "tag", "speaker", "exact",
			"context", "paragraph", "note", "coder"}, 1},
		{"Figures", []string{"annotation_id", "clipping_id", "publication", "date", "headline", "tag", "exact",
			"comparator", "value", "low", "high", "unit", "context", "paragraph", "note", "coder"}, 2},
		{"Claims", []string{"annotation_id", "clipping_id", "publication", "date", "headline", "tag", "exact",
			"claimant", "status", "context", "paragraph", "note", "coder"}, 2},
		{"Clippings", []string{"clipping_id", "publication", "date", "headline", "deck", "authors", "credit", "dateline",
			"url", "section", "page", "language", "source_id", "source", "words", "annotations",
			"n_claim", "n_quote", "n_figure", "n_follow-up"}, 3},
		{"Codebook", []string{"colour", "name", "kind", "description", "shortcut", "count"}, 4},
		{"Matrix", []string{"clipping_id", "publication", "date", "headline", "n_claim", "n_quote", "n_figure",
			"n_follow-up", "has_claim", "has_quote", "has_figure", "has_follow-up"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rows[0], tt.headers) {
				t.Errorf("headers = %q\nwant      %q", rows[0], tt.headers)
			}
			if got := len(rows) - 1; got != tt.rows {
				t.Errorf("%d data rows, want %d", got, tt.rows)
			}
			// Header styled and frozen.
			style, err := f.GetCellStyle(tt.sheet, "A1")
			if err != nil {
				t.Fatal(err)
			}
			s, err := f.GetStyle(style)
			if err != nil || s.Font == nil || !s.Font.Bold {
				t.Errorf("header style %+v (%v): want bold", s, err)
			}
			panes, err := f.GetPanes(tt.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes = %+v, %v; want header frozen", panes, err)
			}
			// One table with filter buttons over header and rows.
			tables, err := f.GetTables(tt.sheet)
			if err != nil || len(tables) != 1 {
				t.Fatalf("tables = %+v, %v; want one", tables, err)
			}
			last, _ := excelize.ColumnNumberToName(len(tt.headers))
			wantRange := "A1:" + last + strconv.Itoa(max(tt.rows+1, 2))
			if tables[0].Range != wantRange || tables[0].Name != "tbl"+tt.sheet {
				t.Errorf("table %s over %s, want tbl%s over %s", tables[0].Name, tables[0].Range, tt.sheet, wantRange)
			}
		})
	}
}

func TestXLSXAnnotationValues(t *testing.T) {
	d := sampleDataset(t)
	f, _, _ := writeXLSX(t, d)
	col := headerIndex(t, f, "Annotations")
	get := func(header string, row int) string {
		t.Helper()
		v, err := f.GetCellValue("Annotations", col[header]+strconv.Itoa(row))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	typ := func(header string, row int) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType("Annotations", col[header]+strconv.Itoa(row))
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	// Row 2 is the claim, row 5 the range figure (order of the dataset).
	checks := []struct {
		header string
		row    int
		want   string
	}{
		{"annotation_id", 2, testID(kindAnn, 1)},
		{"publication", 2, "The Daily Ledger"},
		{"date", 2, "2024-03-01"},
		{"headline", 2, "Énergie: bills climb 🔥 “again”"},
		{"tag", 2, "claim"},
		{"kind", 2, "claim"},
		{"exact", 2, "Prices rose sharply in 2023"},
		{"context", 2, "Prices rose sharply in 2023."},
		{"start", 2, "0"},
		{"end", 2, "27"},
		{"paragraph", 2, "1"},
		{"claimant", 2, "the ministry"},
		{"status", 2, "true"},
		{"note", 2, "He said \"maybe\",\nthen left;\tchecked twice\nok"},
		{"coder", 2, "Ana Lima"},
		{"created", 2, "2024-03-02 10:30:00"},
		{"modified", 2, "2024-03-02 11:30:00"},
		{"created", 3, "2024-03-02 10:30:00"}, // given in CET, written in UTC
		{"speaker", 3, "The minister"},
		{"context", 3, "The minister said “we will act now” on Tuesday."},
		{"paragraph", 4, "2"},
		{"value", 4, "12.5"},
		{"exact", 4, "12.5 %"},
		{"context", 4, "Électricité costs went up by 12.5 % 🔥 according to the regulator."},
		{"exact", 5, "-5 degrees"}, // no ' prefix in xlsx: strings are never formulas there
		{"low", 5, "-6"},
		{"high", 5, "-4"},
		{"value", 5, ""},
		{"comparator", 5, "range"},
		{"paragraph", 5, "3"},
		{"note", 5, "=HYPERLINK(\"http://evil\")"},
		{"exact", 6, "=SUM(A1)"},
		{"tag", 6, "follow-up"},
		{"date", 7, "2024-02-29"},
		{"context", 7, "Le déficit atteint 5,1 %."},
	}
	for _, c := range checks {
		if got := get(c.header, c.row); got != c.want {
			t.Errorf("%s row %d = %q, want %q", c.header, c.row, got, c.want)
		}
	}
	for _, h := range []string{"start", "end", "paragraph", "value", "date", "created", "modified"} {
		if ct := typ(h, 4); ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
			t.Errorf("%s is stored as %v, want a number", h, ct)
		}
	}
	if ct := typ("exact", 5); ct != excelize.CellTypeInlineString {
		t.Errorf("exact stored as %v, want an inline string", ct)
	}
	// Numbers are numbers and dates are date serials carrying a date format.
	raw, err := f.GetCellValue("Annotations", col["value"]+"4", excelize.Options{RawCellValue: true})
	if err != nil || raw != "12.5" {
		t.Errorf("raw value = %q, %v", raw, err)
	}
	for _, dc := range []struct{ header, raw, format string }{
		{"date", "45352", "yyyy-mm-dd"},
		{"created", "45353.4375", "yyyy-mm-dd hh:mm:ss"},
	} {
		cell := col[dc.header] + "2"
		raw, err := f.GetCellValue("Annotations", cell, excelize.Options{RawCellValue: true})
		if err != nil || raw != dc.raw {
			t.Errorf("%s raw = %q, %v; want serial %s", dc.header, raw, err, dc.raw)
		}
		id, err := f.GetCellStyle("Annotations", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != dc.format {
			t.Errorf("%s style %+v (%v), want number format %s", dc.header, st, err, dc.format)
		}
	}
}

func TestXLSXRichContext(t *testing.T) {
	d := sampleDataset(t)
	f, _, _ := writeXLSX(t, d)
	col := headerIndex(t, f, "Annotations")
	tests := []struct {
		row                 int
		before, span, after string
		color               string
	}{
		{3, "The minister said “", "we will act now", "” on Tuesday.", "4A90D9"},
		{4, "Électricité costs went up by ", "12.5 %", " 🔥 according to the regulator.", "3FA66B"},
		{2, "", "Prices rose sharply in 2023", ".", "E8A33D"},
	}
	for _, tt := range tests {
		runs, err := f.GetCellRichText("Annotations", col["context"]+strconv.Itoa(tt.row))
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		var emph *excelize.RichTextRun
		for i := range runs {
			texts = append(texts, runs[i].Text)
			if runs[i].Font != nil && runs[i].Font.Bold {
				if emph != nil {
					t.Errorf("row %d: more than one emphasised run", tt.row)
				}
				emph = &runs[i]
			}
		}
		want := []string{tt.before, tt.span, tt.after}
		if tt.before == "" {
			want = want[1:]
		}
		if !slices.Equal(texts, want) {
			t.Errorf("row %d runs = %q, want %q", tt.row, texts, want)
		}
		if emph == nil || emph.Text != tt.span {
			t.Errorf("row %d: emphasised run = %+v, want %q in bold", tt.row, emph, tt.span)
			continue
		}
		if !strings.HasSuffix(strings.ToUpper(emph.Font.Color), tt.color) {
			t.Errorf("row %d: span colour %q, want the tag's %s", tt.row, emph.Font.Color, tt.color)
		}
	}
	// The per-kind sheets carry the context as plain text.
	qc := headerIndex(t, f, "Quotes")
	if v, err := f.GetCellValue("Quotes", qc["context"]+"2"); err != nil || v != "The minister said “we will act now” on Tuesday." {
		t.Errorf("Quotes context = %q, %v", v, err)
	}
}

func TestXLSXFiguresSortable(t *testing.T) {
	d := sampleDataset(t)
	f, _, _ := writeXLSX(t, d)
	col := headerIndex(t, f, "Figures")
	for _, cell := range []string{col["value"] + "2", col["low"] + "3", col["high"] + "3", col["paragraph"] + "2"} {
		raw, err := f.GetCellValue("Figures", cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			t.Errorf("Figures %s = %q, want a number", cell, raw)
		}
		if ct, _ := f.GetCellType("Figures", cell); ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
			t.Errorf("Figures %s stored as %v, want a number", cell, ct)
		}
	}
	if v, _ := f.GetCellValue("Figures", col["unit"]+"3"); v != "°C" {
		t.Errorf("unit = %q", v)
	}
}

func TestXLSXClippingsCodebookMatrix(t *testing.T) {
	d := sampleDataset(t)
	f, _, _ := writeXLSX(t, d)
	rows, err := f.GetRows("Clippings")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{testID(kindClip, 1), "The Daily Ledger", "2024-03-01", "Énergie: bills climb 🔥 “again”", "A deck",
			"Anne Dupré; Jo Smith", "Staff", "PARIS", "https://example.org/energy", "Economy", "A4", "en",
			"LN-4711", "ledger-2024-03-01.txt", strconv.Itoa(wordCount(body1)), "5", "1", "1", "2", "1"},
		{testID(kindClip, 2), "Note", "", "", "", "", "", "", "", "", "", "", "", "", "10", "0", "0", "0", "0", "0"},
		{testID(kindClip, 3), "Le Quotidien", "2024-02-29", "La ministre tient bon", "", "", "", "", "", "", "", "", "", "",
			"15", "1", "1", "0", "0", "0"},
	}
	for i, w := range want {
		if got := rows[i+1]; !slices.Equal(got, w) {
			t.Errorf("Clippings row %d = %q\nwant %q", i+2, got, w)
		}
	}

	rows, err = f.GetRows("Codebook")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1], []string{"#E8A33D", "claim", "claim", model0Desc(d), "1", "2"}; !slices.Equal(got, want) {
		t.Errorf("Codebook row 2 = %q, want %q", got, want)
	}
	if got := rows[4]; got[1] != "follow-up" || got[3] != "Check later, \"soon\" & carefully" || got[5] != "1" {
		t.Errorf("Codebook row 5 = %q", got)
	}
	for i, colour := range []string{"#E8A33D", "#4A90D9", "#3FA66B", "#6A1B9A"} {
		id, err := f.GetCellStyle("Codebook", "A"+strconv.Itoa(i+2))
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || len(st.Fill.Color) == 0 || !strings.EqualFold(strings.TrimPrefix(st.Fill.Color[0], "#"), colour[1:]) {
			t.Errorf("colour cell %d fill = %+v (%v), want %s", i+2, st.Fill, err, colour)
		}
	}

	rows, err = f.GetRows("Matrix")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1][4:], []string{"1", "1", "2", "1", "1", "1", "1", "1"}; !slices.Equal(got, want) {
		t.Errorf("Matrix clipping 1 = %q, want %q", got, want)
	}
	if got, want := rows[2][4:], []string{"0", "0", "0", "0", "0", "0", "0", "0"}; !slices.Equal(got, want) {
		t.Errorf("Matrix clipping 2 = %q, want %q", got, want)
	}
	if got, want := rows[3][4:], []string{"1", "0", "0", "0", "1", "0", "0", "0"}; !slices.Equal(got, want) {
		t.Errorf("Matrix clipping 3 = %q, want %q", got, want)
	}
	if ct, _ := f.GetCellType("Matrix", "G2"); ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
		t.Errorf("Matrix counts stored as %v, want numbers", ct)
	}
}

// model0Desc is the description of the first default tag.
func model0Desc(d *Dataset) string { return d.Tags[0].Description }

func TestXLSXProperties(t *testing.T) {
	d := sampleDataset(t)
	f, _, _ := writeXLSX(t, d)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Clipper annotations: energy.clip" || p.Creator != "Ana Lima" {
		t.Errorf("title %q, creator %q", p.Title, p.Creator)
	}
	if !strings.Contains(p.Description, d.ProjectName) || !strings.Contains(p.Description, "schema version 3") {
		t.Errorf("description %q should name the project file and schema version", p.Description)
	}
	custom, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, c := range custom {
		got[c.Name] = c.Value
	}
	if got["ClipperSchemaVersion"] != int32(3) || got["ClipperSource"] != d.ProjectName {
		t.Errorf("custom properties = %v", got)
	}
}

// TestXLSXColumnsAscending checks the <col> elements excelize writes in
// stream mode come out in ascending order, as Excel requires.
func TestXLSXColumnsAscending(t *testing.T) {
	_, data, _ := writeXLSX(t, sampleDataset(t))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		var mins []int
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", zf.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "col" {
				for _, a := range se.Attr {
					if a.Name.Local == "min" {
						n, _ := strconv.Atoi(a.Value)
						mins = append(mins, n)
					}
				}
			}
		}
		_ = rc.Close()
		if len(mins) == 0 || !slices.IsSorted(mins) {
			t.Errorf("%s: col elements at %v, want ascending", zf.Name, mins)
		}
	}
	if sheets != 7 {
		t.Errorf("%d worksheets in the package, want 7", sheets)
	}
}

func TestXLSXTruncation(t *testing.T) {
	d := sampleDataset(t)
	// A note of 40,000 characters with astral emoji (two UTF-16 units each).
	long := strings.Repeat("a🔥", 20000)
	d.Annotations[0].Note = long
	// A clipping whose single annotation covers a span longer than a cell.
	bigBody := strings.Repeat("word ", 8000) + "end."
	d.Clippings = append(d.Clippings, clippingWithBody(testID(kindClip, 9), bigBody))
	d.Annotations = append(d.Annotations, annotationOver(d, testID(kindAnn, 9), testID(kindClip, 9), bigBody))
	f, _, rep := writeXLSX(t, d)
	if rep.Truncated != 3 {
		t.Errorf("Truncated = %d, want 3 (note, exact, context); warnings %q", rep.Truncated, rep.Warnings)
	}
	col := headerIndex(t, f, "Annotations")
	note, err := f.GetCellValue("Annotations", col["note"]+"2")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf16Len(note); n > maxCellChars || n < maxCellChars-1 {
		t.Errorf("note holds %d UTF-16 units, want just under %d", n, maxCellChars)
	}
	if !strings.HasSuffix(note, truncMarker) || !strings.HasPrefix(note, "a🔥a🔥") {
		t.Errorf("note not cut with the marker: …%q", note[len(note)-30:])
	}
	last := strconv.Itoa(len(d.Annotations) + 1)
	exact, _ := f.GetCellValue("Annotations", col["exact"]+last)
	if !strings.HasSuffix(exact, truncMarker) || utf16Len(exact) > maxCellChars {
		t.Errorf("long exact not truncated: %d units", utf16Len(exact))
	}
	runs, err := f.GetCellRichText("Annotations", col["context"]+last)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, r := range runs {
		total += utf16Len(r.Text)
	}
	if total > maxCellChars || !strings.Contains(runs[0].Text, truncMarker) {
		t.Errorf("context holds %d units in %d runs, want ≤ %d with the marker", total, len(runs), maxCellChars)
	}
	found := false
	for _, w := range rep.Warnings {
		if strings.Contains(w, testID(kindAnn, 1)) && strings.Contains(w, "note") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning names the truncated note: %q", rep.Warnings)
	}
}
