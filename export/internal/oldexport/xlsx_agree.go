package oldexport

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"clipper/model/agree"
)

// allTagsLabel stands for agree.AllTags in the workbook.
const allTagsLabel = "(all tags)"

// agreementNote explains the columns of the Agreement sheet in one row.
const agreementNote = "percent_agreement and kappa count characters (Cohen's kappa as NVivo computes it); " +
	"alpha_u is Krippendorff's unitizing alpha; precision, recall and F1 score coder_b's spans against coder_a's, " +
	"exact = same start and end, overlap = sharing at least half of the longer span; chars_* count characters " +
	"coded by both, only one or neither coder. " + allTagsLabel + " pools every tag. An empty cell is undefined."

// writeAgreementSheet writes the Agreement sheet: a table with a row per
// coder pair and tag (numbers as numbers, undefined figures empty), a note
// on the formulas and the report's own notes below it, then, with more than
// two coders, Krippendorff's alpha_u across all coders per tag and a
// coder × coder matrix per tag and figure.
func writeAgreementSheet(f *excelize.File, rep *agree.Report, st styles) error {
	pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptrTo("0.0")})
	if err != nil {
		return fmt.Errorf("sheet %s: percent style: %w", SheetAgreement, err)
	}
	ratio, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptrTo("0.000")})
	if err != nil {
		return fmt.Errorf("sheet %s: ratio style: %w", SheetAgreement, err)
	}
	spec := sheetSpec{sheet: SheetAgreement, table: "tblAgreement"}
	spec.col("coder_a", 16, st.text)
	spec.col("coder_b", 16, st.text)
	spec.col("tag", 14, st.text)
	spec.col("percent_agreement", 12, pct)
	spec.col("kappa", 9, ratio)
	spec.col("alpha_u", 9, ratio)
	spec.col("spans_a", 9, 0)
	spec.col("spans_b", 9, 0)
	for _, rule := range []string{"exact", "overlap"} {
		spec.col(rule+"_matched", 10, 0)
		spec.col(rule+"_precision", 10, ratio)
		spec.col(rule+"_recall", 10, ratio)
		spec.col(rule+"_f1", 10, ratio)
	}
	spec.col("chars_both", 11, 0)
	spec.col("chars_only_a", 11, 0)
	spec.col("chars_only_b", 11, 0)
	spec.col("chars_neither", 11, 0)
	spec.col("characters", 11, 0)
	sw, err := newSheetWriter(f, spec, st.header)
	if err != nil {
		return err
	}
	for _, p := range rep.Pairs {
		v := sw.vals
		v[0], v[1], v[2] = cleanLine(p.CoderA), cleanLine(p.CoderB), tagLabel(p.Tag)
		v[3], v[4], v[5] = number(p.PercentAgreement), number(p.Kappa), number(p.Alpha)
		v[6], v[7] = p.SpansA, p.SpansB
		for i, m := range []agree.Match{p.Exact, p.Overlap} {
			v[8+4*i], v[9+4*i], v[10+4*i], v[11+4*i] = m.Matched, number(m.Precision), number(m.Recall), number(m.F1)
		}
		c := p.Characters
		v[16], v[17], v[18], v[19], v[20] = c.Both, c.OnlyA, c.OnlyB, c.Neither, c.Total()
		if err := sw.row(); err != nil {
			return fmt.Errorf("sheet %s, %s × %s, tag %s: %w", SheetAgreement, p.CoderA, p.CoderB, p.Tag, err)
		}
	}
	sw.endTable()

	sw.skip()
	for _, note := range append([]string{agreementNote}, rep.Notes...) {
		if err := sw.rowOf([]any{cleanLine(note)}); err != nil {
			return fmt.Errorf("sheet %s, notes: %w", SheetAgreement, err)
		}
	}
	if len(rep.Matrices) > 0 {
		if err := writeAgreementMatrices(sw, rep, st.header, pct, ratio); err != nil {
			return fmt.Errorf("sheet %s: %w", SheetAgreement, err)
		}
	}
	return sw.finish()
}

// writeAgreementMatrices writes, below the table, alpha_u across all coders
// per tag, then for every tag and figure a block: a title row, a header row
// of coder names, and a row per coder.
func writeAgreementMatrices(sw *sheetWriter, rep *agree.Report, header, pct, ratio int) error {
	hd := func(s string) excelize.Cell { return excelize.Cell{StyleID: header, Value: s} }
	rows := [][]any{nil, {hd("alpha_u across all coders")},
		{hd("tag"), hd("units"), hd("alpha_u"), hd("observed_disagreement"), hd("expected_disagreement")}}
	for _, o := range rep.Overall {
		rows = append(rows, []any{tagLabel(o.Tag), o.Units, styled(o.Alpha, ratio), o.ObservedDisagreement, o.ExpectedDisagreement})
	}
	for _, m := range rep.Matrices {
		for _, fig := range []struct {
			name  string
			grid  [][]*float64
			style int
		}{
			{"percent_agreement", m.PercentAgreement, pct},
			{"kappa", m.Kappa, ratio},
			{"alpha_u", m.Alpha, ratio},
			{"overlap_f1", m.F1, ratio},
		} {
			head := []any{hd("coder")}
			for _, c := range m.Coders {
				head = append(head, hd(cleanLine(c)))
			}
			rows = append(rows, nil, []any{hd(fig.name + " — " + tagLabel(m.Tag))}, head)
			for i, c := range m.Coders {
				row := []any{cleanLine(c)}
				for j := range m.Coders {
					row = append(row, styled(fig.grid[i][j], fig.style))
				}
				rows = append(rows, row)
			}
		}
	}
	for _, r := range rows {
		if r == nil {
			sw.skip()
			continue
		}
		if err := sw.rowOf(r); err != nil {
			return fmt.Errorf("matrices: %w", err)
		}
	}
	return nil
}

// tagLabel is how a tag of an agreement report appears in the workbook.
func tagLabel(tag string) string {
	if tag == agree.AllTags {
		return allTagsLabel
	}
	return cleanLine(tag)
}

// number is the cell value of an optional figure: nil leaves the cell empty.
func number(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// styled is an optional figure with a number format.
func styled(p *float64, style int) any {
	if p == nil {
		return nil
	}
	return excelize.Cell{StyleID: style, Value: *p}
}

func ptrTo[T any](v T) *T { return &v }
