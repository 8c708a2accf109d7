package archive

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"clipper/model"
)

// Helpers the Factiva, Europresse and APA readers share: dates, language
// names and word counts written in the language of the database's
// interface. (Prefixed intl so that they stay apart from the helpers of
// the other formats.)

// intlMonths maps month names and abbreviations in English, German,
// French, Dutch, Spanish, Italian and Portuguese, lower case and without
// a final full stop, to months.
var intlMonths = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [12]string{
		"january jan januar jänner jaenner janvier janv januari enero ene gennaio gen janeiro",
		"february feb februar feber février fevrier févr fevr fév februari febrero febbraio fevereiro fev",
		"march mar märz maerz mrz mars maart mrt marzo març março marco",
		"april apr avril avr abril abr aprile",
		"may mai mei mayo maggio mag maio",
		"june jun juni juin junio giugno giu junho",
		"july jul juli juillet juil julio luglio lug julho",
		"august aug août aout augustus agosto ago",
		"september sep sept septembre septiembre settembre set setembro",
		"october oct oktober okt octobre octubre ottobre ott outubro out",
		"november nov novembre noviembre novembro",
		"december dec dezember dez décembre decembre déc dic diciembre dicembre dezembro",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

var (
	intlISODateRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])`)
	intlDMYRe     = regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[^\d])`)
)

// intlDate reads a date written "29 décembre 2011", "1 April 2017",
// "9. Januar 1993", "January 3, 1993", "jeudi 5 octobre 2013",
// "18.03.2013" or "2012-01-09T01:35:58Z" (the date as written, not
// converted to UTC) somewhere in s, and returns it as YYYY-MM-DD, or "".
func intlDate(s string) string {
	s = strings.TrimSpace(s)
	if m := intlISODateRe.FindStringSubmatch(s); m != nil {
		return intlYMD(m[1], m[2], m[3])
	}
	if m := intlDMYRe.FindStringSubmatch(s); m != nil {
		return intlYMD(m[3], m[2], m[1])
	}
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !intlFillers[strings.ToLower(w)] {
			words = append(words, w)
		}
	}
	for i, w := range words {
		month, ok := intlMonths[strings.ToLower(w)]
		if !ok {
			continue
		}
		day, year := "", ""
		if i > 0 && intlDay(words[i-1]) != "" {
			day = intlDay(words[i-1])
			if i+1 < len(words) && intlYear(words[i+1]) {
				year = words[i+1]
			}
		} else if i+2 < len(words) && intlDay(words[i+1]) != "" && intlYear(words[i+2]) {
			day, year = intlDay(words[i+1]), words[i+2]
		}
		if day != "" && year != "" {
			if d := intlYMD(year, strconv.Itoa(int(month)), day); d != "" {
				return d
			}
		}
	}
	return ""
}

// intlFillers are words that may stand between a date's parts ("3 de
// marzo de 2015", "le 3 mars").
var intlFillers = map[string]bool{"de": true, "del": true, "di": true, "of": true, "the": true, "le": true, "den": true}

// intlDay returns the day in "5", "05", "1er", "3rd", or "".
func intlDay(w string) string {
	d := strings.TrimRightFunc(strings.ToLower(w), unicode.IsLetter)
	if d == "" || len(d) > 2 || len(w)-len(d) > 2 {
		return ""
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return d
}

func intlYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// intlYMD validates a date and formats it YYYY-MM-DD, or returns "".
func intlYMD(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || yi < 1800 || yi > 2199 || mi < 1 || mi > 12 || di < 1 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di)
}

// intlLanguages maps language names as the databases write them in
// English, German, French, Spanish, Italian, Dutch and Portuguese to ISO
// 639-1 codes.
var intlLanguages = func() map[string]string {
	m := map[string]string{}
	for code, names := range map[string]string{
		"en": "english englisch anglais inglés ingles inglese engels inglês",
		"de": "german deutsch allemand alemán aleman tedesco duits alemão",
		"fr": "french französisch franzoesisch français francais francés frances francese frans francês",
		"es": "spanish spanisch espagnol español espanol spagnolo spaans espanhol",
		"it": "italian italienisch italien italiano italiaans",
		"nl": "dutch niederländisch néerlandais neerlandais neerlandés olandese nederlands holandês",
		"pt": "portuguese portugiesisch portugais portugués portoghese portugees português",
		"ru": "russian russisch russe ruso russo russisch",
		"zh": "chinese chinesisch chinois chino cinese chinees chinês",
		"ja": "japanese japanisch japonais japonés giapponese japans japonês",
		"ar": "arabic arabisch arabe árabe arabo",
		"sv": "swedish schwedisch suédois sueco svedese zweeds",
		"da": "danish dänisch danois danés danese deens",
		"no": "norwegian norwegisch norvégien noruego norvegese noors",
		"fi": "finnish finnisch finnois finlandés finlandese fins",
		"pl": "polish polnisch polonais polaco polacco pools",
		"tr": "turkish türkisch turc turco turks",
		"el": "greek griechisch grec griego greco grieks",
		"cs": "czech tschechisch tchèque checo ceco tsjechisch",
		"hu": "hungarian ungarisch hongrois húngaro ungherese hongaars",
		"ko": "korean koreanisch coréen coreano koreaans",
		"uk": "ukrainian ukrainisch ukrainien ucraniano ucraino oekraïens",
		"ro": "romanian rumänisch roumain rumano rumeno roemeens",
		"ca": "catalan katalanisch catalán catalano catalaans",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = code
		}
	}
	return m
}()

// intlLanguage returns the ISO 639-1 code of a language name or code
// ("Deutsch", "Français", "EN"), or "".
func intlLanguage(s string) string {
	w := strings.ToLower(strings.TrimSpace(s))
	if c, ok := intlLanguages[w]; ok {
		return c
	}
	if len(w) == 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
		return w
	}
	return ""
}

// intlWordsRe matches a length field: "553 words", "1,285 Wörter",
// "1.285 Wörter", "295 mots", "1 285 mots".
var intlWordsRe = regexp.MustCompile(`^(\d{1,3}(?:[,. \x{00a0}\x{202f}]\d{3})+|\d+)\s+(?:words?|wörter|woerter|wort|mots?|palabras?|parole|woorden|palavras|ord|sanaa|słów|слов\p{L}*|単語|字)$`)

// intlWords returns the number of a length field, and whether s is one.
func intlWords(s string) (int, bool) {
	m := intlWordsRe.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, m[1]))
	return n, err == nil
}

var (
	intlByRe  = regexp.MustCompile(`(?i)^(?:by|von|par|door|por|av|af)\s+`)
	intlAndRe = regexp.MustCompile(`(?i)\s*(?:;|,|&|\s(?:and|und|et|en|y|e|og|och)\s)\s*`)
)

// intlAuthors splits a byline ("By ALAN RIDING", "Von C. CARSTENS und H.
// SCHEFFE", "Par Jean Dupont et Marie Curie") into names.
func intlAuthors(s string) []string {
	s = intlByRe.ReplaceAllString(strings.TrimSpace(s), "")
	var out []string
	for _, n := range intlAndRe.Split(s, -1) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// intlSpace collapses white space runs to one space and trims.
func intlSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// intlDetail appends a detail unless its value is empty.
func intlDetail(a *Article, key, value string) {
	if value = strings.TrimSpace(value); value != "" {
		a.Details = append(a.Details, model.Field{Key: key, Value: value})
	}
}
