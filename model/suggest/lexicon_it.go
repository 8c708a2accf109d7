package suggest

// italian adds Italian to the English base.
var italian = langData{
	code: "it", decimalComma: true, nullSubject: true,
	speech: `detto dice dicono afferma affermato spiega spiegato aggiunge aggiunto sottolinea
		sottolineato dichiara dichiarato osserva osservato commenta commentato conclude concluso
		precisa precisato racconta raccontato comunica comunicato annuncia annunciato ribadisce
		ribadito avverte avvertito denuncia denunciato ammette ammesso replica replicato risponde
		risposto assicura assicurato scrive scritto twittato`,
	naming:         `definisce definito chiama chiamato`,
	assert:         `rivela rivelato mostra mostrato stima stimato`,
	according:      []string{"secondo", "stando a"},
	determiners:    `il lo la l' i gli le un uno una suo sua suoi sue questo questa questi queste quel quella`,
	definite:       `i gli le due entrambi suoi`,
	skipBeforeVerb: `ha hanno aveva avevano anche poi inoltre già`,
	npStop: `a al alla ai alle in nel nella nei nelle su sul sulla con per tra fra da dal dalla verso
		contro dopo prima durante e ed o ma che chi cui dove quando come se perché è sono era erano
		ha hanno si non`,
	relStart:   `che chi cui dove quando mentre`,
	ofWords:    `di del della dei delle degli dello`,
	honorifics: `sig dott prof`,
	titles: `presidente ministro ministra portavoce direttore direttrice sindaco segretario segretaria
		premier generale dottore dottoressa professore professoressa avvocato giudice deputato senatore
		leader capo`,
	orgHeads: `governo ministero sindacato azienda partito tribunale consiglio commissione polizia banca
		agenzia società regione comune`,
	capFunctionWords: `ma e in con per secondo questo questa quello quella poi anche già oggi ieri
		domani se non lui lei loro noi io dopo prima mentre così intanto infine ed`,
	abbrevTitles: `sig dott prof`,
	firstPerson:  `io noi mio mia nostro nostra`,
	pronouns:     map[string]gender{"lui": male, "lei": female, "egli": male, "ella": female, "loro": plural},
	roleGender: map[string]gender{"ministra": female, "direttrice": female, "segretaria": female,
		"dottoressa": female, "professoressa": female},
	changeVerbs:  `aumentato diminuito calo aumento salito sceso crescita`,
	superlatives: `record massimo minimo`,
	legal:        `legge decreto tribunale condannato illegale vietato`,
	predict:      `previsto prevista previsioni`,
	chrome:       `leggi anche iscriviti condividi`,
	numbers: map[string]float64{"zero": 0, "uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3,
		"quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
		"undici": 11, "dodici": 12, "tredici": 13, "quindici": 15, "venti": 20, "trenta": 30,
		"quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90,
		"cento": 100, "mille": 1000},
	scales: map[string]float64{"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6,
		"miliardo": 1e9, "miliardi": 1e9},
	vague:  map[string]float64{"migliaia": 1e3, "centinaia": 100, "decine": 10, "milioni": 1e6, "miliardi": 1e9},
	tensOf: map[string]float64{"decine": 10, "centinaia": 100},
	currencies: map[string]string{"euro": "EUR", "dollari": "USD", "dollaro": "USD", "sterline": "GBP",
		"sterlina": "GBP"},
	cents: `centesimi centesimo`,
	timeUnits: map[string]string{"secondo": "seconds", "secondi": "seconds", "minuto": "minutes",
		"minuti": "minutes", "ora": "hours", "ore": "hours", "giorno": "days", "giorni": "days",
		"settimana": "weeks", "settimane": "weeks", "mese": "months", "mesi": "months", "anno": "years",
		"anni": "years", "decennio": "decades", "decenni": "decades", "secolo": "centuries", "secoli": "centuries"},
	measures: map[string]string{"metro": "m", "metri": "m", "chilometro": "km", "chilometri": "km",
		"centimetri": "cm", "millimetri": "mm", "tonnellata": "tonnes", "tonnellate": "tonnes",
		"chilo": "kg", "chili": "kg", "litri": "litres", "litro": "litres", "ettari": "hectares",
		"grado": "°C", "gradi": "°C"},
	percent: []unitPhrase{{[]string{"per", "cento"}, "%"}, {[]string{"percento"}, "%"},
		{[]string{"punti", "percentuali"}, "percentage points"}},
	comparators: []comparator{{[]string{"più", "di"}, ">"}, {[]string{"oltre"}, ">"}, {[]string{"sopra"}, ">"},
		{[]string{"meno", "di"}, "<"}, {[]string{"sotto"}, "<"}, {[]string{"circa"}, "~"},
		{[]string{"quasi"}, "~"}, {[]string{"intorno", "a"}, "~"}, {[]string{"almeno"}, ">="},
		{[]string{"fino", "a"}, "<="}, {[]string{"fino", "al"}, "<="}, {[]string{"tra"}, "range"},
		{[]string{"fra"}, "range"}},
	compArticles: `i il la le gli l' al ai`,
	rangeTo:      `a al`, rangeAnd: `e ed`, rangeOr: `o`, rangeFrom: `da dal`, between: `tra fra`,
	months: `gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
		dicembre`,
	weekdays:        `lunedì martedì mercoledì giovedì venerdì sabato domenica`,
	ordinalSuffixes: `º ª`,
	clockBefore:     `alle ore`,
	identNouns:      `articolo numero decreto legge capitolo pagina linea`,
}
