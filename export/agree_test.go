package export

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"clipper/model"
	"clipper/model/agree"
)

// agreementBody is the 20-character clipping the coders compare.
const agreementBody = "abcdefghij klmnopqrs"

// agreementDataset has two clippings and the given coders; spans maps a
// coder number to its claim spans on the first clipping. The second
// clipping is annotated by coder 1 alone, so it is never compared.
//
// With coder 1 on [0,10) and coder 2 on [0,8): N = 20 characters, both 8,
// only 1 2, neither 10, so agreement = 18/20 = 90 %; chance agreement
// ΣEF = (10·8 + 10·12)/20 = 10, kappa = (18−10)/(20−10) = 0.8. The spans
// share 8 ≥ 10/2 characters: one overlap match, no exact one.
func agreementDataset(coders int, spans map[int][][2]int) *Dataset {
	d := &Dataset{ProjectName: "agree.clip", SchemaVersion: 3}
	for i, tag := range model.DefaultTags() {
		tag.ID = testID(kindTag, i+1)
		d.Tags = append(d.Tags, tag)
	}
	for i := range coders {
		d.Coders = append(d.Coders, model.Coder{ID: testID(kindCode, i+1), Name: "Coder " + strconv.Itoa(i+1)})
	}
	d.Clippings = []model.Clipping{
		clippingWithBody(testID(kindClip, 1), agreementBody),
		clippingWithBody(testID(kindClip, 2), "only one coder read this"),
	}
	n := 0
	add := func(clip, coder, start, end int) {
		n++
		body := d.Clippings[clip-1].Body
		d.Annotations = append(d.Annotations, model.Annotation{ID: testID(kindAnn, n), ClippingID: testID(kindClip, clip),
			TagID: d.Tags[0].ID, CoderID: testID(kindCode, coder), Start: start, End: end, Exact: body[start:end]})
	}
	for coder := 1; coder <= coders; coder++ {
		for _, s := range spans[coder] {
			add(1, coder, s[0], s[1])
		}
	}
	add(2, 1, 0, 4)
	return d
}

func TestAgreementFor(t *testing.T) {
	tests := []struct {
		name    string
		coders  int
		spans   map[int][][2]int
		wantErr error
		kappa   float64 // of coders 1 and 2 on "claim"
	}{
		{"two coders", 2, map[int][][2]int{1: {{0, 10}}, 2: {{0, 8}}}, nil, 0.8},
		{"perfect agreement", 2, map[int][][2]int{1: {{0, 10}}, 2: {{0, 10}}}, nil, 1},
		{"one coder", 1, map[int][][2]int{1: {{0, 10}}}, agree.ErrTooFewCoders, 0},
		{"no shared clipping", 2, map[int][][2]int{1: {{0, 10}}}, agree.ErrTooFewCoders, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := agreementDataset(tt.coders, tt.spans)
			rep, err := AgreementFor(context.Background(), d)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("AgreementFor: %v, want %v", err, tt.wantErr)
			}
			if attachErr := d.AttachAgreement(context.Background()); attachErr != nil {
				t.Fatalf("AttachAgreement: %v", attachErr)
			}
			if err != nil {
				if d.Agreement != nil {
					t.Errorf("Agreement set to %+v despite %v", d.Agreement, err)
				}
				return
			}
			if rep.Clippings != 1 || rep.Characters != 20 || !slices.Equal(rep.Coders, []string{"Coder 1", "Coder 2"}) ||
				!slices.Equal(rep.Tags, []string{"claim"}) {
				t.Errorf("compared %d clippings, %d characters, coders %q, tags %q; want the shared clipping only",
					rep.Clippings, rep.Characters, rep.Coders, rep.Tags)
			}
			if k := rep.Pairs[0].Kappa; k == nil || math.Abs(*k-tt.kappa) > 1e-12 {
				t.Errorf("kappa = %v, want %v", k, tt.kappa)
			}
			if d.Agreement == nil || len(d.Agreement.Pairs) != len(rep.Pairs) {
				t.Errorf("AttachAgreement left %+v", d.Agreement)
			}
		})
	}
}

