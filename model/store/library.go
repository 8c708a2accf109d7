package store

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	textfind "clipper/model/find"
)

// The library list at scale. A project of 50,000 clippings is listed a
// page at a time: the app asks for the rows it shows (LibraryPage) and
// how many there are (LibraryCount), with the filters applied in SQL —
// tag, coder, publication, date range and a full-text search — and each
// row's count of live annotations computed in SQL for that page only.
// The partial indexes of schema 3 answer the tag and coder filters
// without reading annotation rows.

// LibraryFilter selects the clippings of the library list; the zero value
// selects all of them. Filters combine (AND).
type LibraryFilter struct {
	// TagID and CoderID keep the clippings with a live annotation of that
	// tag, by that coder; both set: one annotation of both.
	TagID, CoderID string
	// Publication keeps the clippings of exactly that publication.
	Publication string
	// DateFrom and DateTo ("YYYY-MM-DD", inclusive; either may be empty)
	// keep the clippings dated in that range; a clipping without a date
	// is left out when either is set.
	DateFrom, DateTo string
	// Search keeps the clippings whose headline or text, or one of whose
	// live annotations' note, matches this full-text query (see Search
	// for the syntax).
	Search string
}

// where is the condition on clippings c (with a leading " AND ", or "")
// and its arguments.
func (f LibraryFilter) where() (string, []any, error) {
	var conds []string
	var args []any
	switch {
	case f.TagID != "" && f.CoderID != "":
		conds = append(conds, `EXISTS (SELECT 1 FROM annotations a WHERE a.clipping_id = c.id AND a.deleted_at IS NULL
			AND a.tag_id = ? AND a.coder_id = ?)`)
		args = append(args, f.TagID, f.CoderID)
	case f.TagID != "":
		conds = append(conds, `EXISTS (SELECT 1 FROM annotations a
			WHERE a.tag_id = ? AND a.clipping_id = c.id AND a.deleted_at IS NULL)`)
		args = append(args, f.TagID)
	case f.CoderID != "":
		conds = append(conds, `EXISTS (SELECT 1 FROM annotations a
			WHERE a.coder_id = ? AND a.clipping_id = c.id AND a.deleted_at IS NULL)`)
		args = append(args, f.CoderID)
	}
	if f.Publication != "" {
		conds = append(conds, `c.publication = ?`)
		args = append(args, f.Publication)
	}
	for _, d := range []struct{ v, op string }{{f.DateFrom, ">="}, {f.DateTo, "<="}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return "", nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrInvalid, d.v)
		}
		conds = append(conds, `c.date <> '' AND c.date `+d.op+` ?`)
		args = append(args, d.v)
	}
	if strings.TrimSpace(f.Search) != "" {
		fq, err := ftsQuery(f.Search)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, `(c.rid IN (SELECT docid FROM clip_fts WHERE clip_fts MATCH ?)
			OR c.id IN (SELECT a.clipping_id FROM note_fts JOIN annotations a ON a.rid = note_fts.docid
				WHERE note_fts MATCH ? AND a.deleted_at IS NULL))`)
		args = append(args, fq, fq)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " AND " + strings.Join(conds, " AND "), args, nil
}

// summaryCols are the columns of a ClippingSummary, its live annotations
// counted through the covering index annotations_clipping.
const summaryCols = `c.id, c.headline, c.publication, c.date, c.source_name, c.imported_at,
	(SELECT count(*) FROM annotations a WHERE a.clipping_id = c.id AND a.deleted_at IS NULL)`

// readSummaries reads summaryCols rows.
func (r *Reader) readSummaries(ctx context.Context, q string, args ...any) ([]ClippingSummary, []any, error) {
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []ClippingSummary
	var last []any
	for rows.Next() {
		var cs ClippingSummary
		var id, headline, pub, date, source, imported any
		if err := rows.Scan(&id, &headline, &pub, &date, &source, &imported, &cs.Annotations); err != nil {
			return nil, nil, err
		}
		last = []any{keep(date), keep(headline), keep(id)}
		cs.ID, cs.Headline, cs.Publication, cs.Date, cs.SourceName =
			textOf(id), textOf(headline), textOf(pub), textOf(date), textOf(source)
		var err error
		if cs.ImportedAt, err = parseTime(textOf(imported)); err != nil {
			r.s.note([]Problem{{Table: "clippings", ID: cs.ID, Column: "imported_at",
				Problem: "imported_at " + checkTime(textOf(imported)).Error()}})
		}
		out = append(out, cs)
	}
	return out, last, rows.Err()
}

