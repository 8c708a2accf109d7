package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// storyPage is an invented news page: head, then the article body.
func storyPage(head, top string) string {
	return `<html><head>` + head + `</head><body><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="sidebar"><p class="byline">By Someone Else</p><time datetime="2019-01-01">Jan 1, 2019</time></div>
<article><h1>Ferry fares to rise 12% in spring</h1>` + top + `
<p>PORT ALDEN – The island ferry operator will raise fares by 12% on April 1, the second increase in two years, it said Monday, citing fuel costs.</p>
<p>“We held prices for as long as we could,” said chief executive Dana Holt, who added that fuel had risen by a third since the last increase.</p>
<p>The riders’ group called the increase a tax on islanders and said it would ask the council to step in before the new fares take effect.</p>
</article></body></html>`
}

func TestWebMetadata(t *testing.T) {
	tests := []struct {
		name, head, top                    string
		headline, pub, date, lang, section string
		authors                            []string
		credit                             string
	}{
		{"JSON-LD graph in CDATA, modified date ignored",
			`<title>Ferry fares to rise 12% in spring | The Lakeside Gazette</title>
<script type="application/ld+json"><![CDATA[{"@graph":[{"@type":"WebSite","name":"Gazette"},{"@type":"NewsArticle","headline":"Ferry fares to rise 12% in spring","dateModified":"2024-03-09","datePublished":"2024-03-04T08:00:00Z","inLanguage":"en-GB","articleSection":"Local","author":[{"@type":"Person","name":"Jonah Reyes"},{"@type":"Organization","name":"Reuters"}],"publisher":{"@type":"Organization","name":"The Lakeside Gazette"}}]}]]></script>`,
			"", "Ferry fares to rise 12% in spring", "The Lakeside Gazette", "2024-03-04", "en", "Local", []string{"Jonah Reyes"}, "Reuters"},
		{"Open Graph and article meta, suffix stripped",
			`<meta property="og:title" content="Ferry fares to rise 12% in spring - Lakeside Gazette"><meta property="og:site_name" content="Lakeside Gazette">
<meta property="article:modified_time" content="2024-03-09T10:00:00Z"><meta property="article:published_time" content="2024-03-04T10:00:00Z">
<meta property="article:section" content="Business"><meta property="og:locale" content="fr_FR"><meta name="author" content="Gazette Staff">`,
			`<p class="byline">By <a rel="author" href="/a">Amira Castell</a>, Munich, Germany</p>`,
			"Ferry fares to rise 12% in spring", "Lakeside Gazette", "2024-03-04", "fr", "Business", []string{"Amira Castell"}, ""},
		{"visible byline and date after the headline, not the sidebar's",
			`<html lang="de-DE"><title>Ferry fares to rise 12% in spring</title>`,
			`<div class="article-byline"><span class="author-name">Jonah Reyes</span> und <span class="author-name">Amira Castell</span> <span class="date">4. März 2024, 10:12 Uhr</span></div>`,
			"Ferry fares to rise 12% in spring", "", "2024-03-04", "de", "", []string{"Jonah Reyes", "Amira Castell"}, ""},
		{"wire story: agency as credit, no person",
			`<title>Ferry fares to rise 12% in spring</title><meta name="author" content="Associated Press">`,
			`<p class="byline">By The Associated Press</p><p class="timestamp">Published March 4, 2024 | Updated March 5, 2024</p>`,
			"Ferry fares to rise 12% in spring", "", "2024-03-04", "", "", nil, "AP"},
		{"hNews published mark and a staff byline",
			`<title>Ferry fares to rise 12% in spring · Gazette</title><meta name="application-name" content="Gazette">`,
			`<p><abbr class="published" title="2024-03-04T09:00:00Z">March 4</abbr> <span class="byline">By Gazette Staff</span></p>`,
			"Ferry fares to rise 12% in spring", "Gazette", "2024-03-04", "", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("page.html", []byte(storyPage(tt.head, tt.top)))
			if err != nil {
				t.Fatal(err)
			}
			m := c.Metadata
			if m.Headline != tt.headline || m.Publication != tt.pub || m.Date != tt.date || m.Language != tt.lang || m.Section != tt.section ||
				!reflect.DeepEqual(m.Authors, tt.authors) || m.Credit != tt.credit {
				t.Errorf("got headline %q pub %q date %q lang %q section %q authors %q credit %q",
					m.Headline, m.Publication, m.Date, m.Language, m.Section, m.Authors, m.Credit)
			}
			if !strings.HasPrefix(c.Body, "PORT ALDEN – The island ferry") || strings.Contains(c.Body, "Someone") || strings.Contains(c.Body, "Home") {
				t.Errorf("body %q", c.Body)
			}
			if m.Dateline != "PORT ALDEN" {
				t.Errorf("dateline %q", m.Dateline)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	tests := map[string]string{
		"Apr 16, 2015 8:02 pm UTC":           "2015-04-16",
		"by Lucas Nolan 22 Dec 2016 651":     "2016-12-22",
		"Published Thursday 27 July 2017":    "2017-07-27",
		"2/26/2015 7:11 AM PST BY TMZ STAFF": "2015-02-26",
		"08.04.2015, 12:46 Uhr":              "2015-04-08",
		"1. listopadu 2021":                  "2021-11-01",
		"4 de mayo de 2022":                  "2022-05-04",
		"TNW中文站 2016年10月14日07:17":            "2016-10-14",
		"le 12 avril 2017 à 10h":             "2017-04-12",
		"March 18 at 12:22 PM":               "",
		"31/02/2020":                         "",
	}
	for in, want := range tests {
		if got := findDate(in); got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://ledger.example/2015/03/18/ca175d64_story.html":      "2015-03-18",
		"https://ledger.example/hidden-heroines-20190520/":           "2019-05-20",
		"https://ledger.example/news/ferry-fares-rise-by-12-percent": "",
	} {
		if got := dateFromURL(in); got != want {
			t.Errorf("dateFromURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebLimits(t *testing.T) {
	// A page with more elements than a tree is built for is read as text.
	var b strings.Builder
	b.WriteString("<html><body><p>Ferry fares rise.</p>")
	for b.Len() < maxHTMLElements*12 {
		b.WriteString("<b>x</b> ")
	}
	b.WriteString("</body></html>")
	c, warns, err := Parse("huge.html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) == 0 || !strings.Contains(warns[0], "elements") || !strings.HasPrefix(c.Body, "Ferry fares rise.") {
		t.Errorf("warnings %q, body %.40q", warns, c.Body)
	}

	// Text over the limit is cut at a paragraph with a message naming it.
	long := strings.Repeat(strings.Repeat("word ", 200)+"\n\n", MaxFileSize/1000+10)
	body, w := capText(long)
	if len(body) > MaxFileSize || !strings.HasSuffix(strings.TrimSpace(body), "word") || len(w) != 1 || !strings.Contains(w[0], "20 MiB") {
		t.Errorf("capText: %d bytes, warnings %q", len(body), w)
	}
}
