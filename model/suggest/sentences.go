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
// full stop ends an abbreviation (Gen., Mr., Jan., U.S., initials).
func (d *doc) splitSentences() {
	for pi, p := range d.paras {
		start := p.a
		for i := p.a; i < p.b; i++ {
			t := d.toks[i]
			if t.kind != tPunct || !isTerminator(t.text) {
				continue
			}
			j := i + 1
			for j < p.b && !d.toks[j].space && isTrailingCloser(d.toks[j].text) {
				j++
			}
			if j >= p.b || !d.toks[j].space || !d.startsSentence(j) {
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
