package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"clipper/model"
)

// AddResult reports what happened to one clipping given to AddClippings.
// With Duplicate, a clipping with the same body (hash) already existed —
// in the project or earlier in the same batch — and ID is that clipping.
type AddResult struct {
	ID        string
	Duplicate bool
	Headline  string
}

// ClippingSummary is one row of the library list.
type ClippingSummary struct {
	ID, Headline, Publication, Date, SourceName string
	Annotations                                 int // live (not deleted) annotations
	ImportedAt                                  time.Time
}

// clipRow is a clipping validated and encoded for storage.
type clipRow struct {
	c        *model.Clipping
	hash     string
	enc      encodedMeta
	imported time.Time
}

// encodedMeta holds a Metadata's lists encoded as the JSON arrays the
// clippings table stores.
type encodedMeta struct {
	authors, captions, details string
}

// maxLanguage is the longest language tag stored (BCP 47's practical limit).
const maxLanguage = 35

// checkMetadata validates m and encodes its lists as JSON.
func checkMetadata(m model.Metadata) (encodedMeta, error) {
	if m.Date != "" {
		if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
			return encodedMeta{}, fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrInvalid, m.Date)
		}
	}
	texts := []string{m.Publication, m.Headline, m.Deck, m.Credit, m.Dateline, m.URL, m.Section, m.Language, m.Page, m.SourceID}
	texts = append(texts, m.Authors...)
	for _, c := range m.Captions {
		texts = append(texts, c.Credit, c.Text)
	}
	for _, d := range m.Details {
		if d.Key == "" {
			return encodedMeta{}, fmt.Errorf("%w: a detail has no label (value %q)", ErrInvalid, d.Value)
		}
		texts = append(texts, d.Key, d.Value)
	}
	for _, f := range texts {
		if !utf8.ValidString(f) {
			return encodedMeta{}, fmt.Errorf("%w: metadata %q is not valid UTF-8", ErrInvalid, f)
		}
	}
	if len(m.Language) > maxLanguage {
		return encodedMeta{}, fmt.Errorf("%w: language %q is longer than %d characters", ErrInvalid, m.Language, maxLanguage)
	}
	if m.Words < 0 {
		return encodedMeta{}, fmt.Errorf("%w: length %d words is negative", ErrInvalid, m.Words)
	}
	var e encodedMeta
	for _, x := range []struct {
		what string
		v    any
		to   *string
	}{
		{"authors", orEmpty(m.Authors), &e.authors},
		{"captions", orEmpty(m.Captions), &e.captions},
		{"details", orEmpty(m.Details), &e.details},
	} {
		b, err := json.Marshal(x.v)
		if err != nil {
			return encodedMeta{}, fmt.Errorf("encode %s: %w", x.what, err)
		}
		*x.to = string(b)
	}
	return e, nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// AddClippings adds clippings in one transaction. A clipping whose body
