package suggest

import "strings"

type gender uint8

const (
	unknownGender gender = iota
	male
	female
	neuter // "it": organisations
	plural // "they"
)

type entKind uint8

const (
	entPerson entKind = iota + 1
	entOrg            // organisations and role noun phrases: the ministry, police
	entOther          // a capitalised word of unknown kind: Enreg, Valdoria
)

// entity is one mention of a person or organisation, in document order.
// Salient mentions (speakers and sentence subjects) are preferred
// antecedents for pronouns.
type entity struct {
	name    string
	role    string // titles and appositives given with the name
	ctx     tspan  // the words around the mention, to match a later title
	kind    entKind
	gender  gender
	plural  bool
	pos     int // token index
	para    int
	salient bool
}

// source is who a noun phrase names: a speaker or claimant.
type source struct {
	name    string
	role    string
	kind    entKind
	gender  gender
	plural  bool
	pronoun string // the pronoun it was resolved from, if any
}

var calendarWords = words(`january february march april may june july august september october november
	december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug
	sep sept oct nov dec gmt bst utc cet est`)

// orgNouns are lower-case heads of noun phrases that name an organisation.
var orgNouns = func() wordSet {
	s := words(`firm operator regulator team study report survey developer airport business
		institute board company ministry government union agency department office court police
		committee group party authority council club league bank consortium`)
	return s
}()

var placeFirst = words(`mount storm lake port fort cape saint st north south east west new upper lower
	greater`)

var nameParticles = words(`de da di del della der den van von ter ten le la du dos das bin ibn al el y`)

var capFunctionWords = words(`the a an in on at after but and or as for from by with when while if
	this that these those there it he she they we i his her its their our some many most all both
	each no not yet so then now still however meanwhile under since asked according two three
	four five six seven eight nine ten one nobody none every other others another`)

// runEnd returns the end of the capitalised run starting at token i: words
// with capitals, abbreviation dots, particles and hyphens inside names, and
// "of"/"for" before a further capital (Bank of Meridia).
func (d *doc) runEnd(i, lim int) int {
	j := i + 1
	for j < lim {
		t := d.toks[j]
		switch {
		case t.quote != d.toks[i].quote:
			return j
		case t.upper():
			if strings.HasSuffix(d.toks[j-1].low, "’s") || strings.HasSuffix(d.toks[j-1].low, "'s") {
				return j
			}
			j++
		case t.text == "." && d.adjacent(j) && d.toks[j-1].kind == tWord &&
			(d.lx.abbrevTitles.has(d.toks[j-1].low) || len([]rune(d.toks[j-1].low)) == 1):
			j++
		case t.text == "-" && d.adjacent(j) && d.adjacent(j+1) && j+1 < lim && d.toks[j+1].upper():
			j += 2
		case (nameParticles.has(t.low) || t.low == "of" || t.low == "for") && j+1 < lim && d.toks[j+1].upper() &&
			!strings.HasSuffix(d.toks[j-1].low, "’s"):
			j += 2
		default:
			return j
		}
	}
	return j
}

// classifyRun decides whether the capitalised run [a,b) names a person, an
// organisation or something else, splitting leading titles into a role. A
// run ending in a possessive ("Benjamin Netanyahu’s") names no one.
func (an *analyzer) classifyRun(a, b int) source { return an.classify(a, b, false) }

