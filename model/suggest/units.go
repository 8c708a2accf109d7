package suggest

import "strings"

// currencySymbols map a symbol written before an amount to its ISO code.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₴": "UAH",
	"₺": "TRY", "₩": "KRW", "₪": "ILS", "₦": "NGN", "₱": "PHP",
}

// dollarPrefixes qualify a $ written straight after them: US$5, C$3.
var dollarPrefixes = map[string]string{
	"us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD",
	"s": "SGD", "r": "BRL",
}

// currencyWords written after an amount: ISO codes where the word is
// unambiguous, otherwise the word itself.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
	"pounds": "GBP", "sterling": "GBP", "yen": "JPY", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
	"rupees": "INR", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "zloty": "PLN",
	"zlotys": "PLN", "zlotych": "PLN", "shekel": "ILS", "shekels": "ILS", "baht": "THB",
	"ringgit": "MYR", "naira": "NGN", "rand": "ZAR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
	"jpy": "JPY", "rub": "RUB", "cny": "CNY", "chf": "CHF", "franc": "francs", "francs": "francs",
	"krone": "kroner", "kroner": "kroner", "krona": "kronor", "kronor": "kronor",
	"peso": "pesos", "pesos": "pesos", "lira": "lira", "liras": "lira", "dinar": "dinars",
	"dinars": "dinars", "dirham": "dirhams", "dirhams": "dirhams", "riyal": "riyals",
	"riyals": "riyals", "rial": "rials", "rials": "rials", "forint": "HUF", "forints": "HUF",
	"lei": "RON", "leu": "RON", "koruna": "CZK", "korunas": "CZK", "won": "KRW",
}

// subunits are hundredths of a currency: 96p, 50 cents.
var subunits = map[string]string{"p": "GBP", "pence": "GBP", "penny": "GBP"}

// timeUnits map singular and plural time words to their plural.
var timeUnits = map[string]string{
	"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
	"hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
	"weeks": "weeks", "fortnight": "fortnights", "fortnights": "fortnights", "month": "months",
	"months": "months", "year": "years", "years": "years", "decade": "decades",
	"decades": "decades", "century": "centuries", "centuries": "centuries",
}

// measureUnits map a unit word to its symbol.
var measureUnits = map[string]string{
	"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"kms": "km", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm",
	"centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
	"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
	"mile": "miles", "miles": "miles", "ft": "feet", "feet": "feet", "foot": "feet",
	"inch": "inches", "inches": "inches", "yard": "yards", "yards": "yards", "acre": "acres",
	"acres": "acres", "hectare": "hectares", "hectares": "hectares", "ha": "hectares",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
	"gram": "g", "grams": "g", "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons",
	"tons": "tons", "ounce": "ounces", "ounces": "ounces", "lb": "lb", "lbs": "lb",
	"litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
	"gallon": "gallons", "gallons": "gallons", "barrel": "barrels", "barrels": "barrels",
	"mph": "mph", "kph": "km/h", "knots": "knots", "mw": "MW", "megawatt": "MW",
	"megawatts": "MW", "gw": "GW", "gigawatt": "GW", "gigawatts": "GW", "kw": "kW",
	"kilowatt": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
	"bcm": "bcm", "calories": "calories", "degrees": "degrees", "degree": "degrees",
}

// isCurrencySymbol reports whether s is a currency symbol.
func isCurrencySymbol(s string) bool { _, ok := currencySymbols[s]; return ok }

// unitMatch is a unit found after a number.
type unitMatch struct {
	unit, class string
	end         int     // token after the unit
	factor      float64 // multiplies the value (pence → pounds)
	age         bool
}