// is already in the project (same hash), or earlier in cs, is not added
// and reported as Duplicate. New clippings get ID, BodyHash, CreatedAt,
// UpdatedAt and (when zero) ImportedAt set. Bodies must be non-empty,
// valid UTF-8; dates "" or YYYY-MM-DD.
func (s *Store) AddClippings(ctx context.Context, cs []*model.Clipping) ([]AddResult, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	rows := make([]clipRow, len(cs))
	for i, c := range cs {
		if c == nil {
			return nil, fmt.Errorf("add clippings: %w: clipping %d is nil", ErrInvalid, i)
		}
		if c.Body == "" || !utf8.ValidString(c.Body) {
			return nil, fmt.Errorf("add clippings: %w: clipping %d (%q) has an empty or non-UTF-8 body", ErrInvalid, i, c.Headline)
		}
		enc, err := checkMetadata(c.Metadata)
		if err != nil {
			return nil, fmt.Errorf("add clippings: clipping %d (%q): %w", i, c.Headline, err)
		}
		imp := c.ImportedAt.UTC().Truncate(time.Millisecond)
		if c.ImportedAt.IsZero() {
			imp = nowUTC()
		}
		rows[i] = clipRow{c: c, hash: model.HashBody(c.Body), enc: enc, imported: imp}
	}
	res := make([]AddResult, len(cs))
	var newIDs []string
	now := nowUTC()
	err := s.write(ctx, fmt.Sprintf("add %d clippings", len(cs)), func(tx *wtx) error {
		newIDs = newIDs[:0]
		find, err := tx.PrepareContext(ctx, `SELECT id, headline FROM clippings WHERE body_hash = ?`)
		if err != nil {
			return err
		}
		defer find.Close()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO clippings
			(id, body_hash, publication, headline, deck, authors, credit, dateline, date, url, captions,
			 section, language, page, words, source_id, details,
			 source_name, imported_at, created_at, updated_at, body, original)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		fts, err := tx.PrepareContext(ctx, `INSERT INTO clip_fts (docid, headline, body) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer fts.Close()
		seen := map[string]AddResult{}
		ts := fmtTime(now)
		for i, r := range rows {
			if prev, ok := seen[r.hash]; ok {
				res[i] = AddResult{ID: prev.ID, Duplicate: true, Headline: prev.Headline}
				newIDs = append(newIDs, "")
				continue
			}
			var old AddResult
			err := find.QueryRowContext(ctx, r.hash).Scan(&old.ID, &old.Headline)
			if err == nil {
				old.Duplicate = true
				res[i], seen[r.hash] = old, old
				newIDs = append(newIDs, "")
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			id, err := newID()
			if err != nil {
				return err
			}
			c := r.c
			var orig any
			if len(c.Original) > 0 {
				orig = c.Original
			}
			x, err := ins.ExecContext(ctx, id, r.hash, c.Publication, c.Headline, c.Deck, r.enc.authors, c.Credit,
				c.Dateline, c.Date, c.URL, r.enc.captions, c.Section, c.Language, c.Page, c.Words, c.SourceID,
				r.enc.details, c.SourceName, fmtTime(r.imported), ts, ts, c.Body, orig)
			if err != nil {
				return fmt.Errorf("clipping %d (%q): %w", i, c.Headline, err)
			}
			rid, err := x.LastInsertId()
			if err != nil {
				return err
			}
			if _, err := fts.ExecContext(ctx, rid, c.Headline, c.Body); err != nil {
				return fmt.Errorf("index clipping %d (%q): %w", i, c.Headline, err)
			}
			res[i] = AddResult{ID: id, Headline: c.Headline}
			seen[r.hash] = res[i]
			newIDs = append(newIDs, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, id := range newIDs {
		if id == "" {
			continue
		}
		c := rows[i].c
		c.ID, c.BodyHash, c.ImportedAt, c.CreatedAt, c.UpdatedAt = id, rows[i].hash, rows[i].imported, now, now
	}
	return res, nil
}

// AddClipping adds one clipping; see AddClippings.
func (s *Store) AddClipping(ctx context.Context, c *model.Clipping) (AddResult, error) {
	res, err := s.AddClippings(ctx, []*model.Clipping{c})
	if err != nil {
		return AddResult{}, err
	}
	return res[0], nil
}

// clipCols are the columns scanClipping reads, in order.
const clipCols = `id, body_hash, publication, headline, deck, authors, credit, dateline, date, url, captions,
	section, language, page, words, source_id, details, source_name, imported_at, created_at, updated_at, body`

type scanner interface{ Scan(dest ...any) error }

// scanClipping reads clipCols (plus original when orig) into a clipping.
func scanClipping(sc scanner, orig bool) (model.Clipping, error) {
	var c model.Clipping
	var authors, captions, details, imported, created, updated string
	dest := []any{&c.ID, &c.BodyHash, &c.Publication, &c.Headline, &c.Deck, &authors, &c.Credit, &c.Dateline,
		&c.Date, &c.URL, &captions, &c.Section, &c.Language, &c.Page, &c.Words, &c.SourceID, &details,
		&c.SourceName, &imported, &created, &updated, &c.Body}
	if orig {
		dest = append(dest, &c.Original)
	}
	if err := sc.Scan(dest...); err != nil {
		return c, err
	}
	// Most lists are empty: "[]" needs no JSON decoder.
	if authors != "[]" {
		if err := json.Unmarshal([]byte(authors), &c.Authors); err != nil {
			return c, fmt.Errorf("clipping %s: bad authors %q: %w", c.ID, authors, err)
		}
	}
	if captions != "[]" {
		if err := json.Unmarshal([]byte(captions), &c.Captions); err != nil {
			return c, fmt.Errorf("clipping %s: bad captions %q: %w", c.ID, captions, err)
		}
	}
	if details != "[]" {
		if err := json.Unmarshal([]byte(details), &c.Details); err != nil {
			return c, fmt.Errorf("clipping %s: bad details %q: %w", c.ID, details, err)
		}
	}
	emptyLists(&c)
	var err error
	if c.ImportedAt, err = parseTime(imported); err != nil {
		return c, err
	}
	if c.CreatedAt, err = parseTime(created); err != nil {
		return c, err
	}
	c.UpdatedAt, err = parseTime(updated)
	return c, err
}

// Clipping returns one clipping with its Original bytes; ErrNotFound if
// there is none. An unusable stored value is returned emptied and noted
// (see Problems).
func (s *Store) Clipping(ctx context.Context, id string) (model.Clipping, error) {
	return s.clippingFrom(ctx, s.db, id)
}

// clippingFrom is Clipping read through q.
func (s *Store) clippingFrom(ctx context.Context, q queryer, id string) (model.Clipping, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+clipCols+`, original FROM clippings WHERE id = ?`, id)
	if err != nil {
		return model.Clipping{}, fmt.Errorf("clipping %q: %w", id, classify(err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.Clipping{}, fmt.Errorf("clipping %q: %w", id, classify(err))
		}
		return model.Clipping{}, fmt.Errorf("clipping %q: %w", id, ErrNotFound)
	}
	c, probs, err := readClipping(rows, &lazyCols{}, true)
	if err != nil {
		return model.Clipping{}, fmt.Errorf("clipping %q: %w", id, classify(err))
	}
	s.note(probs)
	return c, nil
}

// Clippings returns the clippings with the given ids, or all clippings
// when no ids are given, without their Original bytes, ordered by date
// then headline. A missing id gives ErrNotFound. Unusable stored values
// are returned emptied and noted (see Problems).
func (s *Store) Clippings(ctx context.Context, ids ...string) ([]model.Clipping, error) {
	q := `SELECT ` + clipCols + ` FROM clippings`
	var args []any
	if len(ids) > 0 {
		j, err := json.Marshal(ids)
		if err != nil {
			return nil, fmt.Errorf("list clippings: %w", err)
		}
		q += ` WHERE id IN (SELECT value FROM json_each(?))`
		args = append(args, string(j))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY date, headline, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	defer rows.Close()
	var cs []model.Clipping
	var cols lazyCols
	for rows.Next() {
		c, probs, err := readClipping(rows, &cols, false)
		if err != nil {
			return nil, fmt.Errorf("list clippings: %w", classify(err))
		}
		s.note(probs)
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	if len(ids) > 0 {
		found := make(map[string]bool, len(cs))
		for _, c := range cs {
			found[c.ID] = true
		}
		for _, id := range ids {
			if !found[id] {
				return nil, fmt.Errorf("list clippings: clipping %q: %w", id, ErrNotFound)
			}
		}
	}
	return cs, nil
}

// ClippingSummaries lists every clipping for the library pane, ordered by
// date then headline, with its number of live annotations (an unusable
// import time reads as the zero time and is noted, see Problems). SQLite reads
// only two covering indexes: clippings_list for the rows and one scan of
// annotations_clipping for the counts (cheaper than a lookup per row).
func (s *Store) ClippingSummaries(ctx context.Context) ([]ClippingSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.headline, c.publication, c.date, c.source_name, c.imported_at,
		coalesce(n.k, 0)
		FROM clippings c LEFT JOIN (SELECT clipping_id, count(*) AS k FROM annotations
			WHERE deleted_at IS NULL GROUP BY clipping_id) n ON n.clipping_id = c.id
		ORDER BY c.date, c.headline, c.id`)
	if err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	defer rows.Close()
	var out []ClippingSummary
	for rows.Next() {
		var cs ClippingSummary
		var imported string
		if err := rows.Scan(&cs.ID, &cs.Headline, &cs.Publication, &cs.Date, &cs.SourceName, &imported, &cs.Annotations); err != nil {
			return nil, fmt.Errorf("list clippings: %w", classify(err))
		}
		if cs.ImportedAt, err = parseTime(imported); err != nil {
			s.note([]Problem{{Table: "clippings", ID: cs.ID, Column: "imported_at",
				Problem: "imported_at " + checkTime(imported).Error()}})
		}
		out = append(out, cs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list clippings: %w", classify(err))
	}
	return out, nil
}

// UpdateMetadata replaces the metadata of clipping id (the body never
// changes here) and re-indexes its headline for search.
func (s *Store) UpdateMetadata(ctx context.Context, id string, m model.Metadata) error {
	enc, err := checkMetadata(m)
	if err != nil {
		return fmt.Errorf("update clipping %s: %w", id, err)
	}
	return s.write(ctx, fmt.Sprintf("update clipping %s", id), func(tx *wtx) error {
		var rid int64
		var headline, body string
		err := tx.QueryRowContext(ctx, `SELECT rid, headline, body FROM clippings WHERE id = ?`, id).Scan(&rid, &headline, &body)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("clipping %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		reindex := headline != m.Headline
		if reindex {
			// External-content FTS4 reads the terms to remove from the
			// content row, so unindex before the row changes.
			if _, err := tx.ExecContext(ctx, `DELETE FROM clip_fts WHERE docid = ?`, rid); err != nil {
				return fmt.Errorf("unindex headline: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clippings SET publication = ?, headline = ?, deck = ?, authors = ?,
			credit = ?, dateline = ?, date = ?, url = ?, captions = ?, section = ?, language = ?, page = ?,
			words = ?, source_id = ?, details = ?, updated_at = ? WHERE rid = ?`,
			m.Publication, m.Headline, m.Deck, enc.authors, m.Credit, m.Dateline, m.Date, m.URL, enc.captions,
			m.Section, m.Language, m.Page, m.Words, m.SourceID, enc.details, fmtTime(nowUTC()), rid); err != nil {
			return err
		}
		if reindex {
			if _, err := tx.ExecContext(ctx, `INSERT INTO clip_fts (docid, headline, body) VALUES (?, ?, ?)`,
				rid, m.Headline, body); err != nil {
				return fmt.Errorf("index headline: %w", err)
			}
		}
		return nil
	})
}

// clippingText is what annotations need of their clipping.
type clippingText struct {
	body, hash string
}

// loadText reads a clipping's body and hash inside tx; ErrNotFound if
// there is none.
func loadText(ctx context.Context, tx *wtx, id string) (clippingText, error) {
	if tx.save != nil && tx.save.textOf == id {
		return tx.save.text, nil
	}
	var t clippingText
	err := tx.queryRow(`SELECT body, body_hash FROM clippings WHERE id = ?`, id).Scan(&t.body, &t.hash)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("clipping %q: %w", id, ErrNotFound)
	}
	if err == nil && tx.save != nil {
		tx.save.textOf, tx.save.text = id, t
	}
	return t, err
}

// ClippingsExist reports which of ids are clippings of the project.
func (s *Store) ClippingsExist(ctx context.Context, ids []string) (map[string]bool, error) {
	j, err := jsonList(ids)
	if err != nil {
		return nil, fmt.Errorf("find clippings: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM clippings WHERE id IN (SELECT value FROM json_each(?))`, j)
	if err != nil {
		return nil, fmt.Errorf("find clippings: %w", classify(err))
	}
	defer rows.Close()
	found := make(map[string]bool, len(ids))
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find clippings: %w", classify(err))
		}
		found[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find clippings: %w", classify(err))
	}
	return found, nil
}
