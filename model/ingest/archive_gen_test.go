package ingest

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"clipper/model/ingest/archive"
)

// nexisDocx writes paragraphs as a .docx the way Nexis Uni does: every
// run with its font, colour and size, bold where the paragraph is bold.
func nexisDocx(t testing.TB, paras []archive.Para) []byte {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(`<w:p><w:pPr><w:spacing w:before="120" w:line="260" w:lineRule="atLeast"/><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/></w:rPr></w:pPr>`)
		if p.Text != "" {
			b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>`)
			if p.Bold {
				b.WriteString(`<w:b/>`)
			}
			b.WriteString(`<w:color w:val="000000"/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">`)
			if err := xml.EscapeText(&b, []byte(p.Text)); err != nil {
				t.Fatal(err)
			}
			b.WriteString(`</w:t></w:r>`)
		}
		b.WriteString(`</w:p>`)
	}
	return docx(t, b.String())
}

// synthNexis builds a Nexis Uni export of n invented documents behind a
// cover page that announces them. Without ends the "End of Document"
// lines are left out.
func synthNexis(n int, ends bool) []archive.Para {
	ps := []archive.Para{
		{Text: "User Name: Test Reader", Bold: true},
		{Text: "Date and Time: Friday, 5. July 2019 09:31:00 CEST", Bold: true},
		{Text: "Job Number: 1234", Bold: true},
		{Text: fmt.Sprintf("Documents (%d)", n), Bold: true},
	}
	for i := 1; i <= n; i++ {
		ps = append(ps, archive.Para{Text: fmt.Sprintf("%d. Harbour council votes on plan %d", i, i)})
	}
	ps = append(ps, archive.Para{Text: "Search Terms: harbour", Bold: true}, archive.Para{Text: "Sources: The Harbor Ledger; Content Type: News"}, archive.Para{})
	for i := 1; i <= n; i++ {
		ps = append(ps,
			archive.Para{Text: fmt.Sprintf("Harbour council votes on plan %d", i), Bold: true},
			archive.Para{Text: "The Harbor Ledger"},
			archive.Para{Text: fmt.Sprintf("March %d, 2021 Tuesday", i%28+1)},
			archive.Para{},
			archive.Para{Text: "Copyright 2021 The Harbor Ledger All Rights Reserved"},
			archive.Para{Text: "Section:\u00a0LOCAL; Pg. 3", Bold: true},
			archive.Para{Text: "Length:\u00a0120 words", Bold: true},
			archive.Para{Text: "Byline:\u00a0Jane Roe", Bold: true},
			archive.Para{Text: "Body", Bold: true},
			archive.Para{},
			archive.Para{Text: fmt.Sprintf("The council voted %d-2 on Tuesday to approve harbour plan number %d, officials said after a long evening meeting.", i%9+3, i)},
			archive.Para{Text: fmt.Sprintf("Residents have collected more than %d signatures on a petition against the closure of the old ferry landing.", 1000+i)},
			archive.Para{Text: "Load-Date:\u00a0March 30, 2021", Bold: true},
		)
		if ends {
			ps = append(ps, archive.Para{Text: "End of Document", Bold: true}, archive.Para{})
		}
	}
	return ps
}

// synthLexis builds a classic LexisNexis text export of n invented
// documents behind a cover page that announces them.
func synthLexis(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n\nDownload Request: Selected Items: 1-%d\nTime Of Request: Friday, March 20, 2018  16:51:31\n\nTerms: harbour\n\n", n)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "                               %d of %d DOCUMENTS\n\n\n", i, n)
		b.WriteString("                              The Harbor Ledger\n\n")
		fmt.Fprintf(&b, "                            January %d, 2010 Monday\n\n", i%28+1)
		fmt.Fprintf(&b, "Harbour council votes on plan %d\n\nBYLINE: Jane Roe\n\nSECTION: NEWS; Pg. %d\n\nLENGTH: 120 words\n\n", i, i%20+1)
		fmt.Fprintf(&b, "The council voted %d-2 on Tuesday to approve harbour plan number %d,\nofficials said after a long evening meeting at the town hall on\nthe waterfront.\n\n", i%9+3, i)
		fmt.Fprintf(&b, "Residents have collected more than %d signatures on a petition against\nthe closure of the old ferry landing.\n\n", 1000+i)
		b.WriteString("LOAD-DATE: January 11, 2010\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n\n")
		b.WriteString("                       Copyright 2010 The Harbor Ledger\n                              All Rights Reserved\n\n")
	}
	return b.String()
}
