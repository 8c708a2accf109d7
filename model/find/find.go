// Package find searches clipping bodies for a plain-text or regular-expression
// pattern and returns each hit as a code-point span with its keyword in
// context (KWIC): a single line of text on either side. It never imports
// Fyne; the app's find bar and "tag all hits" build on it.
package find

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context is how many code points of text a hit carries on each side.
const Context = 40

// Hit is one match in a clipping's body. Start and End are code points,
// end-exclusive, as in model.Annotation; Match is exactly that slice of the
// body. Left and Right are up to Context code points before and after it
// with every run of white space (line breaks included) shown as one space.
type Hit struct {
	ClippingID  string
	Start, End  int
	Left, Match string
	Right       string
}

// Matcher is a compiled search pattern. It is safe for concurrent use.
type Matcher struct {
	re *regexp.Regexp
	// group is the submatch that holds the hit (1 when the pattern is
	// wrapped in boundary or context expressions, else 0).
	group int
	// lead: the search runs over "\n"+body and each match first consumes
	// the code point before the hit, so that ^, \b and whole-word
	// boundaries see the real text before a restart point.
	lead bool
}

// Word characters for whole-word matching: letters, marks, digits and the
// underscore, in any script.
const (
	wordClass    = `\p{L}\p{M}\p{N}_`
	notWordClass = `[^` + wordClass + `]`
)

// Compile prepares pattern for Find. Plain text (regex false) matches
// literally, straight and curly quotes and apostrophes alike; a regular
// expression uses Go's RE2 syntax with ^ and $ at line boundaries. Matching
// ignores case unless caseSensitive. With wholeWord a hit must not have a
// letter, digit or underscore directly on either side. An empty pattern or a
// malformed expression is an error that says what is wrong.
func Compile(pattern string, regex, caseSensitive, wholeWord bool) (*Matcher, error) {
	if pattern == "" {
		return nil, errors.New("find: the pattern is empty")
	}
	expr := pattern
	if !regex {
		expr = quote(pattern)
	} else if _, err := syntax.Parse(pattern, syntax.Perl); err != nil {
		return nil, fmt.Errorf("find: bad regular expression %q: %s: %w", pattern, describe(err), err)
	}
	flags := "(?m)"
	if !caseSensitive {
		flags = "(?mi)"
	}
	m := &Matcher{}
	switch {
	case wholeWord:
		expr = `(?:` + notWordClass + `)(` + flags + expr + `)(?:` + notWordClass + `|\z)`
		m.group, m.lead = 1, true
	case needsContext(flags + expr):
		expr = `(?s:.)(` + flags + expr + `)`
		m.group, m.lead = 1, true
	default:
		expr = flags + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("find: bad regular expression %q: %s: %w", pattern, describe(err), err)
	}
	m.re = re
	return m, nil
}

// quote turns plain text into an expression that matches it literally,
// letting any straight or curly quote stand for the others.
func quote(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\'', '‘', '’':
			b.WriteString(`['‘’]`)
		case '"', '“', '”', '„':
			b.WriteString(`["“”„]`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// describe gives the part of a regexp syntax error a researcher can act on.
func describe(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Sprintf("%s in `%s`", se.Code, se.Expr)
	}
	return err.Error()
}

// needsContext reports whether expr looks at the text before a position
// (^, \A, \b, \B), so that searching a suffix of the body could match where
// the whole body does not.
func needsContext(expr string) bool {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return true
	}
	var walk func(*syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			return true
		}
		for _, s := range r.Sub {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(re)
}

// Find returns the hits in body in order, at most limit of them (all when
// limit <= 0). Hits do not overlap; empty matches are skipped, so patterns
// that can match nothing (x*, \b) are safe. Offsets are code points; a
// byte that is not valid UTF-8 counts as one code point, as in []rune(body).
func (m *Matcher) Find(clippingID, body string, limit int) []Hit {
	var hits []Hit
	lastByte, lastRune := 0, 0 // a known byte → code point pair in body, for offsets
	m.each(body, func(bs, be int) bool {
		lastRune += utf8.RuneCountInString(body[lastByte:bs])
		lastByte = bs
		start := lastRune
		hits = append(hits, Hit{
			ClippingID: clippingID,
			Start:      start, End: start + utf8.RuneCountInString(body[bs:be]),
			Left:  flatten(before(body, bs, Context)),
			Match: body[bs:be],
			Right: flatten(after(body, be, Context)),
		})
		return limit <= 0 || len(hits) < limit
	})
	return hits
}

// Count returns how many hits Find would return from body without a
// limit, without building them.
func (m *Matcher) Count(body string) int {
	n := 0
	m.each(body, func(int, int) bool { n++; return true })
	return n
}

// each calls fn with the byte offsets in body of every hit, in order,
// until fn returns false.
func (m *Matcher) each(body string, fn func(bs, be int) bool) {
	text, shift := body, 0
	if m.lead {
		text, shift = "\n"+body, 1
	}
	pos := 0 // byte in text where the next search starts
	for pos <= len(text) {
		loc := m.re.FindStringSubmatchIndex(text[pos:])
		if loc == nil {
			return
		}
		gs, ge := pos+loc[2*m.group], pos+loc[2*m.group+1]
		if gs == ge {
			// Empty: the next hit must start at least one code point later.
			if m.lead {
				pos = gs
			} else {
				_, size := utf8.DecodeRuneInString(text[gs:])
				pos = gs + max(size, 1)
			}
			if gs >= len(text) {
				return
			}
			continue
		}
		if !fn(gs-shift, ge-shift) {
			return
		}
		if m.lead {
			// The next match consumes the hit's last code point as the one
			// before it.
			_, size := utf8.DecodeLastRuneInString(text[:ge])
			pos = ge - size
		} else {
			pos = ge
		}
	}
}

// before returns up to n code points of s ending at byte b.
func before(s string, b, n int) string {
	i := b
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:b]
}

// after returns up to n code points of s starting at byte b.
func after(s string, b, n int) string {
	i := b
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[b:i]
}

// flatten shows every run of white space or control characters as one
// space, so context fits on one line.
func flatten(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
