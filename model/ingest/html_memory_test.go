package ingest

import (
	"strings"
	"testing"
)

// TestPageTooBigForATree: a page with more elements than a tree may have
// is read from its tokens — every row's text arrives, with a warning —
// and the clipping keeps the file's bytes as its original without a copy.
func TestPageTooBigForATree(t *testing.T) {
	data := []byte(densePage(19 << 20))
	c, warns, err := Parse("rows.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(warns, "\n"), "too many to find its article in") {
		t.Errorf("warnings %q", warns)
	}
	if !strings.Contains(c.Body, "Paragraph text number 0 that says something.") ||
		!strings.Contains(c.Body, "Paragraph text number 130000 that says something.") {
		t.Errorf("body of %d bytes lacks rows", len(c.Body))
	}
	if len(c.Original) != len(data) || &c.Original[0] != &data[0] {
		t.Error("the original was copied")
	}
}
