package ingest

import (
	"archive/zip"
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// update rewrites the golden files and the generated test inputs:
//
//	go test ./model/ingest/ -run 'TestGolden|TestGenerated' -update
var update = flag.Bool("update", false, "rewrite testdata goldens and generated inputs")

// generated lists the test inputs that are not plain UTF-8 text. Each is
// built from a readable source under testdata/src, so no binary blob is
// edited by hand; TestGeneratedInputs checks the committed files match.
var generated = []struct {
	name  string
	build func(t testing.TB) []byte
}{
	{"plain_crlf_bom.txt", func(t testing.TB) []byte {
		src := readSrc(t, "plain_crlf_bom.txt")
		return append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	}},
	{"cp1252_quotes.txt", func(t testing.TB) []byte {
		out, err := charmap.Windows1252.NewEncoder().Bytes(readSrc(t, "cp1252_quotes.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}},
	{"utf16le_bom.txt", func(t testing.TB) []byte {
		return utf16(t, xunicode.LittleEndian, readSrc(t, "utf16le_bom.txt"))
	}},
	{"utf16be_bom.txt", func(t testing.TB) []byte {
		return utf16(t, xunicode.BigEndian, readSrc(t, "utf16be_bom.txt"))
	}},
	{"report.docx", func(t testing.TB) []byte {
		return zipDir(t, filepath.Join("testdata", "src", "report.docx"))
	}},
	{"scan.txt", func(t testing.TB) []byte { // a PDF saved with the wrong extension
		return append([]byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), pseudoRandom(200, 1)...)
	}},
	{"photo.png", func(t testing.TB) []byte {
		return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), pseudoRandom(300, 2)...)
	}},
	{"data.bin", func(t testing.TB) []byte { // no known signature, NUL bytes
		return pseudoRandom(512, 3)
	}},
}

func readSrc(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "src", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16(t testing.TB, e xunicode.Endianness, src []byte) []byte {
	t.Helper()
	out, err := xunicode.UTF16(e, xunicode.UseBOM).NewEncoder().Bytes(src)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pseudoRandom returns n deterministic bytes that include NULs.
func pseudoRandom(n int, seed uint32) []byte {
	out := make([]byte, n)
	x := seed*2654435761 + 1
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x)
		if i%7 == 0 {
			out[i] = 0
		}
	}
	return out
}

// zipDir zips a folder's files in name order with a fixed time, so the
// result is reproducible.
func zipDir(t testing.TB, dir string) []byte {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	files := map[string][]byte{}
	var order []string
	for _, p := range names {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		files[rel] = b
		order = append(order, rel)
	}
	return zipFiles(t, order, files)
}

// zipFiles builds a ZIP archive of the named files, in order.
func zipFiles(t testing.TB, order []string, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx builds a minimal .docx around a body of WordprocessingML.
func docx(t testing.TB, body string) []byte {
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body + `</w:body></w:document>`
	return zipFiles(t, []string{"word/document.xml"}, map[string][]byte{"word/document.xml": []byte(doc)})
}

func TestGeneratedInputs(t *testing.T) {
	for _, g := range generated {
		want := g.build(t)
		p := filepath.Join("testdata", g.name)
		if *update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run with -update to generate it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what its source generates; run with -update", g.name)
		}
	}
}
