package ingest

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestEmail(t *testing.T) {
	html := `<html><body><article><h1>Ferry fares to rise</h1><p>The island ferry operator will raise fares by 12% on April 1, the second increase in two years, it said Monday.</p><p>“We held prices for as long as we could,” said chief executive Dana Holt.</p></article></body></html>`
	qp := "From: Ana <ana@example.org>\r\nTo: b@example.org\r\nSubject: =?UTF-8?Q?F=C3=A4hre?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/alternative; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain version\r\n" +
		"--XX\r\nContent-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		strings.ReplaceAll(strings.ReplaceAll(html, "=", "=3D"), "“", "=E2=80=9C") + "\r\n--XX--\r\n"
	b64 := "Received: from x by y\r\nFrom: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte("Caf\xe9 owners protest\n\nThe owners of six caf\xe9s on the harbour front said on Monday that the new rules would cost them the summer season.\n"))
	tests := []struct {
		name, data string
		headline   string
		body       string // start of the body
	}{
		{"fares.eml", qp, "Ferry fares to rise", "The island ferry operator will raise fares by 12%"},
		{"cafe", b64, "Café owners protest", "The owners of six cafés on the harbour front"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseArticles(context.Background(), tt.name, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != "e-mail" || len(p.Articles) != 1 {
				t.Fatalf("format %q, %d articles", p.Format, len(p.Articles))
			}
			c := p.Articles[0].Clipping
			if c.Headline != tt.headline || !strings.HasPrefix(c.Body, tt.body) {
				t.Errorf("headline %q body %q", c.Headline, c.Body)
			}
			checkParsed(t, c)
		})
	}

	// A text clipping that starts like a mail header is still text.
	c, _, err := Parse("note.txt", []byte("From: the editor\n\nHarbour plan approved\n\nThe council voted 7-2 on Tuesday to approve the plan, officials said.\n"))
	if err != nil || strings.Contains(c.Body, "MIME") {
		t.Fatalf("%v %+v", err, c)
	}
	// A mail without text is empty.
	if _, _, err := Parse("x.eml", []byte("From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx")); !errors.Is(err, ErrEmpty) {
		t.Errorf("mail without text: %v", err)
	}
}
