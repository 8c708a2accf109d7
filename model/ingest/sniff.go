package ingest

import (
	"bytes"
	"fmt"
)

// magic is a file signature of a format that is not text.
type magic struct {
	offset int
	sig    string
	what   string // completes "looks like …"
}

var magics = []magic{
	{0, "%!PS", "a PostScript file; export it as text first"},
	{0, "\x89PNG\r\n\x1a\n", "a PNG image; Clipper imports text, not scans"},
	{0, "\xff\xd8\xff", "a JPEG image; Clipper imports text, not scans"},
	{0, "GIF87a", "a GIF image; Clipper imports text, not scans"},
	{0, "GIF89a", "a GIF image; Clipper imports text, not scans"},
	{0, "II*\x00", "a TIFF image; Clipper imports text, not scans"},
	{0, "MM\x00*", "a TIFF image; Clipper imports text, not scans"},
	{8, "WEBP", "a WebP image; Clipper imports text, not scans"},
	{4, "ftyp", "a video or audio file"},
	{0, "\x1f\x8b", "a gzip archive; unpack it and import the files inside"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it and import the files inside"},
	{0, "Rar!\x1a\x07", "a RAR archive; unpack it and import the files inside"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc, .xls) or a password-protected document; save it as .docx or plain text first"},
	{0, "SQLite format 3\x00", "a SQLite database (perhaps a Clipper project); open it instead of importing it"},
	{0, "\x7fELF", "a program, not a text file"},
}

// knownBinary returns what a file with a known non-text signature looks
// like, or "" if data has none of them. ZIP archives are not covered: they
// may be .docx files (see zipKind).
func knownBinary(data []byte) string {
	for _, m := range magics {
		if len(data) >= m.offset+len(m.sig) && string(data[m.offset:m.offset+len(m.sig)]) == m.sig {
			if m.sig == "WEBP" && !bytes.HasPrefix(data, []byte("RIFF")) {
				continue
			}
			return m.what
		}
	}
	return ""
}

// isZip reports whether data starts like a ZIP archive.
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// binaryErr returns an ErrBinary error for a file that looks like what.
func binaryErr(what string) error {
	return fmt.Errorf("%w: looks like %s", ErrBinary, what)
}

// sniffWindow is how much of a file the binary check looks at, as git does.
const sniffWindow = 8000

// checkControlBytes refuses data whose first bytes contain NUL or are more
// than 10% control bytes other than tab, line feeds and carriage returns.
// Stray control characters further in are removed by Normalize instead.
func checkControlBytes(data []byte) error {
	head := data[:min(len(data), sniffWindow)]
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w: it contains NUL bytes (binary data, or UTF-16 without a byte-order mark)", ErrBinary)
	}
	ctl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1a) || c == 0x7f {
			ctl++
		}
	}
	if len(head) > 0 && ctl*10 > len(head) {
		return fmt.Errorf("%w: %d%% of its first bytes are control codes", ErrBinary, ctl*100/len(head))
	}
	return nil
}

// looksHTML reports whether text (already decoded) is an HTML document:
// it starts with "<" and has an <html, <body or <p tag.
func looksHTML(text string) bool {
	t := bytes.TrimLeft([]byte(text[:min(len(text), 4096)]), " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	low := bytes.ToLower([]byte(text[:min(len(text), 64<<10)]))
	for _, tag := range []string{"<html", "<body", "<p>", "<p ", "<!doctype html"} {
		if bytes.Contains(low, []byte(tag)) {
			return true
		}
	}
	return false
}
