package store

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"unicode"
)

// Markers around the matched terms in SearchHit.Snippet.
const (
	SnippetOpen  = "⟦"
	SnippetClose = "⟧"
)

// SearchHit is one search result: a clipping whose headline or body
// matched (AnnotationID "") or an annotation whose note matched.
type SearchHit struct {
	ClippingID, Headline, Snippet string
	AnnotationID                  string // "" for body hits
}

// ftsQuery turns what a researcher typed into a safe FTS4 query: every
// word becomes a quoted term (so AND, OR, NEAR, quotes, parentheses and
// column filters have no special meaning), text in double quotes stays a
// phrase, and a word ending in * is a prefix search. All terms must match.
func ftsQuery(q string) (string, error) {
	var terms []string
	inQuote := false
	var phrase []string
	for len(q) > 0 {
		r := []rune(q)[0]
		switch {
		case r == '"':
			if inQuote && len(phrase) > 0 {
				terms = append(terms, `"`+strings.Join(phrase, " ")+`"`)
			}
			inQuote, phrase = !inQuote, nil
			q = q[len(string(r)):]
		case isWordRune(r):
			end := strings.IndexFunc(q, func(r rune) bool { return !isWordRune(r) })
			if end < 0 {
				end = len(q)
			}
			w := q[:end]
			q = q[end:]
			if strings.HasPrefix(q, "*") {
				w += "*"
				q = q[1:]
			}
			if inQuote {
				phrase = append(phrase, w)
			} else {
				terms = append(terms, `"`+w+`"`)
			}
		default:
			q = q[len(string(r)):]
		}
	}
	if len(phrase) > 0 { // unclosed quote: keep the words as a phrase
		terms = append(terms, `"`+strings.Join(phrase, " ")+`"`)
	}
	if len(terms) == 0 {
		return "", fmt.Errorf("%w: the search has no words to look for", ErrInvalid)
	}
	return strings.Join(terms, " "), nil
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// searchQueries find the body hits, then the note hits; their arguments
// are the snippet markers, the FTS query and a limit (-1: none).
var searchQueries = []string{
	`SELECT c.id, c.headline, snippet(clip_fts, ?, ?, '…', -1, 16), ''
	 FROM clip_fts JOIN clippings c ON c.rid = clip_fts.docid
	 WHERE clip_fts MATCH ? ORDER BY c.date, c.headline, c.id LIMIT ?`,
	`SELECT c.id, c.headline, snippet(note_fts, ?, ?, '…', -1, 16), a.id
	 FROM note_fts JOIN annotations a ON a.rid = note_fts.docid JOIN clippings c ON c.id = a.clipping_id
	 WHERE note_fts MATCH ? AND a.deleted_at IS NULL ORDER BY c.date, c.headline, a.start, a.id LIMIT ?`,
}

// Search finds clippings whose headline or body matches query, then
// annotations whose note matches (tombstoned ones excluded), at most limit
// hits in all (no limit when limit <= 0). Any text is a valid query; see
// ftsQuery for the syntax. Body hits come in date and headline order.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	fq, err := ftsQuery(query)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if limit <= 0 {
		limit = -1
	}
	var hits []SearchHit
	for _, q := range searchQueries {
		if limit >= 0 && len(hits) >= limit {
			break
		}
		n := -1
		if limit >= 0 {
			n = limit - len(hits)
		}
		rows, err := s.db.QueryContext(ctx, q, SnippetOpen, SnippetClose, fq, n)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, classify(err))
		}
		for rows.Next() {
			var h SearchHit
			if err := rows.Scan(&h.ClippingID, &h.Headline, &h.Snippet, &h.AnnotationID); err != nil {
				rows.Close()
				return nil, fmt.Errorf("search %q: %w", query, classify(err))
			}
			hits = append(hits, h)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, classify(err))
		}
	}
	return hits, nil
}

// Search streams what Store.Search returns, without a limit: clippings
// whose headline or body matches query, in date and headline order, then
// annotations whose note matches. Each of the two queries reads its
// matches as they come, so the project stays locked for writes by other
// programs (never for reads) until the hits are read or the caller
// stops.
func (r *Reader) Search(ctx context.Context, query string) iter.Seq2[SearchHit, error] {
	return func(yield func(SearchHit, error) bool) {
		fq, err := ftsQuery(query)
		if err != nil {
			yield(SearchHit{}, fmt.Errorf("search %q: %w", query, err))
			return
		}
		for _, q := range searchQueries {
			rows, err := r.q.QueryContext(ctx, q, SnippetOpen, SnippetClose, fq, -1)
			if err != nil {
				yield(SearchHit{}, fmt.Errorf("search %q: %w", query, classify(err)))
				return
			}
			for rows.Next() {
				var h SearchHit
				if err := rows.Scan(&h.ClippingID, &h.Headline, &h.Snippet, &h.AnnotationID); err != nil {
					rows.Close()
					yield(SearchHit{}, fmt.Errorf("search %q: %w", query, classify(err)))
					return
				}
				if !yield(h, nil) {
					rows.Close()
					return
				}
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(SearchHit{}, fmt.Errorf("search %q: %w", query, classify(err)))
				return
			}
		}
	}
}
