package ingest

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestHTMLAuthors(t *testing.T) {
	page := func(ld, metas string) string {
		return `<html><head>` + metas + `<script type="application/ld+json">` + ld + `</script></head>
			<body><article><p>PORT ALDEN – The ferry operator will raise fares by 12%.</p></article></body></html>`
	}
	tests := []struct {
		name, ld, metas string
		authors         []string
		credit          string
	}{
		{"string", `{"@type":"NewsArticle","author":"Jonah Reyes"}`, "", []string{"Jonah Reyes"}, ""},
		{"string with two names", `{"@type":"NewsArticle","author":"Jonah Reyes and Amira Castell"}`, "", []string{"Jonah Reyes", "Amira Castell"}, ""},
		{"object", `{"@type":"NewsArticle","author":{"@type":"Person","name":"Jonah Reyes"}}`, "", []string{"Jonah Reyes"}, ""},
		{"array", `{"@type":"ReportageNewsArticle","author":[{"@type":"Person","name":"Jonah Reyes"},"Amira Castell"]}`, "", []string{"Jonah Reyes", "Amira Castell"}, ""},
		{"organisation is the credit", `{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jonah Reyes"},{"@type":"Organization","name":"Meridian News Agency"}]}`, "", []string{"Jonah Reyes"}, "Meridian News Agency"},
		{"type array and graph", `{"@graph":[{"@type":"WebPage"},{"@type":["Article","NewsArticle"],"author":{"name":"Jonah Reyes"}}]}`, "", []string{"Jonah Reyes"}, ""},
		{"top-level array", `[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","author":{"name":"Jonah Reyes"}}]`, "", []string{"Jonah Reyes"}, ""},
		{"meta author when no JSON-LD author", `{"@type":"NewsArticle"}`, `<meta name="author" content="Jonah Reyes, Amira Castell">`, []string{"Jonah Reyes", "Amira Castell"}, ""},
		{"meta author with By", `{}`, `<meta name="author" content="By Jonah Reyes">`, []string{"Jonah Reyes"}, ""},
		{"article:author URL ignored", `{}`, `<meta property="article:author" content="https://example.org/jonah">`, nil, ""},
		{"invalid JSON-LD falls back to meta", `{"@type": "NewsArticle",`, `<meta name="author" content="Jonah Reyes">`, []string{"Jonah Reyes"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("page.html", []byte(page(tt.ld, tt.metas)))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c.Authors, tt.authors) || c.Credit != tt.credit {
				t.Errorf("authors %q credit %q, want %q %q", c.Authors, c.Credit, tt.authors, tt.credit)
			}
		})
	}
}

