package suggest

// french adds French to the English base.
var french = langData{
	code: "fr", decimalComma: true,
	speech: `dit dire déclare déclaré déclarait affirme affirmé affirmait ajoute ajouté ajoutait
		explique expliqué expliquait indique indiqué indiquait précise précisé précisait souligne
		souligné rappelle rappelé résume résumé conseille conseillé poursuit poursuivi insiste
		insisté martèle martelé raconte raconté lance lancé répond répondu répondait reconnaît
		reconnu annonce annoncé déplore déploré prévient prévenu avertit averti observe observé
		note noté commente commenté conclut conclu écrit écrivait tweeté confie confié assure
		assuré estime estimé juge jugé dénonce dénoncé regrette regretté admet admis promet promis
		nuance nuancé renchérit renchéri s'exclame confirme confirmé démenti dément interroge
		lâche lâché glisse glissé analyse analysé témoigne témoigné avance avancé`,
	naming:    `appelle appelé qualifie qualifié surnomme surnommé baptisé définissent définit`,
	assert:    `révèle révélé montre montré estime`,
	according: []string{"selon", "d'après", "d’après"},
	determiners: `le la les l' un une des du ce cet cette ces son sa ses leur leurs notre nos votre
		vos mon ma mes aucun aucune chaque`,
	definite:       `les deux ces ses leurs`,
	skipBeforeVerb: `a ont avait avaient aurait a-t-il a-t-elle aussi encore alors ainsi également déjà`,
	npStop: `à au aux en dans sur sous par pour avec sans entre vers chez contre après avant pendant
		depuis et ou mais que qui dont où si car comme lors est sont a ont était été être ne pas plus
		se s'est il elle ils elles on nous vous lui leur y`,
	relStart:   `qui dont lequel laquelle lesquels où lorsque quand selon notamment dont`,
	ofWords:    `de du des d' de la`,
	honorifics: `m mme mlle pr dr me`,
	titles: `président présidente ministre porte-parole directeur directrice professeur professeure
		docteur général générale maire secrétaire chef député députée sénateur sénatrice juge
		procureur avocat avocate naturopathe gastro-entérologue chercheur chercheuse économiste
		analyste commissaire préfet préfète ambassadeur ambassadrice patron patronne dirigeant
		dirigeante fondateur fondatrice entraîneur capitaine responsable médecin spécialiste
		doctorante doctorant journaliste`,
	orgHeads: `ministère gouvernement conseil commission parti agence banque société entreprise
		groupe syndicat tribunal cour police gendarmerie assemblée sénat mairie préfecture
		université institut fédération association armée élysée matignon`,
	capFunctionWords: `alors car mais donc puis ensuite enfin ainsi aujourd'hui hier demain selon
		après avant quand si lorsque pourtant cependant or voici voilà c'est il elle ils elles on
		nous vous je tout tous toute toutes pas ni même quoi avec`,
	abbrevTitles: `m mme mlle pr dr me`,
	firstPerson:  `je j' nous mon ma mes notre nos moi`,
	pronouns:     map[string]gender{"il": male, "elle": female, "ils": plural, "elles": plural},
	roleGender: map[string]gender{"m": male, "mme": female, "mlle": female, "présidente": female,
		"directrice": female, "professeure": female, "chercheuse": female, "députée": female,
		"sénatrice": female, "ambassadrice": female, "avocate": female, "doctorante": female},
	changeVerbs:  `augmenté baissé diminué progressé reculé chuté grimpé doublé triplé hausse baisse`,
	superlatives: `record plus moins premier première`,
	legal:        `loi lois tribunal justice jugement condamné condamnée décret interdit illégal`,
	predict:      `devrait devraient prévoit prévu`,
	opinion:      `pense crois trouve espère souhaite`,
	hedges:       `peut-être probablement sans doute`,
	chrome:       `lire aussi vidéo abonnez partager newsletter tags`,
	numbers: map[string]float64{"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
		"cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
		"treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
		"quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000},
	scales: map[string]float64{"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
		"milliards": 1e9, "billion": 1e12, "billions": 1e12},
	vague: map[string]float64{"milliers": 1e3, "centaines": 100, "dizaines": 10, "millions": 1e6,
		"milliards": 1e9},
	tensOf: map[string]float64{"dizaines": 10, "centaines": 100},
	currencies: map[string]string{"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD",
		"livre": "GBP", "livres": "GBP", "franc": "francs", "francs": "francs", "dinar": "dinars",
		"dinars": "dinars"},
	cents: `centime centimes`,
	timeUnits: map[string]string{"seconde": "seconds", "secondes": "seconds", "minute": "minutes",
		"minutes": "minutes", "heure": "hours", "heures": "hours", "jour": "days", "jours": "days",
		"semaine": "weeks", "semaines": "weeks", "mois": "months", "an": "years", "ans": "years",
		"année": "years", "années": "years", "décennie": "decades", "décennies": "decades",
		"siècle": "centuries", "siècles": "centuries"},
	measures: map[string]string{"mètre": "m", "mètres": "m", "kilomètre": "km", "kilomètres": "km",
		"centimètres": "cm", "millimètres": "mm", "tonne": "tonnes", "kilos": "kg", "kilo": "kg",
		"kilogrammes": "kg", "grammes": "g", "litre": "litres", "litres": "litres", "hectares": "hectares",
		"degré": "°C", "degrés": "°C", "mégawatts": "MW", "gigawatts": "GW"},
	percent: []unitPhrase{{[]string{"pour", "cent"}, "%"}, {[]string{"pourcent"}, "%"},
		{[]string{"points", "de", "pourcentage"}, "percentage points"}},
	comparators: []comparator{{[]string{"plus", "de"}, ">"}, {[]string{"plus", "d'"}, ">"},
		{[]string{"moins", "de"}, "<"}, {[]string{"environ"}, "~"}, {[]string{"près", "de"}, "~"},
		{[]string{"presque"}, "~"}, {[]string{"quelque"}, "~"}, {[]string{"quelques"}, "~"},
		{[]string{"au", "moins"}, ">="}, {[]string{"jusqu'à"}, "<="}, {[]string{"jusqu’à"}, "<="},
		{[]string{"pas", "moins", "de"}, ">="}, {[]string{"autour", "de"}, "~"},
		{[]string{"au-delà", "de"}, ">"}, {[]string{"entre"}, "range"}},
	compArticles: `les la le l'`,
	rangeTo:      `à`, rangeAnd: `et`, rangeOr: `ou`, rangeFrom: `de`, between: `entre`,
	months: `janvier février mars avril mai juin juillet août septembre octobre novembre décembre
		janv févr avr juil sept oct nov déc`,
	weekdays:        `lundi mardi mercredi jeudi vendredi samedi dimanche`,
	ordinalSuffixes: `er ère e ème eme`,
	timeSuffixes:    `h`,
	identNouns:      `article numéro chapitre page ligne vol décret`,
}
