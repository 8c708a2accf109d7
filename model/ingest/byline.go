package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// byline is what a byline line says.
type byline struct {
	authors []string
	credit  string
	dash    bool // e-paper style "- Name CREDIT" rather than "By Name"
}

var (
	dashBylineRe = regexp.MustCompile(`^[-–—]\s*(\p{Lu}.*)$`)
	byBylineRe   = regexp.MustCompile(`^(?i:by)(?::\s*|\s+)(\p{Lu}.*)$`)
	authorSepRe  = regexp.MustCompile(`\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+`)
)

// particles are lower-case words that may stand inside a person's or a
// publication's name.
var particles = map[string]bool{
	"and": true, "&": true, "of": true, "the": true, "for": true, "in": true, "on": true,
	"at": true, "a": true, "an": true, "und": true, "y": true, "e": true,
	"de": true, "da": true, "di": true, "do": true, "dos": true, "das": true, "del": true,
	"della": true, "der": true, "den": true, "van": true, "von": true, "le": true,
	"la": true, "les": true, "du": true, "des": true, "bin": true, "ibn": true,
	"al": true, "el": true, "ter": true, "ten": true,
}

// creditWords end an all-capitals byline: "JONAH REYES STAFF WRITER".
var creditWords = map[string]bool{
	"STAFF": true, "WRITER": true, "WRITERS": true, "CORRESPONDENT": true,
	"CORRESPONDENTS": true, "REPORTER": true, "REPORTERS": true, "EDITOR": true,
	"PRESS": true, "ASSOCIATED": true, "REUTERS": true, "AFP": true, "AP": true,
	"BUREAU": true, "SERVICE": true, "NEWS": true, "WIRE": true, "AGENCY": true,
	"CONTRIBUTOR": true, "COLUMNIST": true, "SENIOR": true, "CHIEF": true,
}

// orgWords mark a ", …" segment of a byline as an affiliation or role
// rather than another author: "By Jonah Reyes, Lakeside Gazette".
var orgWords = map[string]bool{
	"press": true, "news": true, "agency": true, "service": true, "wire": true,
	"bureau": true, "reuters": true, "correspondent": true, "writer": true,
	"reporter": true, "editor": true, "staff": true, "contributor": true,
	"columnist": true, "gazette": true, "times": true, "post": true, "herald": true,
	"ledger": true, "journal": true, "tribune": true, "chronicle": true,
	"courier": true, "observer": true, "express": true, "mail": true,
	"telegraph": true, "guardian": true, "globe": true, "star": true, "sun": true,
}

// parseByline recognises a byline line: e-paper style "- Name [and Name]
// CREDIT", where the credit is the trailing upper-case run (an agency such
// as ASSOCIATED PRESS or a role such as STAFF WRITER), or "By Name[, Role]".
func parseByline(line string) (byline, bool) {
	var b byline
	var rest string
	if m := dashBylineRe.FindStringSubmatch(line); m != nil {
		rest, b.dash = m[1], true
	} else if m := byBylineRe.FindStringSubmatch(line); m != nil {
		rest = m[1]
	} else {
		return b, false
	}
	if utf8.RuneCountInString(rest) > 150 {
		return b, false
	}
	tokens := strings.Fields(rest)
	if len(tokens) > 20 {
		return b, false
	}
	if last := tokens[len(tokens)-1]; strings.HasSuffix(last, ".") && utf8.RuneCountInString(last) > 4 && !isUpperToken(last) {
		return b, false // a sentence, not a byline
	}

	// The credit is the trailing run of upper-case tokens; tokens without
	// letters ("&", "|") may sit inside it but do not start it.
	j := len(tokens)
	for j > 0 && (isUpperToken(tokens[j-1]) || !hasLetter(tokens[j-1])) {
		j--
	}
	if j == 0 { // all capitals: only known credit words count
		j = len(tokens)
		for j > 0 && creditWords[strings.Trim(tokens[j-1], ",.;:()")] {
			j--
		}
	}
	for j < len(tokens) && !hasLetter(tokens[j]) {
		j++
	}
	// A lone initial ("Jonah R") belongs to the name.
	if j > 0 && j < len(tokens)-1 && isInitial(tokens[j]) {
		j++
	}
	b.credit = strings.Join(tokens[j:], " ")
	names := strings.TrimRight(strings.Join(tokens[:j], " "), " ,;:–—-|/")

	if i := strings.LastIndex(names, ","); i >= 0 && b.credit == "" {
		if seg := strings.TrimSpace(names[i+1:]); isAffiliation(seg) {
			b.credit = seg
			names = strings.TrimSpace(names[:i])
		}
	}
	if names == "" {
		if b.credit == "" {
			return b, false
		}
		return b, true
	}
	if !looksLikeName(names, 16) {
		return b, false
	}
	b.authors = splitAuthors(names)
	return b, len(b.authors) > 0 || b.credit != ""
}

// splitAuthors splits "A, B and C" (also "&") into names.
func splitAuthors(s string) []string {
	var out []string
	for _, p := range authorSepRe.Split(s, -1) {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "and "))
		p = strings.Trim(p, " ,;")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isAffiliation reports whether a ", …" segment of a byline names a role or
// an organisation rather than a person: it starts with "The", "For" or
// "Special", or holds a word such as Press, Gazette or writer.
func isAffiliation(seg string) bool {
	words := strings.Fields(seg)
	if len(words) == 0 {
		return false
	}
	if words[0] == "The" || words[0] == "For" || words[0] == "Special" {
		return true
	}
	if len(words) > 6 {
		return false
	}
	for _, w := range words {
		if orgWords[strings.ToLower(strings.Trim(w, ".,;:()"))] {
			return true
		}
	}
	return false
}

// looksLikeName reports whether s reads as a name or a title: at most
// maxWords words, each capitalised, a number, an initial, a web address or
// a lower-case particle ("de", "of", "and").
func looksLikeName(s string, maxWords int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxWords {
		return false
	}
	capital := false
	for _, w := range words {
		t := strings.TrimLeft(w, "\"'“‘(")
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			capital = true
		case unicode.IsDigit(r) || !hasLetter(t):
		case particles[strings.ToLower(strings.TrimRight(t, ",;"))]:
		case strings.Contains(t, ".") && !strings.HasSuffix(t, "."): // a domain
			capital = true
		default:
			return false
		}
	}
	return capital
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isUpperToken reports whether a word has letters and none in lower case.
func isUpperToken(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	return letter
}

// isInitial reports a single capital letter, with or without a full stop.
func isInitial(s string) bool {
	s = strings.TrimSuffix(s, ".")
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}