func TestHTMLMetadataFallbacks(t *testing.T) {
	tests := []struct {
		name                                string
		page                                string
		headline, pub, date, url, deck, top string
	}{
		{"h1, title suffix and time element",
			`<html><head><title>Ferry fares rise - The Lakeside Gazette</title></head><body>
			<nav><time datetime="2020-01-01">today</time></nav>
			<main><h1>Ferry fares rise</h1><time datetime="2024-03-04T10:00:00Z">4 March</time>
			<p>The operator will raise fares by 12% on April 1, the second increase in two years.</p></main></body></html>`,
			"Ferry fares rise", "The Lakeside Gazette", "2024-03-04", "", "", "The operator"},
		{"title only, og:url, description kept when it differs",
			`<html><head><title>Ferry fares rise</title><meta property="og:url" content="https://gazette.example/ferry">
			<meta name="description" content="Riders' group calls it a tax on islanders"></head>
			<body><p>The operator will raise fares by 12% on April 1, the second increase in two years.</p></body></html>`,
			"Ferry fares rise", "", "", "https://gazette.example/ferry", "Riders' group calls it a tax on islanders", "The operator"},
		{"description that repeats the lead without its dateline is dropped",
			`<html><head><meta property="og:title" content="Ferry fares rise | Gazette"><meta property="og:site_name" content="Gazette">
			<meta property="og:description" content="The operator will raise fares by 12% on April 1, the second…">
			<link rel="canonical" href="/relative/only"></head>
			<body><article><p>PORT ALDEN – The operator will raise fares by 12% on April 1, the second increase in two years.</p></article></body></html>`,
			"Ferry fares rise", "Gazette", "", "", "", "PORT ALDEN"},
		{"articleBody itemprop wins over a bigger teaser article",
			`<html><body><div itemprop="articleBody"><p>The real story text is here and it is the article.</p></div>
			<article><p>Teaser one with a rather long text that is longer than the real story itself, to be sure of it.</p></article></body></html>`,
			"", "", "", "", "", "The real story"},
		{"the element with most paragraph text when articles are small",
			`<html><body><article><p>Teaser.</p></article>
			<div class="content"><p>First real paragraph of the story, with enough words to count.</p>
			<p>Second real paragraph of the story, again with enough words to count for something.</p></div></body></html>`,
			"", "", "", "", "", "First real paragraph"},
		{"hidden and furniture skipped, byline and date paragraphs moved to metadata",
			`<html><body><article>
			<p hidden>Hidden text.</p><p style="display: none">Also hidden.</p>
			<div class="social-share"><p>Share on social</p></div>
			<p>By Jonah Reyes</p><p>March 3, 2024</p>
			<p>The operator will raise fares.</p>
			<pre>Line one
  Line two</pre></article></body></html>`,
			"", "", "2024-03-03", "", "", "The operator will raise fares.\n\nLine one\nLine two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("page.htm", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if c.Headline != tt.headline || c.Publication != tt.pub || c.Date != tt.date || c.URL != tt.url || c.Deck != tt.deck {
				t.Errorf("headline %q pub %q date %q url %q deck %q", c.Headline, c.Publication, c.Date, c.URL, c.Deck)
			}
			if !strings.HasPrefix(c.Body, tt.top) {
				t.Errorf("body %q does not start with %q", c.Body, tt.top)
			}
			if strings.Contains(c.Body, "idden") || strings.Contains(c.Body, "Share") || strings.Contains(c.Body, "By Jonah") {
				t.Errorf("body has furniture: %q", c.Body)
			}
		})
	}
}

func TestHTMLCharsets(t *testing.T) {
	greek, err := charmap.ISO8859_7.NewEncoder().String(`<html><head><meta charset="iso-8859-7"><title>Ειδήσεις</title></head><body><p>Η κυβέρνηση ανακοίνωσε νέα μέτρα.</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	c, warns, err := Parse("greek.html", []byte(greek))
	if err != nil {
		t.Fatal(err)
	}
	if c.Body != "Η κυβέρνηση ανακοίνωσε νέα μέτρα." || c.Headline != "Ειδήσεις" || len(warns) != 0 {
		t.Errorf("declared charset: body %q headline %q warnings %q", c.Body, c.Headline, warns)
	}

	latin, err := charmap.Windows1252.NewEncoder().String(`<html><body><p>“Café” fees rise by €18.</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	c, warns, err = Parse("latin.htm", []byte(latin))
	if err != nil {
		t.Fatal(err)
	}
	if c.Body != "“Café” fees rise by €18." || len(warns) != 1 || !strings.Contains(warns[0], "Windows-1252") {
		t.Errorf("undeclared legacy bytes: body %q warnings %q", c.Body, warns)
	}
}

func TestSniffing(t *testing.T) {
	tests := []struct {
		name, data, body string
	}{
		{"download", "<!DOCTYPE html><html><body><p>Hello <b>there</b>.</p></body></html>", "Hello there."},
		{"clip.dat", "  <p>Paragraph one.</p><p>Paragraph two.</p>", "Paragraph one.\n\nParagraph two."},
		{"notes", "<not html> just text that starts with a bracket", "<not html> just text that starts with a bracket"},
		{"NOTES.TXT", "<html><body><p>kept as text</p></body></html>", "<html><body><p>kept as text</p></body></html>"},
	}
	for _, tt := range tests {
		c, _, err := Parse(tt.name, []byte(tt.data))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.Body != tt.body {
			t.Errorf("%s: body %q, want %q", tt.name, c.Body, tt.body)
		}
	}
	// A .docx saved without its extension, or with the wrong one, is still
	// read as a document.
	for _, name := range []string{"attachment", "story.txt"} {
		c, _, err := Parse(name, docx(t, `<w:p><w:r><w:t>Only paragraph.</w:t></w:r></w:p>`))
		if err != nil || c.Body != "Only paragraph." {
			t.Errorf("%s: docx read as %+v, %v", name, c, err)
		}
	}
}