// textOf is a scanned TEXT value as a string ("" for anything else).
func textOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// ClippingSummaries streams the clippings f selects in library order
// (date, headline, id), a few hundred per query, each with its number of
// live annotations.
func (r *Reader) ClippingSummaries(ctx context.Context, f LibraryFilter) iter.Seq2[ClippingSummary, error] {
	return func(yield func(ClippingSummary, error) bool) {
		fail := func(err error) { yield(ClippingSummary{}, fmt.Errorf("list clippings: %w", classify(err))) }
		cond, args, err := f.where()
		if err != nil {
			fail(err)
			return
		}
		var last []any
		for {
			q := `SELECT ` + summaryCols + ` FROM clippings c WHERE 1` + cond
			qargs := append([]any(nil), args...)
			if last != nil {
				q += ` AND (c.date, c.headline, c.id) > (?, ?, ?)`
				qargs = append(qargs, last...)
			}
			page, l, err := r.readSummaries(ctx, q+` ORDER BY c.date, c.headline, c.id LIMIT ?`, append(qargs, batchClippings)...)
			if err != nil {
				fail(err)
				return
			}
			for _, s := range page {
				if !yield(s, nil) {
					return
				}
			}
			if len(page) < batchClippings {
				return
			}
			last = l
		}
	}
}

// LibraryPage returns at most limit clippings that f selects, from
// position offset (0-based) of the library order, each with its number of
// live annotations: the rows a virtualised list shows.
func (s *Store) LibraryPage(ctx context.Context, f LibraryFilter, offset, limit int) ([]ClippingSummary, error) {
	cond, args, err := f.where()
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", err)
	}
	page, _, err := s.Reader().readSummaries(ctx, `SELECT `+summaryCols+` FROM clippings c WHERE 1`+cond+
		` ORDER BY c.date, c.headline, c.id LIMIT ? OFFSET ?`, append(args, max(limit, 0), max(offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	return page, nil
}

// LibraryCount counts the clippings f selects.
func (s *Store) LibraryCount(ctx context.Context, f LibraryFilter) (int, error) {
	cond, args, err := f.where()
	if err != nil {
		return 0, fmt.Errorf("count clippings: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM clippings c WHERE 1`+cond, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count clippings: %w", classify(err))
	}
	return n, nil
}

// LibraryIndex returns the position of clipping id among the clippings f
// selects (library order), or -1 when f does not select it.
func (s *Store) LibraryIndex(ctx context.Context, f LibraryFilter, id string) (int, error) {
	cond, args, err := f.where()
	if err != nil {
		return 0, fmt.Errorf("find clipping %s: %w", id, err)
	}
	var in int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM clippings c WHERE c.id = ?`+cond, append([]any{id}, args...)...).Scan(&in)
	if err != nil {
		return 0, fmt.Errorf("find clipping %s: %w", id, classify(err))
	}
	if in == 0 {
		return -1, nil
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM clippings c, (SELECT date, headline, id FROM clippings WHERE id = ?) k
		WHERE (c.date, c.headline, c.id) < (k.date, k.headline, k.id)`+cond, append([]any{id}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("find clipping %s: %w", id, classify(err))
	}
	return n, nil
}

// Publications lists the distinct publications of the project's
// clippings, in order (for the library's publication filter).
func (s *Store) Publications(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT publication FROM clippings WHERE publication <> '' ORDER BY publication`)
	if err != nil {
		return nil, fmt.Errorf("list publications: %w", classify(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p any
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("list publications: %w", classify(err))
		}
		out = append(out, textOf(p))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list publications: %w", classify(err))
	}
	return out, nil
}

// Texts streams the id, headline and body of the clippings f selects, in
// library order, a few hundred per query: what a project-wide find
// searches (Matcher.Search of package clipper/model/find).
func (r *Reader) Texts(ctx context.Context, f LibraryFilter) iter.Seq2[textfind.Text, error] {
	return func(yield func(textfind.Text, error) bool) {
		fail := func(err error) { yield(textfind.Text{}, fmt.Errorf("read texts: %w", classify(err))) }
		cond, args, err := f.where()
		if err != nil {
			fail(err)
			return
		}
		var last []any
		for {
			q := `SELECT c.date, c.headline, c.id, c.body FROM clippings c WHERE 1` + cond
			qargs := append([]any(nil), args...)
			if last != nil {
				q += ` AND (c.date, c.headline, c.id) > (?, ?, ?)`
				qargs = append(qargs, last...)
			}
			rows, err := r.q.QueryContext(ctx, q+` ORDER BY c.date, c.headline, c.id LIMIT ?`, append(qargs, batchClippings)...)
			if err != nil {
				fail(err)
				return
			}
			var page []textfind.Text
			for rows.Next() {
				var date, headline, id, body any
				if err := rows.Scan(&date, &headline, &id, &body); err != nil {
					rows.Close()
					fail(err)
					return
				}
				last = []any{keep(date), keep(headline), keep(id)}
				page = append(page, textfind.Text{ClippingID: textOf(id), Headline: textOf(headline), Body: textOf(body)})
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				fail(err)
				return
			}
			for _, t := range page {
				if !yield(t, nil) {
					return
				}
			}
			if len(page) < batchClippings {
				return
			}
		}
	}
}
