package archive

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"clipper/model"
)

// languageCodes maps language names as the databases write them (in
// English and in the language itself) to ISO 639-1 codes.
var languageCodes = map[string]string{
	"english": "en", "englisch": "en", "anglais": "en", "engels": "en", "inglés": "en", "ingles": "en", "inglese": "en",
	"german": "de", "deutsch": "de", "allemand": "de", "duits": "de", "alemán": "de", "aleman": "de", "tedesco": "de",
	"french": "fr", "français": "fr", "francais": "fr", "französisch": "fr", "frans": "fr", "francés": "fr", "francese": "fr",
	"dutch": "nl", "nederlands": "nl", "niederländisch": "nl", "néerlandais": "nl", "neerlandais": "nl", "holländisch": "nl",
	"spanish": "es", "español": "es", "espanol": "es", "spanisch": "es", "espagnol": "es", "spaans": "es", "castellano": "es",
	"italian": "it", "italiano": "it", "italienisch": "it", "italien": "it", "italiaans": "it",
	"portuguese": "pt", "português": "pt", "portugues": "pt", "portugiesisch": "pt", "portugais": "pt",
	"russian": "ru", "russisch": "ru", "russe": "ru", "chinese": "zh", "chinesisch": "zh", "chinois": "zh",
	"japanese": "ja", "japanisch": "ja", "japonais": "ja", "arabic": "ar", "arabisch": "ar", "arabe": "ar",
	"swedish": "sv", "svenska": "sv", "schwedisch": "sv", "danish": "da", "dansk": "da", "dänisch": "da",
	"norwegian": "no", "norsk": "no", "norwegisch": "no", "finnish": "fi", "suomi": "fi", "finnisch": "fi",
	"polish": "pl", "polski": "pl", "polnisch": "pl", "turkish": "tr", "türkçe": "tr", "türkisch": "tr",
	"greek": "el", "griechisch": "el", "czech": "cs", "čeština": "cs", "tschechisch": "cs",
	"hungarian": "hu", "magyar": "hu", "ungarisch": "hu", "korean": "ko", "hebrew": "he", "hindi": "hi",
	"indonesian": "id", "romanian": "ro", "română": "ro", "catalan": "ca", "català": "ca", "ukrainian": "uk",
}

// languageCode turns a language field ("ENGLISH", "GERMAN; DEUTSCH",
// "English", "en") into an ISO 639-1 code, "" when it is not known.
func languageCode(s string) string {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '/' }) {
		w := strings.ToLower(strings.TrimSpace(part))
		if c, ok := languageCodes[w]; ok {
			return c
		}
		if len(w) == 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			return w
		}
	}
	return ""
}

// wordsRe finds the number in a length field ("355 words", "2,968 words",
// "LÄNGE: 306 Wörter", "143 mots").
var wordsRe = regexp.MustCompile(`^\s*(\d{1,3}(?:[,.  ]\d{3})+|\d+)\s*(?:\p{L}+)?`)

// wordCount reads a length field; 0 when it holds no number.
func wordCount(s string) int {
	m := wordsRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, m[1])
	n, err := strconv.Atoi(digits)
	if err != nil || n > 10_000_000 {
		return 0
	}
	return n
}

// pageRe finds a page in a section field ("NEWS; Pg. 3", "S. 7 Ausg. 167",
// "Section B; Page 22, Column 2").
var pageRe = regexp.MustCompile(`(?i)(?:^|[;,\s])(?:pg\.?|page|p\.|s\.|seite|blz\.?|pag\.?)\s*([A-Z]?\d+[A-Z]?(?:\s*-\s*\d+)?)`)

// versionRe matches Nexis Uni's document version in a section field.
var versionRe = regexp.MustCompile(`(?i)^version:\s*\d+$`)

// issueRe matches an issue number in a section field ("Ausg. 167").
var issueRe = regexp.MustCompile(`(?i)(?:^|[;,\s])(?:ausg\.?|ausgabe|nr\.|no\.)\s*\d+`)

