package suggest

import (
	"context"
	"sort"
	"strings"
)

// attribution is who a quoted stretch is attributed to and by which rule.
type attribution struct {
	src    source
	cue    string  // the reporting verb or phrase, or how the speaker was found
	how    string  // post, pre, partial, according, inherited, none
	naming bool    // the nearest cue before it names rather than quotes (called, described as)
	conf   float64 // how sure the speaker is
}

// analyzer walks the document in order, tracking who has been named and
// who has spoken, and attributes quotes and claims.
type analyzer struct {
	d         *doc
	ents      []entity
	surnames  map[string]string
	genders   map[string]gender
	attr      []attribution // per d.quotes index
	claimant  []source      // per sentence: the source of an attributed statement
	lastSpeak int           // index into ents of the last speaker, or -1
	// namedEarly marks the sentences that name a person among their first
	// eight tokens ("O presidente da Câmara, Arthur Lira, …").
	namedEarly []bool
}

func newAnalyzer(d *doc) *analyzer {
	return &analyzer{d: d, surnames: map[string]string{}, genders: map[string]gender{},
		attr: make([]attribution, len(d.quotes)), claimant: make([]source, len(d.sents)), lastSpeak: -1,
		namedEarly: make([]bool, len(d.sents))}
}

// run attributes every quoted stretch and finds every sentence's claimant,
// in document order so that pronouns resolve to what came before.
func (an *analyzer) run(ctx context.Context) error {
	d := an.d
	order := make([]int, len(d.quotes))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return d.quotes[order[i]].a < d.quotes[order[j]].a })
	next := 0
	for si := range d.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		an.addMentions(si)
		for next < len(order) && d.toks[d.quotes[order[next]].a].sent == si {
			qi := order[next]
			an.attr[qi] = an.attribute(qi)
			if a := an.attr[qi]; a.src.name != "" && !a.naming {
				an.register(a.src, d.quotes[qi].a, true)
			}
			next++
		}
		an.speechEvents(si)
	}
	return nil
}

// register records a source as a salient entity; speakers become the
// speaker that a following unattributed quote inherits.
func (an *analyzer) register(src source, pos int, speaker bool) {
	if src.name == "" {
		return
	}
	an.ents = append(an.ents, entity{name: src.name, role: src.role, kind: src.kind, gender: src.gender,
		plural: src.plural, pos: pos, para: an.d.toks[pos].para, salient: true})
	if speaker {
		an.lastSpeak = len(an.ents) - 1
	}
}

// cueAt returns the kind of reporting verb at token i, or 0. Noun-like
// forms after a determiner or preposition ("a warning", "in a post") and
// verbs inside quotes do not count.
func (an *analyzer) cueAt(i int) cueKind {
	d := an.d
	t := d.tok(i)
	if t.kind != tWord || t.quote >= 0 {
		return 0
	}
	k := d.lx.cues[t.low]
	if k == 0 {
		return 0
	}
	n := d.tok(i + 1)
	if (t.low == "call" || t.low == "calls" || t.low == "called" || t.low == "calling") && n.low == "for" {
		return cueSpeech // "called for a referendum" demands, it does not name
	}
	if i > 0 && d.toks[i-1].para == t.para {
		p := d.toks[i-1]
		if d.lx.determiners.has(p.low) && p.low != "that" && !d.lx.skipBeforeVerb.has(p.low) {
			return 0 // "an estimated", "the reported attack": not a verb
		}
		if d.lx.nounLikeCues.has(t.low) && (d.lx.npStop.has(p.low) && p.low != "also" ||
			strings.HasSuffix(p.low, "’s") || strings.HasSuffix(p.low, "'s") || p.kind == tNum) {
			return 0
		}
	}
	if d.lx.nounLikeCues.has(t.low) && (n.low == "of" || d.lx.cues[n.low] != 0 && n.low != "that") {
		return 0 // "reports of a buildup", "forecasts show"
	}
	if d.lx.nounLikeCues.has(t.low) && (i > 0 && d.toks[i-1].low == "for" && d.toks[i-1].para == t.para ||
		n.text == ":" && i == d.sentenceOf(i).a) {
		return 0 // "asked Mojang for comment", a label: "Note: …"
	}
	if strings.HasPrefix(t.low, "add") && n.para == t.para && (n.kind == tNum || isCurrencySymbol(n.text)) {
		return 0 // "added 36,000 jobs": a quantity, not speech
	}
	if d.lx.code == "de" && (t.low == "sprach" || t.low == "spricht") {
		for j := i + 1; j < len(d.toks) && j < i+12 && d.toks[j].sent == t.sent && d.toks[j].text != ","; j++ {
			if verdictWords.has(d.toks[j].low) {
				return 0 // "Das Gericht sprach ihn frei": a verdict, not speech
			}
		}
	}
	return k
}

// verdictWords complete German "sprechen" as a verdict ("sprach … schuldig").
var verdictWords = words(`frei schuldig`)

