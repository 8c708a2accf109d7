package suggest

import (
	"maps"
	"strings"
)

// lexicon is the language data the rules read: every word list and table
// that differs between languages. English is the base; each other language
// adds its own words to it (reports in any language quote English names and
// figures). A lexicon is built once and never written afterwards.
type lexicon struct {
	code         string
	decimalComma bool // 1.234,5 and 1 234,5 (and never 1,234.5)
	nullSubject  bool // "…”, disse." — the verb may stand without a subject
	// verbSecond: the finite verb of a main clause stands second, so an
	// adverbial may come first and the subject right after the verb
	// ("Gleichzeitig betonte der Präsident").
	verbSecond      bool
	prefieldAdverbs wordSet // adverbs and pronoun objects that fill the first position alone
	prepositions    wordSet // open an adverbial phrase in the first position

	cues         map[string]cueKind
	postOnlyCues wordSet    // cue only straight after a quote: German "so Caspar"
	according    [][]string // "according to", "selon", "laut" …: the source follows
	postAccord   wordSet    // the source comes before: "X zufolge"
	nounLikeCues wordSet

	determiners, definiteRefs, skipBeforeVerb, npStop, relStart, ofWords wordSet
	honorifics, titleHeads, orgHeads, placeHeads, capFunctionWords       wordSet
	titleSuffixes, orgSuffixes                                           []string
	sentenceStarters, abbrevTitles, abbrevOther, calendarWords           wordSet
	directTitleCues, questionWords, orgNouns, nounStop, identNouns       wordSet
	scoreWords, firstPerson                                              wordSet
	pronounGender, personRoleGender                                      map[string]gender

	changeVerbs, claimChange, claimSuperlative, claimCausal, claimLegal wordSet
	claimPredict, opinionVerbs, hedges, resolveWords, chrome            wordSet

	smallNumbers, tensNumbers, scaleWords, vagueScales, denominators map[string]float64
	currencyWords, timeUnits, measureUnits                           map[string]string
	centWords                                                        wordSet // hundredths of the clipping's currency
	percent                                                          []unitPhrase
	comparators                                                      []comparator
	compByFirst                                                      map[string][]int
	compArticles                                                     wordSet // "hasta el 70%", "sopra i 1400 metri"
	rangeTo, rangeAnd, rangeOr, rangeFrom, between                   wordSet
	months, weekdays, ordinalSuffixes, timeSuffixes, clockBefore     wordSet
	tensOf                                                           map[string]float64 // "tens of", "dizaines de": ×10 of a vague scale
}

// unitPhrase is a unit written as words after a number ("per cent").
type unitPhrase struct {
	words []string
	unit  string
}

// comparator is a phrase before a number and the relation it states.
type comparator struct {
	words []string
	comp  string
}

// langData is what one language adds to the English base, as word lists.
type langData struct {
	code                   string
	decimalComma           bool
	nullSubject            bool
	verbSecond             bool
	prefieldAdverbs        string
	prepositions           string
	speech, naming, assert string
	postOnly               string
	according              []string // phrases, words separated by spaces
	postAccord             string
	determiners            string
	definiteRefs           string
	skipBeforeVerb         string
	npStop, relStart       string
	ofWords                string
	honorifics, titles     string
	titleSuffixes          string
	orgHeads, orgSuffixes  string
	placeHeads             string
	capFunctionWords       string
	sentenceStarters       string
	abbrevTitles           string
	firstPerson            string
	pronouns               map[string]gender
	roleGender             map[string]gender
	changeVerbs            string
	superlatives           string
	legal                  string
	predict                string
	opinion, hedges        string
	chrome                 string
	numbers                map[string]float64 // small numbers and tens
	scales, vague          map[string]float64
	tensOf                 map[string]float64
	currencies             map[string]string
	cents                  string
	timeUnits              map[string]string
	measures               map[string]string
	percent                []unitPhrase
	comparators            []comparator
	compArticles           string
	rangeTo, rangeAnd      string
	rangeOr, rangeFrom     string
	between                string
	months, weekdays       string
	ordinalSuffixes        string
	timeSuffixes           string
	clockBefore            string
	identNouns             string
	definite               string
}

// union returns a new set holding a's words and the words of list.
func union(a wordSet, list string) wordSet {
	s := maps.Clone(a)
	if s == nil {
		s = wordSet{}
	}
	for _, w := range strings.Fields(list) {
		s[strings.ToLower(w)] = struct{}{}
	}
	return s
}

func mergeNum(a, b map[string]float64) map[string]float64 {
	m := maps.Clone(a)
	maps.Copy(m, b)
	return m
}

func mergeStr(a, b map[string]string) map[string]string {
	m := maps.Clone(a)
	for k, v := range b {
		m[strings.ToLower(k)] = v
	}
	return m
}

func mergeGender(a, b map[string]gender) map[string]gender {
	m := maps.Clone(a)
	maps.Copy(m, b)
	return m
}

// indexComparators indexes comparator phrases by their first word.
func indexComparators(cs []comparator) map[string][]int {
	m := map[string][]int{}
	for i, c := range cs {
		m[c.words[0]] = append(m[c.words[0]], i)
	}
	return m
}