// unitAt reads a unit starting at token k (after a number): percent,
// percentage or basis points, a currency word, a time unit, a measure.
func (d *doc) unitAt(k, lim int) (unitMatch, bool) {
	if k >= lim {
		return unitMatch{}, false
	}
	t := d.toks[k]
	n := d.tok(k + 1)
	nIn := k+1 < lim
	for _, p := range d.lx.percent {
		if k+len(p.words) > lim {
			continue
		}
		ok := true
		for i, w := range p.words {
			if d.toks[k+i].low != w {
				ok = false
				break
			}
		}
		if ok {
			return unitMatch{unit: p.unit, class: "percent", end: k + len(p.words), factor: 1}, true
		}
	}
	if iso, ok := currencySymbols[t.text]; ok && k > 0 && d.toks[k-1].kind == tNum && !(nIn && n.kind == tNum && d.adjacent(k+1)) {
		return unitMatch{unit: iso, class: "money", end: k + 1, factor: 1}, true // 50 €
	}
	if (t.low == "more" || t.low == "additional" || t.low == "further" || t.low == "extra") && nIn {
		if u, ok := d.unitAt(k+1, lim); ok && u.class == "duration" {
			return u, true // two more years
		}
	}
	if (t.text == "C" || t.text == "F") && d.adjacent(k) && d.toks[k-1].kind == tNum {
		return unitMatch{unit: "°" + t.text, class: "measure", end: k + 1, factor: 1}, true
	}
	if t.kind != tWord {
		if t.text == "°" && nIn && d.adjacent(k+1) && (n.text == "C" || n.text == "F") {
			return unitMatch{unit: "°" + n.text, class: "measure", end: k + 2, factor: 1}, true
		}
		return unitMatch{}, false
	}
	if iso, ok := subunits[t.low]; ok && (t.low != "p" || (!t.space && !(nIn && n.text == "."))) {
		return unitMatch{unit: iso, class: "money", end: k + 1, factor: 0.01}, true
	}
	if d.lx.centWords.has(t.low) {
		return unitMatch{unit: d.mainCurrency(), class: "money", end: k + 1, factor: 0.01}, true
	}
	if t.low == "us" && d.is(k+1, "-") && d.adjacent(k+1) && d.lx.currencyWords[d.tok(k+2).low] == "USD" && k+2 < lim {
		return unitMatch{unit: "USD", class: "money", end: k + 3, factor: 1}, true // 600 US-Dollar
	}
	if rest, ok := elided(t.low); ok && d.lx.currencyWords[rest] != "" {
		return unitMatch{unit: d.lx.currencyWords[rest], class: "money", end: k + 1, factor: 1}, true // d'euros
	}
	if iso, ok := d.lx.currencyWords[t.low]; ok {
		if (t.low == "pounds" || t.low == "pound") && (nIn && n.low == "of" || d.poundsAreWeight()) {
			return unitMatch{unit: "lb", class: "measure", end: k + 1, factor: 1}, true
		}
		end := k + 1
		if nIn && n.low == "sterling" {
			end++
		}
		return unitMatch{unit: iso, class: "money", end: end, factor: 1}, true
	}
	if u, ok := d.lx.timeUnits[t.low]; ok {
		if u == "years" && nIn && n.low == "old" {
			return unitMatch{unit: "years", class: "age", end: k + 2, factor: 1, age: true}, true
		}
		return unitMatch{unit: u, class: "duration", end: k + 1, factor: 1}, true
	}
	if (t.low == "square" || t.low == "sq" || t.low == "cubic") && nIn {
		if u, ok := d.lx.measureUnits[n.low]; ok {
			name := n.low
			if u == "km" || u == "m" || u == "miles" || u == "feet" || u == "yards" {
				name = pluralUnit(n.low)
			}
			prefix := "square "
			if t.low == "cubic" {
				prefix = "cubic "
			}
			return unitMatch{unit: prefix + name, class: "measure", end: k + 2, factor: 1}, true
		}
	}
	if u, ok := d.lx.measureUnits[t.low]; ok {
		end := k + 1
		switch {
		case (t.low == "km" || t.low == "kilometres" || t.low == "kilometers") && nIn && n.text == "/" &&
			d.tok(k+2).low == "h":
			u, end = "km/h", k+3
		case (u == "km" || u == "miles") && nIn && n.low == "per" && d.tok(k+2).low == "hour":
			if u == "km" {
				u = "km/h"
			} else {
				u = "mph"
			}
			end = k + 3
		case u == "degrees" && nIn && (n.low == "celsius" || n.low == "centigrade" || n.text == "C"):
			u, end = "°C", k+2
		case u == "degrees" && nIn && (n.low == "fahrenheit" || n.text == "F"):
			u, end = "°F", k+2
		}
		return unitMatch{unit: u, class: "measure", end: end, factor: 1}, true
	}
	return unitMatch{}, false
}