// attribute finds the speaker of quoted stretch qi: “Q,” said S / “Q,” S
// said after it; S said: “Q” / S said that … “Q” / according to S before
// it; otherwise the previous speaker within two paragraphs.
func (an *analyzer) attribute(qi int) attribution {
	d := an.d
	q := d.quotes[qi]
	if !q.unclosed {
		if segs, verb, ok := an.postSource(q); ok {
			if src := an.sourceOf(segs, verb); src.name != "" || src.pronoun != "" {
				return attribution{src: src, cue: d.toks[verb].text, how: "post", conf: sourceConf(src, 0.95)}
			}
			if len(segs) == 0 {
				// "«…», ha detto.": the verb without a subject speaks for the
				// person in focus.
				if src := an.topicPerson(verb); src.name != "" {
					return attribution{src: src, cue: d.toks[verb].text, how: "post", conf: 0.8}
				}
			}
		}
	}
	if a, ok := an.preSource(qi); ok {
		return a
	}
	if a, ok := an.nextSentenceSource(qi); ok {
		return a
	}
	para := d.toks[q.a].para
	if an.lastSpeak >= 0 {
		e := an.ents[an.lastSpeak]
		if para-e.para <= 2 {
			src := source{name: e.name, kind: e.kind, gender: e.gender, plural: e.plural}
			return attribution{src: src, cue: "previous speaker", how: "inherited", conf: 0.75}
		}
	}
	// No one has spoken lately: the person the text was just about
	// ("Ms Lopez put it bluntly.¶“…”").
	s := d.sentenceOf(q.a)
	for i := len(an.ents) - 1; i >= 0 && q.a == s.a; i-- {
		e := an.ents[i]
		if e.para < para-1 {
			break
		}
		if e.pos < s.a && e.salient && e.kind == entPerson {
			src := source{name: e.name, kind: e.kind, gender: e.gender}
			return attribution{src: src, cue: "subject of the previous sentence", how: "topic", conf: 0.6}
		}
	}
	return attribution{how: "none", conf: 0.5}
}

// nextSentenceSource attributes a quote that ends its sentence to the
// person the next sentence of the paragraph names as speaking it: "“…”
// That was the promise of Mayor Anna Keller, …", "“…” Keller said so on
// Monday."
func (an *analyzer) nextSentenceSource(qi int) (attribution, bool) {
	d := an.d
	q := d.quotes[qi]
	si := d.toks[q.b-1].sent
	if q.unclosed || si+1 >= len(d.sents) || d.sents[si+1].para != d.sents[si].para || d.sents[si].b != q.b && d.sents[si].b != q.b+1 {
		return attribution{}, false
	}
	ns := d.sents[si+1]
	for i := ns.a; i < ns.b && i < ns.a+12; i++ {
		t := d.toks[i]
		if t.quote >= 0 {
			return attribution{}, false
		}
		if an.cueAt(i) == cueSpeech {
			if src := an.subjectOf(i); src.kind == entPerson && src.name != "" {
				return attribution{src: src, cue: t.text, how: "next", conf: 0.7}, true
			}
		}
		if wordsOfNouns.has(t.low) && d.lx.ofWords.has(d.tok(i+1).low) {
			// "the promise of X", "the words of X"
			end := d.npRightEnd(i+2, ns.b)
			if src := an.sourceOf([]tspan{{i + 2, end}}, -1); src.kind == entPerson && src.name != "" {
				return attribution{src: src, cue: t.text + " " + d.tok(i+1).text, how: "next", conf: 0.7}, true
			}
		}
	}
	return attribution{}, false
}

// wordsOfNouns name what someone said: "the promise of X".
var wordsOfNouns = words(`words promise message warning verdict view assessment answer reply response
	paroles promesse message mots Worte Botschaft Versprechen palabras promesa mensaje parole promessa
	messaggio palavras promessa mensagem`)

func sourceConf(src source, base float64) float64 {
	switch {
	case src.pronoun != "" && src.name == "":
		return 0.4
	case src.pronoun != "":
		return base - 0.1
	case src.kind == entOrg:
		return base - 0.03
	}
	return base
}

