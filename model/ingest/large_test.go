package ingest

import (
	"strings"
	"testing"
)

// TestLargeInputs parses 256 KiB inputs built to hit the slow paths a
// careless parser would have (joining thousands of wrapped lines, deep
// nesting, long runs of markers). Work that grows quadratically would make
// this test take minutes instead of a fraction of a second each.
func TestLargeInputs(t *testing.T) {
	const n = 256 << 10
	tests := []struct {
		name string
		data string
	}{
		{"wrapped.txt", "Headline\n\n" + strings.Repeat("and the ferry left\n", n/19)},
		{"one-line.txt", strings.Repeat("PORT ALDEN ", n/11)},
		{"short-paragraphs.txt", strings.Repeat("A.\n\n", n/4)},
		{"captions.txt", "Headline\n\nBody.\n" + strings.Repeat(" ?? X ?? y\nX y\n", n/16)},
		{"quotes.md", "# T\n\n" + strings.Repeat(">", n) + " text"},
		{"emphasis.md", "# T\n\n" + strings.Repeat("*a ", n/3)},
		{"nested.html", strings.Repeat("<article><div>", n/14) + "<p>Deep text.</p>"},
		{"times.html", "<p>" + strings.Repeat("<b> </b>", n/16) + strings.Repeat("<time>1</time>x", n/16) + "</p>"},
		{"paragraphs.html", "<article>" + strings.Repeat("<p>Para.</p>", n/12) + "</article>"},
		{"nested.docx", string(docx(t, strings.Repeat("<w:p>", n/5)+"<w:r><w:t>x</w:t></w:r>"+strings.Repeat("</w:p>", n/5)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse(tt.name, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			checkParsed(t, c)
		})
	}
}
