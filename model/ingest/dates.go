package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

const (
	monthPat   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	weekdayPat = `(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?,?\s+)?`
	// datePat matches "March 3, 2024", "Mon., Mar. 3 2024", "3 March 2024"
	// and "2024-03-03"; submatches: month, day, year | day, month, year |
	// year, month, day.
	datePat = weekdayPat + `(?:` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` +
		`|(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPat + `,?\s+(\d{4})` +
		`|(\d{4})-(\d{2})-(\d{2}))`
)

var (
	dateOnlyRe = regexp.MustCompile(`(?i)^` + datePat + `$`)
	// pubDateRe matches a whole line "<publication><sep><date>" or
	// "<date>", with an optional "Published"/"Updated" before the date.
	pubDateRe = regexp.MustCompile(`(?i)^(?:(.{1,80}?)\s*(?:,|\s[–—-]|\||·)\s*)?(?:(?:published|posted|updated)(?::|\s+on)?\s+)?` + datePat + `\.?$`)
	isoDateRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])`)
	// fileDateRe finds 2022-02-15, 2022_02_15, 2022.02.15 or 20220215 in a
	// file name, not inside a longer run of digits.
	fileDateRe = regexp.MustCompile(`(?:^|\D)((?:18|19|20|21)\d{2})([-_.]?)(\d{2})([-_.]?)(\d{2})(?:\D|$)`)
)

// ymd validates a calendar date and formats it as YYYY-MM-DD.
func ymd(y int, m time.Month, d int) (string, bool) {
	if y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), true
}

// dateFromSubmatches reads the nine date groups of datePat.
func dateFromSubmatches(g []string) (string, bool) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case g[0] != "":
		return ymd(atoi(g[2]), months[strings.ToLower(g[0])], atoi(g[1]))
	case g[3] != "":
		return ymd(atoi(g[5]), months[strings.ToLower(g[4])], atoi(g[3]))
	case g[6] != "":
		return ymd(atoi(g[6]), time.Month(atoi(g[7])), atoi(g[8]))
	}
	return "", false
}

// parseDate reads a date written on its own ("March 3, 2024", "3 March
// 2024", "Monday, March 3, 2024") or as an ISO 8601 date or timestamp
// ("2024-03-03T09:30:00-05:00": the date as written, not converted to UTC)
// and returns it as YYYY-MM-DD, or "" if s is not a valid date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 100 || !strings.ContainsAny(s, "0123456789") {
		return ""
	}
	if m := isoDateRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		out, _ := ymd(y, time.Month(mo), d)
		return out
	}
	if m := dateOnlyRe.FindStringSubmatch(s); m != nil {
		out, _ := dateFromSubmatches(m[1:])
		return out
	}
	return ""
}

// parsePubDate recognises a line "<Publication>, <date>" (also with a dash,
// "|" or "·" before the date) or a date on its own. pub is "" when the line
// names no publication; ok is false when the line is something else.
func parsePubDate(line string) (pub, date string, ok bool) {
	if len(line) > 160 || !endsWithYear(line) {
		return "", "", false
	}
	if d := parseDate(line); d != "" {
		return "", d, true
	}
	m := pubDateRe.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	date, ok = dateFromSubmatches(m[2:])
	if !ok {
		return "", "", false
	}
	pub = strings.TrimSpace(m[1])
	if pub != "" && !looksLikeName(pub, 8) {
		return "", "", false
	}
	return pub, date, true
}

// dateFromFileName finds a date such as "2022-02-15 ledger.txt" or
// "ledger_20220215.txt" in a file's base name; "" if there is none.
func dateFromFileName(name string) string {
	for _, m := range fileDateRe.FindAllStringSubmatch(name, -1) {
		if m[2] != m[4] { // mixed separators: "2022-02_15" is not a date
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[5])
		if out, ok := ymd(y, time.Month(mo), d); ok {
			return out
		}
	}
	return ""
}

// endsWithYear reports whether a line ends in two digits (and perhaps a
// full stop), as every date line parsePubDate accepts does: "…, 2024" or
// "…, 2024-03-03".
func endsWithYear(line string) bool {
	line = strings.TrimSuffix(strings.TrimSpace(line), ".")
	n := len(line)
	return n >= 2 && line[n-1] >= '0' && line[n-1] <= '9' && line[n-2] >= '0' && line[n-2] <= '9'
}

// webMonths names months in the languages of the news pages Clipper
// reads (English, German, French, Spanish, Portuguese, Italian, Dutch,
// Czech in the genitive), lower case, with common abbreviations.
var webMonths = func() map[string]time.Month {
	m := map[string]time.Month{}
	for k, v := range months {
		m[k] = v
	}
	for i, names := range [12]string{
		"januar jänner janvier enero janeiro gennaio januari ledna janv ene gen",
		"februar feber février fevrier febrero fevereiro febbraio februari února unora févr fevr",
		"märz maerz mars marzo março marco maart března brezna mär mrz",
		"april avril abril aprile dubna avr abr",
		"mai mayo maio maggio mei května kvetna mag",
		"juni juin junio junho giugno června cervna juin giu",
		"juli juillet julio julho luglio července cervence juil lug",
		"august août aout agosto augustus srpna ago",
		"september septembre septiembre setembro settembre setiembre září zari sept set",
		"oktober octobre octubre outubro ottobre října rijna okt out ott",
		"november novembre noviembre novembro listopadu nov",
		"dezember décembre decembre diciembre dezembro dicembre december prosince dez déc dic",
	} {
		for _, n := range strings.Fields(names) {
			if _, ok := m[n]; !ok {
				m[n] = time.Month(i + 1)
			}
		}
	}
	return m
}()

var (
	// wordDateRe finds "3 March 2024", "3. März 2024", "3 de marzo de 2024",
	// "1. listopadu 2021": day, month, year.
	wordDateRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b`)
	// wordDateUSRe finds "March 3, 2024", "Mar. 3 2024", "Dec 22, 2016":
	// month, day, year.
	wordDateUSRe = regexp.MustCompile(`(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// numDateRe finds 2024-03-03, 2/26/2015 and 08.04.2015.
	numDateRe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b`)
	// cjkDateRe finds 2016年10月14日.
	cjkDateRe = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// compactDateRe is a date written as YYYYMMDD, perhaps with a time.
	compactDateRe = regexp.MustCompile(`^((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4,6})?$`)
	// urlDateRe finds /2015/03/18/ in a URL path.
	urlDateRe = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)`)
)

// findDate returns the first date written anywhere in s, in any of the
// forms a web page shows ("Apr 16, 2015 8:02 pm", "Published Thursday 27
// July 2017", "2/26/2015 7:11 AM", "1. listopadu 2021", "2016年10月14日"),
// as YYYY-MM-DD, or "". A slashed date is read month first unless that
// cannot be, a dotted one day first.
func findDate(s string) string {
	if len(s) > 400 {
		s = s[:400]
	}
	type hit struct {
		at   int
		date string
	}
	best := hit{at: len(s) + 1}
	try := func(at int, d string, ok bool) {
		if ok && at < best.at {
			best = hit{at, d}
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := wordDateRe.FindStringSubmatchIndex(s); m != nil {
		if mo, ok := webMonths[strings.ToLower(s[m[4]:m[5]])]; ok {
			d, ok := ymd(atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]]))
			try(m[0], d, ok)
		}
	}
	for _, m := range wordDateUSRe.FindAllStringSubmatchIndex(s, 4) {
		if mo, ok := webMonths[strings.ToLower(s[m[2]:m[3]])]; ok {
			d, ok := ymd(atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]]))
			try(m[0], d, ok)
			break
		}
	}
	if m := numDateRe.FindStringSubmatchIndex(s); m != nil {
		if m[2] >= 0 {
			d, ok := ymd(atoi(s[m[2]:m[3]]), time.Month(atoi(s[m[4]:m[5]])), atoi(s[m[6]:m[7]]))
			try(m[0], d, ok)
		} else {
			a, b, y := atoi(s[m[8]:m[9]]), atoi(s[m[12]:m[13]]), atoi(s[m[14]:m[15]])
			month, day := a, b
			if s[m[10]:m[11]] == "." || a > 12 {
				month, day = b, a
			}
			d, ok := ymd(y, time.Month(month), day)
			try(m[0], d, ok)
		}
	}
	if m := cjkDateRe.FindStringSubmatchIndex(s); m != nil {
		d, ok := ymd(atoi(s[m[2]:m[3]]), time.Month(atoi(s[m[4]:m[5]])), atoi(s[m[6]:m[7]]))
		try(m[0], d, ok)
	}
	return best.date
}

// parseMetaDate reads a date from a meta tag or structured data: what
// parseDate reads, YYYYMMDD with or without a time, or a date written out
// in words.
func parseMetaDate(s string) string {
	s = strings.TrimSpace(s)
	if d := parseDate(s); d != "" {
		return d
	}
	if m := compactDateRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		out, _ := ymd(y, time.Month(mo), d)
		return out
	}
	if len(s) <= 60 {
		return findDate(s)
	}
	return ""
}

// dateFromURL finds a date in a page address: /2015/03/18/ in its path or
// a date in its last path segment ("…-20190520/").
func dateFromURL(u string) string {
	if m := urlDateRe.FindStringSubmatch(u); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if out, ok := ymd(y, time.Month(mo), d); ok {
			return out
		}
	}
	u = strings.TrimRight(u, "/")
	if i := strings.LastIndex(u, "/"); i >= 0 && strings.Contains(u[:i], "://") {
		return dateFromFileName(u[i+1:])
	}
	return ""
}