// sectionAndPage splits a section field into the section and the page it
// names: "NEWS; Pg. 3" gives "NEWS" and "3".
func sectionAndPage(s string) (section, page string) {
	rest := oneLine(s)
	if loc := pageRe.FindStringSubmatchIndex(rest); loc != nil {
		page = rest[loc[2]:loc[3]]
		rest = strings.TrimSpace(rest[:loc[0]] + " " + rest[loc[1]:])
	}
	rest = issueRe.ReplaceAllString(rest, " ")
	var parts []string
	seen := map[string]bool{}
	for _, p := range strings.Split(rest, ";") {
		p = strings.Trim(oneLine(p), " ,")
		switch low := strings.ToLower(p); {
		case low == "section" || low == "pg." || low == "pg" || low == "page" || low == "column 0":
			continue // a label without its value
		case versionRe.MatchString(p):
			continue // Nexis Uni's "Version:28"
		}
		if p != "" && !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; "), page
}

// oneLine collapses white space (no-break spaces and line breaks included)
// to single spaces and trims.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

var (
	parenRe     = regexp.MustCompile(`\([^)]*\)`)
	byRe        = regexp.MustCompile(`(?i)^(?:by|von|par|door|de|por|di)\s+`)
	authorSepRe = regexp.MustCompile(`\s*(?:,|&|\band\b|\bund\b|\bet\b|\ben\b|\by\b|\be\b)\s*`)
	domainRe    = regexp.MustCompile(`\w\.\w+$`)
)

// authorsOf reads a byline into author names: it drops a leading "By",
// parts after ";" that are sentences ("Ana Swanson reported from …"),
// parenthesised notes, web addresses and roles in lower case ("in
// Brussels", "correspondent"), turns "Last, First" round, and splits on
// commas, ";", "and", "&", "und", "et", "en". ALL-CAPS names are
// title-cased.
func authorsOf(byline string) []string {
	var out []string
	for i, part := range strings.Split(oneLine(byline), ";") {
		part = strings.TrimSpace(parenRe.ReplaceAllString(part, " "))
		if part == "" || i > 0 && !nameWords(part) {
			continue
		}
		out = append(out, namesOf(part)...)
	}
	return out
}

// nameWords reports whether every word of s starts with a capital (name
// particles such as "von", "de", "van" aside).
func nameWords(s string) bool {
	for _, w := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
		switch strings.ToLower(w) {
		case "von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "y", "and", "und", "et", "en", "&":
			continue
		}
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// namesOf splits one part of a byline into names.
func namesOf(s string) []string {
	if parts := strings.Split(s, ","); len(parts) == 2 {
		// "Albrecht, Bernhard", "Müller, Martin U.": last name, first names
		last, first := strings.Fields(parts[0]), strings.Fields(parts[1])
		if len(last) == 1 && len(first) >= 1 && len(first) <= 3 && nameWords(parts[0]) && nameWords(parts[1]) && !isUpperWord(parts[1]) {
			s = strings.Join(first, " ") + " " + last[0]
		}
	}
	s = byRe.ReplaceAllString(strings.TrimSpace(s), "")
	var out []string
	for _, p := range authorSepRe.Split(s, -1) {
		p = strings.TrimSpace(p)
		if p == "" || strings.ContainsAny(p, "@/:") || domainRe.MatchString(p) && !strings.Contains(p, " ") {
			continue // an address or a domain
		}
		// cut a lower-case tail: "Daniel Boffey in Brussels", "Lisa O'Carroll Sample File correspondent"
		words := strings.Fields(p)
		keep := 0
		for keep < len(words) && startsUpper(words[keep]) {
			keep++
		}
		if keep == 0 || keep > 5 || keep < len(words) && (keep > 3 || keep == 1) {
			continue // not a name, or a sentence ("Report from The Pioneer …")
		}
		name := strings.Join(words[:keep], " ")
		if isUpperWord(name) {
			name = titleCase(name)
		}
		if utf8.RuneCountInString(name) < 3 {
			continue
		}
		out = append(out, name)
	}
	return out
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isUpperWord reports whether s has letters and none in lower case.
func isUpperWord(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

// titleCase writes an ALL-CAPS name in title case: "ANA SWANSON" gives
// "Ana Swanson", "O'NEIL" "O'Neil", "RIVERS-SMITH" "Rivers-Smith".
func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = !unicode.IsLetter(r)
	}
	return b.String()
}

// lastFirst turns "Olivarez-Giles, Nathan" into "Nathan Olivarez-Giles";
// a name without a comma is returned as it is.
func lastFirst(s string) string {
	s = oneLine(s)
	i := strings.Index(s, ",")
	if i < 0 || strings.Count(s, ",") > 1 {
		return s
	}
	first, last := strings.TrimSpace(s[i+1:]), strings.TrimSpace(s[:i])
	if first == "" || last == "" {
		return s
	}
	return first + " " + last
}

// addDetail appends a labelled detail unless its value is empty.
func addDetail(m *model.Metadata, key, value string) {
	value = strings.TrimSpace(value)
	if key == "" || value == "" {
		return
	}
	m.Details = append(m.Details, model.Field{Key: key, Value: value})
}

// lines splits text into lines, dropping a trailing carriage return.
func splitLines(text string) []string {
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// blank reports whether a line holds only white space (no-break spaces
// included).
func blank(l string) bool {
	return strings.TrimFunc(l, unicode.IsSpace) == ""
}

// joinParagraphs joins blocks of lines into a body: blocks separated by a
// blank line, lines inside a block kept as they are (the import decides
// which line breaks are hard wraps).
func joinParagraphs(blocks [][]string) string {
	var b strings.Builder
	for _, bl := range blocks {
		text := strings.TrimSpace(strings.Join(bl, "\n"))
		if text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(text)
	}
	return b.String()
}
