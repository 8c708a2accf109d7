package ingest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"golang.org/x/net/html/charset"
)

// errNoEmailText: an e-mail without a text or HTML part.
var errNoEmailText = errors.New("the e-mail has no text or HTML part")

// maxMIMEParts bounds the parts of an e-mail Clipper looks at.
const maxMIMEParts = 1000

// looksEmail reports whether data starts with the header of an Internet
// message (RFC 5322) that declares MIME content: header lines up to a
// blank line, among them MIME-Version or Content-Type, and From or
// Received. A text clipping that merely starts with "From:" is not one.
func looksEmail(data []byte) bool {
	head := data[:min(len(data), 64<<10)]
	end := bytes.Index(head, []byte("\r\n\r\n"))
	if e2 := bytes.Index(head, []byte("\n\n")); e2 >= 0 && (end < 0 || e2 < end) {
		end = e2
	}
	if end <= 0 {
		return false
	}
	var mimeSeen, fromSeen bool
	for _, l := range strings.Split(strings.ReplaceAll(string(head[:end]), "\r\n", "\n"), "\n") {
		if l == "" {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			continue // a folded header line
		}
		k, _, ok := strings.Cut(l, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return false
		}
		switch strings.ToLower(k) {
		case "mime-version", "content-type":
			mimeSeen = true
		case "from", "received", "return-path", "message-id":
			fromSeen = true
		}
	}
	return mimeSeen && fromSeen
}

// emailPart is the text Clipper reads from an e-mail.
type emailPart struct {
	text    string // decoded to UTF-8
	html    bool
	subject string
}

// readEmail reads an e-mail (.eml): the first text/html part, else the
// first text/plain part, with its transfer encoding (quoted-printable,
// base64) and charset decoded. Parts nested in multipart/* parts and
// attached message/rfc822 messages are searched too.
func readEmail(data []byte) (emailPart, []string, error) {
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		return emailPart{}, nil, fmt.Errorf("%w: its header cannot be read: %v", ErrCorruptEmail, err)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		subject = msg.Header.Get("Subject")
	}
	var htmlPart, textPart *emailPart
	var warns []string
	var firstBad error // the first part that could not be read, when none can
	parts := 0
	// skip notes a damaged part and goes on with the others: the e-mail
	// fails only when no text part can be read.
	skip := func(err error) {
		if firstBad == nil {
			firstBad = err
		}
		warns = append(warns, strings.TrimPrefix(err.Error(), ErrCorruptEmail.Error()+": ")+"; it was skipped")
	}
	var walk func(h textproto.MIMEHeader, body io.Reader, depth int, where string) error
	walk = func(h textproto.MIMEHeader, body io.Reader, depth int, where string) error {
		parts++
		if parts > maxMIMEParts || depth > 20 {
			return fmt.Errorf("%w: the e-mail has too many nested parts (over %d, or nested over 20 deep)", ErrCorruptEmail, maxMIMEParts)
		}
		ct := h.Get("Content-Type")
		if ct == "" {
			ct = "text/plain; charset=us-ascii"
		}
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			mt = "text/plain"
			params = map[string]string{}
		}
		switch {
		case strings.HasPrefix(mt, "multipart/"):
			if params["boundary"] == "" {
				skip(fmt.Errorf("%w: %s is multipart but names no boundary between its parts", ErrCorruptEmail, where))
				return nil
			}
			mr := multipart.NewReader(body, params["boundary"])
			for i := 1; ; i++ {
				p, err := mr.NextRawPart()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					skip(fmt.Errorf("%w: part %d of %s cannot be read (a damaged or missing boundary: %v)", ErrCorruptEmail, i, where, err))
					return nil
				}
				if err := walk(p.Header, p, depth+1, fmt.Sprintf("part %d of %s", i, where)); err != nil {
					return err
				}
			}
		case mt == "message/rfc822":
			inner, err := mail.ReadMessage(bufio.NewReader(body))
			if err != nil {
				skip(fmt.Errorf("%w: the message attached as %s cannot be read: %v", ErrCorruptEmail, where, err))
				return nil
			}
			in := "the attached message"
			if s := inner.Header.Get("Subject"); s != "" {
				if d, err := dec.DecodeHeader(s); err == nil {
					s = d
				}
				in = fmt.Sprintf("the attached message %q", s)
			}
			return walk(textproto.MIMEHeader(inner.Header), inner.Body, depth+1, in)
		case mt == "text/html" || mt == "text/plain":
			if mt == "text/html" && htmlPart != nil || mt == "text/plain" && textPart != nil {
				return nil
			}
			if strings.HasPrefix(strings.ToLower(h.Get("Content-Disposition")), "attachment") {
				return nil
			}
			cte := h.Get("Content-Transfer-Encoding")
			raw, err := io.ReadAll(io.LimitReader(transferDecoder(cte, body), MaxFileSize+1))
			if err != nil {
				skip(fmt.Errorf("%w: the %s text of %s is damaged in its %s transfer encoding: %v",
					ErrCorruptEmail, strings.TrimPrefix(mt, "text/"), where, strings.ToLower(strings.TrimSpace(cte)), err))
				return nil
			}
			if len(raw) > MaxFileSize {
				return fmt.Errorf("%w: a part of the e-mail is over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)
			}
			text, w, err := decodeCharset(raw, params["charset"], mt == "text/html")
			if err != nil {
				if where != "the e-mail" {
					err = fmt.Errorf("%s: %w", where, err)
				}
				return err
			}
			warns = append(warns, w...)
			p := &emailPart{text: text, html: mt == "text/html", subject: subject}
			if p.html {
				htmlPart = p
			} else {
				textPart = p
			}
		}
		return nil
	}
	if err := walk(textproto.MIMEHeader(msg.Header), msg.Body, 0, "the e-mail"); err != nil {
		return emailPart{}, warns, err
	}
	switch {
	case htmlPart != nil:
		return *htmlPart, warns, nil
	case textPart != nil:
		return *textPart, warns, nil
	case firstBad != nil:
		return emailPart{}, nil, firstBad
	}
	return emailPart{}, warns, fmt.Errorf("%w: %w", ErrEmpty, errNoEmailText)
}

// transferDecoder undoes a Content-Transfer-Encoding.
func transferDecoder(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Cleaner{r: r})
	}
	return r
}

// base64Cleaner drops the line breaks and spaces inside base64 text.
type base64Cleaner struct{ r io.Reader }

func (c *base64Cleaner) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		k := 0
		for _, b := range p[:n] {
			if b != '\r' && b != '\n' && b != ' ' && b != '\t' {
				p[k] = b
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// decodeCharset decodes a text part from the charset its header names;
// without one (or for UTF-8 and Windows-1252) by decode's rules, and for
// HTML by the page's own declaration.
func decodeCharset(raw []byte, cs string, isHTML bool) (string, []string, error) {
	cs = strings.ToLower(strings.TrimSpace(cs))
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "windows-1252", "iso-8859-1", "latin1":
		if isHTML {
			return decodeHTML(raw)
		}
		return decode(raw)
	}
	e, name := charset.Lookup(cs)
	if e == nil {
		return "", nil, fmt.Errorf("%w: the e-mail's text is in charset %q, which Clipper does not know", ErrEncoding, cs)
	}
	out, err := e.NewDecoder().Bytes(raw)
	if err != nil {
		return "", nil, fmt.Errorf("%w: cannot decode the e-mail's text as %s: %v", ErrEncoding, name, err)
	}
	return string(out), nil, nil
}
