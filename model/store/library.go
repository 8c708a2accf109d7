package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	textfind "clipper/model/find"
)

// The library list at scale. A project of 50,000 clippings is listed a
// page at a time: the app asks for the rows it shows (LibraryPage) and
// how many there are (LibraryCount), with filters — tag, coder,
// publication, date range and a full-text search — and a sort order.
// Selections and orders come from the store's library index (libcache.go),
// read once per data version; the rows shown, each with its count of live
// annotations, are read in SQL for that page only.

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
	// Order is the order LibraryPage and LibraryIndex list them in;
	// ClippingSummaries and Texts always use OrderLibrary.
	Order LibraryOrder
}

// LibraryOrder is a sort order of the library list. Headlines and
// publications sort naturally: case and accents aside, numbers by value
// ("Report 2" before "Report 10"); every order ends with the clipping id,
// so it is total.
type LibraryOrder int

const (
	// OrderLibrary is by date, headline and id, undated clippings first
	// (byte order): the order of exports and the command line.
	OrderLibrary LibraryOrder = iota
	// OrderOldest is by date, oldest first, undated clippings last.
	OrderOldest
	// OrderNewest is by date, newest first, undated clippings last.
	OrderNewest
	// OrderHeadline is by headline.
	OrderHeadline
	// OrderPublication is by publication, then oldest first.
	OrderPublication
	// OrderAnnotations is by number of live annotations, most first.
	OrderAnnotations
)

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
			q, qargs := libraryBatch(`SELECT `+summaryCols+` FROM clippings c WHERE 1`+cond, args, last)
			page, l, err := r.readSummaries(ctx, q, qargs...)
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

// libraryBatch completes q, a SELECT of clippings c ending in its WHERE
// conditions (args), to the next batch in library order (date, headline,
// id): the rows after the key last (nil: from the first), at most
// batchClippings of them.
func libraryBatch(q string, args, last []any) (string, []any) {
	qargs := slices.Clone(args)
	if last != nil {
		q += ` AND (c.date, c.headline, c.id) > (?, ?, ?)`
		qargs = append(qargs, last...)
	}
	return q + ` ORDER BY c.date, c.headline, c.id LIMIT ?`, append(qargs, batchClippings)
}

// LibraryPage returns at most limit clippings that f selects, from
// position offset (0-based) of f.Order, each with its number of live
// annotations: the rows a virtualised list shows.
func (s *Store) LibraryPage(ctx context.Context, f LibraryFilter, offset, limit int) ([]ClippingSummary, error) {
	var rids []any
	err := s.librarySelection(ctx, f, func(sn *libSnap, list []int32) error {
		rids = sn.ridsOf(list, offset, limit)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", err)
	}
	return s.summariesOf(ctx, rids)
}

// LibraryPageAfter returns at most limit clippings that f selects that
// come after row last (one LibraryPage or LibraryPageAfter returned) in
// f.Order: the next page as a list scrolls down. last need not be listed
// any more; the page starts where it would be.
func (s *Store) LibraryPageAfter(ctx context.Context, f LibraryFilter, last ClippingSummary, limit int) ([]ClippingSummary, error) {
	var rids []any
	err := s.librarySelection(ctx, f, func(sn *libSnap, list []int32) error {
		k := libClip{headRank: -1, pubRank: -1, id: last.ID, head: last.Headline, pub: last.Publication, date: last.Date, count: int32(last.Annotations)}
		from, _ := slices.BinarySearchFunc(list, &k, func(i int32, k *libClip) int {
			if c := compareClips(f.Order, &sn.clips[i], k); c != 0 {
				return c
			}
			return -1 // last itself comes before the page
		})
		rids = sn.ridsOf(list, from, limit)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", err)
	}
	return s.summariesOf(ctx, rids)
}

// ridsOf returns the rowids (ridID) of list[offset:offset+limit].
func (sn *libSnap) ridsOf(list []int32, offset, limit int) []any {
	offset = min(max(offset, 0), len(list))
	end := min(offset+max(limit, 0), len(list))
	rids := make([]any, 0, end-offset)
	for _, i := range list[offset:end] {
		rids = append(rids, ridID{rid: sn.clips[i].rid, id: sn.clips[i].id})
	}
	return rids
}

// summariesOf reads the summaries of the clippings rids (ridID), in that
// order; a clipping gone meanwhile is left out.
func (s *Store) summariesOf(ctx context.Context, rids []any) ([]ClippingSummary, error) {
	if len(rids) == 0 {
		return nil, nil
	}
	got, _, err := s.Reader().readSummaries(ctx, `SELECT `+summaryCols+` FROM clippings c WHERE c.rid IN (`+
		strings.TrimSuffix(strings.Repeat("?,", len(rids)), ",")+`)`, rids...)
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	byID := make(map[string]ClippingSummary, len(got))
	for _, cs := range got {
		byID[cs.ID] = cs
	}
	page := make([]ClippingSummary, 0, len(rids))
	for _, r := range rids {
		if cs, ok := byID[r.(ridID).id]; ok { // gone meanwhile: left out
			page = append(page, cs)
		}
	}
	return page, nil
}

// ridID is a clipping's rowid and id.
type ridID struct {
	rid int64
	id  string
}

// Value lets a ridID be a query argument: its rowid.
func (r ridID) Value() (driver.Value, error) { return r.rid, nil }

// LibraryCount counts the clippings f selects.
func (s *Store) LibraryCount(ctx context.Context, f LibraryFilter) (int, error) {
	var n int
	err := s.librarySelection(ctx, f, func(_ *libSnap, list []int32) error {
		n = len(list)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count clippings: %w", err)
	}
	return n, nil
}

// LibraryIndex returns the position of clipping id among the clippings f
// selects (in f.Order), or -1 when f does not select it.
func (s *Store) LibraryIndex(ctx context.Context, f LibraryFilter, id string) (int, error) {
	_, at, err := s.LibraryCountIndex(ctx, f, id)
	if err != nil {
		return 0, fmt.Errorf("find clipping %s: %w", id, err)
	}
	return at, nil
}

// LibraryCountIndex counts the clippings f selects and finds the position
// of clipping id among them (in f.Order; -1 when f does not select it or
// id is ""): what a list needs when its filter changes and the open
// clipping stays marked.
func (s *Store) LibraryCountIndex(ctx context.Context, f LibraryFilter, id string) (n, index int, err error) {
	index = -1
	err = s.librarySelection(ctx, f, func(sn *libSnap, list []int32) error {
		n = len(list)
		if p, ok := sn.byID[id]; ok && id != "" {
			index = slices.Index(list, p)
		}
		return nil
	})
	if err != nil {
		return 0, -1, fmt.Errorf("count clippings: %w", err)
	}
	return n, index, nil
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
			q, qargs := libraryBatch(`SELECT c.date, c.headline, c.id, c.body FROM clippings c WHERE 1`+cond, args, last)
			rows, err := r.q.QueryContext(ctx, q, qargs...)
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

// LibraryTotals counts the project's clippings and their live annotations
// (the status bar's figures; the same counts as the summaries').
func (s *Store) LibraryTotals(ctx context.Context) (clippings, annotations int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM clippings),
		(SELECT count(*) FROM annotations WHERE deleted_at IS NULL)`).Scan(&clippings, &annotations)
	if err != nil {
		return 0, 0, fmt.Errorf("count clippings and annotations: %w", classify(err))
	}
	return clippings, annotations, nil
}
