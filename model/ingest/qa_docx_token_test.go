package ingest

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r    io.Reader
	read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

// cycle repeats s forever.
type cycle struct {
	s string
	i int
}

func (c *cycle) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = c.s[c.i]
		c.i = (c.i + 1) % len(c.s)
	}
	return len(p), nil
}

// newRepeatReader yields head, body repeated to n bytes, then tail,
// without holding them.
func newRepeatReader(head, body, tail string, n int64) *countingReader {
	return &countingReader{r: io.MultiReader(strings.NewReader(head), io.LimitReader(&cycle{s: body}, n), strings.NewReader(tail))}
}

// TestDocxHugeTokenIsRefusedWhileStreaming: one <w:t> (or one tag) of
// 200 MiB — a ZIP bomb of about 1 MB — is refused as too large once the
// token passes the limit, without reading it whole: before, the scanner
// gathered the whole token (and copied it twice), 1.3 GB for a 1 MB file.
func TestDocxHugeTokenIsRefusedWhileStreaming(t *testing.T) {
	const head = `<?xml version="1.0"?><w:document xmlns:w="` + wordNS + `"><w:body><w:p><w:r>`
	for _, tt := range []struct{ name, open, body, close string }{
		{"text", "<w:t>", "The minister said the budget would grow. ", "</w:t>"},
		{"attribute", `<w:t w:x="`, "aaaaaaaaaaaaaaaa", `">hi</w:t>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepeatReader(head+tt.open, tt.body, tt.close+"</w:r></w:p></w:body></w:document>", 200<<20)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := readDocumentXML(r)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			if r.read > 3*MaxFileSize {
				t.Errorf("read %d MiB of the token before refusing it", r.read>>20)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 400<<20 {
				t.Errorf("refusing it allocated %d MiB", grew>>20)
			}
		})
	}
}
