package archive

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// monthNames maps month names and their usual abbreviations in the
// languages the databases' interfaces use (English, German, French,
// Dutch, Spanish, Italian, Portuguese) to month numbers. Keys are lower
// case without a trailing full stop.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	add := func(month time.Month, names ...string) {
		for _, n := range names {
			m[n] = month
		}
	}
	add(1, "january", "jan", "januar", "jänner", "janvier", "janv", "januari", "enero", "ene", "gennaio", "gen", "janeiro")
	add(2, "february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "februari", "febrero", "febbraio", "fevereiro", "fev")
	add(3, "march", "mar", "märz", "maerz", "mrz", "mars", "maart", "mrt", "marzo", "março", "marco")
	add(4, "april", "apr", "avril", "avr", "abril", "abr", "aprile")
	add(5, "may", "mai", "mei", "mayo", "maggio", "mag", "maio")
	add(6, "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho")
	add(7, "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho")
	add(8, "august", "aug", "août", "aout", "augustus", "agosto", "ago")
	add(9, "september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro")
	add(10, "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out")
	add(11, "november", "nov", "novembre", "noviembre", "novembro")
	add(12, "december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro")
	return m
}()

// dateToken is one word or number of a date line.
type dateToken struct {
	s          string
	start, end int // byte offsets in the line
}

func dateTokens(s string) []dateToken {
	var out []dateToken
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			out = append(out, dateToken{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, dateToken{s[start:], start, len(s)})
	}
	return out
}

func smallNumber(s string, lo, hi int) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

// findDate finds the first calendar date in s written with a month name
// in any of the languages above ("January 11, 2010 Monday", "Mittwoch 31.
// August 2011", "12 avril 2013", "Mar 9, 2022"), or as digits
// ("2022-03-10", "31.08.2011"). It returns the date as YYYY-MM-DD and the
// byte range of s it took; ok is false when s holds no date.
func findDate(s string) (date string, start, end int, ok bool) {
	toks := dateTokens(s)
	for i, t := range toks {
		if m, isMonth := monthNames[strings.ToLower(t.s)]; isMonth {
			// day before the month ("31. August 2011", "12 avril 2013") …
			if i > 0 && i+1 < len(toks) {
				if d, ok1 := smallNumber(toks[i-1].s, 1, 31); ok1 {
					if y, ok2 := smallNumber(toks[i+1].s, 1800, 2199); ok2 && between(s, toks[i-1].end, t.start, ". ") && between(s, t.end, toks[i+1].start, "., ") {
						if out, ok3 := ymdString(y, m, d); ok3 {
							return out, toks[i-1].start, toks[i+1].end, true
						}
					}
				}
			}
			// … or after it ("January 11, 2010", "Mar 9, 2022")
			if i+2 < len(toks) {
				if d, ok1 := smallNumber(toks[i+1].s, 1, 31); ok1 {
					if y, ok2 := smallNumber(toks[i+2].s, 1800, 2199); ok2 && between(s, t.end, toks[i+1].start, ". ") && between(s, toks[i+1].end, toks[i+2].start, "., ") {
						if out, ok3 := ymdString(y, m, d); ok3 {
							return out, t.start, toks[i+2].end, true
						}
					}
				}
			}
		}
		// digits: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY is ambiguous and skipped
		if i+2 < len(toks) {
			a, b, c := toks[i], toks[i+1], toks[i+2]
			sep1, sep2 := s[a.end:b.start], s[b.end:c.start]
			if len(a.s) == 4 && sep1 == "-" && sep2 == "-" {
				y, ok1 := smallNumber(a.s, 1800, 2199)
				mo, ok2 := smallNumber(b.s, 1, 12)
				d, ok3 := smallNumber(c.s, 1, 31)
				if ok1 && ok2 && ok3 && len(c.s) <= 2 {
					if out, ok4 := ymdString(y, time.Month(mo), d); ok4 {
						return out, a.start, c.end, true
					}
				}
			}
			if len(c.s) == 4 && sep1 == "." && sep2 == "." {
				d, ok1 := smallNumber(a.s, 1, 31)
				mo, ok2 := smallNumber(b.s, 1, 12)
				y, ok3 := smallNumber(c.s, 1800, 2199)
				if ok1 && ok2 && ok3 {
					if out, ok4 := ymdString(y, time.Month(mo), d); ok4 {
						return out, a.start, c.end, true
					}
				}
			}
		}
	}
	return "", 0, 0, false
}

// between reports whether s[i:j] holds only characters of allowed and
// spaces (no-break spaces included), and at most 3 of them.
func between(s string, i, j int, allowed string) bool {
	if j < i || j-i > 4 {
		return false
	}
	for _, r := range s[i:j] {
		if !strings.ContainsRune(allowed, r) && r != '\u00a0' && r != ' ' {
			return false
		}
	}
	return true
}

func ymdString(y int, m time.Month, d int) (string, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// dateLine reports whether line is a date line: a date with at most a
// weekday, a time, a time zone and an edition around it, not a sentence.
// It returns the date and what follows it (an edition, a time), trimmed.
func dateLine(line string) (date, rest string, ok bool) {
	line = strings.TrimSpace(line)
	d, start, end, found := findDate(line)
	if !found || start > 25 {
		return "", "", false
	}
	if len(line) > 120 {
		return "", "", false
	}
	rest = strings.Trim(line[end:], " ,;.\u00a0")
	return d, rest, true
}