// postSource finds the source named right after a closing mark: “Q,” said
// S / “Q,” S said / “Q”, so ein Sprecher — or, past a clause, “Q” to hold
// up their plans, Indyk said.
func (an *analyzer) postSource(q quoted) (segs []tspan, verb int, ok bool) {
	d := an.d
	pe := d.paras[d.toks[q.b-1].para].b
	k := q.b
	if k < pe && (d.toks[k].text == "," || d.toks[k].text == "—" || d.toks[k].text == "–") {
		k++
	}
	if k >= pe || d.toks[k].quote >= 0 {
		return nil, 0, false
	}
	if k == q.b && q.b-2 > q.a && d.toks[q.b-2].text == "." && d.toks[k].sent != d.toks[q.b-1].sent {
		// “… supporter.” Emery retweeted …: a full stop closed the sentence
		// inside the quote, so what follows is a new sentence, not its tag.
		return nil, 0, false
	}
	if k+1 < pe && d.lx.skipBeforeVerb.has(d.toks[k].low) && an.cueAt(k+1) == cueSpeech && d.lx.code != "en" {
		k++ // "», a ajouté M. Dupont", "», ha detto"
	}
	if p, v, ok := d.invertedPronoun(k, pe); ok && an.cueAt(v) == cueSpeech {
		return []tspan{{p, p + 1}}, v, true // "», a-t-il déclaré"
	}
	if an.cueAt(k) == cueSpeech || d.lx.postOnlyCues.has(d.toks[k].low) && k > q.b {
		segs = d.segmentsRight(d.skipFillers(k+1, pe), pe)
		return segs, k, len(segs) > 0 || d.lx.nullSubject
	}
	for m := k; m < pe && m < k+24; m++ {
		t := d.toks[m]
		if t.quote >= 0 || (isTerminator(t.text) && !d.abbrevDot(m)) || t.text == ";" || t.text == ":" {
			break
		}
		if c := an.cueAt(m); c != cueSpeech {
			if c != 0 || d.lx.npStop.has(t.low) && !d.lx.skipBeforeVerb.has(t.low) {
				break
			}
			continue
		}
		e := m
		for e > k && d.lx.skipBeforeVerb.has(d.toks[e-1].low) {
			e--
		}
		if e == k {
			break
		}
		if d.lx.verbSecond && d.toks[e-1].text == "," {
			// "«…» Die meisten Menschen, fügte Barratt hinzu": the clause
			// before the comma fills the first position; the subject follows.
			r := d.skipFillers(m+1, pe)
			if segs := d.segmentsRight(r, pe); len(segs) > 0 && segs[0].a == r {
				return segs, m, true
			}
			break
		}
		return d.segmentsLeft(k, e), m, true
	}
	// A clause between the quote and the verb: the first "Name said" of
	// the sentence, the name standing right before its verb.
	for m := k + 1; m < pe && m < k+30; m++ {
		t := d.toks[m]
		if t.quote >= 0 || (isTerminator(t.text) && !d.abbrevDot(m)) || t.text == ";" {
			break
		}
		if an.cueAt(m) != cueSpeech {
			continue
		}
		e := m
		for e > k && d.lx.skipBeforeVerb.has(d.toks[e-1].low) {
			e--
		}
		if p := d.toks[e-1]; e > k && (p.upper() || d.isPronounWord(p.low)) && (d.toks[e-2].text == "," || e-2 < k ||
			d.toks[e-2].upper() || d.abbrevDot(e-2)) {
			a := d.npLeftStart(e-1, k)
			if a < e {
				return []tspan{{a, e}}, m, true
			}
		}
	}
	return nil, 0, false
}

// invertedPronoun reads the French inverted auxiliary "a-t-il", "a-t-elle"
// at k: the pronoun's token and the verb after it.
func (d *doc) invertedPronoun(k, lim int) (pron, verb int, ok bool) {
	if k+5 < lim && d.is(k+1, "-") && d.is(k+2, "t") && d.is(k+3, "-") && (d.is(k+4, "il") || d.is(k+4, "elle")) {
		return k + 4, k + 5, true
	}
	return 0, 0, false
}

// skipFillers steps over adverbs that stand between a reporting verb and
// its subject ("sagt auch Stenger", "résume quant à elle Francisca…").
func (d *doc) skipFillers(k, lim int) int {
	for k < lim {
		w := d.toks[k].low
		switch {
		case w == "quant" && d.is(k+1, "à") && k+2 < lim:
			k += 3
		case w == "-" && d.is(k+1, "t") && d.is(k+2, "-"):
			k += 3 // "déclare-t-il"
		case w == "-" && k+1 < lim && d.isPronounWord(d.toks[k+1].low):
			k++ // "dit-il"
		case d.lx.skipBeforeVerb.has(w) && !d.isPronounWord(w) && w != "a":
			k++
		default:
			return k
		}
	}
	return k
}

// preSource looks left of an opening mark, within its sentence and outside
// other quotes, for the nearest reporting verb or "according to".
func (an *analyzer) preSource(qi int) (attribution, bool) {
	d := an.d
	q := d.quotes[qi]
	s := d.sentenceOf(q.a)
	var subjectless attribution // a verb with no subject of its own: "used to predict"
	found := false
	for i := q.a - 1; i >= s.a && i >= q.a-maxReach; i-- {
		t := d.toks[i]
		if t.quote >= 0 {
			continue
		}
		if n := d.accordingAt(i); n > 0 && i+n < q.a {
			end := d.npRightEnd(i+n, q.a)
			src := an.sourceOf([]tspan{{i + n, end}}, -1)
			return attribution{src: src, cue: d.text(i, i+n), how: "according", conf: sourceConf(src, 0.85)}, src.name != ""
		}
		kind := an.cueAt(i)
		if kind == 0 || kind == cueAssertion {
			continue
		}
		src := an.subjectOf(i)
		how, conf := "pre", 0.93
		between := d.text(i+1, q.a)
		if b := strings.TrimSpace(between); b != "" && b != ":" && b != "," && b != "that" && !strings.HasSuffix(b, ":") {
			how, conf = "partial", 0.8
		}
		a := attribution{src: src, cue: t.text, how: how, naming: kind == cueNaming, conf: sourceConf(src, conf)}
		if src.name == "" && src.pronoun == "" && how == "partial" && kind == cueSpeech {
			// "Okoro … said the models used to predict the collapse were
			// “…”": the verb nearest the quote has no subject; the one that
			// governs the clause may have.
			if !found {
				subjectless, found = a, true
			}
			continue
		}
		return a, true
	}
	if found {
		return subjectless, true
	}
	// A colon introduction without a verb: "Francisca Joly-Gomez est plus
	// nuancée : «…»" — the person the sentence is about.
	if c := q.a - 1; c > s.a && d.toks[c].text == ":" {
		for i := s.a; i < c; i++ {
			t := d.toks[i]
			if !t.upper() || t.quote >= 0 {
				continue
			}
			j := d.runEnd(i, c)
			if src := an.classifyRun(i, j); src.kind == entPerson && !d.inByline(src.name) {
				return attribution{src: src, cue: ":", how: "colon", conf: 0.8}, true
			}
			i = j - 1
		}
	}
	return attribution{}, false
}

