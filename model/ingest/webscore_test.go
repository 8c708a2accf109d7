package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file scores extracted article text against a reference extraction:
// word-level precision and recall, reference paragraphs lost and extracted
// paragraphs that the reference does not have.

// refBlocks end a paragraph of a reference extraction.
var refBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Figure: true, atom.Figcaption: true, atom.Br: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Body: true,
}

// refParagraphs returns the text of each block of an HTML extraction.
func refParagraphs(src string) []string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		b := n.Type == html.ElementNode && refBlocks[n.DataAtom]
		if b {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if b {
			flush()
		}
	}
	walk(doc)
	flush()
	return out
}

// scoreTokens splits text into lower-case words; each Chinese, Japanese or
// Korean character counts as a word.
func scoreTokens(s string) []string {
	var out []string
	var cur []rune
	end := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			end()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			cur = append(cur, r)
		default:
			end()
		}
	}
	end()
	return out
}

// bodyScore is how an extraction compares with a reference.
type bodyScore struct {
	precision, recall, f1 float64
	lost, clutter         []string // reference paragraphs missing; extracted ones the reference lacks
}

func wordBag(pars []string) map[string]int {
	m := map[string]int{}
	for _, p := range pars {
		for _, t := range scoreTokens(p) {
			m[t]++
		}
	}
	return m
}

// trigrams returns the set of word 3-grams of pars and all their words
// joined by spaces (with a space at each end).
func trigrams(pars []string) (map[string]bool, string) {
	set := map[string]bool{}
	var all []string
	for _, p := range pars {
		all = append(all, scoreTokens(p)...)
	}
	for i := 0; i+3 <= len(all); i++ {
		set[strings.Join(all[i:i+3], " ")] = true
	}
	return set, " " + strings.Join(all, " ") + " "
}

// presentIn reports whether at least half of p's word 3-grams (all of a
// shorter p) occur in the other text.
func presentIn(p string, set map[string]bool, seq string) bool {
	t := scoreTokens(p)
	if len(t) == 0 {
		return true
	}
	if len(t) < 3 {
		return strings.Contains(seq, " "+strings.Join(t, " ")+" ")
	}
	n, in := 0, 0
	for i := 0; i+3 <= len(t); i++ {
		n++
		if set[strings.Join(t[i:i+3], " ")] {
			in++
		}
	}
	return in*2 >= n
}

// compareBody scores extracted paragraphs against reference paragraphs.
func compareBody(out, ref []string) bodyScore {
	bo, br := wordBag(out), wordBag(ref)
	var s bodyScore
	overlap, nOut, nRef := 0, 0, 0
	for w, c := range bo {
		nOut += c
		overlap += min(c, br[w])
	}
	for _, c := range br {
		nRef += c
	}
	if nOut > 0 {
		s.precision = float64(overlap) / float64(nOut)
	}
	if nRef > 0 {
		s.recall = float64(overlap) / float64(nRef)
	}
	if s.precision+s.recall > 0 {
		s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	}
	so, qo := trigrams(out)
	sr, qr := trigrams(ref)
	for _, p := range ref {
		if !presentIn(p, so, qo) {
			s.lost = append(s.lost, p)
		}
	}
	for _, p := range out {
		if !presentIn(p, sr, qr) {
			s.clutter = append(s.clutter, p)
		}
	}
	return s
}