// possessive strips the possessive ending of a word: "netanyahu’s" → "netanyahu".
func possessive(w string) (string, bool) {
	for _, suf := range []string{"’s", "'s"} {
		if strings.HasSuffix(w, suf) || strings.HasSuffix(w, strings.ToUpper(suf)) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

// classify is classifyRun; with poss a possessive run names its possessor,
// so that a full name first given as "Benjamin Netanyahu’s triumph" is the
// canonical name of a later "Netanyahu".
func (an *analyzer) classify(a, b int, poss bool) source {
	d := an.d
	var ws []int // word token indices
	for i := a; i < b; i++ {
		if d.toks[i].kind == tWord {
			ws = append(ws, i)
		}
	}
	for len(ws) > 0 && d.lx.capFunctionWords.has(d.toks[ws[0]].low) {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return source{}
	}
	last := d.toks[ws[len(ws)-1]]
	lastLow, isPoss := possessive(last.low)
	if isPoss && !poss {
		return source{}
	}
	// nameText is the text of words [x, y] without a possessive ending.
	nameText := func(x, y int) string {
		t := d.text(x, y)
		if isPoss {
			t, _ = possessive(t)
		}
		return t
	}
	for _, i := range ws {
		if d.lx.orgHeads.has(d.toks[i].low) {
			return source{name: nameText(ws[0], ws[len(ws)-1]+1), kind: entOrg}
		}
	}
	forename := len(ws) >= 2 && (maleNames.has(d.toks[ws[0]].low) || femaleNames.has(d.toks[ws[0]].low))
	if d.lx.calendarWords.has(d.toks[ws[0]].low) && !forename || placeFirst.has(d.toks[ws[0]].low) ||
		d.lx.placeHeads.has(lastLow) || d.numberWordValue(d.toks[ws[0]].low) >= 0 {
		return source{}
	}
	allCaps := true
	for _, i := range ws {
		if !d.toks[i].allCaps() {
			allCaps = false
		}
	}
	// All capitals, or an acronym before a name: PP-AL, NDR, STF, CHU Beaujon.
	if allCaps || len(ws) >= 2 && d.toks[ws[0]].allCaps() && !forename {
		return source{name: nameText(ws[0], ws[len(ws)-1]+1), kind: entOrg}
	}
	h := -1
	for k, i := range ws[:len(ws)-1] {
		if w := d.toks[i].low; d.lx.titleHeads.has(w) || hasSuffixIn(w, d.lx.titleSuffixes) {
			h = k
		}
	}
	if h < 0 && len(ws) >= 3 {
		// "Siemens-Chef Joe Kaeser", "Klimaaktivistin Luisa Neubauer": the
		// name starts at the first forename.
		for k, i := range ws[1 : len(ws)-1] {
			if w := d.toks[i].low; maleNames.has(w) || femaleNames.has(w) {
				h = k
				break
			}
		}
	}
	g := unknownGender
	role := ""
	if h >= 0 {
		role = d.text(ws[0], ws[h]+1)
		for _, i := range ws[:h+1] {
			if pg, ok := d.lx.personRoleGender[d.toks[i].low]; ok {
				g = pg
			}
		}
		ws = ws[h+1:]
	}
	nameWords := len(ws)
	if nameWords > 4 || h >= 0 && !d.toks[ws[0]].upper() && articleParticles.has(d.toks[ws[0]].low) {
		// "Sprecher der Grünen", "Presidente da Câmara": a title of an
		// organisation, not a named person ("Innenminister de Maizière" is).
		return source{}
	}
	first := d.toks[ws[0]].low
	if nameWords == 1 {
		first = lastLow
	}
	if g == unknownGender {
		g = forenameGender(first, nameWords)
	}
	name := nameText(ws[0], ws[len(ws)-1]+1)
	switch {
	case d.lx.code == "de" && h < 0 && !maleNames.has(first) && !femaleNames.has(first):
		// German capitalises every noun: only a forename or a title makes a person.
		if full, ok := an.surnames[lastLow]; ok && nameWords == 1 {
			return source{name: full, role: role, kind: entPerson, gender: an.genders[full]}
		}
		return source{name: name, kind: entOther}
	case h >= 0 || nameWords >= 2 || maleNames.has(first) || femaleNames.has(first):
		return source{name: an.canonical(name, nameWords, g), role: role, kind: entPerson, gender: an.genderOf(name, g)}
	case nameWords == 1:
		if full, ok := an.surnames[first]; ok {
			return source{name: full, role: role, kind: entPerson, gender: an.genders[full]}
		}
		return source{name: name, role: role, kind: entOther}
	}
	return source{}
}

// articleParticles are the name particles that are also articles or
// article contractions: after a title they open the organisation the title
// belongs to, not a surname.
var articleParticles = words(`der die das den dem des el los las il lo gli le la les du del della dello
	dei degli delle do da dos das`)

// forenameGender guesses gender from a forename; one-word names are
// surnames and say nothing.
func forenameGender(first string, nameWords int) gender {
	if nameWords < 2 {
		return unknownGender
	}
	switch {
	case maleNames.has(first):
		return male
	case femaleNames.has(first):
		return female
	}
	return unknownGender
}

// canonical maps a surname (or title + surname) to the full name it was
// introduced with, and records full names for later surname mentions.
func (an *analyzer) canonical(name string, nameWords int, g gender) string {
	parts := strings.Fields(name)
	key := strings.ToLower(parts[len(parts)-1])
	if nameWords >= 2 {
		if _, ok := an.surnames[key]; !ok {
			an.surnames[key] = name
		}
		if g != unknownGender && an.genders[name] == unknownGender {
			an.genders[name] = g
		}
		return name
	}
	if full, ok := an.surnames[key]; ok {
		if g != unknownGender && an.genders[full] == unknownGender {
			an.genders[full] = g
		}
		return full
	}
	if g != unknownGender {
		an.genders[name] = g
	}
	return name
}

func (an *analyzer) genderOf(name string, g gender) gender {
	if known := an.genders[name]; known != unknownGender {
		return known
	}
	return g
}

// addMentions records the people and organisations named in sentence si
// (outside quotes), marking sentence subjects as salient.
func (an *analyzer) addMentions(si int) {
	d := an.d
	s := d.sents[si]
	for i := s.a; i < s.b; {
		t := d.toks[i]
		if t.quote >= 0 || !t.upper() || (t.allCaps() && i == d.paras[t.para].a) {
			i++
			continue
		}
		j := d.runEnd(i, s.b)
		src := an.classifyRun(i, j)
		salient := d.isSubject(s, i, j)
		if _, poss := possessive(d.toks[j-1].low); poss && src.kind == 0 {
			// "Benjamin Netanyahu’s triumph": a person is named, though not
			// as the subject.
			if src = an.classify(i, j, true); src.kind != entPerson {
				src = source{}
			}
			salient = false
		}
		if src.kind == entOther && (!d.properNouns.has(strings.ToLower(src.name)) || d.lx.code == "de") {
			src.kind = 0
		}
		if d.chrome[s.para] || d.inByline(src.name) {
			src.kind = 0 // a byline, credit or caption name is never a speaker
		}
		if src.kind == entPerson && i < s.a+8 {
			an.namedEarly[si] = true
		}
		if src.kind != 0 {
			an.ents = append(an.ents, entity{name: src.name, role: src.role, kind: src.kind, gender: src.gender,
				pos: i, para: t.para, salient: salient, ctx: tspan{max(s.a, i-8), min(s.b, j+12)}})
		}
		i = j
	}
	// A sentence-initial "the board", "the company": an organisation that
	// a later "it" can refer to; "Der Mann", "the woman": a person.
	if first := d.toks[s.a]; definiteArticles.has(first.low) && first.quote < 0 && !d.chrome[s.para] {
		end := d.npRightEnd(s.a+1, min(s.b, s.a+5))
		if end > s.a+1 {
			head := d.toks[end-1].low
			if g, ok := d.lx.personRoleGender[head]; ok || personNouns[head] != 0 {
				if !ok {
					g = personNouns[head]
				}
				an.ents = append(an.ents, entity{name: d.text(s.a, end), kind: entPerson, gender: g,
					pos: s.a, para: first.para, salient: true})
			} else if d.lx.orgNouns.has(head) && (!d.toks[end-1].upper() || d.lx.code == "de") {
				an.ents = append(an.ents, entity{name: d.text(s.a, end), kind: entOrg, pos: s.a,
					para: first.para, salient: true})
			}
		}
	}
	// A sentence-initial pronoun keeps its antecedent salient ("He spoke…").
	if first := d.toks[s.a]; first.quote < 0 {
		if _, ok := d.lx.pronounGender[first.low]; ok && first.low != "her" && first.low != "him" {
			if e, ok := an.resolve(first.low, s.a, first.para); ok {
				e.pos, e.salient = s.a, true
				an.ents = append(an.ents, e)
			}
		}
	}
}

// isSubject reports whether the run [i,j) stands in subject position: only
// determiners, roles and commas before it, or an appositive after the
// sentence's first noun phrase.
func (d *doc) isSubject(s sentence, i, j int) bool {
	if i-s.a > 10 {
		return false
	}
	ok := true
	firstComma := -1
	for k := s.a; k < i; k++ {
		t := d.toks[k]
		if t.text == "," && firstComma < 0 {
			firstComma = k
		}
		if d.lx.npStop.has(t.low) || (t.kind == tWord && d.lx.pronounGender[t.low] != 0 && t.low != "her") {
			ok = false
		}
	}
	if ok {
		return true
	}
	return firstComma == i-1 && j < s.b && d.toks[j].text == ","
}

// resolve finds the antecedent of a pronoun at token pos: the most recent
// salient entity of matching gender within three paragraphs, else any
// matching mention within two.
func (an *analyzer) resolve(pronoun string, pos, para int) (entity, bool) {
	want := an.d.lx.pronounGender[pronoun]
	for pass := 0; pass < 2; pass++ {
		window := 3
		if pass == 1 {
			window = 2
		}
		for i := len(an.ents) - 1; i >= 0; i-- {
			e := an.ents[i]
			if e.pos >= pos {
				continue
			}
			if e.para < para-window {
				break
			}
			if pass == 0 && !e.salient {
				continue
			}
			if !compatible(want, e) {
				continue
			}
			if (want == male || want == female) && e.gender == unknownGender {
				an.genders[e.name] = want
				e.gender = want
			}
			return e, true
		}
	}
	return entity{}, false
}

func compatible(want gender, e entity) bool {
	switch want {
	case male, female:
		g := e.gender
		return e.kind == entPerson && (g == unknownGender || g == want)
	case neuter:
		return (e.kind == entOrg && !e.plural) || e.kind == entOther
	case plural:
		return e.kind == entOrg
	}
	return false
}

// isPronounWord reports whether w is a personal pronoun usable as a source:
// a third-person subject pronoun or a first-person one.
func (d *doc) isPronounWord(w string) bool {
	switch w {
	case "he", "she", "they", "it", "i", "we":
		return true
	}
	_, ok := d.lx.pronounGender[w]
	return ok && w != "her" && w != "him" || d.lx.firstPerson.has(w) && d.lx.code != "en" && len(w) > 1
}

// personNouns head a definite phrase that names a person ("the man").
var personNouns = map[string]gender{"man": male, "woman": female, "mann": male, "frau": female,
	"homme": male, "femme": female, "hombre": male, "mujer": female, "uomo": male, "donna": female,
	"homem": male, "mulher": female, "aktivist": male, "aktivistin": female}
