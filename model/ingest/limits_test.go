package ingest

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// TestExtractedTextIsCapped: every format is held to MaxFileSize of text,
// however small the file: a .docx that inflates to far more (a ZIP bomb),
// millions of empty paragraphs, and HTML, Markdown and text in a legacy
// encoding whose decoded text outgrows the file. Each is refused with a
// message naming the limit, without holding the inflated text.
func TestExtractedTextIsCapped(t *testing.T) {
	para := "<w:p><w:r><w:t>" + strings.Repeat("Harbour council votes on plan. ", 1000) + "</w:t></w:r></w:p>"
	bomb := docx(t, strings.Repeat(para, (MaxFileSize+MaxFileSize/4)/len(para)))
	empties := docx(t, strings.Repeat("<w:p/>", maxDocxParas+10))
	oneHuge := docx(t, "<w:p><w:r><w:t>"+strings.Repeat("x", MaxFileSize+10)+"</w:t></w:r></w:p>")
	latin := bytes.Repeat([]byte("\xe9t\xe9 \xe0 "), (MaxFileSize*3/4)/6) // 75% of the limit, but half again as long in UTF-8
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"bomb.docx", bomb, "the document's text is over the 20 MiB limit"},
		{"empties.docx", empties, "more than 250000 paragraphs"},
		{"one paragraph.docx", oneHuge, "over the 20 MiB limit"},
		{"latin.html", append([]byte("<html><body><p>"), latin...), "once decoded, over the 20 MiB limit"},
		{"latin.md", append([]byte("# Title\n\n"), latin...), "once decoded, over the 20 MiB limit"},
		{"latin.txt", latin, "once decoded, over the 20 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.data) > MaxFileSize {
				t.Fatalf("test file of %d bytes is over the limit itself", len(tt.data))
			}
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, _, err := Parse(tt.name, tt.data)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want ErrTooLarge saying %q", err, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), tt.name+": ") {
				t.Errorf("message %q does not start with the file name", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 400<<20 {
				t.Errorf("refusing it allocated %d MiB", grew>>20)
			}
		})
	}
	if len(bomb) > 1<<20 {
		t.Errorf("the ZIP bomb is %d KiB, not a small file", len(bomb)>>10)
	}
}
