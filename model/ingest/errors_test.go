package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestBadInput(t *testing.T) {
	zipOf := func(files ...string) []byte {
		m := map[string][]byte{}
		for _, f := range files {
			m[f] = []byte("x")
		}
		return zipFiles(t, files, m)
	}
	cyrillic, err := charmap.Windows1251.NewEncoder().String(strings.Repeat("Министерство обороны заявило во вторник, что войска готовы. ", 5))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string // part of the message
	}{
		{"empty.txt", nil, ErrEmpty, "empty.txt: no article text: the file is empty"},
		{"blank.txt", []byte(" \r\n\t\u00a0\r\n"), ErrEmpty, "only white space"},
		{"footer.txt", []byte("Newspapers in English\n\nNewspapers from Veldmark\n"), ErrEmpty, "nothing is left"},
		{"blank.html", []byte("<html><body><nav><p>Home</p></nav></body></html>"), ErrEmpty, "blank.html: no article text"},
		{"report.pdf", []byte("%PDF-1.4\n..."), ErrBinary, "looks like a damaged PDF file"},
		{"notes.txt", []byte("%PDF-1.4\n..."), ErrBinary, "looks like a damaged PDF file"},
		{"scan.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), ErrBinary, "JPEG image"},
		{"old.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrBinary, "legacy Office file"},
		{"letter.rtf", []byte(`{\rtf1\ansi Hello \bin999 x}`), ErrCorruptRTF, "letter.rtf: damaged RTF document: malformed RTF"},
		{"blank.rtf", []byte(`{\rtf1{\fonttbl{\f0 Arial;}}\par\par}`), ErrEmpty, "the RTF document has no text"},
		{"project.clip", []byte("SQLite format 3\x00\x10\x00"), ErrBinary, "SQLite database"},
		{"archive.zip", zipOf("a.txt"), ErrBinary, "looks like a ZIP archive; unzip it"},
		{"sheet.xlsx", zipOf("xl/workbook.xml"), ErrBinary, "Excel workbook"},
		{"story.odt", zipFiles(t, []string{"mimetype"}, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.text")}), ErrBinary, "OpenDocument text"},
		{"clip.txt", zipOf("a.txt"), ErrBinary, "ZIP archive"},
		{"renamed.zip", zipOf("word/styles.xml"), ErrBinary, "ZIP archive"},
		{"nul.txt", []byte("Headline\x00\x00body"), ErrBinary, "NUL bytes"},
		{"controls.txt", bytes.Repeat([]byte("\x01\x02\x03ab"), 100), ErrBinary, "control codes"},
		{"big.txt", make([]byte, MaxFileSize+1), ErrTooLarge, "over the 20 MiB limit"},
		{"undefined.txt", []byte("Caf\x81 \x8d\x8f\x90\x9d society and more text"), ErrEncoding, "not Windows-1252 either; save it as UTF-8"},
		{"cyrillic.txt", []byte(cyrillic), ErrEncoding, "Cyrillic, Greek or East Asian"},
		{"broken.docx", []byte("PK\x03\x04 this is not really a zip"), ErrCorruptDocx, "broken.docx: damaged .docx file: cannot open the ZIP package"},
		{"text.docx", []byte("Just some text saved with the wrong extension"), ErrCorruptDocx, "not a ZIP package"},
		{"protected.docx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrBinary, "password-protected"},
		{"nodoc.docx", zipOf("word/styles.xml"), ErrCorruptDocx, "no word/document.xml"},
		{"badxml.docx", zipFiles(t, []string{"word/document.xml"}, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p>")}), ErrCorruptDocx, "not valid XML"},
		{"blank.docx", docx(t, "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), ErrEmpty, "the document has no text"},
		{"odd.utf16.txt", []byte("\xff\xfeA\x00\x00"), ErrEncoding, "not valid UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse(tt.name, tt.data)
			if !errors.Is(err, tt.is) {
				t.Fatalf("err = %v, want %v", err, tt.is)
			}
			if c != nil {
				t.Error("clipping returned with an error")
			}
			if !strings.HasPrefix(err.Error(), tt.name+": ") {
				t.Errorf("message %q does not start with the file name", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestParseFileChecksSizeFirst(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: reading it would take time and memory; the size
	// check must refuse it first.
	if err := f.Truncate(4 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, _, err = ParseFile(p)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "huge.txt") {
		t.Errorf("err = %v, want ErrTooLarge naming the file", err)
	}
	if _, _, err := ParseFile(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("folder: err = %v", err)
	}
	if _, _, err := ParseFile(filepath.Join(t.TempDir(), "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: err = %v", err)
	}
}

func TestParseText(t *testing.T) {
	c, err := ParseText("Ferry fares to rise 12% in spring\r\nBy Jonah Reyes\r\n\r\nThe operator will raise fares by 12%\r\non April 1.")
	if err != nil {
		t.Fatal(err)
	}
	if c.Headline != "Ferry fares to rise 12% in spring" || len(c.Authors) != 1 || c.Authors[0] != "Jonah Reyes" ||
		c.Body != "The operator will raise fares by 12% on April 1." || c.SourceName != "" {
		t.Errorf("got %+v", c)
	}
	if _, err := ParseText(" \n\t "); !errors.Is(err, ErrEmpty) || !strings.HasPrefix(err.Error(), "pasted text: ") {
		t.Errorf("blank paste: err = %v", err)
	}
	one, err := ParseText("Just one line of text")
	if err != nil || one.Body != "Just one line of text" || one.Headline != "" {
		t.Errorf("one line: %+v, %v", one, err)
	}
}
