package suggest

import "unicode"

// sentence is a token range [a,b) within one paragraph and its rune span.
type sentence struct {
	a, b int
	s, e int
	para int
}

// splitSentences splits every paragraph at . ! ? … followed by optional
// closing marks, a space and a capital, digit or opening mark — unless the
// full stop ends an abbreviation (Gen., Mr., Jan., U.S., initials) — and
// where two sentences run together without a space (unspacedStart).
func (d *doc) splitSentences() {
	for pi, p := range d.paras {
		start := p.a
		for i := p.a; i < p.b; i++ {
			t := d.toks[i]
			if t.kind != tPunct || !isTerminator(t.text) || d.detachedEllipsis(i, p.a) {
				continue
			}
			j := i + 1
			for j < p.b && !d.toks[j].space && isTrailingCloser(d.toks[j].text) {
				j++
			}
			if j >= p.b {
				continue
			}
			if !d.toks[j].space {
				k, ok := d.unspacedStart(i, p.b)
				if !ok {
					continue
				}
				j = k
			} else if !d.startsSentence(j) {
				continue
			}
			if t.text == "." && d.abbreviationEnds(i, j) {
				continue
			}
			d.addSentence(start, j, pi)
			start = j
		}
		if start < p.b {
			d.addSentence(start, p.b, pi)
		}
	}
}

// detachedEllipsis reports whether the terminator at i belongs to an
// ellipsis set off by a space from the word before it ("the dress is made
// of pearls ... 6,000 white Akoya pearls"): a pause inside the sentence,
// where an ellipsis that ends one sticks to its last word ("and so on...").
func (d *doc) detachedEllipsis(i, paraStart int) bool {
	t := d.toks[i]
	if t.text == "…" {
		return t.space && i > paraStart
	}
	if t.text != "." {
		return false
	}
	a := i
	for a > paraStart && d.toks[a-1].text == "." && !d.toks[a].space {
		a--
	}
	b := i
	for b+1 < len(d.toks) && d.toks[b+1].text == "." && !d.toks[b+1].space {
		b++
	}
	return b-a >= 1 && d.toks[a].space && a > paraStart
}

// unspacedStart reports where a sentence starts right after the terminator
// at i with no space between them, as where text lost its paragraph break
// ("…en el puerto capitalino.El martes 3, …", "(Ver nota aparte).Por la
// tarde", "…Montevideo”.“Tenemos…"): the terminator follows a lower-case
// word of two letters or more or a closing mark, and a capitalised word with
// a lower-case second letter follows, maybe behind one opening mark. Domain
// names (Meteo.it), dotted acronyms (S.A., U.S.) and decimals do not match.
func (d *doc) unspacedStart(i, lim int) (int, bool) {
	if i == 0 || d.toks[i].space {
		return 0, false
	}
	p := d.toks[i-1]
	switch {
	case p.kind == tWord:
		r := []rune(p.text)
		if len(r) < 2 || !unicode.IsLower(r[len(r)-1]) {
			return 0, false
		}
	case p.text == "”" || p.text == "»" || p.text == ")" || p.text == "\"":
		if i < 2 || d.toks[i-2].kind == tPunct {
			return 0, false
		}
	default:
		return 0, false
	}
	j := i + 1
	if j < lim && !d.toks[j].space && (d.toks[j].text == "”" || d.toks[j].text == "»" || d.toks[j].text == ")") {
		j++ // "…dijo.”Luego"
	}
	if j < lim && !d.toks[j].space {
		switch d.toks[j].text {
		case "“", "«", "„", "(", "‹":
			j++
		}
	}
	if j >= lim || d.toks[j].space || d.toks[j].kind != tWord {
		return 0, false
	}
	r := []rune(d.toks[j].text)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[1]) {
		return 0, false
	}
	if j > i+1 && d.toks[j-1].text != "”" && d.toks[j-1].text != "»" && d.toks[j-1].text != ")" {
		return j - 1, true // the sentence starts at its opening mark
	}
	return j, true
}

func (d *doc) addSentence(a, b, para int) {
	n := len(d.sents)
	for i := a; i < b; i++ {
		d.toks[i].sent = n
	}
	d.sents = append(d.sents, sentence{a: a, b: b, s: d.toks[a].s, e: d.toks[b-1].e, para: para})
}

func isTerminator(s string) bool { return s == "." || s == "!" || s == "?" || s == "…" }

func isTrailingCloser(s string) bool {
	switch s {
	case "”", "’", "\"", "'", "»", "›", ")", "]", "“":
		return true
	}
	return false
}

func (d *doc) startsSentence(j int) bool {
	t := d.toks[j]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		return t.upper()
	}
	switch t.text {
	case "“", "‘", "\"", "'", "«", "„", "‚", "‹", "(", "[", "—", "–":
		return true
	}
	return false
}

// abbreviationEnds reports whether the full stop at i closes an
// abbreviation that does not end the sentence (next sentence token at j).
func (d *doc) abbreviationEnds(i, j int) bool {
	if i > 0 && d.toks[i-1].kind == tNum && !d.toks[i].space && len(d.toks[i-1].text) <= 2 && d.isMonth(j) && d.lx.code != "en" {
		return true // an ordinal day: "am 29. April"
	}
	if i == 0 || d.toks[i].space || d.toks[i-1].kind != tWord {
		return false
	}
	w := d.toks[i-1].low
	nt := d.toks[j].text
	starter := d.lx.sentenceStarters.has(d.toks[j].low) || nt == "“" || nt == "‘" || nt == "\"" || nt == "'" || nt == "«" || nt == "„"
	if d.lx.abbrevTitles.has(w) {
		return true
	}
	if len([]rune(w)) == 1 {
		// Part of a dotted acronym (U.S., a.m.) or an initial (J. Smith).
		if i >= 2 && d.toks[i-2].text == "." && !d.toks[i-1].space {
			return !starter
		}
		return unicode.IsUpper([]rune(d.toks[i-1].text)[0])
	}
	if d.lx.abbrevOther.has(w) {
		return !starter
	}
	return false
}

// sentenceOf returns the sentence containing token i.
func (d *doc) sentenceOf(i int) sentence { return d.sents[d.toks[i].sent] }
