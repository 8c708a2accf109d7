package suggest

import (
	"fmt"
	"strings"
)

// claimThreshold is the lowest cue score at which a sentence is suggested
// as a claim.
const claimThreshold = 2

var superlativeFalse = words(`interest interests protest protests request requests forest forests arrest
	arrests suggest suggests honest modest harvest contest contests latest rest west test tests chest
	nest guest guests quest invest manifest digest inquest conquest earnest southwest northwest
	midwest bequest`)

// claimScore is the cue score of one sentence and the cues that made it.
type claimScore struct {
	score int
	cues  []string
}

func (c *claimScore) add(points int, cue string) {
	c.score += points
	c.cues = append(c.cues, fmt.Sprintf("%s %+d", cue, points))
}

// scoreSentence scores sentence si for check-worthiness from cues: figures
// (or, without one, a specific year or date), comparatives, change verbs,
// attribution, named subjects, causal and legal words, perfect or passive
// factual verbs and predictions; questions,
// first-person opinion, resolve inside quotes and very short sentences
// count against.
func (an *analyzer) scoreSentence(si int, hasFigure, hasDate bool) claimScore {
	d := an.d
	s := d.sents[si]
	var c claimScore
	nWords, inQuote := 0, 0
	for i := s.a; i < s.b; i++ {
		if k := d.toks[i].kind; k == tWord || k == tNum {
			nWords++
			if d.toks[i].quote >= 0 {
				inQuote++
			}
		}
	}
	// A quote sentence is mostly quotation, or a quotation followed only by
	// its attribution ("“…,” Defence Minister Pavel Ostrov said.").
	quoteSentence := nWords > 0 && inQuote*2 >= nWords
	if q := d.toks[s.a].quote; q >= 0 && d.quotes[q].a == s.a && an.attr[q].how == "post" {
		quoteSentence = true
	}
	if hasFigure {
		c.add(3, "figure")
	} else if hasDate {
		c.add(1, "date")
	}
	found := func(set wordSet) string {
		for i := s.a; i < s.b; i++ {
			if set.has(d.toks[i].low) {
				return d.toks[i].text
			}
		}
		return ""
	}
	if w := found(d.lx.claimSuperlative); w != "" {
		c.add(2, "comparative “"+w+"”")
	} else if w := an.superlative(s); w != "" {
		c.add(2, "superlative “"+w+"”")
	}
	if w := found(d.lx.claimChange); w != "" {
		c.add(2, "change verb “"+w+"”")
	}
	if !quoteSentence {
		if w := an.attributionCue(s); w != "" {
			c.add(2, "attribution “"+w+"”")
		}
		if an.namedSubject(s) {
			c.add(1, "named subject")
		}
	}
	if w := found(d.lx.claimCausal); w != "" || d.phrase(s, "due", "to") || d.phrase(s, "led", "to") ||
		d.phrase(s, "as", "a", "result") || d.phrase(s, "resulted", "in") {
		c.add(1, "causal")
	}
	if w := found(d.lx.claimLegal); w != "" {
		c.add(1, "legal “"+w+"”")
	}
	if w := an.factualVerb(s); w != "" {
		c.add(1, "factual verb “"+w+"”")
	}
	if w := found(d.lx.claimPredict); w != "" || d.phrase(s, "expected", "to") || d.phrase(s, "set", "to") ||
		d.phrase(s, "due", "to") {
		c.add(1, "prediction")
	}
	last := s.b - 1
	for last > s.a && isTrailingCloser(d.toks[last].text) {
		last--
	}
	if d.toks[last].text == "?" {
		c.add(-3, "question")
	}
	fp := found(d.lx.firstPerson) != ""
	if !hasFigure && (fp && found(d.lx.opinionVerbs) != "" || found(d.lx.hedges) != "") {
		c.add(-2, "opinion or hedge")
	}
	if quoteSentence && !hasFigure && fp && found(d.lx.resolveWords) != "" {
		c.add(-2, "resolve in a quote")
	}
	if nWords < 6 {
		c.add(-1, "short")
	}
	return c
}

// superlative finds an -est superlative ("strongest").
func (an *analyzer) superlative(s sentence) string {
	for i := s.a; i < s.b; i++ {
		w := an.d.toks[i].low
		if len(w) >= 6 && strings.HasSuffix(w, "est") && !superlativeFalse.has(w) && !an.d.toks[i].upper() {
			return an.d.toks[i].text
		}
	}
	return ""
}

