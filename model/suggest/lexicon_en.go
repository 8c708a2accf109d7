package suggest

// english is the base lexicon: the English tables of lexicon.go,
// numbers.go, units.go, figures.go and entities.go gathered in one place.
var english = func() *lexicon {
	x := &lexicon{
		code: "en", cues: cueForms, postOnlyCues: wordSet{},
		according:    [][]string{{"according", "to"}},
		postAccord:   wordSet{},
		nounLikeCues: nounLikeCues,
		determiners:  determiners, definiteRefs: definiteRefs, skipBeforeVerb: skipBeforeVerb,
		npStop: npStop, relStart: relStart, ofWords: words(`of for by from`),
		honorifics: honorifics, titleHeads: titleHeads, orgHeads: orgHeads, placeHeads: placeHeads,
		capFunctionWords: capFunctionWords, sentenceStarters: sentenceStarters,
		abbrevTitles: abbrevTitles, abbrevOther: abbrevOther, calendarWords: calendarWords,
		directTitleCues: directTitleCues, questionWords: questionWords, orgNouns: orgNouns,
		nounStop: nounStop, identNouns: identNouns, scoreWords: scoreWords, firstPerson: firstPerson,
		pronounGender: pronounGender, personRoleGender: personRoleGender,
		changeVerbs: changeVerbs, claimChange: claimChange, claimSuperlative: claimSuperlative,
		claimCausal: claimCausal, claimLegal: claimLegal, claimPredict: claimPredict,
		opinionVerbs: opinionVerbs, hedges: hedges, resolveWords: resolveWords,
		chrome: words(`subscribe newsletter click share advertisement advertising cookies
			sign-up signup log`),
		smallNumbers: smallNumbers, tensNumbers: tensNumbers, scaleWords: scaleWords,
		vagueScales: vagueScales, denominators: denominators,
		currencyWords: currencyWords, timeUnits: timeUnits, measureUnits: measureUnits,
		centWords: words(`cent cents`),
		percent: []unitPhrase{
			{[]string{"%"}, "%"}, {[]string{"percent"}, "%"}, {[]string{"pct"}, "%"},
			{[]string{"per", "cent"}, "%"}, {[]string{"percentage", "points"}, "percentage points"},
			{[]string{"percentage", "point"}, "percentage points"}, {[]string{"basis", "points"}, "basis points"},
			{[]string{"basis", "point"}, "basis points"}, {[]string{"bp"}, "basis points"}, {[]string{"bps"}, "basis points"},
		},
		comparators:  comparators,
		compArticles: words(`a`),
		rangeTo:      words(`to`), rangeAnd: words(`and`), rangeOr: words(`or`), rangeFrom: words(`from`),
		between: words(`between`),
		months: words(`january february march april may june july august september october november
			december jan feb mar apr jun jul aug sep sept oct nov dec`),
		weekdays:        words(`monday tuesday wednesday thursday friday saturday sunday`),
		ordinalSuffixes: ordinalSuffixes, timeSuffixes: timeSuffixes, clockBefore: wordSet{},
		tensOf: map[string]float64{"tens": 10, "hundreds": 100},
	}
	x.compByFirst = indexComparators(x.comparators)
	return x
}()
