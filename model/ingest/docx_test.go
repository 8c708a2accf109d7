package ingest

import (
	"io"
	"strings"
	"testing"
)

func TestDocx(t *testing.T) {
	tests := []struct {
		name, body, want string
		headline, deck   string
	}{
		{"runs, tabs and breaks",
			`<w:p><w:r><w:t xml:space="preserve">Ferry </w:t></w:r><w:r><w:t>fares</w:t><w:tab/><w:t>rise.</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>Page one.</w:t><w:br w:type="page"/><w:t>Page two.</w:t></w:r></w:p>`,
			"Ferry fares rise.\n\nPage one.\n\nPage two.", "", ""},
		{"tab stops in paragraph properties are not text",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>One</w:t></w:r></w:p>`,
			"One", "", ""},
		{"deleted text and field codes left out",
			`<w:p><w:r><w:t xml:space="preserve">Cost </w:t></w:r><w:del><w:r><w:delText>900</w:delText></w:r></w:del>` +
				`<w:ins><w:r><w:t>1,200</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> jobs.</w:t></w:r></w:p>`,
			"Cost 1,200 jobs.", "", ""},
		{"text box paragraphs come before the paragraph holding them",
			`<w:p><w:r><w:t>Outer.</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed.</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>`,
			"Boxed.\n\nOuter.", "", ""},
		{"Heading1 is the headline, Heading2 the deck",
			`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Quota cut</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Stocks collapse</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>The ministry cut the quota.</w:t></w:r></w:p>`,
			"The ministry cut the quota.", "Quota cut", "Stocks collapse"},
		{"unstyled first lines go through the text layout",
			`<w:p><w:r><w:t>Quota cut by a third</w:t></w:r></w:p><w:p><w:r><w:t>By Arvid Thorsen</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>The ministry cut the quota.</w:t></w:r></w:p>`,
			"The ministry cut the quota.", "Quota cut by a third", ""},
		{"drawing text in other namespaces is ignored",
			`<w:p><w:r><w:t>Body.</w:t></w:r><w:r><a:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:r><a:t>Chart label</a:t></a:r></a:p></w:r></w:p>`,
			"Body.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("doc.docx", docx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if c.Body != tt.want || c.Headline != tt.headline || c.Deck != tt.deck {
				t.Errorf("body %q headline %q deck %q, want %q %q %q", c.Body, c.Headline, c.Deck, tt.want, tt.headline, tt.deck)
			}
		})
	}
}

func TestDocxStrictAndRelocatedPart(t *testing.T) {
	doc := `<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:r><w:t>Strict text.</w:t></w:r></w:p></w:body></w:document>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	data := zipFiles(t, []string{"_rels/.rels", "word/document2.xml"}, map[string][]byte{
		"_rels/.rels": []byte(rels), "word/document2.xml": []byte(doc),
	})
	c, _, err := Parse("strict.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Body != "Strict text." {
		t.Errorf("body %q", c.Body)
	}
}

func TestLimitedReader(t *testing.T) {
	r := &limitedReader{r: strings.NewReader(strings.Repeat("x", 100)), n: 10}
	_, err := io.ReadAll(r)
	if err == nil || !strings.Contains(err.Error(), "uncompressed") {
		t.Errorf("err = %v, want the size limit", err)
	}
}
