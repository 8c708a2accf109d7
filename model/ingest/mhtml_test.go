package ingest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// savedPage is an invented news page, as a browser would save it.
const savedPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry fares to rise 12% in spring | The Lakeside Gazette</title>
<meta property="og:site_name" content="The Lakeside Gazette">
<meta property="article:published_time" content="2024-03-04T09:30:00-05:00">
</head><body><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry fares to rise 12% in spring</h1>
<p class="byline">By Jonah Reyes and Amira Castell</p>
<p>PORT ALDEN – The island ferry operator will raise fares by 12% on April 1, the second increase in two years, it said Monday. Riders who commute daily will pay about $180 more a year.</p>
<figure><img src="cid:photo1"><figcaption>A ferry leaves Port Alden on Monday. <span class="credit">Lena Morrow/Gazette</span></figcaption></figure>
<p>“We held prices for as long as we could,” said chief executive Dana Holt, who blamed fuel costs that have risen by a third since the last increase.</p>
<p>Read more: Island council to review ferry contract</p>
<p>The riders’ group called the increase “a tax on islanders” and said it would ask the council to step in before the new fares take effect.</p>
</article><footer>© 2024 The Lakeside Gazette</footer></body></html>`

// mhtml wraps html as Chrome's "Save as single file" does: a
// multipart/related MIME message whose first part is the page in
// quoted-printable, followed by a base64 image.
func mhtml(t testing.TB, html, htmlCharset, htmlEncoding string) []byte {
	t.Helper()
	const boundary = "----MultipartBoundary--Ab3Cd4Ef5Gh6----"
	var b bytes.Buffer
	b.WriteString("From: <Saved by Blink>\r\n")
	b.WriteString("Snapshot-Content-Location: https://gazette.example/2024/03/04/ferry-fares\r\n")
	b.WriteString("Subject: =?utf-8?Q?Ferry_fares_to_rise?=\r\n")
	b.WriteString("Date: Mon, 4 Mar 2024 15:01:02 -0000\r\n")
	b.WriteString("MIME-Version: 1.0\r\n")
	fmt.Fprintf(&b, "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"%s\"\r\n\r\n\r\n", boundary)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/html; charset=%s\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: %s\r\nContent-Location: https://gazette.example/2024/03/04/ferry-fares\r\n\r\n", boundary, htmlCharset, htmlEncoding)
	switch htmlEncoding {
	case "quoted-printable":
		w := quotedprintable.NewWriter(&b)
		if _, err := w.Write([]byte(html)); err != nil {
			t.Fatal(err)
		}
		w.Close()
	case "base64":
		enc := base64.StdEncoding.EncodeToString([]byte(html))
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc)
	}
	fmt.Fprintf(&b, "\r\n\r\n--%s\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: cid:photo1\r\n\r\n%s\r\n\r\n--%s--\r\n",
		boundary, base64.StdEncoding.EncodeToString([]byte("\x89PNG\r\n\x1a\nnot really an image")), boundary)
	return b.Bytes()
}

func TestMHTML(t *testing.T) {
	want, _, err := Parse("page.html", []byte(savedPage))
	if err != nil {
		t.Fatal(err)
	}
	if pars := strings.Split(want.Body, "\n\n"); len(pars) != 3 || !strings.HasPrefix(pars[0], "PORT ALDEN – The island") ||
		!strings.HasPrefix(pars[2], "The riders’ group") {
		t.Fatalf("the page itself reads as %q", want.Body)
	}
	latin, err := charmap.Windows1252.NewEncoder().String(savedPage)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"quoted-printable", "Ferry fares.mhtml", mhtml(t, savedPage, "utf-8", "quoted-printable")},
		{"base64 .mht", "ferry.MHT", mhtml(t, savedPage, "utf-8", "base64")},
		{"windows-1252 part", "ferry.mhtml", mhtml(t, latin, "windows-1252", "quoted-printable")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(tt.data), "=3D") && tt.name == "quoted-printable" {
				t.Fatal("fixture is not quoted-printable")
			}
			c, warns, err := Parse(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if c.Body != want.Body {
				t.Errorf("body %q\nwant %q", c.Body, want.Body)
			}
			if c.Headline != "Ferry fares to rise 12% in spring" || c.Publication != "The Lakeside Gazette" || c.Date != "2024-03-04" ||
				strings.Join(c.Authors, "; ") != "Jonah Reyes; Amira Castell" || c.Dateline != "PORT ALDEN" {
				t.Errorf("metadata %+v", c.Metadata)
			}
			if c.URL != "https://gazette.example/2024/03/04/ferry-fares" {
				t.Errorf("URL %q, want the address the page was saved from", c.URL)
			}
			if len(c.Captions) != 1 || c.Captions[0].Credit != "Lena Morrow/Gazette" || c.Captions[0].Text != "A ferry leaves Port Alden on Monday." {
				t.Errorf("captions %q", c.Captions)
			}
			if strings.Contains(c.Body, "Read more") || strings.Contains(c.Body, "Home") || strings.Contains(c.Body, "ferry leaves") {
				t.Errorf("furniture or caption in body %q", c.Body)
			}
			if len(warns) != 0 {
				t.Errorf("warnings %q", warns)
			}
		})
	}

	// A saved file without an HTML part is refused with a clear message.
	noHTML := strings.Replace(string(mhtml(t, savedPage, "utf-8", "quoted-printable")), "Content-Type: text/html", "Content-Type: text/css", 1)
	if _, _, err := Parse("broken.mhtml", []byte(noHTML)); !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "no HTML page") {
		t.Errorf("no HTML part: %v", err)
	}
}
