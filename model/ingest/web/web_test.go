package web

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func extract(t *testing.T, page string) Content {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return Extract(doc, nil)
}

// article wraps paragraphs in an invented page with enough text for
// Readability to take the article.
func article(body string) string {
	return `<html><head><title>Ferry fares rise</title></head><body>
<nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Ferry fares rise</h1>
<p>PORT ALDEN – The island ferry operator will raise fares by 12% on April 1, the second increase in two years, it said Monday, citing fuel costs.</p>` +
		body + `
<p>The riders’ group called the increase a tax on islanders and said it would ask the council to step in before the new fares take effect in spring.</p>
<p>The council meets on Thursday. Its chair, Mirela Osei, said the contract with the operator allowed one increase a year at most, and that lawyers would look at it.</p>
</article><footer><p>© 2024 The Lakeside Gazette</p></footer></body></html>`
}

func TestIsClutter(t *testing.T) {
	clutter := []string{
		"Read more", "READ MORE: Island council to review ferry contract", "[Read: The ferry that never came]",
		"Related: Fares rose last year too", "Related Articles", "More on this story", "Most Read", "Most popular",
		"Share this article", "Share on Facebook", "View this image ›", "1 / 5", "3 of 12", "Advertisement",
		"Sign up for our newsletter", "Continue reading the main story", "Follow us on Twitter",
		"Lee también: La tarifa del ferry sube", "Seguí leyendo", "Leia também: Tarifas", "À lire aussi : les ferries",
		"Lire la suite", "Leggi anche: il traghetto", "Lesen Sie auch: Fähren", "Mehr zum Thema:", "Anzeige", "Publicité",
		"News | Sport | Kultur | Wetter", "More in Opinion ›", "Biz & IT —", "DS", "• • •",
	}
	for _, s := range clutter {
		if !isClutter(s) {
			t.Errorf("%q not taken for furniture", s)
		}
	}
	text := []string{
		"Read the report before deciding, she said.", "Related to the case, police arrested two men on Monday.",
		"Share prices fell 5% on Monday.", "Print on demand is growing fast among small publishers.",
		"Read more books, the report urges parents.", "Subscribers will pay $5 more a month.",
		"“We held prices for as long as we could,” said Dana Holt.", "Lee dijo que la tarifa subirá.",
		"Weitere Informationen folgen am Montag.", "Yes.", "2024",
	}
	for _, s := range text {
		if isClutter(s) {
			t.Errorf("%q taken for furniture", s)
		}
	}
}

func TestCaptions(t *testing.T) {
	tests := []struct{ caption, text, credit string }{
		{`<figcaption>A ferry leaves Port Alden. <span class="credit">Lena Morrow/Gazette</span></figcaption>`, "A ferry leaves Port Alden.", "Lena Morrow/Gazette"},
		{`<figcaption>A ferry leaves Port Alden. <cite>Photo: Lena Morrow</cite></figcaption>`, "A ferry leaves Port Alden.", "Photo: Lena Morrow"},
		{`<figcaption>A ferry leaves Port Alden. (Photo: Lena Morrow/Reuters)</figcaption>`, "A ferry leaves Port Alden.", "Photo: Lena Morrow/Reuters"},
		{`<figcaption>Die Fähre legt ab. (Bild: Hersteller)</figcaption>`, "Die Fähre legt ab.", "Bild: Hersteller"},
		{`<figcaption>A ferry leaves Port Alden.<span>Credit</span>Lena Morrow for The Gazette</figcaption>`, "A ferry leaves Port Alden.", "Lena Morrow for The Gazette"},
		{`<figcaption>Riders wait at the pier in Port Alden. Jonah Reyes/AFP/Getty Images</figcaption>`, "Riders wait at the pier in Port Alden.", "Jonah Reyes/AFP/Getty Images"},
		{`<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">Riders wait at the pier.</p></div>`, "Riders wait at the pier.", ""},
		{`<figure><img src="a.jpg"><div class="attribution">LENA MORROW/GAZETTE</div></figure>`, "", "LENA MORROW/GAZETTE"},
	}
	for _, tt := range tests {
		c := extract(t, article(tt.caption))
		if len(c.Captions) != 1 || c.Captions[0].Text != tt.text || c.Captions[0].Credit != tt.credit {
			t.Errorf("%s: captions %q, want text %q credit %q", tt.caption, c.Captions, tt.text, tt.credit)
		}
		for _, p := range c.Paragraphs {
			if strings.Contains(p, "Morrow") || strings.Contains(p, "wait at the pier") || strings.Contains(p, "Fähre") {
				t.Errorf("%s: caption in body: %q", tt.caption, p)
			}
		}
	}
}

