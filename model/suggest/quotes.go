package suggest

import (
	"fmt"
	"strings"
)

var titleSmallWords = words(`a an the of in on at to for and or but with by from as vs nor de la del le`)

// quoteWords counts the words and numbers between the marks of quote qi.
func (d *doc) quoteWords(q quoted) int {
	n := 0
	for i := q.a + 1; i < q.b; i++ {
		if k := d.toks[i].kind; k == tWord || k == tNum {
			n++
		}
	}
	return n
}

// rejectQuote says why quoted stretch qi is not a direct quotation (a
// title, a name, a label or a scare quote), or "" when it is one.
func (an *analyzer) rejectQuote(qi int) string {
	d := an.d
	q := d.quotes[qi]
	a := an.attr[qi]
	n := d.quoteWords(q)
	if n == 0 {
		return "empty"
	}
	s := d.sentenceOf(q.a)
	for k := q.a - 1; k >= s.a && k >= q.a-3; k-- {
		w := d.toks[k].low
		switch {
		case d.lx.directTitleCues.has(w):
			return "title or name after “" + d.toks[k].text + "”"
		case w == "as" && d.is(k-1, "known"):
			return "name after “known as”"
		case w == "called" && d.is(k-1, "-") && d.is(k-2, "so"):
			return "so-called"
		case k == q.a-1 && (w == "word" || w == "words" || w == "term" || w == "phrase"):
			return "word cited as a word"
		}
	}
	if n >= 2 && a.how != "post" && d.titleCase(q) {
		return "title case"
	}
	if a.naming && n < 6 {
		return "label after a naming verb"
	}
	direct := a.how == "post" || a.how == "pre" || a.how == "partial" || a.how == "according" || a.how == "colon" || a.how == "next"
	if n < 4 && !direct && !(d.fullSentence(q) && (d.quoteIsParagraph(q) || q.a == s.a)) {
		return "scare quote: short and not governed by a reporting verb"
	}
	return ""
}

// titleCase reports whether every content word inside the quote is
// capitalised and no sentence ends inside it.
func (d *doc) titleCase(q quoted) bool {
	content := 0
	for i := q.a + 1; i < q.b-1; i++ {
		t := d.toks[i]
		if t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?") && i < q.b-2 {
			return false
		}
		if t.kind != tWord || titleSmallWords.has(t.low) {
			continue
		}
		if !t.upper() {
			return false
		}
		content++
	}
	return content >= 2
}

// fullSentence reports whether the quote starts with a capital and ends in
// sentence punctuation or a comma before its closing mark.
func (d *doc) fullSentence(q quoted) bool {
	if q.b-q.a < 3 {
		return false
	}
	first, last := d.toks[q.a+1], d.toks[q.b-2]
	if q.unclosed {
		last = d.toks[q.b-1]
	}
	return (first.upper() || first.kind == tNum) && strings.ContainsAny(last.text, ".!?,…")
}

// quoteIsParagraph reports whether the quote makes up its whole paragraph.
func (d *doc) quoteIsParagraph(q quoted) bool {
	p := d.paras[d.toks[q.a].para]
	return q.a == p.a && q.b >= p.b-1
}

// quoteSuggestions turns the accepted quoted stretches into suggestions.
func (an *analyzer) quoteSuggestions() []Suggestion {
	d := an.d
	var out []Suggestion
	for qi, q := range d.quotes {
		if an.rejectQuote(qi) != "" {
			continue
		}
		a := an.attr[qi]
		conf := a.conf
		if q.unclosed {
			conf *= 0.8
		}
		if d.quoteWords(q) < 4 {
			conf -= 0.1
		}
		out = append(out, Suggestion{
			Kind: KindQuote, Start: q.s, End: q.e, Text: string(d.r[q.s:q.e]),
			Confidence: round2(conf), Why: quoteWhy(d, q, a),
			Speaker: a.src.name, Role: a.src.role, Cue: a.cue,
		})
	}
	return out
}

func quoteWhy(d *doc, q quoted, a attribution) string {
	var b strings.Builder
	open := d.toks[q.a].text
	closing := ""
	if !q.unclosed {
		closing = d.toks[q.b-1].text
	}
	fmt.Fprintf(&b, "quote marks %s…%s", open, closing)
	if q.paras > 1 {
		fmt.Fprintf(&b, " over %d paragraphs", q.paras)
	}
	if q.unclosed {
		b.WriteString(" (never closed: ends with its paragraph)")
	}
	switch a.how {
	case "post":
		fmt.Fprintf(&b, "; attributed after the quote (“…,” %s)", a.cue)
	case "pre":
		fmt.Fprintf(&b, "; attributed before the quote (%s: “…”)", a.cue)
	case "partial":
		fmt.Fprintf(&b, "; partial quote governed by “%s”", a.cue)
	case "according":
		fmt.Fprintf(&b, "; attributed with “%s”", a.cue)
	case "next":
		fmt.Fprintf(&b, "; the next sentence names who said it (%s)", a.cue)
	case "colon":
		b.WriteString("; introduced with a colon after the person the sentence is about")
	case "inherited":
		b.WriteString("; no cue: continues the previous speaker")
	case "topic":
		b.WriteString("; no cue: the person the previous sentence is about")
	default:
		b.WriteString("; no attribution found")
	}
	if a.src.pronoun != "" {
		if a.src.name != "" {
			fmt.Fprintf(&b, "; “%s” resolved to the last named speaker", a.src.pronoun)
		} else {
			fmt.Fprintf(&b, "; “%s” not resolved", a.src.pronoun)
		}
	}
	return b.String()
}

func round2(x float64) float64 {
	if x < 0 {
		x = 0
	}
	if x > 1 {
		x = 1
	}
	return float64(int(x*100+0.5)) / 100
}
