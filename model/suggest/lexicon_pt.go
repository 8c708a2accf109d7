package suggest

// portuguese adds Portuguese to the English base.
var portuguese = langData{
	code: "pt", decimalComma: true, nullSubject: true,
	speech: `disse diz dizem disseram afirmou afirma declarou declara ressaltou ressalta destacou
		destaca explicou explica acrescentou acrescenta reiterou reitera frisou frisa avaliou avalia
		comentou comenta respondeu responde lembrou lembra completou completa observou observa
		defendeu defende argumentou argumenta admitiu admite reconheceu reconhece negou nega
		confirmou confirma anunciou anuncia garantiu garante criticou critica alertou alerta
		escreveu afirmaram disseram ponderou salientou sublinhou contou relatou informou`,
	naming:         `chamou chama classificou classifica`,
	assert:         `revelou revela mostrou mostra estimou estima`,
	according:      []string{"segundo", "de acordo com", "conforme"},
	determiners:    `o a os as um uma uns umas seu sua seus suas este esta estes estas esse essa esses essas`,
	definite:       `os as ambos ambas seus suas estes`,
	skipBeforeVerb: `também ainda já depois tem têm`,
	npStop: `a ao aos à às em no na nos nas com por pelo pela pelos pelas para sem sobre entre desde
		até contra após durante e ou mas que quem cujo onde quando como se porque é são foi foram era
		está estão tem têm não se lhe`,
	relStart:   `que quem cujo cuja onde quando enquanto`,
	ofWords:    `de do da dos das`,
	honorifics: `sr sra dr dra`,
	titles: `presidente ministro ministra porta-voz diretor diretora senador senadora deputado deputada
		governador governadora prefeito prefeita general secretário secretária titular juiz juíza
		advogado advogada líder chefe parlamentar vice-presidente procurador`,
	orgHeads: `governo ministério sindicato empresa partido tribunal supremo congresso senado câmara
		polícia banco agência forças corte justiça executivo legislativo judiciário stf tse`,
	capFunctionWords: `mas e em com por para segundo esse essa este esta isso isto ele ela eles elas
		ainda também já depois antes quando se não hoje ontem assim sem sobre desde até nós eu aqui
		cada todo todos outra outro ao na no`,
	abbrevTitles: `sr sra dr dra`,
	firstPerson:  `eu nós meu minha nosso nossa`,
	pronouns:     map[string]gender{"ele": male, "ela": female, "eles": plural, "elas": plural},
	roleGender: map[string]gender{"ministra": female, "diretora": female, "senadora": female,
		"deputada": female, "governadora": female, "prefeita": female, "secretária": female, "juíza": female},
	changeVerbs:  `aumentou subiu caiu cresceu diminuiu reduziu dobrou aumento redução queda`,
	superlatives: `recorde maior menor máximo mínimo`,
	legal:        `lei decreto tribunal justiça condenado ilegal proibido impeachment inelegibilidade`,
	predict:      `prevê previsto prevista`,
	chrome:       `saiba mais tags compartilhe leia também`,
	numbers: map[string]float64{"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3,
		"quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11,
		"doze": 12, "treze": 13, "quinze": 15, "vinte": 20, "trinta": 30, "quarenta": 40,
		"cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100},
	scales: map[string]float64{"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9,
		"bilhões": 1e9, "trilhão": 1e12, "trilhões": 1e12},
	vague:  map[string]float64{"milhares": 1e3, "centenas": 100, "dezenas": 10, "milhões": 1e6, "bilhões": 1e9},
	tensOf: map[string]float64{"dezenas": 10, "centenas": 100},
	currencies: map[string]string{"real": "BRL", "reais": "BRL", "euro": "EUR", "euros": "EUR",
		"dólar": "USD", "dólares": "USD", "libras": "GBP"},
	cents: `centavo centavos`,
	timeUnits: map[string]string{"segundo": "seconds", "segundos": "seconds", "minuto": "minutes",
		"minutos": "minutes", "hora": "hours", "horas": "hours", "dia": "days", "dias": "days",
		"semana": "weeks", "semanas": "weeks", "mês": "months", "meses": "months", "ano": "years",
		"anos": "years", "década": "decades", "décadas": "decades", "século": "centuries", "séculos": "centuries"},
	measures: map[string]string{"metro": "m", "metros": "m", "quilômetro": "km", "quilômetros": "km",
		"quilómetros": "km", "centímetros": "cm", "tonelada": "tonnes", "toneladas": "tonnes",
		"quilo": "kg", "quilos": "kg", "litros": "litres", "hectares": "hectares", "grau": "°C", "graus": "°C"},
	percent: []unitPhrase{{[]string{"por", "cento"}, "%"}, {[]string{"pontos", "percentuais"}, "percentage points"}},
	comparators: []comparator{{[]string{"mais", "de"}, ">"}, {[]string{"menos", "de"}, "<"},
		{[]string{"cerca", "de"}, "~"}, {[]string{"quase"}, "~"}, {[]string{"aproximadamente"}, "~"},
		{[]string{"pelo", "menos"}, ">="}, {[]string{"até"}, "<="}, {[]string{"acima", "de"}, ">"},
		{[]string{"abaixo", "de"}, "<"}, {[]string{"entre"}, "range"}},
	compArticles: `o a os as`,
	rangeTo:      `a para`, rangeAnd: `e`, rangeOr: `ou`, rangeFrom: `de`, between: `entre`,
	months: `janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro`,
	weekdays: `segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo segunda
		terça quarta quinta sexta`,
	ordinalSuffixes: `º ª`,
	timeSuffixes:    `h horas`,
	clockBefore:     `às`,
	identNouns:      `artigo número decreto lei capítulo página linha`,
}