// attributionCue finds an assertion or attribution outside quotes: a
// reporting verb or "according to".
func (an *analyzer) attributionCue(s sentence) string {
	d := an.d
	for i := s.a; i < s.b; i++ {
		if d.toks[i].quote >= 0 {
			continue
		}
		if n := d.accordingAt(i); n > 0 {
			return d.text(i, i+n)
		}
		if k := an.cueAt(i); k == cueSpeech || k == cueAssertion {
			return d.toks[i].text
		}
	}
	return ""
}

// namedSubject reports a sentence that opens with a name or organisation.
func (an *analyzer) namedSubject(s sentence) bool {
	d := an.d
	i := s.a
	// Skip a dateline: "DORNHOLM, Kestria — …".
	for k := s.a; k < s.b && k < s.a+6; k++ {
		if t := d.toks[k].text; t == "—" || t == "–" {
			if d.toks[s.a].allCaps() {
				i = k + 1
			}
			break
		}
	}
	if i >= s.b {
		return false
	}
	t := d.toks[i]
	if !t.upper() || d.isPronounWord(t.low) {
		return false
	}
	if t.low == "the" {
		return d.tok(i + 1).upper()
	}
	if d.lx.capFunctionWords.has(t.low) {
		return false
	}
	return d.properNouns.has(t.low) || d.tok(i+1).upper() || d.lx.titleHeads.has(t.low)
}

// factualVerb finds a perfect or passive verb: "has killed", "were deployed".
func (an *analyzer) factualVerb(s sentence) string {
	d := an.d
	for i := s.a; i < s.b-1; i++ {
		w := d.toks[i].low
		var aux bool
		switch w {
		case "has", "have", "had", "was", "were", "been", "being", "is", "are":
			aux = true
		}
		if !aux {
			continue
		}
		for k := i + 1; k < s.b && k <= i+2; k++ {
			v := d.toks[k].low
			if participleIrregular.has(v) || (strings.HasSuffix(v, "ed") && len(v) > 4) {
				return d.toks[i].text + " " + d.toks[k].text
			}
			if !strings.HasSuffix(v, "ly") && v != "not" && v != "also" && v != "been" && v != "already" {
				break
			}
		}
	}
	return ""
}

// phrase reports whether the lower-case words occur in sentence s.
func (d *doc) phrase(s sentence, ws ...string) bool {
	for i := s.a; i+len(ws) <= s.b; i++ {
		ok := true
		for k, w := range ws {
			if d.toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// claimSuggestions scores every sentence and suggests those at or above
// the threshold, with the claimant of attributed claims.
func (an *analyzer) claimSuggestions(figs []figure) []Suggestion {
	d := an.d
	hasFig := make([]bool, len(d.sents))
	hasDate := make([]bool, len(d.sents))
	for _, f := range figs {
		if f.date {
			hasDate[d.toks[f.a].sent] = true
		} else {
			hasFig[d.toks[f.a].sent] = true
		}
	}
	var out []Suggestion
	for si, s := range d.sents {
		c := an.scoreSentence(si, hasFig[si], hasDate[si])
		if c.score < claimThreshold {
			continue
		}
		conf := 0.5 + 0.07*float64(c.score-claimThreshold)
		out = append(out, Suggestion{
			Kind: KindClaim, Start: s.s, End: s.e, Text: string(d.r[s.s:s.e]),
			Confidence: round2(min(conf, 0.97)),
			Why:        fmt.Sprintf("score %d: %s", c.score, strings.Join(c.cues, ", ")),
			Claimant:   an.claimantOf(si),
		})
	}
	return out
}

// claimantOf is the source of sentence si's claim: the speaker when the
// sentence is mostly a quotation, else the subject of its reporting verb
// or the source after "according to".
func (an *analyzer) claimantOf(si int) string {
	d := an.d
	s := d.sents[si]
	nWords, inQuote, qi := 0, 0, -1
	for i := s.a; i < s.b; i++ {
		if k := d.toks[i].kind; k == tWord || k == tNum {
			nWords++
			if q := d.toks[i].quote; q >= 0 {
				inQuote++
				if qi < 0 {
					qi = q
				}
			}
		}
	}
	if qi >= 0 && inQuote*2 >= nWords && an.rejectQuote(qi) == "" {
		return an.attr[qi].src.name
	}
	return an.claimant[si].name
}
