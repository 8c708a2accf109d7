package web

import (
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model"
)

// Content is the article found in a page.
type Content struct {
	// Paragraphs are the article's paragraphs in reading order, subheads
	// included, without captions, pull-quotes and page furniture.
	Paragraphs []string
	// Captions are the photo captions, each with its credit when the page
	// gives one.
	Captions []model.Caption
	// Deck is the sub-headline the page shows (class "dek", "standfirst"…).
	Deck string
	// Byline is the byline line readability took out of the text, "" if
	// none.
	Byline string
}

// Extract finds the article in doc, changing doc as it goes: furniture is
// marked, then Readability picks the article's container, and the
// container's blocks become paragraphs and captions. pageURL may be nil.
// When Readability finds nothing (or fails), Content is empty and the
// caller falls back to Heuristic on a fresh tree.
func Extract(doc *html.Node, pageURL *url.URL) (c Content) {
	mark(doc)
	defer func() {
		// A page that trips up the library is read by the caller's
		// fallback rather than stopping the import.
		if recover() != nil {
			c = Content{}
		}
	}()
	p := readability.NewParser()
	p.KeepClasses = true
	p.DisableJSONLD = true // the caller reads the page's metadata itself
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil || art.Node == nil {
		return Content{}
	}
	c = fromNode(art.Node)
	c.Byline = squash(art.Byline())
	return c
}

// fromNode turns an article container into Content.
func fromNode(n *html.Node) Content {
	fixAtoms(n)
	x := blocks{}
	x.walk(n)
	x.flush()
	return Content{Paragraphs: dropRepeats(dropClutter(x.pars)), Captions: x.caps, Deck: x.deck}
}

// Heuristic finds the article without Readability: the itemprop=articleBody
// element with most paragraph text, else the <article> holding most of the
// page's paragraph text, else the element whose paragraphs hold most text,
// else <main> or <body>. It is the fallback for pages Readability cannot
// read.
func Heuristic(doc *html.Node) Content {
	mark(doc)
	return fromNode(mainContent(doc))
}

// Text of a page the parser cannot build a tree for (too large or too
// deeply nested): one paragraph per block element, without the elements
// that never hold article text, read by the streaming tokenizer so memory
// stays bounded by the output.
func Stream(text string) []string {
	return tokenText(text)
}

// fixAtoms gives every element of the tree under n the atom of its tag
// name. Readability builds some elements by name only — the <p> that
// stands for a run of <br><br> has DataAtom 0 — and every rule here
// reads atoms, so without this those paragraphs ran together.
func fixAtoms(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}
