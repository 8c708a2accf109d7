package suggest

import "strings"

// adverbialPrefield reports, for a verb-second language (German), whether
// the words from the clause start lo to the reporting verb at v are an
// adverbial, so that the verb's subject follows it: adverbs alone
// ("Gleichzeitig", "Zudem", "Das"), a preposition phrase ("Am Montag", "Bei
// seinem Besuch in Kabul") or a time phrase ("Vergangene Woche"), with
// adverbs around it. A subject before the verb, an auxiliary ("Zudem hat der
// Präsident betont") or a clause with a comma is not an adverbial.
func (d *doc) adverbialPrefield(lo, v int) bool {
	if !d.lx.verbSecond || v <= lo {
		return false
	}
	a, e := lo, v
	for a < e && (d.toks[a].text == "—" || d.toks[a].text == "–" || d.toks[a].text == "-") {
		a++
	}
	for a < e && d.lx.prefieldAdverbs.has(d.toks[a].low) {
		a++
	}
	for e > a && d.lx.prefieldAdverbs.has(d.toks[e-1].low) {
		e--
	}
	if a == e {
		return d.toks[v-1].kind == tWord
	}
	for i := a; i < e; i++ {
		t := d.toks[i]
		ordinal := t.text == "." && d.adjacent(i) && d.toks[i-1].kind == tNum // "Am 5. Mai"
		if t.quote >= 0 || t.text == "," || t.text == ";" || t.text == ":" || isTerminator(t.text) && !ordinal && !d.abbrevDot(i) {
			return false
		}
	}
	first, last := d.toks[a], d.toks[e-1]
	if d.lx.prepositions.has(first.low) {
		if d.tok(a+1).kind == tNum && len(d.lx.compByFirst[first.low]) > 0 {
			return false // "Über 100 Menschen sagten": a quantity, the subject
		}
		for i := a + 1; i < e; i++ {
			if w := d.toks[i].low; d.lx.npStop.has(w) && !d.lx.prepositions.has(w) || d.lx.cues[w] != 0 {
				return false // a verb, pronoun or conjunction: more than one phrase
			}
		}
		return last.upper() || last.kind == tNum
	}
	// A time phrase without a preposition: "Vergangene Woche", "Anfang Mai".
	return e-a <= 3 && (d.lx.calendarWords.has(last.low) || d.lx.timeUnits[last.low] != "")
}

// opensRelative reports whether token k begins a relative or other
// parenthetical clause (relStart) rather than a noun phrase that may name a
// source. A relative pronoun that is also an article (German "der", "die",
// "das") is read as the article only where a subject starts: first in its
// sentence ("Der Präsident betonte") or right after a finite verb that an
// adverbial precedes ("Gleichzeitig betonte der Präsident"). Elsewhere —
// after a comma, a preposition or a noun — it names no source, as before.
func (d *doc) opensRelative(k int) bool {
	t := d.toks[k]
	if !d.lx.relStart.has(t.low) {
		return false
	}
	if !d.lx.determiners.has(t.low) {
		return true
	}
	s := d.sentenceOf(k)
	if k == s.a {
		return false
	}
	v := k - 1
	for v > s.a && (d.lx.prefieldAdverbs.has(d.toks[v].low) || d.toks[v].low == "sich") {
		v-- // "sagte auch die Ministerin", "äußerte sich der Minister"
	}
	// The finite verb: a reporting verb, or an auxiliary ("Zudem hat der
	// Präsident betont").
	w := d.toks[v]
	finite := d.lx.cues[w.low] != 0 || d.lx.skipBeforeVerb.has(w.low)
	return !finite || w.quote >= 0 || !d.adverbialPrefield(s.a, v)
}

// genitiveArticle reports a German article or possessive in the genitive
// ("eines", "seiner"), which continues the noun phrase before it.
func genitiveArticle(w string) bool {
	return strings.HasSuffix(w, "es") || strings.HasSuffix(w, "er")
}

// namesSomeone reports whether the noun phrase sg may be a subject after a
// German verb: a pronoun, or words with a capitalised noun or name that are
// more than a lone article ("der Minister", "mehrere Fahnder", "er"; not
// "heraus", not "die" before a quoted title).
func (d *doc) namesSomeone(sg tspan) bool {
	if sg.b-sg.a == 1 && d.isPronounWord(d.toks[sg.a].low) {
		return true
	}
	for i := sg.a; i < sg.b; i++ {
		if t := d.toks[i]; t.upper() && !(i == sg.a && d.lx.determiners.has(t.low)) {
			return true
		}
	}
	return false
}
