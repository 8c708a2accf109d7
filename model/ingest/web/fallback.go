package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mainContent picks the element that holds the article text when
// Readability finds none (see Heuristic).
func mainContent(doc *html.Node) *html.Node {
	s := scores{text: map[*html.Node]int{}, score: map[*html.Node]int{}}
	s.walk(doc)
	if s.bodyProp != nil && s.text[s.bodyProp] > 0 {
		return s.bodyProp
	}
	var best *html.Node
	for _, a := range s.articles {
		if best == nil || s.text[a] > s.text[best] {
			best = a
		}
	}
	if best != nil && s.text[best] > 0 && s.text[best]*4 >= s.total {
		return best
	}
	best = nil
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if v := s.score[n]; v > 0 && (best == nil || v > s.score[best]) {
			best = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if best != nil {
		return best
	}
	if m := findFirst(doc, atom.Main); m != nil {
		return m
	}
	if b := findFirst(doc, atom.Body); b != nil {
		return b
	}
	return doc
}

// scores is how much paragraph text each element holds.
type scores struct {
	text     map[*html.Node]int
	score    map[*html.Node]int
	total    int
	articles []*html.Node
	bodyProp *html.Node // the itemprop=articleBody element with most paragraph text
}

// walk returns the length of the paragraph text in n's subtree outside
// page furniture, recording it for <article> and articleBody elements and
// scoring the parent and grandparent of every <p>.
func (s *scores) walk(n *html.Node) int {
	if n.Type == html.ElementNode && (marked(n) || IsFurniture(n)) {
		return 0
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.P {
		l := len(Text(n))
		s.total += l
		if n.Parent != nil {
			s.score[n.Parent] += l
			if n.Parent.Parent != nil {
				s.score[n.Parent.Parent] += l / 2
			}
		}
		return l
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += s.walk(c)
	}
	if n.Type == html.ElementNode {
		if n.DataAtom == atom.Article {
			s.articles = append(s.articles, n)
			s.text[n] = total
		}
		if strings.EqualFold(Attr(n, "itemprop"), "articleBody") && (s.bodyProp == nil || total > s.text[s.bodyProp]) {
			s.bodyProp = n
			s.text[n] = total
		}
	}
	return total
}

// findFirst returns the first element with tag a under n, or nil.
func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

// tokenText returns the text of a page one paragraph per block element,
// without the elements in skipTags, using the streaming tokenizer.
func tokenText(text string) []string {
	z := html.NewTokenizer(strings.NewReader(text))
	var pars []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			pars = append(pars, s)
		}
		cur.Reset()
	}
	skip := map[atom.Atom]int{}
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return pars
		case html.TextToken:
			if skipping == 0 {
				cur.WriteString(collapseSpace(string(z.Text())))
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] && a != atom.Embed { // <embed> is void: no end tag follows
				skip[a]++
				skipping++
			} else if blockTags[a] || a == atom.Br {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip[a] > 0 {
				skip[a]--
				skipping--
			} else if blockTags[a] {
				flush()
			}
		}
	}
}
