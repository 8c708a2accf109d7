package suggest

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters, with inner apostrophes and digits: don’t, G7
	tNum                      // digits with thousands commas and a decimal point: 1,234.5
	tPunct                    // any other single non-space rune
)

// token is one word, number or punctuation rune of the body. Offsets are
// code points, end-exclusive.
type token struct {
	s, e  int
	kind  tokKind
	text  string
	low   string
	space bool // preceded by whitespace or the start of a paragraph
	para  int
	sent  int
	quote int // index into doc.quotes of the quoted stretch it lies in, or -1
}

// tspan is a half-open range of token indices.
type tspan struct{ a, b int }

// doc is the analysed body shared by the quote, figure and claim rules.
type doc struct {
	lx     *lexicon // the body's language tables
	byline wordSet  // lower-cased words of the byline's names: never a speaker
	// currency and poundKind cache what the whole body says about money:
	// the currency its cents belong to, and whether its pounds weigh
	// (2) or pay (1); 0 until asked.
	currency  string
	poundKind uint8
	chrome    []bool // per paragraph: a byline, credit or caption line
	r         []rune
	toks      []token
	paras     []tspan
	sents     []sentence
	quotes    []quoted
	// properNouns holds lower-cased words seen capitalised away from the
	// start of a sentence: evidence that a sentence-initial word is a name.
	properNouns wordSet
	// salient holds the capitalised words the clipping names three times
	// or more (in German, where every noun is capitalised, five).
	salient wordSet
}

// newDoc analyses an English body; newDocIn one in a given language.
func newDoc(body string) *doc { return newDocIn(body, english) }

func newDocIn(body string, lx *lexicon) *doc {
	d := &doc{lx: lx, r: []rune(body), byline: wordSet{}}
	d.toks = make([]token, 0, len(d.r)/4+1)
	d.tokenize()
	d.splitSentences()
	d.collectProperNouns()
	d.findChrome()
	return d
}

func isLetter(c rune) bool { return unicode.IsLetter(c) || unicode.IsMark(c) }
func isDigit(c rune) bool  { return c >= '0' && c <= '9' }
func isApos(c rune) bool   { return c == '\'' || c == '’' || c == 'ʼ' }

func (d *doc) tokenize() {
	r := d.r
	para, paraStart := 0, 0
	space, newPara := true, false
	for i := 0; i < len(r); {
		c := r[i]
		if c == '\n' || c == '\r' || c == '\u2029' {
			if len(d.toks) > paraStart {
				newPara = true
			}
			space = true
			i++
			continue
		}
		if unicode.IsSpace(c) {
			space = true
			i++
			continue
		}
		if newPara {
			d.paras = append(d.paras, tspan{paraStart, len(d.toks)})
			paraStart = len(d.toks)
			para++
			newPara = false
		}
		j := i + 1
		kind := tPunct
		switch {
		case isLetter(c):
			kind = tWord
			for j < len(r) {
				if isLetter(r[j]) || isDigit(r[j]) {
					j++
					continue
				}
				if isApos(r[j]) && j+1 < len(r) && isLetter(r[j+1]) && isLetter(r[j-1]) {
					j += 2
					continue
				}
				break
			}
		case isDigit(c):
			kind = tNum
			j = scanNumber(r, i, d.lx.decimalComma)
		}
		text := string(r[i:j])
		low := text
		if kind == tWord {
			low = strings.ToLower(text)
		}
		d.toks = append(d.toks, token{s: i, e: j, kind: kind, text: text, low: low, space: space, para: para, quote: -1})
		space = false
		i = j
	}
	if len(d.toks) > paraStart {
		d.paras = append(d.paras, tspan{paraStart, len(d.toks)})
	}
}

// tokAt returns the index of the first token ending after rune offset p.
func (d *doc) tokAt(p int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].e > p })
}

// tok returns the token at i, or a zero token when i is out of range.
func (d *doc) tok(i int) token {
	if i < 0 || i >= len(d.toks) {
		return token{quote: -1}
	}
	return d.toks[i]
}

