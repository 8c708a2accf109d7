package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"clipper/model"
)

// writeCSV exports d and parses the result, checking the framing of the
// variant (BOM, line ends) on the way.
func writeCSV(t *testing.T, d *Dataset, raw bool) (string, [][]string) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WriteCSV(context.Background(), &buf, d, raw, nil)
	if err != nil {
		t.Fatalf("WriteCSV(raw=%v): %v", raw, err)
	}
	if rep.Annotations != len(d.Annotations) {
		t.Errorf("report counts %d annotations, want %d", rep.Annotations, len(d.Annotations))
	}
	out := buf.String()
	hasBOM := strings.HasPrefix(out, "\uFEFF")
	if hasBOM == raw {
		t.Errorf("raw=%v: BOM present = %v", raw, hasBOM)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	r.FieldsPerRecord = len(annotationCols())
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back CSV (raw=%v): %v\n%s", raw, err, out)
	}
	return out, recs
}

// field returns the named field of record i (1-based data rows).
func field(t *testing.T, recs [][]string, i int, name string) string {
	t.Helper()
	j := slices.Index(recs[0], name)
	if j < 0 {
		t.Fatalf("no column %q in %q", name, recs[0])
	}
	return recs[i][j]
}

func TestCSVExcelVariant(t *testing.T) {
	d := sampleDataset(t)
	out, recs := writeCSV(t, d, false)
	var names []string
	for _, c := range annotationCols() {
		names = append(names, c.name())
	}
	if !slices.Equal(recs[0], names) {
		t.Errorf("header = %q", recs[0])
	}
	if len(recs) != 7 {
		t.Fatalf("%d records, want header + 6", len(recs))
	}
	// Every record ends in CRLF and every field is quoted.
	body := strings.TrimPrefix(out, "\uFEFF")
	if !strings.HasPrefix(body, `"annotation_id","clipping_id",`) || !strings.HasSuffix(body, "\"\r\n") {
		t.Errorf("fields not quoted or no CRLF: %q … %q", body[:40], body[len(body)-20:])
	}
	if n := strings.Count(body, "\r\n"); n != 7 {
		t.Errorf("%d CRLF line ends, want 7 (line breaks inside notes stay LF)", n)
	}
	if !strings.Contains(body, `,"0","27","1",`) {
		t.Errorf("numbers should be quoted like every field: %q", strings.SplitN(body, "\r\n", 3)[1])
	}
	checks := []struct {
		row        int
		name, want string
	}{
		{1, "note", "He said \"maybe\",\nthen left;\tchecked twice\nok"},
		{1, "context", "Prices rose sharply in 2023."},
		{1, "created", "2024-03-02 10:30:00"},
		{2, "created", "2024-03-02 10:30:00"}, // CET input, UTC output
		{3, "value", "12.5"},
		{4, "exact", "'-5 degrees"},
		{4, "low", "-6"}, // numbers are never prefixed
		{4, "note", "'=HYPERLINK(\"http://evil\")"},
		{5, "exact", "'=SUM(A1)"},
		{5, "context", "'=SUM(A1) is not a formula here."},
		{5, "note", "'@mention ＝1+1"},
		{5, "paragraph", "3"},
		{6, "date", "2024-02-29"},
	}
	for _, c := range checks {
		if got := field(t, recs, c.row, c.name); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.name, got, c.want)
		}
	}
}

