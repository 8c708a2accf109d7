package suggest

// spanish adds Spanish to the English base.
var spanish = langData{
	code: "es", decimalComma: true, nullSubject: true,
	speech: `dijo dice dicen dijeron afirmó afirma señaló señala explicó explica agregó agrega añadió
		añade aseguró asegura indicó indica declaró declara manifestó manifiesta sostuvo sostiene
		advirtió advierte expresó expresa destacó destaca subrayó subraya reconoció reconoce
		comentó comenta apuntó apunta puntualizó informó informa respondió responde insistió
		insiste denunció denuncia admitió anunció anuncia aclaró aclara recordó recuerda relató
		confirmó confirma negó niega criticó critica escribió tuiteó explicaron dijeron señalaron
		afirmaron indicaron aseguraron agregaron`,
	naming:         `calificó califica denominó llamó`,
	assert:         `considera consideró estimó estima reveló revela mostró muestra`,
	according:      []string{"según", "de acuerdo con", "de acuerdo a"},
	determiners:    `el la los las un una unos unas su sus este esta estos estas ese esa esos esas aquel`,
	definite:       `los las ambos ambas sus estos esas`,
	skipBeforeVerb: `también luego además ya ha han había habían`,
	npStop: `a al en con por para sin sobre entre desde hasta hacia contra tras durante y e o u pero
		que quien quienes cuyo donde cuando como si porque aunque es son fue fueron era está están ha
		han había se le les lo no ya`,
	relStart:   `que quien quienes cuyo cuya donde cuando quienes mientras`,
	ofWords:    `de del`,
	honorifics: `sr sra dr dra don doña`,
	titles: `presidente presidenta ministro ministra portavoz director directora gerente secretario
		secretaria subsecretario subsecretaria vicepresidente vicepresidenta jerarca diputado
		diputada senador senadora alcalde alcaldesa general señor señora doctor doctora
		gremialista dirigente jefe jefa fiscal juez jueza abogado abogada titular embajador
		portavoces analista economista`,
	orgHeads: `gobierno ministerio sindicato empresa partido tribunal corte consejo comisión policía
		banco agencia compañía consorcio poder gremio terminal administración intendencia congreso
		senado cámara universidad`,
	capFunctionWords: `pero y en con por para según ese esa este esta estos estas eso esto ello
		además luego también ante antes después cuando si no ya hoy ayer así sin sobre desde hasta
		él ella ellos ellas nosotros yo aquí allí otra otro otras otros ambos ambas cada todo todos`,
	abbrevTitles: `sr sra dr dra`,
	firstPerson:  `yo nosotros nosotras mi mis nuestro nuestra nuestros nuestras`,
	pronouns:     map[string]gender{"él": male, "ella": female, "ellos": plural, "ellas": plural},
	roleGender: map[string]gender{"señor": male, "señora": female, "presidenta": female,
		"ministra": female, "directora": female, "secretaria": female, "diputada": female,
		"senadora": female, "alcaldesa": female, "doctora": female, "jefa": female, "sra": female, "sr": male},
	changeVerbs:  `aumentó subió bajó cayó creció disminuyó redujo duplicó aumento rebaja reducción`,
	superlatives: `récord mayor menor máximo mínimo histórica histórico`,
	legal:        `ley leyes decreto tribunal juez condenado ilegal prohibido acuerdo tratado`,
	predict:      `prevé prevista previsto`,
	opinion:      `creo pienso espero`,
	hedges:       `quizás tal vez probablemente`,
	chrome:       `seguir reportar error enviado interesar suscríbete compartir`,
	numbers: map[string]float64{"cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3,
		"cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11,
		"doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20, "treinta": 30,
		"cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
		"cien": 100, "ciento": 100},
	scales: map[string]float64{"mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12,
		"billones": 1e12},
	vague:  map[string]float64{"miles": 1e3, "cientos": 100, "centenares": 100, "decenas": 10, "millones": 1e6},
	tensOf: map[string]float64{"decenas": 10, "cientos": 100, "centenares": 100},
	currencies: map[string]string{"euro": "EUR", "euros": "EUR", "dólar": "USD", "dólares": "USD",
		"peso": "pesos", "pesos": "pesos", "libras": "GBP"},
	cents: `céntimo céntimos centavo centavos`,
	timeUnits: map[string]string{"segundo": "seconds", "segundos": "seconds", "minuto": "minutes",
		"minutos": "minutes", "hora": "hours", "horas": "hours", "día": "days", "días": "days",
		"semana": "weeks", "semanas": "weeks", "mes": "months", "meses": "months", "año": "years",
		"años": "years", "década": "decades", "décadas": "decades", "siglo": "centuries", "siglos": "centuries"},
	measures: map[string]string{"metro": "m", "metros": "m", "kilómetro": "km", "kilómetros": "km",
		"centímetros": "cm", "tonelada": "tonnes", "toneladas": "tonnes", "kilo": "kg", "kilos": "kg",
		"kilogramos": "kg", "gramos": "g", "litro": "litres", "litros": "litres", "hectárea": "hectares",
		"hectáreas": "hectares", "grado": "°C", "grados": "°C"},
	percent: []unitPhrase{{[]string{"por", "ciento"}, "%"}, {[]string{"puntos", "porcentuales"}, "percentage points"}},
	comparators: []comparator{{[]string{"más", "de"}, ">"}, {[]string{"más", "del"}, ">"},
		{[]string{"menos", "de"}, "<"}, {[]string{"menos", "del"}, "<"}, {[]string{"cerca", "de"}, "~"},
		{[]string{"cerca", "del"}, "~"}, {[]string{"alrededor", "de"}, "~"}, {[]string{"casi"}, "~"},
		{[]string{"unos"}, "~"}, {[]string{"unas"}, "~"}, {[]string{"aproximadamente"}, "~"},
		{[]string{"al", "menos"}, ">="}, {[]string{"por", "lo", "menos"}, ">="}, {[]string{"hasta"}, "<="},
		{[]string{"entre"}, "range"}},
	compArticles: `el la los las un una`,
	rangeTo:      `a al`, rangeAnd: `y`, rangeOr: `o`, rangeFrom: `de del`, between: `entre`,
	months: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
		noviembre diciembre`,
	weekdays:        `lunes martes miércoles jueves viernes sábado domingo`,
	ordinalSuffixes: `º ª`,
	timeSuffixes:    `horas hs`,
	clockBefore:     `las`,
	identNouns:      `decreto ley artículo número línea capítulo página`,
}
