package suggest

import "strings"

// bylineStarts open a byline paragraph ("By Jan Novak", "Von Markus
// Balser, Berlin", "Par…", "Por…", "Di…").
var bylineStarts = words(`by von par por di de from`)

// creditWords mark a photo caption or credit line.
var creditWords = words(`crédito credit credits foto fotos photo photos bild bildquelle fotografía
	imagen image getty reuters afp dpa ap ansa efe archivo`)

// findChrome marks the paragraphs that are byline, credit or caption lines
// rather than reporting — a name found only there is never a speaker — and
// adds the names of byline lines to the byline set.
func (d *doc) findChrome() {
	d.chrome = make([]bool, len(d.paras))
	body := false // a paragraph of running text has been seen
	for pi, p := range d.paras {
		n, caps, words := p.b-p.a, 0, 0
		first := d.toks[p.a]
		hasAt, credit := false, false
		for i := p.a; i < p.b; i++ {
			t := d.toks[i]
			if t.kind == tWord {
				words++
				if t.upper() {
					caps++
				}
				if creditWords.has(t.low) && (d.is(i+1, ":") || i == p.b-2 && d.is(i+1, ")")) {
					credit = true
				}
			}
			if t.text == "@" || t.text == "|" {
				hasAt = true // an address or a link bar: "… | mehr"
			}
		}
		last := d.toks[p.b-1].text
		ended := isTerminator(last) || isTrailingCloser(last) || last == ":" || last == ";"
		names := false
		switch {
		case credit, hasAt:
			d.chrome[pi] = true
		case words > 0 && words <= 5 && caps == words && n <= 8:
			// a name line: "Luana Patriolino", "LP" — a byline before the
			// text, a tag after it
			d.chrome[pi], names = true, !body
		case bylineStarts.has(first.low) && first.upper() && words <= 12 && d.tok(p.a+1).upper():
			d.chrome[pi], names = true, true
		case !ended && words <= 15:
			d.chrome[pi] = true // a heading or a link: "Saiba Mais", "Câmara aprova lei Henry Borel"
		case words >= 3 && words <= 15 && d.headline(p):
			d.chrome[pi] = true // a headline: "$150K Pearl Oscar Dress ... STOLEN!!!!"
		}
		if ended && words >= 20 {
			body = true
		}
		if names {
			for i := p.a; i < p.b; i++ {
				if t := d.toks[i]; t.upper() && !bylineStarts.has(t.low) && !creditWords.has(t.low) {
					d.byline[t.low] = struct{}{}
				}
			}
		}
	}
	// A paragraph that opens with a byline name is the author's biography.
	for pi, p := range d.paras {
		if d.chrome[pi] || p.b-p.a < 3 {
			continue
		}
		a, b := d.toks[p.a], d.toks[p.a+1]
		if a.upper() && b.upper() && d.byline.has(a.low) && d.byline.has(b.low) {
			d.chrome[pi] = true
		}
	}
}

// headline reports a paragraph in headline style: every word capitalised
// but the small ones ("Lupita Nyong'o's $150K Pearl Oscar Dress ... STOLEN!!!!").
// German capitalises its nouns but not its verbs, so the rule holds there too.
func (d *doc) headline(p tspan) bool {
	for i := p.a; i < p.b; i++ {
		if t := d.toks[i]; t.kind == tWord && !t.upper() && !titleSmallWords.has(t.low) {
			return false
		}
	}
	return true
}

// inByline reports whether every word of the name is a byline name.
func (d *doc) inByline(name string) bool {
	fs := strings.Fields(name)
	if len(fs) == 0 || len(d.byline) == 0 {
		return false
	}
	for _, w := range fs {
		if !d.byline.has(strings.ToLower(strings.Trim(w, ".,"))) {
			return false
		}
	}
	return true
}
