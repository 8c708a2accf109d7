package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"clipper/model"
)

// sentinels are the errors every Parse failure must wrap.
var sentinels = []error{ErrBinary, ErrEmpty, ErrTooLarge, ErrEncoding, ErrCorruptDocx, ErrUnsplittable, ErrSeveral}

// FuzzParse checks that Parse never panics, that every failure wraps one
// of the sentinel errors, and that every clipping it returns has a
// normalised body, the matching hash and one-line metadata.
func FuzzParse(f *testing.F) {
	for _, name := range testInputs(f) {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, data)
	}
	f.Add("a.docx", docx(f, `<w:p><w:r><w:t>Héllo</w:t><w:br/><w:t>world</w:t></w:r></w:p>`))
	f.Add("a.md", []byte("---\ntitle: T\n---\n# H\n\n*deck*\n\n- item\n"))
	f.Add("a.html", []byte(`<p>x<br>y</p><figure><figcaption>c <cite>d</cite></figcaption></figure>`))
	f.Add("a.txt", []byte("A\r\n- B C D\r\n\r\nE – f\r\n ?? G ?? h\r\nG h\r\n"))
	f.Add("a.mhtml", mhtml(f, savedPage, "utf-8", "quoted-printable"))
	f.Add("b.html", []byte(storyPage(`<script type="application/ld+json">{"@type":"NewsArticle","author":"A B"}</script>`, `<p class="byline">By C D</p>`)))
	f.Add("lexis.txt", []byte(synthLexis(2)))
	f.Add("pq.txt", []byte(proquestExport(1, 2)))
	f.Add("nexis.docx", nexisDocx(f, synthNexis(2, true)))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		c, _, err := Parse(name, data)
		if err != nil {
			if c != nil {
				t.Fatal("clipping returned with an error")
			}
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error without a sentinel: %v", err)
		}
		checkParsed(t, c)
	})
}

// FuzzNormalize checks Normalize's output properties and idempotence, and
// the text path that pasted text takes.
func FuzzNormalize(f *testing.F) {
	for _, name := range testInputs(f) {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		if utf8.Valid(data) {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"", "\ufeff\r\n\r", "e\u200b\u0301", "a\u2029\u2028b", "\t\u00a0x\u3000 \n\n\n y \u0085", "\xff\xfe", "\u1100 \u1161"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if p := bodyProblem(n); p != "" {
			t.Fatalf("Normalize(%q) = %q: %s", s, n, p)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, again)
		}
		c, err := ParseText(s)
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("ParseText: %v", err)
			}
			return
		}
		checkParsed(t, c)
	})
}

// checkParsed asserts the invariants of a parsed clipping.
func checkParsed(t *testing.T, c *model.Clipping) {
	t.Helper()
	if c.Body == "" {
		t.Fatal("empty body without an error")
	}
	if p := bodyProblem(c.Body); p != "" {
		t.Fatalf("body %q: %s", c.Body, p)
	}
	if Normalize(c.Body) != c.Body {
		t.Fatalf("body %q is not a fixed point of Normalize", c.Body)
	}
	if c.BodyHash != model.HashBody(c.Body) {
		t.Fatal("BodyHash is not the hash of Body")
	}
	fields := []string{c.Publication, c.Headline, c.Deck, c.Credit, c.Dateline, c.Date, c.URL}
	fields = append(fields, c.Authors...)
	for _, cp := range c.Captions {
		fields = append(fields, cp.Credit, cp.Text)
	}
	for _, s := range fields {
		if !utf8.ValidString(s) || strings.Contains(s, "\n") || s != strings.TrimSpace(s) {
			t.Fatalf("metadata field %q is not one trimmed line", s)
		}
	}
	if c.Date != "" && parseDate(c.Date) != c.Date {
		t.Fatalf("date %q is not YYYY-MM-DD", c.Date)
	}
}
