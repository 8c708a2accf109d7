package suggest

// german adds German to the English base.
var german = langData{
	code: "de", decimalComma: true, verbSecond: true,
	prefieldAdverbs: `gleichzeitig zugleich zudem außerdem ausserdem ferner überdies zusätzlich ebenfalls
		ebenso auch noch bereits schon dann nun jetzt weiter dennoch trotzdem deshalb deswegen daher
		darum allerdings jedoch aber doch indes indessen hingegen dagegen stattdessen vielmehr
		inzwischen mittlerweile später zuvor vorher danach anschließend anschliessend damals bisher
		seither seitdem schließlich schliesslich zuletzt zunächst erneut wiederum abschließend
		abschliessend gestern heute morgen vorgestern kürzlich jüngst derzeit offiziell offenbar
		tatsächlich immerhin nämlich dort hier dabei dazu darauf daraufhin davon damit demnach
		zwar manchmal oft immer wieder erst ausdrücklich also abend nacht mittag vormittag nachmittag
		das dies dieses folgendes`,
	prepositions: `in im am an ans auf aus bei beim mit nach seit vor während wegen trotz gegenüber
		hinter neben durch für gegen ohne um von vom zu zum zur über unter zwischen bis ab angesichts
		aufgrund innerhalb ausserhalb außerhalb`,
	speech: `sagt sagte sagten gesagt erklärt erklärte erklärten betont betonte sprach spricht
		fordert forderte warnt warnte meint meinte teilte teilt schrieb schreibt berichtet
		berichtete kritisiert kritisierte ergänzt ergänzte erläutert erläuterte bestätigt
		bestätigte versichert versicherte antwortet antwortete argumentiert argumentierte
		räumt räumte fügte fügt mahnt mahnte verspricht versprach beklagt beklagte kündigte
		kündigt behauptet behauptete glaubt glaubte findet fand unterstrich unterstreicht
		bekräftigt bekräftigte zitiert twitterte äußerte äußert stellte`,
	naming:   `nennt nannte bezeichnet bezeichnete`,
	assert:   `zeigt zeigte schätzt schätzte`,
	postOnly: `so`,
	according: []string{"laut", "nach angaben", "nach angaben von", "nach angaben des", "nach angaben der",
		"nach aussage", "nach aussage des", "nach aussage der"},
	postAccord: `zufolge`,
	determiners: `der die das den dem des ein eine einer eines einem einen sein seine seiner ihr ihre
		ihrer dieser diese dieses jeder jede kein keine`,
	definite:       `die der den beiden diese seine ihre`,
	skipBeforeVerb: `hat haben hatte hatten habe wird wurde wurden auch noch zudem bereits dann nun weiter außerdem`,
	npStop: `in im am an auf aus bei mit nach seit von vom zu zum zur über unter vor hinter neben
		zwischen durch für gegen ohne um und oder aber sondern dass ob wenn als wie weil da denn
		ist sind war waren sei seien hat haben wird werden wurde nicht auch er sie es man sich wir ich`,
	relStart:   `der die das welcher welche welches wo als wenn`,
	ofWords:    `von der des`,
	honorifics: `herr frau dr prof`,
	titles: `minister ministerin präsident präsidentin sprecher sprecherin chef chefin kanzler
		kanzlerin direktor direktorin bürgermeister bürgermeisterin general professor professorin
		manager managerin vorsitzende vorsitzender abgeordnete abgeordneter richter richterin
		staatsanwalt anwalt anwältin botschafter botschafterin klimaaktivistin aktivist aktivistin
		datenschutzbeauftragte datenschutzbeauftragter reporter`,
	titleSuffixes: `minister ministerin präsident präsidentin sprecher sprecherin chef chefin kanzler
		kanzlerin direktor direktorin beauftragte beauftragter vorsitzende vorsitzender leiter leiterin
		manager managerin aktivist aktivistin experte expertin`,
	orgHeads: `ministerium regierung bundesregierung partei konzern unternehmen behörde gericht polizei
		bank verband gewerkschaft rat amt bundesamt bundestag bundeswehr kommission stiftung institut
		universität zeitung agentur`,
	orgSuffixes: `ministerium behörde amt konzern gericht verband gesellschaft gmbh ag bank partei regierung`,
	capFunctionWords: `der die das den dem des ein eine einer eines einem einen er sie es wir ich man
		auch doch noch nur schon aber und oder denn dass wie wo wenn als weil nach mit im am vom zum
		zur bei von zu für über unter vor seit bis durch dabei darunter dazu daher damit deshalb nun
		so ob woher warum was wer wie solange allerdings zudem außerdem dann dort hier heute`,
	sentenceStarters: `der die das er sie es ein eine auch doch nach im am`,
	abbrevTitles:     `dr prof`,
	firstPerson:      `ich wir mein meine unser unsere mir uns`,
	pronouns:         map[string]gender{"er": male, "sie": female},
	roleGender: map[string]gender{"herr": male, "frau": female, "ministerin": female,
		"präsidentin": female, "sprecherin": female, "chefin": female, "kanzlerin": female,
		"klimaaktivistin": female, "aktivistin": female, "mitarbeiterin": female},
	changeVerbs:  `gestiegen gesunken stieg sank erhöht gesenkt verdoppelt halbiert absenkung senkung erhöhung`,
	superlatives: `rekord größten größte größter höchste niedrigste meisten erfolgreichsten`,
	legal:        `gesetz gesetze gericht urteil verurteilt bußgeld geldbuße verboten strafe anzeige`,
	predict:      `soll sollen wird werden plant geplant`,
	opinion:      `glaube denke finde hoffe`,
	hedges:       `vielleicht wahrscheinlich möglicherweise`,
	chrome:       `mehr twitter e-mail newsletter abonnieren teilen`,
	numbers: map[string]float64{"null": 0, "eins": 1, "ein": 1, "eine": 1, "einem": 1, "einen": 1,
		"einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
		"neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
		"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
		"achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000},
	scales: map[string]float64{"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
		"milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
	vague: map[string]float64{"tausende": 1e3, "hunderte": 100, "dutzende": 12, "millionen": 1e6,
		"milliarden": 1e9, "zehntausende": 1e4, "hunderttausende": 1e5},
	currencies: map[string]string{"euro": "EUR", "dollar": "USD", "us-dollar": "USD", "pfund": "GBP",
		"franken": "CHF", "rubel": "RUB", "yuan": "CNY"},
	cents: `cent`,
	timeUnits: map[string]string{"sekunde": "seconds", "sekunden": "seconds", "minute": "minutes",
		"minuten": "minutes", "stunde": "hours", "stunden": "hours", "tag": "days", "tage": "days",
		"tagen": "days", "woche": "weeks", "wochen": "weeks", "monat": "months", "monate": "months",
		"monaten": "months", "jahr": "years", "jahre": "years", "jahren": "years", "jahres": "years",
		"jahrzehnt": "decades", "jahrzehnte": "decades", "jahrzehnten": "decades"},
	measures: map[string]string{"meter": "m", "kilometer": "km", "zentimeter": "cm", "millimeter": "mm",
		"tonne": "tonnes", "tonnen": "tonnes", "kilogramm": "kg", "kilo": "kg", "gramm": "g",
		"liter": "litres", "hektar": "hectares", "grad": "°C", "megawatt": "MW", "gigawatt": "GW",
		"quadratkilometer": "square km", "quadratmeter": "square m"},
	percent: []unitPhrase{{[]string{"prozent"}, "%"}, {[]string{"prozentpunkte"}, "percentage points"},
		{[]string{"prozentpunkten"}, "percentage points"}},
	comparators: []comparator{{[]string{"mehr", "als"}, ">"}, {[]string{"über"}, ">"},
		{[]string{"weniger", "als"}, "<"}, {[]string{"unter"}, "<"}, {[]string{"rund"}, "~"},
		{[]string{"etwa"}, "~"}, {[]string{"ungefähr"}, "~"}, {[]string{"knapp"}, "~"}, {[]string{"fast"}, "~"},
		{[]string{"circa"}, "~"}, {[]string{"ca"}, "~"}, {[]string{"mindestens"}, ">="},
		{[]string{"bis", "zu"}, "<="}, {[]string{"höchstens"}, "<="}, {[]string{"maximal"}, "<="},
		{[]string{"innerhalb", "von"}, "<="}, {[]string{"zwischen"}, "range"}},
	rangeTo: `bis auf`, rangeAnd: `und`, rangeOr: `oder`, rangeFrom: `von`, between: `zwischen`,
	months: `januar februar märz april mai juni juli august september oktober november dezember
		jan feb mär apr jun jul aug sep sept okt nov dez`,
	weekdays:     `montag dienstag mittwoch donnerstag freitag samstag sonntag`,
	timeSuffixes: `uhr`,
	identNouns:   `artikel nummer kapitel seite paragraf paragraph linie modell`,
}