// accordingAt returns the length of an "according to" phrase of the
// language starting at token i ("according to", "selon", "laut", "según",
// "secondo", "segundo", "de acuerdo con"), or 0.
func (d *doc) accordingAt(i int) int {
	if d.toks[i].quote >= 0 {
		return 0
	}
	for _, p := range d.lx.according {
		if i+len(p) > len(d.toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if d.toks[i+k].low != w || d.toks[i+k].para != d.toks[i].para {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// subjectOf returns the source of the reporting verb at v: the noun phrase
// to its left, or when none (after a quote or a comma) the one to its right.
func (an *analyzer) subjectOf(v int) source {
	d := an.d
	s := d.sentenceOf(v)
	e := v
	for e > s.a && (d.lx.skipBeforeVerb.has(d.toks[e-1].low) || d.lx.verbSecond && d.lx.prefieldAdverbs.has(d.toks[e-1].low) &&
		!d.lx.determiners.has(d.toks[e-1].low)) {
		e-- // "Ostrov later said", "Die «Zeit» wiederum erklärt"
	}
	lo := max(s.a, e-maxReach)
	// “Q1,” said S, “Q2”: a quote right before the verb bounds its subject.
	if k := e - 1; k >= s.a {
		if d.toks[k].text == "," && k > s.a {
			k--
		}
		nx := d.tok(v + 1)
		if q := d.toks[k].quote; q >= 0 && (d.quotes[q].a <= s.a || nx.para == d.toks[v].para && (nx.upper() || d.isPronounWord(nx.low))) {
			lo = e // "…", schrieb er dem NDR.
		}
	}
	// Dateline: "DORNHOLM, Kestria — …".
	for k := s.a; k < e && k < s.a+6; k++ {
		if t := d.toks[k].text; (t == "—" || t == "–") && d.toks[s.a].allCaps() {
			lo = max(lo, k+1)
			break
		}
	}
	if d.adverbialPrefield(lo, v) {
		// "Gleichzeitig betonte der Präsident", "Am Montag sagte Müller": an
		// adverbial stands first, the subject right after the verb.
		hi := d.rightLimit(v, s)
		k := d.skipFillers(v+1, hi)
		for k < hi && (d.toks[k].low == "sich" || d.lx.prefieldAdverbs.has(d.toks[k].low) && !d.lx.determiners.has(d.toks[k].low)) {
			k = d.skipFillers(k+1, hi) // "Zuvor äußerte sich jedoch der Minister"
		}
		if segs := d.segmentsRight(k, hi); len(segs) > 0 && segs[0].a == k && d.namesSomeone(segs[0]) {
			return an.sourceOf(segs, v)
		}
		// "betont man indes, keine …", "stellte sich heraus", "berichtet
		// die „Bild“-Zeitung": no noun phrase follows, or one this reader
		// cannot delimit.
		return source{}
	}
	if e > lo && d.toks[e-1].text == "," && e == v {
		// "…, sagt Flixbus-Manager Stenger", "…, said the minister": an
		// inverted subject after the verb speaks — unless a person stands
		// right before the comma ("Albrecht, the negotiator, told …").
		segs := d.segmentsLeft(lo, e)
		left := an.sourceOf(segs, v)
		hi := min(s.b, v+1+maxReach)
		if left.kind != entPerson || left.name == "" {
			k := d.skipFillers(v+1, hi)
			right := d.segmentsRight(k, hi)
			src := an.sourceOf(right, v)
			if src.kind == entPerson && src.name != "" {
				return src
			}
			if d.lx.verbSecond && len(segs) == 1 && src.name != "" && right[0].a == k {
				// "Der EuGH entscheide, schrieb Ramelow": a German subject
				// never stands alone before a comma and its verb; the clause
				// there fills the first position.
				return src
			}
		}
	}
	if e > lo {
		if e-2 > lo && subjectRelatives.has(d.toks[e-1].low) && d.toks[e-2].text == "," {
			// "ZeniMax Media, which accuses Oculus of “…”": the relative
			// pronoun stands for the noun phrase before its comma.
			if a := d.npLeftStart(e-3, lo); a < e-2 {
				if src := an.sourceOf([]tspan{{a, e - 2}}, v); src.name != "" {
					return src
				}
			}
		}
		if w := d.toks[e-1].low; d.lx.rangeAnd.has(w) || butWords.has(w) {
			// "… welcomed the figures but said …": the sentence's subject.
			if sp := d.clauseSubject(lo, e-1); sp.b > sp.a {
				return an.sourceOf([]tspan{sp}, v)
			}
			return source{}
		}
		if w := d.toks[v].low; isGerund(d.lx.code, w) && (d.toks[e-1].text == "," || d.lx.npStop.has(d.toks[e-1].low)) {
			// "Emery retweeted the story, saying …", "which tried … by
			// saying …": the subject of the clause, not the object before.
			for k := e - 1; k > lo; k-- {
				if d.lx.relStart.has(d.toks[k].low) && d.toks[k-1].text == "," {
					if a := d.npLeftStart(k-2, lo); a < k-1 {
						return an.sourceOf([]tspan{{a, k - 1}}, v)
					}
				}
			}
			if sp := d.clauseSubject(lo, e); sp.b > sp.a {
				return an.sourceOf([]tspan{sp}, v)
			}
		}
		if segs := d.segmentsLeft(lo, e); len(segs) > 0 {
			if src := an.sourceOf(segs, v); src.name != "" || src.pronoun != "" {
				return src
			}
		}
	}
	hi := d.rightLimit(v, s)
	if e > s.a && (e == lo || d.toks[e-1].text == "," || d.toks[e-1].text == "—") {
		if src := an.sourceOf(d.segmentsRight(d.skipFillers(v+1, hi), hi), v); src.name != "" || src.pronoun != "" || !d.lx.nullSubject {
			return src
		}
	}
	if d.lx.nullSubject && (e == s.a || e == lo) {
		// "Afirmou que …", "…”, disse.": the subject is the person the
		// text is about — the last speaker or salient person.
		return an.topicPerson(v)
	}
	return source{}
}

// rightLimit is where the words after the verb at v that may name its
// subject end: the end of sentence s, the next quote, or maxReach tokens.
func (d *doc) rightLimit(v int, s sentence) int {
	hi := min(s.b, v+1+maxReach)
	for i := v + 1; i < hi; i++ {
		if d.toks[i].quote >= 0 {
			return i
		}
	}
	return hi
}

// topicPerson is the person a subjectless verb at token v refers to: the
// last salient person of this or the previous paragraph, else the last
// speaker within two paragraphs.
func (an *analyzer) topicPerson(v int) source {
	para := an.d.toks[v].para
	for i := len(an.ents) - 1; i >= 0; i-- {
		e := an.ents[i]
		if e.para < para-1 {
			break
		}
		if e.pos < v && e.salient && e.kind == entPerson {
			return source{name: e.name, role: e.role, kind: e.kind, gender: e.gender}
		}
	}
	if an.lastSpeak >= 0 {
		if e := an.ents[an.lastSpeak]; para-e.para <= 2 {
			return source{name: e.name, role: e.role, kind: e.kind, gender: e.gender}
		}
	}
	return source{}
}

// isGerund reports a reporting verb in its -ing form ("saying", "diciendo").
func isGerund(code, w string) bool {
	switch code {
	case "en":
		return strings.HasSuffix(w, "ing")
	case "es", "pt", "it":
		return strings.HasSuffix(w, "ndo")
	}
	return false
}

// clauseSubject returns the subject noun phrase of the clause starting at
// lo: after a dateline or an opening adverbial ("Na saída, Pacheco …"),
// the first noun phrase, or failing that the first name, before lim.
func (d *doc) clauseSubject(lo, lim int) tspan {
	i := lo
	if t := d.toks[i]; d.lx.npStop.has(t.low) && !d.isPronounWord(t.low) || d.lx.capFunctionWords.has(t.low) && !definiteArticles.has(t.low) && !d.isPronounWord(t.low) {
		for k := i; k < lim && k < i+12; k++ {
			if d.toks[k].text == "," {
				i = k + 1
				break
			}
		}
	}
	if d.lx.verbSecond {
		j := i
		for j < lim && d.lx.prefieldAdverbs.has(d.toks[j].low) && !d.lx.determiners.has(d.toks[j].low) {
			j++
		}
		if j > i && j+1 < lim && d.toks[j].kind == tWord {
			i = j + 1 // "Zugleich beklagte sie …": the subject follows the finite verb
		}
	}
	if i < lim && d.isPronounWord(d.toks[i].low) {
		return tspan{i, i + 1}
	}
	if end := d.npRightEnd(i, lim); end > i {
		return tspan{i, end}
	}
	for k := i; k < lim; k++ {
		if d.toks[k].upper() {
			return tspan{k, d.runEnd(k, lim)}
		}
	}
	return tspan{}
}

// speechEvents records the sources of reporting verbs outside quotes in
// sentence si (indirect speech counts as speaking) and the sentence's
// claimant.
func (an *analyzer) speechEvents(si int) {
	d := an.d
	s := d.sents[si]
	according := false
	for i := s.a; i < s.b; i++ {
		if d.toks[i].quote >= 0 {
			continue
		}
		if n := d.accordingAt(i); n > 0 {
			end := d.npRightEnd(i+n, s.b)
			if src := an.sourceOf([]tspan{{i + n, end}}, -1); src.name != "" {
				an.claimant[si] = src // "according to" names the source outright
				according = true
				an.register(src, i, true)
			}
			i += n - 1
			continue
		}
		kind := an.cueAt(i)
		if kind == 0 || kind == cueNaming {
			continue
		}
		src := an.subjectOf(i)
		if src.name == "" {
			continue
		}
		if an.claimant[si].name == "" && !according {
			an.claimant[si] = src
		}
		an.register(src, i, kind == cueSpeech)
	}
}

// abbrevDot reports whether the full stop at i belongs to an abbreviation.
func (d *doc) abbrevDot(i int) bool {
	if d.toks[i].text != "." || i == 0 || !d.adjacent(i) || d.toks[i-1].kind != tWord {
		return false
	}
	w := d.toks[i-1].low
	return d.lx.abbrevTitles.has(w) || d.lx.abbrevOther.has(w) || len([]rune(w)) == 1
}

// segmentsRight splits the noun phrase after a verb ("Gen. Marta Kowalczyk,
// the head of the border guard") into comma-separated segments, ending at
// the clause end.
func (d *doc) segmentsRight(k, lim int) []tspan {
	lim = min(lim, k+maxReach)
	if k < lim && d.isPronounWord(d.toks[k].low) && d.toks[k].quote < 0 {
		return []tspan{{k, k + 1}} // "sagte er dem NDR", "warnt er"
	}
	var segs []tspan
	start := k
	for i := k; i <= lim; i++ {
		end := i == lim
		if !end {
			t := d.toks[i]
			end = t.quote >= 0 || (isTerminator(t.text) && !d.abbrevDot(i)) || t.text == ";" ||
				t.text == ":" || t.text == "(" || t.text == "—" || t.text == "–"
		}
		if end || d.toks[i].text == "," {
			if i > start {
				e := d.npRightEnd(start, i)
				if e > start {
					segs = append(segs, tspan{start, e})
				}
			}
			if end || len(segs) == 3 {
				break
			}
			start = i + 1
		}
	}
	return segs
}

// subjectRelatives open a relative clause as its subject, in the six languages.
var subjectRelatives = words(`who which that qui que quien quienes che quem der die das welcher welche welches`)

// butWords join a second verb to the sentence's subject ("… but said").
var butWords = words(`but mais aber pero ma mas sondern`)

// maxReach bounds how many tokens the attribution rules look across: a
// reporting verb further from its quote or subject is not taken.
const maxReach = 60

// npRightEnd returns where a noun phrase starting at k ends (at most lim):
// before a verb, a clause word or a preposition other than of/for/at/by/from.
func (d *doc) npRightEnd(k, lim int) int {
	lim = min(lim, k+maxReach/2)
	if k < lim {
		if w := d.toks[k].low; d.lx.npStop.has(w) || d.opensRelative(k) || d.lx.questionWords.has(w) {
			return k
		}
	}
	i := k
	for ; i < lim; i++ {
		t := d.toks[i]
		if t.kind == tPunct {
			if d.abbrevDot(i) || (t.text == "-" && d.adjacent(i)) || t.text == "’" || t.text == "'" {
				continue
			}
			break
		}
		if i == k {
			continue
		}
		if p := d.toks[i-1]; d.lx.code == "de" && p.upper() && !d.lx.determiners.has(p.low) && !d.lx.ofWords.has(t.low) &&
			(!t.upper() && !d.lx.determiners.has(t.low) || d.lx.determiners.has(t.low) && !genitiveArticle(t.low)) {
			// A German noun phrase ends after its noun, unless a genitive
			// follows: "der Konzern-Sprecher | weiter mit", "das Personal |
			// die Tische", but "der Sprecher eines Konzerns".
			break
		}
		if d.lx.code != "en" && (t.low == "a" || t.low == "à") {
			break // a preposition here: "un integrante del Poder Ejecutivo | a El País"
		}
		if d.lx.ofWords.has(t.low) || definiteArticles.has(t.low) && !d.lx.npStop.has(t.low) {
			continue // "o comunicado do STF", "Sprecher der Grünen"
		}
		switch t.low {
		case "of", "for", "by", "from", "the", "a", "an":
			continue
		case "with", "to":
			if p := d.toks[i-1].low; p == "familiar" || p == "close" {
				continue // "people familiar with the matter"
			}
		case "at":
			if n := d.tok(i + 1); d.lx.determiners.has(n.low) || n.upper() {
				continue
			}
		}
		if d.lx.npStop.has(t.low) || d.lx.cues[t.low] != 0 || d.lx.relStart.has(t.low) ||
			(strings.HasSuffix(t.low, "ed") && !t.upper() && i > k) || strings.HasSuffix(t.low, "ing") && !t.upper() {
			break
		}
	}
	return i
}

// segmentsLeft splits the words before a verb into comma-separated
// segments ("the mayor's spokesman, Ivo Dragan,") closest-last, keeping only
// the noun phrase that ends each segment.
func (d *doc) segmentsLeft(lo, e int) []tspan {
	lo = max(lo, e-maxReach)
	if e <= lo {
		return nil
	}
	isSep := func(t string) bool { return t == "," || t == "—" || t == "–" }
	if !isSep(d.toks[e-1].text) {
		if a := d.npLeftStart(e-1, lo); a < e {
			return []tspan{{a, e}}
		}
		return nil
	}
	var segs []tspan
	end := e - 1 // the comma before the verb
	for len(segs) < 3 && end > lo {
		start := end - 1
		for start > lo && !isSep(d.toks[start-1].text) && d.toks[start-1].text != ";" && d.toks[start-1].text != ":" {
			start--
		}
		if start < end {
			segs = append([]tspan{{start, end}}, segs...)
		}
		if start <= lo || !isSep(d.toks[start-1].text) {
			break
		}
		end = start - 1
	}
	// The farthest segment may be a longer clause: keep its final noun phrase.
	if len(segs) > 0 {
		f := segs[0]
		if a := d.npLeftStart(f.b-1, f.a); a > f.a {
			segs[0].a = a
		}
	}
	return segs
}

// npLeftStart walks left from token k (inclusive) over a noun phrase and
// returns its first token; it includes a determiner and goes on past "of",
// "for" and "in/at/from + Name" (Police in Ostfjord).
func (d *doc) npLeftStart(k, lo int) int {
	lo = max(lo, k-maxReach/2)
	j := k
	for j >= lo {
		t := d.toks[j]
		if t.kind == tPunct {
			if d.abbrevDot(j) || (t.text == "-" && d.adjacent(j) && d.adjacent(j+1)) ||
				((t.text == "’" || t.text == "'") && d.adjacent(j)) {
				j--
				continue
			}
			break
		}
		if j == k && d.isPronounWord(t.low) {
			return j
		}
		if d.lx.determiners.has(t.low) {
			if p := d.tok(j - 1); j-1 >= lo && (p.low == "of" || p.low == "for") {
				j--
				continue
			}
			return j
		}
		switch t.low {
		case "of", "for":
			j--
			continue
		case "with", "to":
			if p := d.tok(j - 1); j-1 >= lo && (p.low == "familiar" || p.low == "close") {
				j -= 2
				continue
			}
		case "in", "at", "from":
			if n, p := d.tok(j+1), d.tok(j-1); j-1 >= lo && j < k && n.upper() && p.kind == tWord && !p.upper() && !d.lx.npStop.has(p.low) {
				j--
				continue
			}
		}
		if d.lx.npStop.has(t.low) || d.lx.cues[t.low] == cueSpeech || d.isPronounWord(t.low) || t.kind == tNum && j == k {
			break
		}
		j--
	}
	return j + 1
}

// sourceOf reads a source from noun-phrase segments: the person named in
// one of them (with the others as role), a pronoun resolved to its
// antecedent, or else the organisation or role phrase itself.
func (an *analyzer) sourceOf(segs []tspan, verb int) source {
	d := an.d
	if len(segs) == 0 {
		return source{}
	}
	var fallback source
	for idx, sg := range segs {
		if sg.a >= sg.b {
			continue
		}
		first := d.toks[sg.a]
		if sg.b-sg.a == 1 && d.isPronounWord(first.low) {
			if first.low == "i" || first.low == "we" {
				return source{pronoun: first.low}
			}
			e, ok := an.resolve(first.low, sg.a, first.para)
			if !ok {
				return source{pronoun: first.low}
			}
			return source{name: e.name, kind: e.kind, gender: e.gender, plural: e.plural, pronoun: first.low}
		}
		if d.opensRelative(sg.a) || first.kind == tNum {
			continue
		}
		if src, ok := an.personIn(sg); ok {
			// An appositive ("the head of the border guard") is a fuller role
			// than a rank or title before the name.
			for j, o := range segs {
				if j != idx && o.a < o.b && !d.opensRelative(o.a) && d.toks[o.a].kind != tNum {
					if _, isPerson := an.personIn(o); !isPerson {
						src.role = d.text(o.a, o.b)
						break
					}
				}
			}
			if g, ok := roleGender(d, segs); ok && src.gender == unknownGender {
				src.gender = g
				an.genders[src.name] = g
			}
			return src
		}
		if fallback.name == "" {
			fallback = an.phraseSource(sg)
		}
	}
	return fallback
}

// personIn finds a person named in segment sg, with the words before the
// name (lower-case roles and titles) as the role.
func (an *analyzer) personIn(sg tspan) (source, bool) {
	d := an.d
	first := d.toks[sg.a]
	if d.lx.determiners.has(first.low) && first.low != "his" && first.low != "her" && first.low != "its" && first.low != "their" {
		// "the Valdorian Foreign Ministry", "a consultant at St Aldhelm's"
		if !(definiteArticles.has(first.low) && sg.b-sg.a >= 2 && an.isNamedRole(sg)) {
			return source{}, false
		}
	}
	for i := sg.a; i < sg.b; i++ {
		t := d.toks[i]
		if !t.upper() {
			if t.low == "of" || t.low == "at" || t.low == "for" {
				return source{}, false
			}
			continue
		}
		j := d.runEnd(i, sg.b)
		src := an.classifyRun(i, j)
		if src.kind == entPerson || (src.kind == entOther && i == sg.a && j == sg.b) {
			pre := strings.TrimSpace(d.text(sg.a, i))
			if pre != "" {
				if src.role != "" {
					src.role = pre + " " + src.role
				} else {
					src.role = pre
				}
			}
			return src, src.kind == entPerson || src.kind == entOther
		}
		if src.kind == entOrg {
			return source{}, false
		}
		i = j - 1
	}
	return source{}, false
}

// isNamedRole reports "the mayor's spokesman Ivo Dragan"-style phrases that
// start with "the" but end in a person's name.
func (an *analyzer) isNamedRole(sg tspan) bool {
	d := an.d
	last := d.toks[sg.b-1]
	if !last.upper() {
		return false
	}
	i := sg.b - 1
	for i > sg.a && (d.toks[i-1].upper() || d.toks[i-1].text == "-" && d.adjacent(i) || d.abbrevDot(i-1)) {
		i--
	}
	src := an.classifyRun(i, sg.b)
	return src.kind == entPerson && (i > sg.a+1 || src.role != "")
}

// phraseSource is an organisation or role phrase as a source ("the
// ministry", "A spokeswoman for the health department"). A definite phrase
// refers back: to an earlier source it repeats ("las fuentes" → "fuentes de
// Montecon"), or, when it is a title ("o senador", "la gastro-entérologue",
// "O titular da Defesa"), to the person last given that title or, failing
// that, the person last speaking.
func (an *analyzer) phraseSource(sg tspan) source {
	d := an.d
	name := strings.Trim(d.text(sg.a, sg.b), " ,")
	if name == "" {
		return source{}
	}
	last := d.toks[sg.b-1]
	src := source{name: name, kind: entOrg, plural: isPluralNoun(last.low) && !last.upper()}
	for i := sg.a; i < sg.b; i++ {
		if g, ok := d.lx.personRoleGender[d.toks[i].low]; ok {
			src.gender, src.kind = g, entPerson
		}
	}
	first := d.toks[sg.a]
	if !definiteArticles.has(first.low) || sg.b-sg.a > 6 {
		return src
	}
	if sg.b-sg.a < 2 || d.toks[sg.a+1].upper() && d.lx.code != "de" {
		return src
	}
	head := d.compoundLow(sg.a+1, sg.b) // "la gastro-entérologue", "le porte-parole"
	isTitle := d.lx.titleHeads.has(head) || hasSuffixIn(head, d.lx.titleSuffixes) || d.lx.personRoleGender[head] != 0
	if !isTitle {
		// "the ministry" after "the Valdorian Foreign Ministry", "las
		// fuentes" after "fuentes de Montecon": an earlier source whose name
		// ends (or, in the Romance languages, starts) with the same noun.
		for i := len(an.ents) - 1; i >= 0; i-- {
			e := an.ents[i]
			if first.para-e.para > 6 {
				break
			}
			low := strings.ToLower(e.name)
			if e.salient && e.name != name && strings.Count(e.name, " ") >= 1 &&
				(strings.HasSuffix(low, " "+last.low) || d.lx.code != "en" && strings.HasPrefix(low, last.low+" ")) {
				return source{name: e.name, role: e.role, kind: e.kind, gender: e.gender, plural: e.plural}
			}
		}
		return src
	}
	var content []string
	for i := sg.a + 1; i < sg.b; i++ {
		if w := d.toks[i].low; d.toks[i].kind == tWord && !d.lx.ofWords.has(w) && !definiteArticles.has(w) {
			content = append(content, w)
		}
	}
	para := first.para
	best, bestScore := -1, 0
	for i := len(an.ents) - 1; i >= 0; i-- {
		e := an.ents[i]
		if para-e.para > 6 || e.name == name {
			if para-e.para > 6 {
				break
			}
			continue
		}
		if e.kind != entPerson {
			continue
		}
		score := 0
		low := strings.ToLower(e.name + " " + e.role + " " + d.text(e.ctx.a, e.ctx.b))
		for _, w := range content {
			if containsWord(low, w) {
				score += 2
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 && bestScore >= 2 {
		e := an.ents[best]
		return source{name: e.name, role: e.role, kind: e.kind, gender: e.gender, plural: e.plural}
	}
	{
		g := d.lx.personRoleGender[head]
		for i := len(an.ents) - 1; i >= 0; i-- {
			e := an.ents[i]
			if para-e.para > 3 {
				break
			}
			if e.kind == entPerson && e.salient && (g == unknownGender || e.gender == unknownGender || e.gender == g) {
				return source{name: e.name, role: e.role, kind: e.kind, gender: e.gender}
			}
		}
	}
	return src
}

// compoundLow is the lower-case word at token i joined with the words that
// hyphens attach to it ("gastro-entérologue"), within lim.
func (d *doc) compoundLow(i, lim int) string {
	w := d.toks[i].low
	for j := i + 1; j+1 < lim && d.toks[j].text == "-" && d.adjacent(j) && d.adjacent(j+1) && d.toks[j+1].kind == tWord; j += 2 {
		w += "-" + d.toks[j+1].low
	}
	return w
}

// containsWord reports whether the lower-case text holds w as a word or
// as the last part of a hyphenated word.
func containsWord(text, w string) bool {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		if f == w || strings.HasSuffix(f, "-"+w) {
			return true
		}
	}
	return false
}

func roleGender(d *doc, segs []tspan) (gender, bool) {
	for _, sg := range segs {
		for i := sg.a; i < sg.b; i++ {
			if g, ok := d.lx.personRoleGender[d.toks[i].low]; ok && !d.lx.honorifics.has(d.toks[i].low) {
				return g, true
			}
		}
	}
	return unknownGender, false
}
