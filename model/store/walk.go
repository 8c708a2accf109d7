package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

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
	// Headings reads of each clipping only its ID, Publication, Headline
	// and Date (and Body with Body): what an annotation table shows.
	Headings bool
	// Annotations reads each clipping's selected annotations.
	Annotations bool
	// Brief reads the annotations without what exports do not show —
	// Prefix, Suffix, BodyHash, Origin and DeletedAt stay empty — which
	// reads a million of them markedly faster.
	Brief bool
	// Spans reads of each annotation only its ID, ClippingID, TagID,
	// CoderID, Start and End: what a comparison of coders needs. It wins
	// over Brief.
	Spans bool
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
// skipped. Two connections read alternate batches on two goroutines — a
// Snapshot's second one joins its read transaction, so both read the
// same state — and the batches are yielded in order.
func (r *Reader) Walk(ctx context.Context, w Walk) iter.Seq2[*WalkItem, error] {
	return func(yield func(*WalkItem, error) bool) {
		fail := func(err error) { yield(nil, fmt.Errorf("read clippings: %w", classify(err))) }
		cond, args, err := annFilterSQL(w.AnnotationFilter, "a.")
		if err != nil {
			fail(err)
			return
		}
		workers := []*Reader{r}
		if r.more != nil {
			r2, err := r.more(ctx)
			if err != nil {
				fail(err)
				return
			}
			if r2 != nil {
				workers = append(workers, r2)
			}
		}
		ctx, cancel := context.WithCancel(ctx)
		type result struct {
			items []*WalkItem
			err   error
		}
		n := len(workers)
		jobs := make([]chan []string, n)
		results := make([]chan result, n)
		var wg sync.WaitGroup
		for i, wr := range workers {
			jobs[i], results[i] = make(chan []string, 1), make(chan result, 1)
			wg.Go(func() {
				defer close(results[i])
				for ids := range jobs[i] {
					items, err := wr.fill(ctx, w, cond, args, ids)
					select {
					case results[i] <- result{items, err}:
					case <-ctx.Done():
						return
					}
					if err != nil {
						return
					}
				}
			})
		}
		defer func() {
			cancel() // stops the dispatcher and the workers when the caller stops early
			wg.Wait()
		}()
		// The batches of ids, in order, go to the workers in turn; the
		// dispatcher ends every job channel when the batches run out.
		dispatchErr := make(chan error, 1)
		go func() {
			defer func() {
				for _, j := range jobs {
					close(j)
				}
			}()
			next := r.idBatches(ctx, w, cond, args)
			for k := 0; ; k++ {
				ids, err := next()
				if err != nil {
					dispatchErr <- err
					return
				}
				if ids == nil {
					return
				}
				select {
				case jobs[k%n] <- ids:
				case <-ctx.Done():
					return
				}
			}
		}()
		for k := 0; ; k++ {
			res, ok := <-results[k%n]
			if !ok {
				select {
				case err := <-dispatchErr:
					fail(err)
				default:
					if err := ctx.Err(); err != nil {
						fail(err)
					}
				}
				return
			}
			if res.err != nil {
				fail(res.err)
				return
			}
			for _, it := range res.items {
				if !yield(it, nil) {
					return
				}
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

// idBatches returns a function that gives the ids of the next batch of
// clippings in library order: nil at the end, never empty before it.
// With w.Annotated only clippings holding a selected annotation are read
// (cond, args: the annotation condition on alias a).
func (r *Reader) idBatches(ctx context.Context, w Walk, cond string, args []any) func() ([]string, error) {
	var having string
	var hargs []any
	if w.Annotated {
		having = ` AND EXISTS (SELECT 1 FROM annotations a WHERE a.clipping_id = c.id` + cond + ` AND ` + aliased(spanReadable, "a.") + `)`
		hargs = args
	}
	if len(w.ClippingIDs) > 0 {
		// The named clippings in library order.
		var ordered []string
		done := false
		return func() ([]string, error) {
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
			batch := ordered[:n:n]
			ordered = ordered[n:]
			return batch, nil
		}
	}
	// Every clipping, by keyset on the library order (the values kept as
	// stored, so that the next batch starts exactly after this one).
	var last []any
	end := false
	return func() ([]string, error) {
		for !end {
			q, qargs := libraryBatch(`SELECT c.date, c.headline, c.id FROM clippings c WHERE 1`+having, hargs, last)
			rows, err := r.q.QueryContext(ctx, q, qargs...)
			if err != nil {
				return nil, err
			}
			var ids []string
			read := 0
			for rows.Next() {
				var date, headline, id any
				if err := rows.Scan(&date, &headline, &id); err != nil {
					rows.Close()
					return nil, err
				}
				read++
				last = []any{keep(date), keep(headline), keep(id)}
				if s, ok := id.(string); ok {
					ids = append(ids, s)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
			if read < batchClippings {
				end = true
			}
			if len(ids) > 0 {
				return ids, nil
			}
		}
		return nil, nil
	}
}

// fill reads the clippings ids (in that order) with what w asks for.
func (r *Reader) fill(ctx context.Context, w Walk, cond string, args []any, ids []string) ([]*WalkItem, error) {
	cols := clipBatchCols(w.Body)
	read := r.readClippings
	if w.Headings {
		cols = `id, publication, headline, date`
		if w.Body {
			cols += `, body`
		}
		read = r.readHeadings
	}
	j, err := jsonList(ids)
	if err != nil {
		return nil, err
	}
	items, err := read(ctx, `SELECT `+cols+` FROM clippings WHERE id IN (SELECT value FROM json_each(?))`, j)
	if err != nil {
		return nil, err
	}
	pos := make(map[string]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(items, func(a, b *WalkItem) int { return pos[a.Clipping.ID] - pos[b.Clipping.ID] })
	if err := r.fillBatch(ctx, w, cond, args, items); err != nil {
		return nil, err
	}
	return items, nil
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

// readHeadings reads clippings' id, publication, headline, date and,
// when selected, body into walk items; a value that is not text reads as
// its text form (every column is TEXT NOT NULL, so only a hand edit gets
// there).
func (r *Reader) readHeadings(ctx context.Context, q string, args ...any) ([]*WalkItem, error) {
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var items []*WalkItem
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		it := &WalkItem{}
		c := &it.Clipping
		c.ID, c.Publication, c.Headline, c.Date = textOf(vals[0]), textOf(vals[1]), textOf(vals[2]), textOf(vals[3])
		if len(vals) > 4 {
			c.Body = textOf(vals[4])
		}
		items = append(items, it)
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
		switch {
		case w.Spans:
			cols = spanCols
		case w.Brief:
			cols = briefCols
		}
		// The clippings one by one through the index (IN): their rows come
		// in clipping, start, end order without a sort in SQLite; ties of
		// start and end are put in id order here. Live annotations of a
		// few tags come through annotations_tag instead (tag and clipping),
		// sorted per batch: through annotations_clipping every annotation
		// of the clippings would be read to test its tag.
		q := `SELECT ` + cols + `, ` + aliased(spanReadable, "a.") + ` FROM annotations a%s
			WHERE a.clipping_id IN (SELECT value FROM json_each(?))` + cond + ` ORDER BY a.clipping_id, a.start, a."end"`
		byTag := len(w.TagIDs) > 0 && !w.IncludeDeleted
		var rows *sql.Rows
		if byTag {
			rows, err = r.q.QueryContext(ctx, fmt.Sprintf(q, ` INDEXED BY annotations_tag`), qargs...)
		}
		if !byTag || err != nil && strings.Contains(err.Error(), "index") {
			// A project without the index (an older or damaged one) reads
			// the plain way.
			rows, err = r.q.QueryContext(ctx, fmt.Sprintf(q, ""), qargs...)
		}
		if err != nil {
			return err
		}
		// Room for a typical batch, so that the rows are not copied as
		// the slice grows.
		as := make([]model.Annotation, 0, 24*len(items))
		switch {
		case w.Spans:
			as, err = r.readSpanRows(ctx, rows, as)
		case w.Brief:
			as, err = r.readBriefRows(ctx, rows, as)
		default:
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
