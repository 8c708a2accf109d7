package ingest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// decodeMHTML reads a page saved as a single file (.mhtml/.mht, what
// Chrome and Edge write: MIME multipart/related, its HTML part usually
// quoted-printable) and returns the HTML of the page, decoded as
// decodeHTML does, with the part's charset when it names one. The page's
// address (Content-Location) is returned so it can stand in for a missing
// canonical URL.
func decodeMHTML(data []byte) (text, location string, warns []string, err error) {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	hdr, err := r.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return "", "", nil, fmt.Errorf("%w: not a saved web page (.mhtml): no MIME header: %v", ErrEmpty, err)
	}
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		// A single-part file: the body is the page.
		body, _ := io.ReadAll(r.R)
		text, warns, err := decodePart(body, hdr)
		return text, hdr.Get("Content-Location"), warns, err
	}
	start := strings.Trim(params["start"], "<>")
	mr := multipart.NewReader(r.R, params["boundary"])
	var first []byte
	var firstHdr textproto.MIMEHeader
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if first != nil {
				break // a damaged tail after the page: keep the page
			}
			return "", "", nil, fmt.Errorf("%w: damaged saved web page (.mhtml): %v", ErrEmpty, err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		id := strings.Trim(p.Header.Get("Content-ID"), "<>")
		if ct != "text/html" && ct != "application/xhtml+xml" {
			p.Close()
			continue
		}
		body, err := io.ReadAll(io.LimitReader(p, MaxFileSize+1))
		p.Close()
		if err != nil {
			return "", "", nil, fmt.Errorf("%w: damaged saved web page (.mhtml): %v", ErrEmpty, err)
		}
		if first == nil || start != "" && id == start {
			first, firstHdr = body, p.Header
		}
		if start == "" || id == start {
			break
		}
	}
	if first == nil {
		return "", "", nil, fmt.Errorf("%w: the saved web page (.mhtml) holds no HTML page", ErrEmpty)
	}
	text, warns, err = decodePart(first, firstHdr)
	return text, firstHdr.Get("Content-Location"), warns, err
}

// decodePart undoes a MIME part's transfer encoding and decodes its text
// with the part's charset, else as a web page (see decodeHTML).
func decodePart(body []byte, hdr textproto.MIMEHeader) (string, []string, error) {
	switch strings.ToLower(strings.TrimSpace(hdr.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
		if err != nil {
			return "", nil, fmt.Errorf("%w: the saved web page's quoted-printable text is damaged: %v", ErrEncoding, err)
		}
		body = out
	case "base64":
		out, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, newlineStripper{bytes.NewReader(body)}))
		if err != nil {
			return "", nil, fmt.Errorf("%w: the saved web page's base64 text is damaged: %v", ErrEncoding, err)
		}
		body = out
	}
	if len(body) > MaxFileSize {
		return "", nil, fmt.Errorf("%w: the page in the .mhtml file is over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)
	}
	_, params, _ := mime.ParseMediaType(hdr.Get("Content-Type"))
	if cs := params["charset"]; cs != "" && !utf8.Valid(body) {
		if e, name := charset.Lookup(cs); e != nil && name != "utf-8" {
			out, err := e.NewDecoder().Bytes(body)
			if err == nil {
				return string(out), nil, nil
			}
		}
	}
	return decodeHTML(body)
}

// newlineStripper drops CR and LF from a base64 stream.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	for {
		k, err := n.r.Read(p)
		j := 0
		for _, b := range p[:k] {
			if b != '\r' && b != '\n' {
				p[j] = b
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}