// pluralUnit spells a length unit in the plural for "square"/"cubic" units.
func pluralUnit(w string) string {
	switch {
	case strings.HasSuffix(w, "s"):
		return w
	case w == "foot":
		return "feet"
	case w == "inch":
		return "inches"
	}
	return w + "s"
}

// hyphenUnit reads "-year-old", "-year", "-hour", "-kilometre" straight
// after a number: ages, durations and measures used as adjectives.
func (d *doc) hyphenUnit(k, lim int) (unitMatch, bool) {
	if k+1 >= lim || d.toks[k].text != "-" || !d.adjacent(k) || !d.adjacent(k+1) {
		return unitMatch{}, false
	}
	w := d.toks[k+1].low
	if u, ok := d.lx.timeUnits[w]; ok {
		if k+3 < lim+1 && d.is(k+2, "-") && d.adjacent(k+2) && d.is(k+3, "old") && d.adjacent(k+3) {
			return unitMatch{unit: "years", class: "age", end: k + 4, factor: 1, age: true}, true
		}
		return unitMatch{unit: u, class: "duration", end: k + 2, factor: 1}, true
	}
	if u, ok := d.lx.measureUnits[w]; ok && w != "degree" && w != "degrees" {
		return unitMatch{unit: u, class: "measure", end: k + 2, factor: 1}, true
	}
	if w == "percent" {
		return unitMatch{unit: "%", class: "percent", end: k + 2, factor: 1}, true
	}
	return unitMatch{}, false
}

// mainCurrency is the currency the clipping counts in, for its cents: the
// one named most often (symbols and words), else the language's usual one.
func (d *doc) mainCurrency() string {
	if d.currency != "" {
		return d.currency
	}
	count := map[string]int{}
	for _, t := range d.toks {
		if iso, ok := currencySymbols[t.text]; ok {
			count[iso]++
		} else if iso := d.lx.currencyWords[t.low]; iso != "" && t.kind == tWord {
			count[iso]++
		}
	}
	best := "USD"
	if d.lx.code != "en" {
		best = "EUR"
	}
	for iso, n := range count {
		if n > count[best] || n == count[best] && iso < best {
			best = iso
		}
	}
	d.currency = best
	return best
}

// poundsAreWeight reports that "pounds" in this clipping weigh rather than
// pay: it names no sterling (£, pence, sterling, GBP) and talks of weight
// or pays in dollars.
func (d *doc) poundsAreWeight() bool {
	if d.poundKind == 0 {
		sterling, weight, dollars := false, false, false
		for _, t := range d.toks {
			switch t.low {
			case "£", "pence", "sterling", "gbp", "p":
				if t.low != "p" || !t.space {
					sterling = true
				}
			case "weigh", "weighs", "weighed", "weighing", "weight", "heavy", "heavier", "lbs", "lb", "ounces", "ounce":
				weight = true
			case "$":
				dollars = true
			}
		}
		d.poundKind = 1
		if !sterling && (weight || dollars) {
			d.poundKind = 2
		}
	}
	return d.poundKind == 2
}

// elided splits a French or Italian elided "de" from its word: "d'euros"
// is "de" + "euros".
func elided(w string) (string, bool) {
	for _, p := range []string{"d'", "d’"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return w[len(p):], true
		}
	}
	return "", false
}