// is reports whether token i is the word or punctuation w (lower case).
func (d *doc) is(i int, w string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].low == w
}

// adjacent reports whether token i directly follows token i-1 (no space).
func (d *doc) adjacent(i int) bool {
	return i > 0 && i < len(d.toks) && !d.toks[i].space && d.toks[i].para == d.toks[i-1].para
}

// text returns the body text from the start of token a to the end of token b-1.
func (d *doc) text(a, b int) string {
	if a >= b || a < 0 || b > len(d.toks) {
		return ""
	}
	return string(d.r[d.toks[a].s:d.toks[b-1].e])
}

// upper reports whether the token is a word starting with an upper-case letter.
func (t token) upper() bool {
	if t.kind != tWord {
		return false
	}
	for _, c := range t.text {
		return unicode.IsUpper(c)
	}
	return false
}

// allCaps reports whether a word of two or more letters is all upper case.
func (t token) allCaps() bool {
	if t.kind != tWord || len([]rune(t.text)) < 2 {
		return false
	}
	for _, c := range t.text {
		if unicode.IsLetter(c) && !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func (d *doc) collectProperNouns() {
	d.properNouns = wordSet{}
	d.salient = wordSet{}
	count := map[string]int{}
	for _, t := range d.toks {
		if t.upper() && len(t.low) > 2 {
			count[t.low]++
		}
	}
	need := 3
	if d.lx.code == "de" {
		need = 5
	}
	for w, n := range count {
		if n >= need {
			d.salient[w] = struct{}{}
		}
	}
	for _, s := range d.sents {
		for i := s.a + 1; i < s.b; i++ {
			t := d.toks[i]
			if t.upper() && !t.allCaps() && !isOpenMarkText(d.toks[i-1].text) {
				d.properNouns[t.low] = struct{}{}
			}
		}
	}
}

func isOpenMarkText(s string) bool {
	switch s {
	case "“", "‘", "\"", "'", "«", "„", "‚", "‹", "(", "[", "—", "–", ":":
		return true
	}
	return false
}

// bylineNames collects the lower-cased name words of the byline entries.
func bylineNames(names []string) wordSet {
	s := wordSet{}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			if r := []rune(w); len(r) > 1 && unicode.IsUpper(r[0]) {
				s[strings.ToLower(strings.Trim(w, ".,;'’"))] = struct{}{}
			}
		}
	}
	return s
}

// group3 reports whether r[j] is followed by exactly three digits.
func group3(r []rune, j int) bool {
	return j+3 < len(r) && isDigit(r[j+1]) && isDigit(r[j+2]) && isDigit(r[j+3]) &&
		(j+4 >= len(r) || !isDigit(r[j+4]))
}

// scanNumber returns the end of the number starting at r[i]: digits with
// thousands separators and one decimal separator, as the language writes
// them — 1,234.5 in English; 1.234,5 or 1 234,5 in the others.
func scanNumber(r []rune, i int, decimalComma bool) int {
	thousands, decimal := ',', '.'
	if decimalComma {
		thousands, decimal = '.', ','
	}
	j, lead, grouped, frac := i, 0, false, false
	for j < len(r) {
		c := r[j]
		switch {
		case isDigit(c):
			if !grouped && !frac {
				lead++
			}
			j++
			continue
		case frac:
		case c == thousands && group3(r, j) && lead <= 3:
			grouped = true
			j += 4
			continue
		case decimalComma && (c == ' ' || c == '\u00a0' || c == '\u202f') && lead <= 3 && group3(r, j) &&
			(j+4 >= len(r) || r[j+4] != '.' || j+5 >= len(r) || !isDigit(r[j+5])):
			grouped = true
			j += 4
			continue
		case c == decimal && j+1 < len(r) && isDigit(r[j+1]):
			frac = true
			j += 2
			continue
		}
		break
	}
	return j
}

// numValue reads a number token written the language's way ("1,234.5",
// "1.234,5", "2 209") as a float.
func (d *doc) numValue(s string) (float64, bool) {
	if d.lx.decimalComma {
		s = strings.NewReplacer(".", "", " ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(s)
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