// extend builds the lexicon of a language from the English base.
func extend(base *lexicon, l langData) *lexicon {
	x := *base
	x.code, x.decimalComma, x.nullSubject, x.verbSecond = l.code, l.decimalComma, l.nullSubject, l.verbSecond
	x.prefieldAdverbs = union(base.prefieldAdverbs, l.prefieldAdverbs)
	x.prepositions = union(base.prepositions, l.prepositions)
	x.cues = maps.Clone(base.cues)
	for k, list := range map[cueKind]string{cueSpeech: l.speech, cueNaming: l.naming, cueAssertion: l.assert} {
		for _, w := range strings.Fields(list) {
			x.cues[strings.ToLower(w)] = k
		}
	}
	x.postOnlyCues = union(base.postOnlyCues, l.postOnly)
	x.according = append(append([][]string{}, base.according...), phrases(l.according)...)
	x.postAccord = union(base.postAccord, l.postAccord)
	x.determiners = union(base.determiners, l.determiners)
	x.definiteRefs = union(base.definiteRefs, l.definiteRefs)
	x.skipBeforeVerb = union(base.skipBeforeVerb, l.skipBeforeVerb)
	x.npStop = union(base.npStop, l.npStop)
	x.relStart = union(base.relStart, l.relStart)
	x.ofWords = union(base.ofWords, l.ofWords)
	x.honorifics = union(base.honorifics, l.honorifics)
	x.titleHeads = union(base.titleHeads, l.titles+" "+l.honorifics)
	x.titleSuffixes = append(append([]string{}, base.titleSuffixes...), strings.Fields(l.titleSuffixes)...)
	x.orgHeads = union(base.orgHeads, l.orgHeads)
	x.orgNouns = union(base.orgNouns, l.orgHeads)
	x.orgSuffixes = append(append([]string{}, base.orgSuffixes...), strings.Fields(l.orgSuffixes)...)
	x.placeHeads = union(base.placeHeads, l.placeHeads)
	x.capFunctionWords = union(base.capFunctionWords, l.capFunctionWords+" "+l.determiners+" "+l.npStop)
	x.sentenceStarters = union(base.sentenceStarters, l.sentenceStarters+" "+l.capFunctionWords+" "+l.determiners)
	x.abbrevTitles = union(base.abbrevTitles, l.abbrevTitles)
	x.firstPerson = union(base.firstPerson, l.firstPerson)
	x.pronounGender = mergeGender(base.pronounGender, l.pronouns)
	x.personRoleGender = mergeGender(base.personRoleGender, l.roleGender)
	x.changeVerbs = union(base.changeVerbs, l.changeVerbs)
	x.claimChange = union(base.claimChange, l.changeVerbs)
	x.claimSuperlative = union(base.claimSuperlative, l.superlatives)
	x.claimLegal = union(base.claimLegal, l.legal)
	x.claimPredict = union(base.claimPredict, l.predict)
	x.opinionVerbs = union(base.opinionVerbs, l.opinion)
	x.hedges = union(base.hedges, l.hedges)
	x.chrome = union(base.chrome, l.chrome)
	x.smallNumbers = mergeNum(base.smallNumbers, l.numbers)
	x.scaleWords = mergeNum(base.scaleWords, l.scales)
	x.vagueScales = mergeNum(base.vagueScales, l.vague)
	x.tensOf = mergeNum(base.tensOf, l.tensOf)
	x.currencyWords = mergeStr(base.currencyWords, l.currencies)
	x.centWords = union(base.centWords, l.cents)
	x.timeUnits = mergeStr(base.timeUnits, l.timeUnits)
	x.measureUnits = mergeStr(base.measureUnits, l.measures)
	x.percent = append(append([]unitPhrase{}, l.percent...), base.percent...)
	x.comparators = append(append([]comparator{}, l.comparators...), base.comparators...)
	x.compByFirst = indexComparators(x.comparators)
	x.compArticles = union(base.compArticles, l.compArticles)
	x.rangeTo = union(base.rangeTo, l.rangeTo)
	x.rangeAnd = union(base.rangeAnd, l.rangeAnd)
	x.rangeOr = union(base.rangeOr, l.rangeOr)
	x.rangeFrom = union(base.rangeFrom, l.rangeFrom)
	x.between = union(base.between, l.between)
	x.months = union(base.months, l.months)
	x.weekdays = union(base.weekdays, l.weekdays)
	x.calendarWords = union(base.calendarWords, l.months+" "+l.weekdays)
	x.ordinalSuffixes = union(base.ordinalSuffixes, l.ordinalSuffixes)
	x.timeSuffixes = union(base.timeSuffixes, l.timeSuffixes)
	x.clockBefore = union(base.clockBefore, l.clockBefore)
	x.identNouns = union(base.identNouns, l.identNouns)
	x.definiteRefs = union(x.definiteRefs, l.definite)
	ns := maps.Clone(x.npStop)
	for w := range x.determiners {
		ns[w] = struct{}{}
	}
	for w := range base.nounStop {
		ns[w] = struct{}{}
	}
	delete(ns, "more")
	x.nounStop = ns
	return &x
}

func phrases(list []string) [][]string {
	var out [][]string
	for _, p := range list {
		out = append(out, strings.Fields(strings.ToLower(p)))
	}
	return out
}

// lexicons by ISO 639-1 code; English serves every other code.
var lexicons = func() map[string]*lexicon {
	m := map[string]*lexicon{"en": english}
	for _, l := range []langData{french, german, spanish, italian, portuguese} {
		m[l.code] = extend(english, l)
	}
	return m
}()

// lexiconFor returns the lexicon of a language code, English when unknown.
func lexiconFor(code string) *lexicon {
	if lx, ok := lexicons[strings.ToLower(code)]; ok {
		return lx
	}
	return english
}

// hasSuffixIn reports whether w ends with one of the suffixes (and is longer).
func hasSuffixIn(w string, sufs []string) bool {
	for _, s := range sufs {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
