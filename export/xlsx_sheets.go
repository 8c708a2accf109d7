package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"clipper/model/store"
)

// writeClippingsSheet writes one row per clipping: its metadata, its length
// in words and its annotation counts, in total and per tag.
func writeClippingsSheet(ctx context.Context, f *excelize.File, ix *index, st styles, rep *Report) error {
	d := ix.d
	spec := sheetSpec{sheet: SheetClippings, table: "tblClippings"}
	spec.col("clipping_id", 14, st.text)
	spec.col("publication", 18, st.text)
	spec.col("date", 11, st.date)
	spec.col("headline", 40, st.text)
	spec.col("deck", 30, st.text)
	spec.col("authors", 20, st.text)
	spec.col("credit", 14, st.text)
	spec.col("dateline", 14, st.text)
	spec.col("url", 30, st.text)
	spec.col("section", 14, st.text)
	spec.col("page", 8, st.text)
	spec.col("language", 9, st.text)
	spec.col("source_id", 20, st.text)
	spec.col("source", 20, st.text)
	spec.col("words", 8, 0)
	spec.col("annotations", 12, 0)
	for _, t := range d.Tags {
		spec.col("n_"+t.Name, 10, 0)
	}
	spec.headers = uniqueHeaders(spec.headers)
	sw, err := newSheetWriter(f, spec, st.header)
	if err != nil {
		return err
	}
	err = ix.src.walk(ctx, walkSpec{body: true, counts: true}, func(it *store.WalkItem) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export cancelled: %w", err)
		}
		ix.clippings++
		c := &it.Clipping
		id := cleanLine(c.ID)
		text := func(s string) any {
			s = cleanLine(s)
			if s == "" {
				return nil
			}
			s, cut := fitCell(s)
			if cut {
				rep.Truncated++
				rep.warn("clipping %s: metadata cut to %d characters", id, maxCellChars)
			}
			return s
		}
		v := sw.vals
		v[0] = text(c.ID)
		v[1] = text(c.Publication)
		if serial, ok := clippingDate(c.Date); ok {
			v[2] = serialCell(serial)
		} else {
			v[2] = text(c.Date)
		}
		v[3] = text(c.Headline)
		v[4] = text(c.Deck)
		v[5] = text(strings.Join(c.Authors, "; "))
		v[6] = text(c.Credit)
		v[7] = text(c.Dateline)
		v[8] = text(c.URL)
		v[9] = text(c.Section)
		v[10] = text(c.Page)
		v[11] = text(c.Language)
		v[12] = text(c.SourceID)
		v[13] = text(c.SourceName)
		v[14] = wordCount(c.Body)
		total := 0
		for ti, t := range d.Tags {
			n := it.TagCounts[t.ID]
			v[16+ti] = n
			total += n
		}
		v[15] = total
		if err := sw.row(); err != nil {
			return fmt.Errorf("sheet %s, clipping %s: %w", SheetClippings, id, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return sw.finish()
}

// writeCodebookSheet writes the tags: colour (the cell filled with it), name,
// kind, description, shortcut and how many annotations use the tag.
func writeCodebookSheet(f *excelize.File, ix *index, st styles, rep *Report) error {
	d := ix.d
	spec := sheetSpec{
		sheet:   SheetCodebook,
		table:   "tblCodebook",
		headers: []string{"colour", "name", "kind", "description", "shortcut", "count"},
		widths:  []float64{10, 20, 10, 60, 9, 8},
		styles:  []int{st.text, st.text, st.text, st.text, st.text, 0},
	}
	sw, err := newSheetWriter(f, spec, st.header)
	if err != nil {
		return err
	}
	fills := map[string]int{}
	for ti, t := range d.Tags {
		v := sw.vals
		if hexColor(t.Color) {
			key := strings.ToUpper(t.Color)
			style, ok := fills[key]
			if !ok {
				if style, err = f.NewStyle(&excelize.Style{
					Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{key}},
					Font:   &excelize.Font{Color: readableOn(key)},
					NumFmt: 49,
				}); err != nil {
					return fmt.Errorf("sheet %s: colour of tag %s: %w", SheetCodebook, t.Name, err)
				}
				fills[key] = style
			}
			v[0] = excelize.Cell{StyleID: style, Value: key}
		} else if t.Color != "" {
			v[0] = cleanLine(t.Color)
			rep.warn("tag %s: colour %q is not #RRGGBB", t.Name, t.Color)
		}
		for i, s := range []string{t.Name, string(t.Kind), t.Description, t.Shortcut} {
			s, cut := fitCell(cleanText(s))
			if cut {
				rep.Truncated++
				rep.warn("tag %s: text cut to %d characters", t.Name, maxCellChars)
			}
			if s != "" {
				v[1+i] = s
			}
		}
		v[5] = ix.tagTotals[ti]
		if err := sw.row(); err != nil {
			return fmt.Errorf("sheet %s, tag %s: %w", SheetCodebook, t.Name, err)
		}
	}
	return sw.finish()
}

// writeMatrixSheet writes clippings × tags: the number of annotations of
// each tag in each clipping, then 0/1 presence columns, all numeric.
func writeMatrixSheet(ctx context.Context, f *excelize.File, ix *index, st styles, rep *Report) error {
	d := ix.d
	spec := sheetSpec{sheet: SheetMatrix, table: "tblMatrix"}
	spec.col("clipping_id", 14, st.text)
	spec.col("publication", 18, st.text)
	spec.col("date", 11, st.date)
	spec.col("headline", 40, st.text)
	for _, t := range d.Tags {
		spec.col("n_"+t.Name, 10, 0)
	}
	for _, t := range d.Tags {
		spec.col("has_"+t.Name, 10, 0)
	}
	spec.headers = uniqueHeaders(spec.headers)
	sw, err := newSheetWriter(f, spec, st.header)
	if err != nil {
		return err
	}
	nt := len(d.Tags)
	err = ix.src.walk(ctx, walkSpec{counts: true}, func(it *store.WalkItem) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export cancelled: %w", err)
		}
		c := &it.Clipping
		v := sw.vals
		v[0] = cleanLine(c.ID)
		if s := cleanLine(c.Publication); s != "" {
			v[1] = s
		}
		if serial, ok := clippingDate(c.Date); ok {
			v[2] = serialCell(serial)
		} else if c.Date != "" {
			v[2] = cleanLine(c.Date)
		}
		if s, cut := fitCell(cleanLine(c.Headline)); s != "" {
			if cut {
				rep.Truncated++
				rep.warn("clipping %s: headline cut to %d characters", c.ID, maxCellChars)
			}
			v[3] = s
		}
		for ti, t := range d.Tags {
			n := it.TagCounts[t.ID]
			v[4+ti] = n
			v[4+nt+ti] = min(n, 1)
		}
		if err := sw.row(); err != nil {
			return fmt.Errorf("sheet %s, clipping %s: %w", SheetMatrix, c.ID, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return sw.finish()
}

// wordCount counts runs of non-space characters.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// readableOn returns black or white, whichever reads better on the
// "#RRGGBB" background bg.
func readableOn(bg string) string {
	rgb, err := strconv.ParseUint(bg[1:], 16, 32)
	if err != nil {
		return "#000000"
	}
	r, g, b := float64(rgb>>16&0xff), float64(rgb>>8&0xff), float64(rgb&0xff)
	if 0.299*r+0.587*g+0.114*b < 140 {
		return "#FFFFFF"
	}
	return "#000000"
}

// clippingDate is the Excel serial of a YYYY-MM-DD clipping date.
func clippingDate(s string) (float64, bool) {
	t, ok := parseDate(s)
	if !ok {
		return 0, false
	}
	return excelSerial(t)
}
