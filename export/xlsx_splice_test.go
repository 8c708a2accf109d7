package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"clipper/model"
)

// TestXLSXSplicedTextRoundTrips writes awkward texts into the sheets whose
// rows Clipper writes itself and reads every one back with excelize: the
// text must come back exactly as cleaned (and cut, for the long one).
func TestXLSXSplicedTextRoundTrips(t *testing.T) {
	long := strings.Repeat("é🔥x", 14000) // 56,000 UTF-16 units
	tests := []struct {
		name, note, speaker string
	}{
		{"markup", `a < b && c > d </t></is> <![CDATA[x]]>`, `<b>Dr & Mrs</b>`},
		{"quotes", `"double" and 'single' and “curly”`, `O'Brien "the elder"`},
		{"emoji", "🔥 zwj 👩‍🔬 flag 🇫🇷 and é (e\u0301)", "Zoë 🔥"},
		{"spaces", "  leading and trailing  ", "  padded speaker  "},
		{"newlines", "line one\nline two\n\nline four\n", "no\nbreaks\there"},
		{"crlf and tab", "a\r\nb\rc\td", "x\r\ny"},
		{"encoded-looking", "_x0041_ literal, _x005F_x0041_ and _x00e9_ and _x12G4_", "_xFFFF_"},
		{"controls", "bell\x07 nul\x00 esc\x1b del\x7f end", "c\x01d"},
		{"entities", "&amp; &lt; &#x41; literally", "&quot;"},
		{"truncated", long, "s"},
	}
	const body = "Fish & chips <cost> \"£5\" 🔥 _x0041_ today. Quote & <unquote> “here” now.  "
	d := &Dataset{ProjectName: "tricky.clip", SchemaVersion: 3, Creator: "A <coder> & co"}
	for i, tag := range model.DefaultTags() {
		tag.ID = testID(kindTag, i+1)
		d.Tags = append(d.Tags, tag)
	}
	d.Coders = []model.Coder{{ID: testID(kindCode, 1), Name: "Zoë \"Z\" <zz>"}}
	d.Clippings = []model.Clipping{{ID: testID(kindClip, 1), Body: body, Metadata: model.Metadata{
		Publication: "  Le <Monde> & \"Co\"  ", Headline: "_x0041_ 🔥 headline & more", Date: "2024-03-01"}}}
	s, e := span(t, body, "chips <cost> \"£5\"")
	qs, qe := span(t, body, "<unquote> “here”")
	for i, tt := range tests {
		// Alternate claims (Claims sheet) and quotes (Quotes sheet).
		a := model.Annotation{ID: testID(kindAnn, i+1), ClippingID: d.Clippings[0].ID, TagID: d.Tags[0].ID,
			CoderID: d.Coders[0].ID, Start: s, End: e, Attributes: model.Attributes{Note: tt.note, Claimant: tt.speaker}}
		if i%2 == 1 {
			a.TagID, a.Start, a.End = d.Tags[1].ID, qs, qe
			a.Attributes = model.Attributes{Note: tt.note, Speaker: tt.speaker}
		}
		d.Annotations = append(d.Annotations, a)
	}
	f, data, rep := writeXLSX(t, d)
	if rep.Truncated == 0 {
		t.Errorf("report counts no cut, want the long note's")
	}

	ann := headerIndex(t, f, SheetAnnotations)
	kindSheet := map[int]string{0: SheetClaims, 1: SheetQuotes}
	kindRow := map[int]int{0: 1, 1: 1}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNote, _ := fitCell(cleanText(tt.note))
			wantWho := cleanLine(tt.speaker)
			who := "claimant"
			if i%2 == 1 {
				who = "speaker"
			}
			row := strconv.Itoa(i + 2)
			sheet := kindSheet[i%2]
			kindRow[i%2]++
			krow := strconv.Itoa(kindRow[i%2])
			kcols := headerIndex(t, f, sheet)
			for _, c := range []struct {
				sheet, cell, want string
			}{
				{SheetAnnotations, ann["note"] + row, wantNote},
				{SheetAnnotations, ann[who] + row, wantWho},
				{SheetAnnotations, ann["publication"] + row, cleanLine(d.Clippings[0].Publication)},
				{SheetAnnotations, ann["headline"] + row, d.Clippings[0].Headline},
				{SheetAnnotations, ann["coder"] + row, d.Coders[0].Name},
				{sheet, kcols["note"] + krow, wantNote},
				{sheet, kcols[who] + krow, wantWho},
				{sheet, kcols["publication"] + krow, cleanLine(d.Clippings[0].Publication)},
			} {
				got, err := f.GetCellValue(c.sheet, c.cell)
				if err != nil {
					t.Fatalf("%s!%s: %v", c.sheet, c.cell, err)
				}
				if got != c.want {
					t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, shorten(got, 80), shorten(c.want, 80))
				}
			}
			if tt.name == "truncated" {
				if n := utf16Len(wantNote); !strings.HasSuffix(wantNote, truncMarker) || n > maxCellChars || n < maxCellChars-1 {
					t.Fatalf("expected note is %d UTF-16 units, want %d (or one less, not to split a pair) ending in the marker", n, maxCellChars)
				}
			}
			// The rich context reads back as its plain text on the kind
			// sheet, with the span as the bold run.
			runs, err := f.GetCellRichText(SheetAnnotations, ann["context"]+row)
			if err != nil {
				t.Fatal(err)
			}
			var all, bold strings.Builder
			for _, r := range runs {
				all.WriteString(r.Text)
				if r.Font != nil && r.Font.Bold {
					bold.WriteString(r.Text)
				}
			}
			plain, err := f.GetCellValue(sheet, kcols["context"]+krow)
			if err != nil {
				t.Fatal(err)
			}
			wantSpan := "chips <cost> \"£5\""
			if i%2 == 1 {
				wantSpan = "<unquote> “here”"
			}
			// GetCellRichText returns run texts undecoded: a literal
			// "_x0041_" comes back with its "_x005F" escape, exactly as
			// excelize's own StreamWriter writes it. GetCellValue decodes.
			joined := strings.ReplaceAll(all.String(), "_x005F_x", "_x")
			if joined != plain || bold.String() != wantSpan || !strings.Contains(plain, wantSpan) {
				t.Errorf("context runs %q (bold %q), plain %q; want the plain text with %q in bold", all.String(), bold.String(), plain, wantSpan)
			}
			if v, err := f.GetCellValue(SheetAnnotations, ann["context"]+row); err != nil || v != plain {
				t.Errorf("rich context reads as %q (%v), want %q", v, err, plain)
			}
		})
	}

	// Each spliced sheet's dimension covers its header and rows.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	wantDims := map[string]string{"A1:X11": SheetAnnotations, "A1:L6": SheetQuotes}
	found := map[string]bool{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for dim, sheet := range wantDims {
			if bytes.Contains(b, []byte(`<dimension ref="`+dim+`"/>`)) {
				found[sheet] = true
			}
		}
		if bytes.Count(b, []byte("<dimension ")) != 1 {
			t.Errorf("%s has %d dimension elements, want 1", zf.Name, bytes.Count(b, []byte("<dimension ")))
		}
	}
	for _, sheet := range wantDims {
		if !found[sheet] {
			t.Errorf("sheet %s: no part with the dimension of its rows", sheet)
		}
	}
}

// TestAppendEscaped checks the XML text escaping of spliced cells.
func TestAppendEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<a href="x">&</a>`, "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"},
		{"a\r\nb\tc", "a&#xD;\nb&#x9;c"},
		{"nul\x00bell\x07", "nulbell"},
		{"_x0041_", "_x005F_x0041_"},
		{"_x004_ _xABCG_ x_", "_x004_ _xABCG_ x_"},
		{"a\uFFFEb\uFFFFc", "abc"},
		{"é🔥", "é🔥"},
	}
	for _, tt := range tests {
		if got := string(appendEscaped(nil, tt.in)); got != tt.want {
			t.Errorf("appendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !utf8.ValidString(string(appendEscaped(nil, tt.in))) {
			t.Errorf("appendEscaped(%q) is not valid UTF-8", tt.in)
		}
	}
}

// TestAppendColName agrees with excelize on column letters.
func TestAppendColName(t *testing.T) {
	for _, n := range []int{1, 2, 26, 27, 52, 53, 702, 703, 16384} {
		want, err := excelize.ColumnNumberToName(n)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendColName(nil, n)); got != want {
			t.Errorf("column %d = %q, want %q", n, got, want)
		}
	}
}