// TestAgreementForLeavesOutBadSpans: a span beyond the text is not an error
// that stops the export; it is left out and said so.
func TestAgreementForLeavesOutBadSpans(t *testing.T) {
	d := agreementDataset(2, map[int][][2]int{1: {{0, 10}}, 2: {{0, 8}}})
	bad := d.Annotations[0]
	bad.ID, bad.Start, bad.End = testID(kindAnn, 99), 15, 40
	d.Annotations = append(d.Annotations, bad)
	rep, err := AgreementFor(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if k := rep.Pairs[0].Kappa; k == nil || math.Abs(*k-0.8) > 1e-12 {
		t.Errorf("kappa = %v, want 0.8 without the bad span", k)
	}
	if !slices.ContainsFunc(rep.Notes, func(n string) bool { return strings.Contains(n, "1 annotation(s) lie outside") }) {
		t.Errorf("notes %q do not mention the left-out annotation", rep.Notes)
	}
}

// agreementSheet writes d and returns the workbook and the Agreement
// sheet's rows.
func agreementSheet(t *testing.T, d *Dataset) (*excelize.File, [][]string) {
	t.Helper()
	if err := d.AttachAgreement(context.Background()); err != nil {
		t.Fatal(err)
	}
	f, _, _ := writeXLSX(t, d)
	if got := f.GetSheetList(); got[len(got)-1] != SheetAgreement {
		t.Fatalf("sheets %q: want Agreement last", got)
	}
	rows, err := f.GetRows(SheetAgreement)
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

func TestXLSXAgreementSheet(t *testing.T) {
	d := agreementDataset(2, map[int][][2]int{1: {{0, 10}}, 2: {{0, 8}}})
	f, rows := agreementSheet(t, d)
	head := rows[0]
	wantHead := []string{"coder_a", "coder_b", "tag", "percent_agreement", "kappa", "alpha_u", "spans_a", "spans_b",
		"exact_matched", "exact_precision", "exact_recall", "exact_f1",
		"overlap_matched", "overlap_precision", "overlap_recall", "overlap_f1",
		"chars_both", "chars_only_a", "chars_only_b", "chars_neither", "characters"}
	if !slices.Equal(head, wantHead) {
		t.Fatalf("header %q\nwant   %q", head, wantHead)
	}
	raw := func(header string, row int) string {
		t.Helper()
		name, _ := excelize.ColumnNumberToName(slices.Index(head, header) + 1)
		v, err := f.GetCellValue(SheetAgreement, name+strconv.Itoa(row), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if ct, _ := f.GetCellType(SheetAgreement, name+strconv.Itoa(row)); v != "" && header != "coder_a" &&
			header != "coder_b" && header != "tag" && ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
			t.Errorf("%s row %d stored as %v, want a number", header, row, ct)
		}
		return v
	}
	for _, row := range []int{2, 3} { // claim, then all tags pooled (one tag: the same figures)
		want := map[string]string{
			"coder_a": "Coder 1", "coder_b": "Coder 2", "percent_agreement": "90", "kappa": "0.8",
			"spans_a": "1", "spans_b": "1", "exact_matched": "0", "exact_f1": "0", "overlap_matched": "1",
			"overlap_precision": "1", "overlap_recall": "1", "overlap_f1": "1",
			"chars_both": "8", "chars_only_a": "2", "chars_only_b": "0", "chars_neither": "10", "characters": "20",
		}
		want["tag"] = map[int]string{2: "claim", 3: allTagsLabel}[row]
		for h, w := range want {
			if got := raw(h, row); got != w {
				t.Errorf("row %d %s = %q, want %q", row, h, got, w)
			}
		}
	}
	if got := raw("alpha_u", 2); got == "" {
		t.Error("alpha_u is empty, want a number")
	}
	tables, err := f.GetTables(SheetAgreement)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:U3" {
		t.Errorf("tables %+v, %v; want one over A1:U3 (header and two rows)", tables, err)
	}
	if panes, err := f.GetPanes(SheetAgreement); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v; want the header frozen", panes, err)
	}
	if len(rows) < 5 || !strings.Contains(rows[4][0], "kappa") {
		t.Errorf("row 5 = %q, want the note on the formulas", rows[4])
	}
	for _, r := range rows {
		if len(r) > 0 && strings.Contains(r[0], "kappa —") {
			t.Errorf("two coders, yet a matrix block %q", r[0])
		}
	}
}

func TestXLSXAgreementMatrices(t *testing.T) {
	// Coder 3 codes what coder 1 does: kappa 1 with coder 1, 0.8 with coder 2.
	d := agreementDataset(3, map[int][][2]int{1: {{0, 10}}, 2: {{0, 8}}, 3: {{0, 10}}})
	_, rows := agreementSheet(t, d)
	if got := len(rows[0]); got != 21 {
		t.Fatalf("header has %d columns", got)
	}
	pairs := 0
	for _, r := range rows[1:] {
		if len(r) > 2 && strings.HasPrefix(r[0], "Coder ") && strings.HasPrefix(r[1], "Coder ") {
			pairs++
		}
	}
	if pairs != 6 { // 3 pairs × (claim, all tags)
		t.Errorf("%d pair rows, want 6", pairs)
	}
	at := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "kappa — claim" })
	if at < 0 || at+4 >= len(rows) {
		t.Fatalf("no kappa matrix for claim in %q", rows)
	}
	want := [][]string{
		{"coder", "Coder 1", "Coder 2", "Coder 3"},
		{"Coder 1", "", "0.800", "1.000"},
		{"Coder 2", "0.800", "", "0.800"},
		{"Coder 3", "1.000", "0.800"},
	}
	for i, w := range want {
		if got := rows[at+1+i]; !slices.Equal(got, w) {
			t.Errorf("matrix row %d = %q, want %q", i, got, w)
		}
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "alpha_u across all coders" }) {
		t.Error("no alpha_u across all coders")
	}
}

func TestSelectKeepsAgreement(t *testing.T) {
	d := agreementDataset(2, map[int][][2]int{1: {{0, 10}}, 2: {{0, 8}}})
	if err := d.AttachAgreement(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := d.Select(Filter{Coder: "Coder 1"}).Agreement; got != d.Agreement {
		t.Errorf("Select dropped or replaced the agreement report: %p vs %p", got, d.Agreement)
	}
}
