package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model/testenv"
)

// newsPage builds an invented saved news page of about size bytes laid
// out like the real ones: half of it scripts and styles (the pages in
// corpus/web have 9–84%), a site menu, the article (headline, byline,
// paragraphs, a photo, a pull-quote) and, around it, related-story lists
// and comment threads up to size bytes, about 10 elements per KB of markup
// (the corpus pages have 1–9 per KB of page).
func newsPage(size int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council approves harbour plan | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger"><meta property="og:title" content="Council approves harbour plan">
<meta property="article:published_time" content="2024-03-04T09:30:00-05:00"><link rel="canonical" href="https://ledger.example/2024/03/04/harbour-plan">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves harbour plan","author":{"@type":"Person","name":"Priya Natarajan"}}</script>`)
	script := "<script>window.__state=" + strings.Repeat(`{"k":"v","list":[1,2,3],"s":"lorem ipsum dolor"},`, 4000) + "{};</script>\n"
	style := "<style>" + strings.Repeat(".c-teaser__title{font:16px/1.4 serif;margin:0 0 8px}\n", 2000) + "</style>\n"
	for b.Len() < size/2 {
		b.WriteString(script)
		b.WriteString(style)
	}
	b.WriteString(`</head><body><header class="site-header"><nav class="main-nav"><ul>`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><header><h1>Council approves harbour plan</h1>
<p class="byline">By <a rel="author" href="/by/priya">Priya Natarajan</a> <time datetime="2024-03-04">March 4, 2024</time></p></header>
<div class="article-body">`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "<p>%s %s</p>\n", fmt.Sprintf(sentences[i%len(sentences)], 10+i), fmt.Sprintf(sentences[(i+3)%len(sentences)], 20+i))
		if i == 10 {
			b.WriteString(`<figure><img src="/p.jpg"><figcaption>The harbour at dawn. <span class="credit">Lena Morrow/Ledger</span></figcaption></figure>`)
		}
		if i == 20 {
			b.WriteString(`<aside class="pull-quote"><p>We have waited long enough for this decision</p></aside><div class="related"><h3>Related</h3><ul><li><a href="/x">Another story</a></li></ul></div>`)
		}
	}
	b.WriteString(`</div></article></main>`)
	for i := 0; b.Len() < size-2000; i++ {
		fmt.Fprintf(&b, `<section class="related-stories"><h2>More news</h2><ul>`)
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&b, `<li class="c-teaser"><a href="/story/%d/%d"><span class="c-teaser__title">Teaser headline number %d about the region</span></a><p class="c-teaser__dek">%s</p></li>`,
				i, j, j, fmt.Sprintf(sentences[j%len(sentences)], j)+" "+fmt.Sprintf(sentences[(j+1)%len(sentences)], i))
		}
		b.WriteString(`</ul></section><div class="comments"><div class="comment"><p>A reader's comment on the plan, fairly short.</p></div></div>`)
	}
	b.WriteString(`<footer class="site-footer"><p>© 2024 The Harbor Ledger</p></footer></body></html>`)
	return b.String()
}

func TestNewsPageBench(t *testing.T) {
	page := newsPage(2 << 20)
	c, _, err := Parse("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if c.Headline != "Council approves harbour plan" || c.Publication != "The Harbor Ledger" || c.Date != "2024-03-04" ||
		len(c.Authors) != 1 || c.Authors[0] != "Priya Natarajan" {
		t.Errorf("metadata %+v", c.Metadata)
	}
	pars := strings.Split(c.Body, "\n\n")
	if len(pars) != 40 || strings.Contains(c.Body, "Teaser headline") || strings.Contains(c.Body, "reader's comment") ||
		strings.Contains(c.Body, "Another story") {
		t.Errorf("body of %d paragraphs: %.300q", len(pars), c.Body)
	}
	if len(c.Captions) != 1 || c.Captions[0].Credit != "Lena Morrow/Ledger" {
		t.Errorf("captions %q", c.Captions)
	}
}

// BenchmarkParseHTML2MB parses a 2 MB saved news page (target: 100 ms).
// cpu-ms/op is the process's CPU time per parse, garbage collection
// included: on a busy machine it is the steadier figure.
func BenchmarkParseHTML2MB(b *testing.B) {
	page := []byte(newsPage(2 << 20))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	start := testenv.CPUTime()
	for b.Loop() {
		if _, _, err := Parse("page.html", page); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := testenv.CPUTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkParseYahoo parses the largest page in corpus/web (1.2 MB).
func BenchmarkParseYahoo(b *testing.B) {
	page, err := os.ReadFile(filepath.Join(corpusDir(b, "web"), "yahoo-1", "source.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	start := testenv.CPUTime()
	for b.Loop() {
		if _, _, err := Parse("source.html", page); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := testenv.CPUTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkImportHTML19MB imports a 19 MB web page into a new project and
// reports the peak resident memory (target: ≤ 300 MB): "news" is a saved
// news page (half scripts and styles, the rest markup around a
// 40-paragraph article), "dense" a page of 650,000 small elements, over
// the limit for a tree, so read from its tokens. Run one at a time, with
// -benchtime 1x, to read the memory of that import alone
// (-bench 'ImportHTML19MB/dense'). The pages are built once and cached in
// the temporary folder.
func BenchmarkImportHTML19MB(b *testing.B) {
	for _, page := range []struct {
		name string
		make func() []byte
	}{
		{"news", func() []byte { return []byte(newsPage(19 << 20)) }},
		{"dense", func() []byte { return []byte(densePage(19 << 20)) }},
	} {
		b.Run(page.name, func(b *testing.B) {
			p := cached(b, filepath.Join(benchCache(b), page.name+"19mb.html"), page.make)
			benchImport(b, []string{p}, 1, nil)
		})
	}
}

// densePage builds a page of about size bytes made of small elements:
// rows of a span, a link and a paragraph.
func densePage(size int) string {
	var b strings.Builder
	b.WriteString("<html><head><title>Rows</title></head><body><article><h1>Harbour records</h1>")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<div class="r"><span class="a">Row %d</span><a href="/x/%d">link</a><p>Paragraph text number %d that says something.</p></div>`, i, i, i)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}
