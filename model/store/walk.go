package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"slices"

	"clipper/model"
)

// Walk says what Reader.Walk reads.
type Walk struct {
	// AnnotationFilter selects the clippings (ClippingIDs; none: all) and
	// which of their annotations count (tags, coders, live ones unless
	// IncludeDeleted, with a note).
	AnnotationFilter
	// Body reads each clipping's body (never its Original bytes).
	Body bool
	// Annotations reads each clipping's selected annotations.
	Annotations bool
	// Brief reads the annotations without what exports do not show —
	// Prefix, Suffix, BodyHash, Origin and DeletedAt stay empty — which
	// reads a million of them markedly faster.
	Brief bool
	// Counts counts each clipping's selected annotations per tag.
	Counts bool
	// Annotated leaves out the clippings without a selected annotation.
	Annotated bool
}

// WalkItem is one clipping as Reader.Walk yields it.
type WalkItem struct {
	Clipping model.Clipping
	// Annotations are its selected annotations by start, end and id (with
	// Walk.Annotations).
	Annotations []model.Annotation
	// TagCounts counts its selected annotations per tag id (with
	// Walk.Counts; as CountAnnotations counts).
	TagCounts map[string]int
}

// Walk streams the clippings w selects in the library's order (date,
// headline, id), each with what w asks for, a few hundred clippings per
// query. A clipping id of w.ClippingIDs that is not in the project is
// skipped.
func (r *Reader) Walk(ctx context.Context, w Walk) iter.Seq2[*WalkItem, error] {
	return func(yield func(*WalkItem, error) bool) {
		fail := func(err error) { yield(nil, fmt.Errorf("read clippings: %w", classify(err))) }
		cond, args, err := annFilterSQL(w.AnnotationFilter, "a.")
		if err != nil {
			fail(err)
			return
		}
		next := r.clippingBatches(ctx, w, cond, args)
		for {
			items, err := next()
			if err != nil {
				fail(err)
				return
			}
			if items == nil {
				return
			}
			if len(items) == 0 {
				continue
			}
			if err := r.fillBatch(ctx, w, cond, args, items); err != nil {
				fail(err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if err := ctx.Err(); err != nil {
				fail(err)
				return
			}
		}
	}
}

// clipBatchCols are the clipping columns of a batch, body optional.
func clipBatchCols(body bool) string {
	if body {
		return clipCols
	}
	return `id, body_hash, publication, headline, deck, authors, credit, dateline, date, url, captions,
	section, language, page, words, source_id, details, source_name, imported_at, created_at, updated_at, '' AS body`
}

// clippingBatches returns a function that reads the next batch of
// clippings in library order: nil at the end, possibly empty in between.
// With w.Annotated only clippings holding a selected annotation are read
// (cond, args: the annotation condition on alias a).
func (r *Reader) clippingBatches(ctx context.Context, w Walk, cond string, args []any) func() ([]*WalkItem, error) {
	cols := clipBatchCols(w.Body)
	var having string
	var hargs []any
	if w.Annotated {
		having = ` AND EXISTS (SELECT 1 FROM annotations a WHERE a.clipping_id = c.id` + cond + ` AND ` + aliased(spanReadable, "a.") + `)`
		hargs = args
	}
	if len(w.ClippingIDs) > 0 {
		// The named clippings in library order, then read by id.
		var ordered []string
		done := false
		return func() ([]*WalkItem, error) {
			if !done {
				done = true
				j, err := jsonList(w.ClippingIDs)
				if err != nil {
					return nil, err
				}
				rows, err := r.q.QueryContext(ctx, `SELECT c.id FROM clippings c WHERE c.id IN (SELECT value FROM json_each(?))`+
					having+` ORDER BY c.date, c.headline, c.id`, append([]any{j}, hargs...)...)
				if err != nil {
					return nil, err
				}
				for rows.Next() {
					var id string
					if err := rows.Scan(&id); err != nil {
						rows.Close()
						return nil, err
					}
					ordered = append(ordered, id)
				}
				rows.Close()
				if err := rows.Err(); err != nil {
					return nil, err
				}
			}
			if len(ordered) == 0 {
				return nil, nil
			}
			n := min(batchClippings, len(ordered))
			batch := ordered[:n]
			ordered = ordered[n:]
			j, err := jsonList(batch)
			if err != nil {
				return nil, err
			}
			items, err := r.readClippings(ctx, `SELECT `+cols+` FROM clippings WHERE id IN (SELECT value FROM json_each(?))`, j)
			if err != nil {
				return nil, err
			}
			pos := make(map[string]int, len(batch))
			for i, id := range batch {
				pos[id] = i
			}
			slices.SortFunc(items, func(a, b *WalkItem) int { return pos[a.Clipping.ID] - pos[b.Clipping.ID] })
			return items, nil
		}
	}
	// Every clipping, by keyset on the library order (the values kept as
	// stored, so that the next batch starts exactly after this one).
	var last []any
	end := false
	return func() ([]*WalkItem, error) {
		if end {
			return nil, nil
		}
		q := `SELECT c.date, c.headline, c.id FROM clippings c WHERE 1` + having
		qargs := slices.Clone(hargs)
		if last != nil {
			q += ` AND (c.date, c.headline, c.id) > (?, ?, ?)`
			qargs = append(qargs, last...)
		}
		rows, err := r.q.QueryContext(ctx, q+` ORDER BY c.date, c.headline, c.id LIMIT ?`, append(qargs, batchClippings)...)
		if err != nil {
			return nil, err
		}
		var ids []string
		for rows.Next() {
			var date, headline, id any
			if err := rows.Scan(&date, &headline, &id); err != nil {
				rows.Close()
				return nil, err
			}
			last = []any{keep(date), keep(headline), keep(id)}
			s, _ := id.(string)
			ids = append(ids, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(ids) < batchClippings {
			end = true
		}
		if len(ids) == 0 {
			return nil, nil
		}
		j, err := jsonList(ids)
		if err != nil {
			return nil, err
		}
		items, err := r.readClippings(ctx, `SELECT `+cols+` FROM clippings WHERE id IN (SELECT value FROM json_each(?))`, j)
		if err != nil {
			return nil, err
		}
		pos := make(map[string]int, len(ids))
		for i, id := range ids {
			pos[id] = i
		}
		slices.SortFunc(items, func(a, b *WalkItem) int { return pos[a.Clipping.ID] - pos[b.Clipping.ID] })
		return items, nil
	}
}

// keep copies a scanned value that the driver may reuse.
func keep(v any) any {
	if b, ok := v.([]byte); ok {
		return slices.Clone(b)
	}
	return v
}

// aliased prefixes the columns of spanReadable with alias.
func aliased(cond, alias string) string {
	if alias == "" {
		return cond
	}
	return `(typeof(` + alias + `start) = 'integer' AND typeof(` + alias + `"end") = 'integer' AND ` +
		alias + `start BETWEEN -2147483648 AND 2147483647 AND ` + alias + `"end" BETWEEN -2147483648 AND 2147483647)`
}

// readClippings reads clippings (clipBatchCols) into walk items, emptying
// unusable values (see tolerant.go).
func (r *Reader) readClippings(ctx context.Context, q string, args ...any) ([]*WalkItem, error) {
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []*WalkItem
	var cols lazyCols
	for rows.Next() {
		c, probs, err := readClipping(rows, &cols, false)
		if err != nil {
			return nil, err
		}
		r.s.note(probs)
		items = append(items, &WalkItem{Clipping: c})
	}
	return items, rows.Err()
}

// fillBatch reads the annotations or counts of a batch of clippings.
func (r *Reader) fillBatch(ctx context.Context, w Walk, cond string, args []any, items []*WalkItem) error {
	if !w.Annotations && !w.Counts {
		return nil
	}
	ids := make([]string, len(items))
	at := make(map[string]*WalkItem, len(items))
	for i, it := range items {
		ids[i] = it.Clipping.ID
		at[it.Clipping.ID] = it
	}
	j, err := jsonList(ids)
	if err != nil {
		return err
	}
	qargs := append([]any{j}, args...)
	if w.Annotations {
		cols := annCols
		if w.Brief {
			cols = briefCols
		}
		// The clippings one by one through the index (IN): their rows come
		// in clipping, start, end order without a sort in SQLite; ties of
		// start and end are put in id order here.
		rows, err := r.q.QueryContext(ctx, `SELECT `+cols+`, `+aliased(spanReadable, "a.")+` FROM annotations a
			WHERE a.clipping_id IN (SELECT value FROM json_each(?))`+cond+` ORDER BY a.clipping_id, a.start, a."end"`, qargs...)
		if err != nil {
			return err
		}
		// Room for a typical batch, so that the rows are not copied as
		// the slice grows.
		as := make([]model.Annotation, 0, 24*len(items))
		if w.Brief {
			as, err = r.readBriefRows(ctx, rows, as)
		} else {
			as, err = r.readAnnRows(rows, as)
		}
		rows.Close()
		if err != nil {
			return err
		}
		sortTies(as)
		for i := 0; i < len(as); {
			k := i + 1
			for k < len(as) && as[k].ClippingID == as[i].ClippingID {
				k++
			}
			if it := at[as[i].ClippingID]; it != nil {
				it.Annotations = as[i:k:k]
			}
			i = k
		}
	}
	if w.Counts {
		rows, err := r.q.QueryContext(ctx, `SELECT a.clipping_id, a.tag_id, count(*) FROM annotations a
			WHERE a.clipping_id IN (SELECT value FROM json_each(?))`+cond+` AND `+aliased(spanReadable, "a.")+
			` GROUP BY a.clipping_id, a.tag_id`, qargs...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var clip, tag sql.NullString
			var n int
			if err := rows.Scan(&clip, &tag, &n); err != nil {
				return err
			}
			if it := at[clip.String]; it != nil {
				if it.TagCounts == nil {
					it.TagCounts = map[string]int{}
				}
				it.TagCounts[tag.String] += n
			}
		}
		return rows.Err()
	}
	return nil
}
