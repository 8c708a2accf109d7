package suggest

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tensNumbers = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"lakh": 1e5, "crore": 1e7,
}

// abbrScales are written straight after digits: $2.5bn, 11.5m, 50k.
var abbrScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

// vagueScales are plural scale words used as vague quantities.
var vagueScales = map[string]float64{
	"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
	"trillions": 1e12,
}

var denominators = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
	"fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
	"ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

// numberWordValue returns the value of a single number word, or -1.
func (d *doc) numberWordValue(w string) float64 {
	if v, ok := d.lx.smallNumbers[w]; ok {
		return v
	}
	if v, ok := d.lx.tensNumbers[w]; ok {
		return v
	}
	return -1
}

// spelled reads a spelled-out number starting at token i: "two hundred and
// fifty thousand", "twenty-five", "a million", "a dozen". It returns the
// value and the end token, or ok=false.
func (d *doc) spelled(i, lim int) (v float64, end int, ok bool) {
	total, current := 0.0, 0.0
	seen, lastScale, lastTens := false, false, false
	k := i
	for k < lim {
		t := d.toks[k]
		if t.kind == tPunct {
			// twenty-five
			if t.text == "-" && lastTens && d.adjacent(k) && k+1 < lim && d.adjacent(k+1) {
				if u, ok := d.lx.smallNumbers[d.toks[k+1].low]; ok && u > 0 && u < 10 {
					current += u
					k += 2
					lastTens = false
					continue
				}
			}
			break
		}
		if t.kind != tWord {
			break
		}
		w := t.low
		if u, ok := d.lx.smallNumbers[w]; ok && (!seen || lastScale || (lastTens && u < 10)) {
			current += u
			seen, lastScale, lastTens = true, false, false
			k++
			continue
		}
		if u, ok := d.lx.tensNumbers[w]; ok && (!seen || lastScale) {
			current += u
			seen, lastScale, lastTens = true, false, true
			k++
			continue
		}
		if w == "hundred" && seen && !lastScale {
			current = max(current, 1) * 100
			lastScale, lastTens = true, false
			k++
			continue
		}
		if s, ok := d.lx.scaleWords[w]; ok && w != "hundred" && seen && (current > 0 || total == 0) {
			total += max(current, 1) * s
			current = 0
			lastScale, lastTens = true, false
			k++
			continue
		}
		if w == "dozen" && seen && !lastScale {
			current = max(current, 1) * 12
			lastScale, lastTens = true, false
			k++
			continue
		}
		if w == "and" && seen && lastScale && k+1 < lim && d.numberWordValue(d.toks[k+1].low) > 0 {
			k++
			continue
		}
		if (w == "a" || w == "an") && !seen && k+1 < lim {
			n := d.toks[k+1].low
			if _, ok := d.lx.scaleWords[n]; ok || n == "dozen" {
				current, seen, lastScale = 1, true, true
				if n == "dozen" {
					current = 12
				} else {
					current = 0
					if n == "hundred" {
						current = 100
					} else {
						total = d.lx.scaleWords[n]
					}
				}
				k += 2
				continue
			}
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	return total + current, k, true
}