func TestPullQuotesAndLinks(t *testing.T) {
	const quote = "“We held prices for as long as we could, and we cannot any longer,” said chief executive Dana Holt."
	c := extract(t, article(`
<aside class="pullquote"><p>We held prices for as long as we could</p></aside>
<blockquote class="quote--pull"><p>`+quote+`</p></blockquote>
<p>`+quote+` She blamed fuel costs that have risen by a third since the last increase.</p>
<blockquote><p>Fares will rise on every route, the notice to passengers reads, including the night service.</p></blockquote>
<p><strong>Mehr zum Thema:</strong></p>
<ul><li><a href="/a">Fähren im Winter</a></li><li><a href="/b">Der Hafen wird erneuert</a></li></ul>
<p>Read more: <a href="/c">Island council to review ferry contract</a></p>
<div class="social-share"><p>Share on Facebook</p></div>`))
	body := strings.Join(c.Paragraphs, "\n")
	if n := strings.Count(body, "We held prices"); n != 1 {
		t.Errorf("the quote appears %d times:\n%s", n, body)
	}
	for _, bad := range []string{"Fähren im Winter", "Der Hafen", "Mehr zum Thema", "Read more", "Island council", "Share on"} {
		if strings.Contains(body, bad) {
			t.Errorf("%q in body:\n%s", bad, body)
		}
	}
	if !strings.Contains(body, "Fares will rise on every route") || !strings.Contains(body, "The council meets on Thursday") {
		t.Errorf("article text lost:\n%s", body)
	}
}

func TestLiveBlogInCommentBoxes(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 12; i++ {
		b.WriteString(`<div class="live-comment"><div class="live-comment-time">` + strconv.Itoa(60+i) + `'</div><div class="live-comment-body">The home side pressed again down the left in minute ` + strconv.Itoa(60+i) + `, and the keeper had to tip a low cross wide of the post before the break.</div></div>`)
	}
	page := `<html><body><nav><a href="/">Home</a></nav><h1>Lorient v Lyon</h1><div class="live-comments">` + b.String() +
		`</div><div class="comments"><p>Reader: great match.</p></div></body></html>`
	c := extract(t, page)
	body := strings.Join(c.Paragraphs, "\n")
	if strings.Count(body, "The home side pressed") != 12 || strings.Contains(body, "Reader:") {
		t.Errorf("live blog read as %q", body)
	}
}

func TestHeuristic(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><body><div class="menu"><p>Home News Sport</p></div>
<div itemprop="articleBody"><p>The real story text is here.</p><p>Its second paragraph.</p></div>
<article><p>A teaser that is longer than the story itself, and longer again, to be sure of it.</p></article></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	c := Heuristic(doc)
	if strings.Join(c.Paragraphs, "|") != "The real story text is here.|Its second paragraph." {
		t.Errorf("paragraphs %q", c.Paragraphs)
	}
}

func TestStream(t *testing.T) {
	got := Stream(`<html><head><title>x</title><script>var a = "<p>no</p>";</script></head><body><embed src="a.swf"><p>One <b>two</b></p><nav><p>Menu</p></nav><p>Three</p></body></html>`)
	if strings.Join(got, "|") != "One two|Three" {
		t.Errorf("Stream: %q", got)
	}
}

// TestParagraphsBuiltByName: Readability turns <br><br> into <p> elements
// made by tag name only (no atom); they still end paragraphs.
func TestParagraphsBuiltByName(t *testing.T) {
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, s := range []string{"The port closed on Monday.", "On Tuesday the union struck."} {
		p := &html.Node{Type: html.ElementNode, Data: "p"} // DataAtom 0, as Readability makes it
		p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		div.AppendChild(p)
	}
	got := fromNode(div).Paragraphs
	if len(got) != 2 || got[0] != "The port closed on Monday." {
		t.Errorf("paragraphs %q, want the two sentences apart", got)
	}
}
