package store

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// A file from a newer Clipper is compared leniently (see checkSchema): its
// schema is not Clipper's as this version knows it. Yet SQLite evaluates
// expressions of the schema while reading and checking a file — a
// generated column on every read of it, a column default on every read of
// a row stored before the column was added, CHECK constraints in
// quick_check and integrity_check, index expressions in integrity_check —
// so a hostile file could make a read compute a 400 MB blob per row. The
// lenient path therefore refuses generated columns and any function call
// in a table's or an index's definition that Clipper's own schema does not
// make.

// checkExpressions checks the tables and indexes of got, a file's schema
// compared leniently with want: no generated column anywhere and no call
// of a function that want does not call.
func checkExpressions(ctx context.Context, q queryer, want schema, got map[string]schemaObject) error {
	allowed := usedIn(want, functionCalls)
	for _, n := range slices.Sorted(maps.Keys(got)) {
		o := got[n]
		if o.typ != "table" && o.typ != "index" || strings.HasPrefix(o.sql, "CREATE VIRTUAL TABLE") || shadowOf(want, n) {
			continue // virtual tables are compared exactly; their shadow tables are the FTS module's
		}
		for _, f := range functionCalls(o.sql) {
			if f == "as" {
				return fmt.Errorf("%w: %s %q has a generated column", ErrUnsafeSchema, o.typ, n)
			}
			if !allowed[f] {
				return fmt.Errorf("%w: %s %q calls the function %s(), which Clipper does not use", ErrUnsafeSchema, o.typ, n, f)
			}
		}
		if o.typ != "table" {
			continue
		}
		cols, err := readColumns(ctx, q, n)
		if err != nil {
			return err
		}
		for _, c := range cols {
			if c.hidden == 2 || c.hidden == 3 {
				return fmt.Errorf("%w: column %q of table %q is a generated column", ErrUnsafeSchema, c.name, n)
			}
		}
	}
	return nil
}

// usedIn is the set of names extract finds in the SQL of want's objects
// (the functions they call, the collations they declare).
func usedIn(want schema, extract func(sql string) []string) map[string]bool {
	used := map[string]bool{}
	for _, o := range want.objects {
		for _, n := range extract(o.sql) {
			used[n] = true
		}
	}
	return used
}

// checkCollations returns ErrUnsafeSchema when a table or index of got
// declares a collation that want's schema does not use: a custom one
// (reading the file would fail, or run code registered under that name)
// or a built-in one that changes how values compare and sort.
func checkCollations(want schema, got map[string]schemaObject) error {
	allowed := usedIn(want, collations)
	allowed["binary"] = true
	for _, n := range slices.Sorted(maps.Keys(got)) {
		o := got[n]
		if o.typ != "table" && o.typ != "index" {
			continue
		}
		for _, c := range collations(o.sql) {
			if !allowed[c] {
				return fmt.Errorf("%w: %s %q uses the collation %q, which Clipper does not use", ErrUnsafeSchema, o.typ, n, c)
			}
		}
	}
	return nil
}

// collations lists, lower-cased, the collations an SQL definition names
// after COLLATE.
func collations(sql string) []string {
	toks := sqlTokens(sql)
	var out []string
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].ident && !toks[i].quoted && strings.EqualFold(toks[i].text, "COLLATE") {
			out = append(out, strings.ToLower(toks[i+1].text))
		}
	}
	return out
}

// literalRE matches an SQL literal as a column default may be written.
var literalRE = regexp.MustCompile(`^(?i:NULL|TRUE|FALSE|[+-]?[0-9]+(\.[0-9]*)?(e[+-]?[0-9]+)?|'([^']|'')*'|x'[0-9a-f]*')$`)

// literal reports whether a column default is a literal, not an
// expression.
func literal(dflt string) bool { return literalRE.MatchString(dflt) }

// notCalls are the SQL keywords that may stand before "(" in a table or
// index definition without being a function.
var notCalls = map[string]bool{
	"CHECK": true, "DEFAULT": true, "IN": true, "KEY": true, "UNIQUE": true, "EXISTS": true, "CAST": true,
	"AND": true, "OR": true, "NOT": true, "IS": true, "VALUES": true, "CASE": true, "WHEN": true, "THEN": true,
	"ELSE": true, "BETWEEN": true, "LIKE": true, "GLOB": true, "MATCH": true, "REGEXP": true, "ESCAPE": true,
	"WHERE": true, "AS": true,
}

// nameBefore are the keywords after which an identifier followed by "(" is
// a name (a table, an index's table, a virtual table's module), not a
// call.
var nameBefore = map[string]bool{"TABLE": true, "EXISTS": true, "REFERENCES": true, "ON": true, "USING": true}

// functionCalls lists, lower-cased, the functions an SQL definition calls:
// every identifier directly followed by "(" that is neither a keyword nor a
// name. "AS (" — a generated column's expression — counts as the call
// "as". Comments and string literals are skipped.
func functionCalls(sql string) []string {
	toks := sqlTokens(sql)
	var calls []string
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if !t.ident || toks[i+1].text != "(" {
			continue
		}
		up := strings.ToUpper(t.text)
		switch {
		case up == "AS" && !t.quoted:
			calls = append(calls, "as")
		case !t.quoted && notCalls[up]:
		case i > 0 && nameBefore[strings.ToUpper(toks[i-1].text)]:
		default:
			calls = append(calls, strings.ToLower(t.text))
		}
	}
	return calls
}

// sqlToken is one token of an SQL text: an identifier (bare or quoted) or
// a single punctuation character; literals and comments are dropped.
type sqlToken struct {
	text          string
	ident, quoted bool
}

// sqlTokens splits an SQL definition into tokens.
func sqlTokens(s string) []sqlToken {
	var toks []sqlToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case strings.HasPrefix(s[i:], "--"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "/*"):
			if j := strings.Index(s[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(s)
			}
		case c == '\'':
			i = skipQuoted(s, i, '\'')
			toks = append(toks, sqlToken{text: "'"})
		case c == '"' || c == '`' || c == '[':
			end := map[byte]byte{'"': '"', '`': '`', '[': ']'}[c]
			j := skipQuoted(s, i, end)
			name := s[i+1 : max(i+1, j-1)]
			toks = append(toks, sqlToken{text: name, ident: true, quoted: true})
			i = j
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' ||
				s[j] >= '0' && s[j] <= '9' || s[j] >= 0x80) {
				j++
			}
			toks = append(toks, sqlToken{text: s[i:j], ident: true})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (s[j] == '.' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			toks = append(toks, sqlToken{text: s[i:j]})
			i = j
		default:
			toks = append(toks, sqlToken{text: string(c)})
			i++
		}
	}
	return toks
}

// skipQuoted returns the index after the quoted text starting at s[i],
// closed by end (doubled end characters are part of the text).
func skipQuoted(s string, i int, end byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] != end {
			continue
		}
		if end != ']' && j+1 < len(s) && s[j+1] == end {
			j++
			continue
		}
		return j + 1
	}
	return len(s)
}