func TestCSVRawVariant(t *testing.T) {
	d := sampleDataset(t)
	out, recs := writeCSV(t, d, true)
	if strings.Contains(out, "\r") {
		t.Error("raw CSV holds a carriage return")
	}
	if !strings.HasPrefix(out, "annotation_id,clipping_id,publication,") {
		t.Errorf("raw header quoted: %q", out[:40])
	}
	checks := []struct {
		row        int
		name, want string
	}{
		{1, "created", "2024-03-02T10:30:00Z"},
		{1, "modified", "2024-03-02T11:30:00Z"},
		{4, "exact", "-5 degrees"},
		{4, "note", "=HYPERLINK(\"http://evil\")"},
		{5, "exact", "=SUM(A1)"},
		{1, "note", "He said \"maybe\",\nthen left;\tchecked twice\nok"},
		{4, "value", ""},
		{4, "high", "-4"},
	}
	for _, c := range checks {
		if got := field(t, recs, c.row, c.name); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.name, got, c.want)
		}
	}
	// Minimal quoting: a plain field is bare, one with a comma is quoted.
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, testID(kindAnn, 3)) {
			line = l
		}
	}
	if !strings.HasPrefix(line, testID(kindAnn, 3)+","+testID(kindClip, 1)+",The Daily Ledger,2024-03-01,") ||
		!strings.Contains(line, ",12.5 %,") {
		t.Errorf("plain fields should be bare: %q", line)
	}
	if !strings.Contains(out, `,"He said ""maybe"",`+"\n"+`then left;`) {
		t.Errorf("a field with a comma, quote or line break must be quoted:\n%s", out)
	}
}

// TestCSVFormulaInjection runs texts through both variants: the Excel one
// prefixes exactly the dangerous leads, the raw one never does.
func TestCSVFormulaInjection(t *testing.T) {
	tests := []struct {
		note   string
		prefix bool
	}{
		{"=1+1", true},
		{"+33 1 23", true},
		{"-minus", true},
		{"@SUM(A1)", true},
		{"\tleading tab", true},
		{"\nleading newline", true},
		{"\r\nleading CRLF", true}, // cleaned to "\n…", still dangerous
		{"＝1+1", true},
		{"＋1", true},
		{"－1", true},
		{"＠x", true},
		{"a=1", false},
		{" =1", false},
		{"1-2", false},
		{"'quoted", false},
		{"", false},
		{"€100", false},
	}
	for _, tt := range tests {
		t.Run(tt.note, func(t *testing.T) {
			d := sampleDataset(t)
			d.Annotations = d.Annotations[2:3] // the 12.5 % figure
			d.Annotations[0].Note = tt.note
			want := cleanText(tt.note)
			_, recs := writeCSV(t, d, false)
			got := field(t, recs, 1, "note")
			wantExcel := want
			if tt.prefix {
				wantExcel = "'" + want
			}
			if got != wantExcel {
				t.Errorf("Excel CSV note = %q, want %q", got, wantExcel)
			}
			if v := field(t, recs, 1, "value"); v != "12.5" {
				t.Errorf("numeric field changed to %q", v)
			}
			_, recs = writeCSV(t, d, true)
			if got := field(t, recs, 1, "note"); got != want {
				t.Errorf("raw CSV note = %q, want %q", got, want)
			}
		})
	}
}

func TestCSVNegativeNumbersNotPrefixed(t *testing.T) {
	d := sampleDataset(t)
	d.Annotations = d.Annotations[3:4]
	d.Annotations[0].Value = fp(-1.5e6)
	_, recs := writeCSV(t, d, false)
	for name, want := range map[string]string{"value": "-1500000", "low": "-6", "high": "-4"} {
		if got := field(t, recs, 1, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestCSVEmptyDataset(t *testing.T) {
	d := &Dataset{Tags: []model.Tag{{ID: testID(kindTag, 1), Name: "claim", Kind: model.KindClaim}}}
	_, recs := writeCSV(t, d, false)
	if len(recs) != 1 {
		t.Errorf("%d records, want the header only", len(recs))
	}
}

// TestAppendStamp checks the hand-written timestamp formatter against
// time.AppendFormat with the two layouts it stands for.
func TestAppendStamp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	times := []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-5, 3, 1, 1, 2, 3, 0, time.UTC),
		time.Date(2024, 2, 29, 12, 0, 7, 500, time.FixedZone("X", 3600))}
	for range 5000 {
		times = append(times, time.Unix(rng.Int64N(300e9)-62e9, rng.Int64N(1e9)).UTC())
	}
	for _, tm := range times {
		for _, rfc := range []bool{false, true} {
			layout := "2006-01-02 15:04:05"
			if rfc {
				layout = time.RFC3339
			}
			if got, want := string(appendStamp(nil, tm, rfc)), tm.Format(layout); got != want {
				t.Fatalf("appendStamp(%v, %v) = %q, want %q", tm, rfc, got, want)
			}
		}
	}
}
