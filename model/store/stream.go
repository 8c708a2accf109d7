package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"clipper/model"
)

// Streaming reads. A project may hold a million annotations; the readers
// of this file hand them out in bounded batches — a few hundred clippings
// or a few thousand annotations per query, read in full and then yielded
// — so that a caller's memory does not grow with the project. Each batch
// is one short query: outside a Snapshot, another program may write
// between two batches (a reader never sees a row twice, but may or may not
// see a row added meanwhile).
//
// An annotation whose span is not stored as two whole numbers (see
// spanReadable) cannot be placed, so the readers leave it out and note it
// (see Problems), and the counts leave it out too, so that a count and the
// rows read agree.

// Batch sizes of the streaming readers.
const (
	batchClippings   = 256  // clippings per query
	batchAnnotations = 4096 // annotations per query, about (whole clippings)
)

// spanReadable is true for an annotation row whose span the readers can
// use: start and end stored as integers that fit an int32, as the
// tolerant reader requires (cells.integer).
const spanReadable = `(typeof(start) = 'integer' AND typeof("end") = 'integer' AND ` +
	`start BETWEEN -2147483648 AND 2147483647 AND "end" BETWEEN -2147483648 AND 2147483647)`

// Reader reads a project in streams: a Store's (Store.Reader), whose
// batches each read the file as it is then, or a Snapshot's, whose
// batches all read the file as it was when the snapshot was taken.
type Reader struct {
	q queryer
	s *Store
	// more returns a reader on a second connection that reads the same
	// state, for reading batches in parallel.
	more func(ctx context.Context) (*Reader, error)
}

// Reader returns the store's streaming reader.
func (s *Store) Reader() *Reader {
	r := &Reader{q: s.db, s: s}
	r.more = func(context.Context) (*Reader, error) { return &Reader{q: s.db, s: s}, nil }
	return r
}

// Snapshot is a Reader that reads the project as it was when the snapshot
// was taken, through one read transaction: counts and rows agree however
// long the reading takes. While it is open, another program cannot commit
// a write to the file (it waits, see busy.go): close it as soon as the
// reading is done.
type Snapshot struct {
	*Reader
	mu      sync.Mutex
	txs     []snapTx // the first, then the second connection's
	extra   *Reader  // the second connection's reader, once opened
	noExtra bool     // the second connection could not join: read on one
}

// snapTx is one connection of a snapshot in its read transaction.
type snapTx struct {
	conn *sql.Conn
}

// Snapshot starts a read transaction on a connection of its own. It waits
// (like every operation of the store) while another program holds the
// file's exclusive lock.
func (s *Store) Snapshot(ctx context.Context) (*Snapshot, error) {
	st, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	sn := &Snapshot{txs: []snapTx{st}}
	sn.Reader = &Reader{q: st.conn, s: s, more: sn.second}
	return sn, nil
}

// beginRead opens a connection and a deferred read transaction that holds
// the file's shared lock from the start. The store's connections begin
// their transactions IMMEDIATE (a write transaction takes its lock at
// once); a read must not take the write lock, so this one is begun by
// hand.
func (s *Store) beginRead(ctx context.Context) (snapTx, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return snapTx{}, classify(err)
	}
	err = s.wait.retry(ctx, func() error {
		if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
			return err
		}
		// A deferred transaction takes its lock at the first read; read
		// now, so that a busy file is waited for here and not in the
		// middle of the caller's reading.
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
			return err
		}
		return nil
	})
	if err != nil {
		conn.Close()
		return snapTx{}, classify(err)
	}
	return snapTx{conn}, nil
}

// second returns a reader on a second connection in the same state, or
// nil when there is none: its read transaction starts while the first one
// holds the file's shared lock, so no write can have been committed in
// between. It does not wait: a writer waiting to commit (for the first
// connection's lock) shuts out new readers, and waiting for it would wait
// for ourselves; the snapshot then reads on one connection.
func (sn *Snapshot) second(ctx context.Context) (*Reader, error) {
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if sn.extra != nil || sn.noExtra {
		return sn.extra, nil
	}
	if len(sn.txs) == 0 {
		return nil, fmt.Errorf("snapshot: closed")
	}
	s := sn.Reader.s
	// Opening a connection reads the file too, and the store's
	// connections wait while it is locked: give up soon instead.
	cctx, cancel := context.WithTimeout(ctx, joinWait)
	defer cancel()
	conn, err := s.db.Conn(cctx)
	if err == nil {
		if _, err = conn.ExecContext(cctx, `BEGIN DEFERRED`); err == nil {
			var n int
			if err = conn.QueryRowContext(cctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
				conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
			}
		}
		if err != nil {
			conn.Close()
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		sn.noExtra = true
		return nil, nil
	}
	sn.txs = append(sn.txs, snapTx{conn})
	sn.extra = &Reader{q: conn, s: s}
	return sn.extra, nil
}

// joinWait is how long a snapshot's second connection may take to join.
const joinWait = 500 * time.Millisecond

// Close ends the snapshot's transactions.
func (sn *Snapshot) Close() error {
	sn.mu.Lock()
	defer sn.mu.Unlock()
	var first error
	for _, st := range sn.txs {
		_, err := st.conn.ExecContext(context.Background(), `ROLLBACK`)
		if cerr := st.conn.Close(); err == nil {
			err = cerr
		}
		if err != nil && first == nil {
			first = fmt.Errorf("close snapshot: %w", err)
		}
	}
	sn.txs = nil
	return first
}

// jsonList encodes ids for json_each.
func jsonList(ids []string) (string, error) {
	b, err := json.Marshal(ids)
	return string(b), err
}

// annSelectionSQL is annFilterSQL with f.ClippingIDs too: the condition on
// the annotations f selects.
func annSelectionSQL(f AnnotationFilter, alias string) (string, []any, error) {
	cond, args, err := annFilterSQL(f, alias)
	if err != nil || len(f.ClippingIDs) == 0 {
		return cond, args, err
	}
	j, err := jsonList(f.ClippingIDs)
	if err != nil {
		return "", nil, err
	}
	return cond + ` AND ` + alias + `clipping_id IN (SELECT value FROM json_each(?))`, append(args, j), nil
}

// annFilterSQL is the condition (with a leading " AND ", or "") and
// arguments selecting the annotations f names by tag and coder, live ones
// only unless f.IncludeDeleted; the clipping condition is the caller's.
func annFilterSQL(f AnnotationFilter, alias string) (string, []any, error) {
	var where []string
	var args []any
	for _, c := range []struct {
		col string
		ids []string
	}{{"tag_id", f.TagIDs}, {"coder_id", f.CoderIDs}} {
		if len(c.ids) == 0 {
			continue
		}
		j, err := jsonList(c.ids)
		if err != nil {
			return "", nil, err
		}
		where = append(where, alias+c.col+` IN (SELECT value FROM json_each(?))`)
		args = append(args, j)
	}
	if !f.IncludeDeleted {
		where = append(where, alias+`deleted_at IS NULL`)
	}
	if f.WithNote {
		where = append(where, alias+`note <> ''`)
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return " AND " + strings.Join(where, " AND "), args, nil
}

// scanAnnOK reads annCols and the spanReadable flag.
func scanAnnOK(rows *sql.Rows) (annState, bool, error) {
	var a annState
	var v, lo, hi sql.NullFloat64
	var del sql.NullString
	var ok bool
	err := rows.Scan(&a.rid, &a.ID, &a.ClippingID, &a.TagID, &a.CoderID, &a.Start, &a.End, &a.Exact, &a.Prefix,
		&a.Suffix, &a.BodyHash, &a.Speaker, &a.Claimant, &a.Status, &v, &lo, &hi, &a.Unit, &a.Comparator,
		&a.Note, &a.Origin, &a.AnchorStatus, &a.AnchorQuote, &a.CreatedAt, &a.UpdatedAt, &del, &ok)
	a.Value, a.Low, a.High = nullFloat(v), nullFloat(lo), nullFloat(hi)
	if del.Valid {
		a.DeletedAt = &del.String
	}
	return a, ok, err
}

// readAnnRows reads rows of annCols plus the spanReadable flag into
// annotations, leaving out (and noting) those whose span cannot be read
// and reading the other unusable values emptied (see tolerant.go).
func (r *Reader) readAnnRows(rows *sql.Rows, out []model.Annotation) ([]model.Annotation, error) {
	var cols lazyCols
	for rows.Next() {
		st, ok, err := scanAnnOK(rows)
		if err == nil && ok {
			var m model.Annotation
			if m, err = st.model(); err == nil {
				out = append(out, m)
				continue
			}
		}
		// Read value by value: the span flag (a bool) never fails, so the
		// fast scan failed on another column, or the span is unusable.
		cl, err := cols.cellsOf(rows, "annotations")
		if err != nil {
			return out, err
		}
		rd := annRead{st: decodeAnn(cl), ok: true}
		for _, p := range cl.probs {
			if p.Column == "start" || p.Column == "end" {
				p.Problem += "; the annotation is left out"
				rd = annRead{probs: []Problem{p}}
				break
			}
		}
		if rd.ok {
			rd.m, rd.probs = rd.st.modelLoose(), cl.probs
			out = append(out, rd.m)
		}
		r.s.note(rd.probs)
	}
	return out, rows.Err()
}

// sortTies puts runs of annotations with the same clipping, start and end
// in id order: the index returns them in row order.
func sortTies(as []model.Annotation) {
	for i := 1; i < len(as); i++ {
		for k := i; k > 0; k-- {
			a, b := &as[k-1], &as[k]
			if a.ClippingID != b.ClippingID || a.Start != b.Start || a.End != b.End || a.ID <= b.ID {
				break
			}
			*a, *b = *b, *a
		}
	}
}

// briefCols are the columns of a brief annotation read (see Walk.Brief).
// The ids of its clipping, tag and coder and its two timestamps, fixed in
// length when they are what Clipper writes, come as one text (packed):
// one value for the driver to convert instead of five, for each of a
// million rows. A row whose packed text is NULL (a value of another
// length or type) is read again in full.
const briefCols = `a.rid, a.id, CASE WHEN typeof(a.clipping_id) = 'text' AND typeof(a.tag_id) = 'text'
		AND typeof(a.coder_id) = 'text' AND typeof(a.created_at) = 'text' AND typeof(a.updated_at) = 'text'
		AND octet_length(a.clipping_id) = 36 AND octet_length(a.tag_id) = 36 AND octet_length(a.coder_id) = 36
		AND octet_length(a.created_at) = 24 AND octet_length(a.updated_at) = 24
	THEN a.clipping_id || a.tag_id || a.coder_id || a.created_at || a.updated_at END,
	a.start, a."end", a.exact, a.speaker, a.claimant, a.status, a.value, a.low, a.high, a.unit, a.comparator, a.note`

// packedLen is the length of a packed text: three ids and two timestamps.
const packedLen = 3*36 + 2*24

// readBriefRows reads rows of briefCols plus the spanReadable flag; a row
// that does not read the fast way is read again in full, by its rowid,
// through readAnnRows.
func (r *Reader) readBriefRows(ctx context.Context, rows *sql.Rows, out []model.Annotation) ([]model.Annotation, error) {
	var slow []int64
	for rows.Next() {
		var m model.Annotation
		var rid int64
		var packed sql.NullString
		var status string
		var v, lo, hi sql.NullFloat64
		var ok bool
		err := rows.Scan(&rid, &m.ID, &packed, &m.Start, &m.End, &m.Exact, &m.Speaker,
			&m.Claimant, &status, &v, &lo, &hi, &m.Unit, &m.Comparator, &m.Note, &ok)
		if p := packed.String; err == nil && ok && len(p) == packedLen {
			ct, okC := parseStamp(p[108:132])
			ut, okU := parseStamp(p[132:156])
			if okC && okU {
				m.ClippingID, m.TagID, m.CoderID = p[0:36], p[36:72], p[72:108]
				m.Status, m.Value, m.Low, m.High = model.Status(status), nullFloat(v), nullFloat(lo), nullFloat(hi)
				m.CreatedAt, m.UpdatedAt = ct, ut
				out = append(out, m)
				continue
			}
		}
		if rows.Scan(&rid, new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any),
			new(any), new(any), new(any), new(any), new(any), new(any)) == nil {
			slow = append(slow, rid)
		}
	}
	if err := rows.Err(); err != nil || len(slow) == 0 {
		return out, err
	}
	rows.Close()
	return r.readSlow(ctx, slow, out)
}

// readSlow reads the rows slow (rowids) value by value, in full, appends
// them to out and puts out back in order (callers sort by clipping and
// span).
func (r *Reader) readSlow(ctx context.Context, slow []int64, out []model.Annotation) ([]model.Annotation, error) {
	for _, rid := range slow {
		full, err := r.q.QueryContext(ctx, annSelect+` WHERE rid = ?`, rid)
		if err != nil {
			return out, err
		}
		out, err = r.readAnnRows(full, out)
		full.Close()
		if err != nil {
			return out, err
		}
	}
	sortBySpan(out)
	return out, nil
}

// spanCols are the columns of a spans-only read (see Walk.Spans): the ids
// of clipping, tag and coder packed as in briefCols.
const spanCols = `a.rid, a.id, CASE WHEN typeof(a.clipping_id) = 'text' AND typeof(a.tag_id) = 'text'
		AND typeof(a.coder_id) = 'text' AND octet_length(a.clipping_id) = 36 AND octet_length(a.tag_id) = 36
		AND octet_length(a.coder_id) = 36 THEN a.clipping_id || a.tag_id || a.coder_id END, a.start, a."end"`

// readSpanRows reads rows of spanCols plus the spanReadable flag; a row
// that does not read the fast way is read again in full, by its rowid,
// through readAnnRows, and keeps what a full read gives.
func (r *Reader) readSpanRows(ctx context.Context, rows *sql.Rows, out []model.Annotation) ([]model.Annotation, error) {
	var slow []int64
	for rows.Next() {
		var m model.Annotation
		var rid int64
		var packed sql.NullString
		var ok bool
		err := rows.Scan(&rid, &m.ID, &packed, &m.Start, &m.End, &ok)
		if p := packed.String; err == nil && ok && len(p) == 3*36 {
			m.ClippingID, m.TagID, m.CoderID = p[0:36], p[36:72], p[72:108]
			out = append(out, m)
			continue
		}
		if rows.Scan(&rid, new(any), new(any), new(any), new(any), new(any)) == nil {
			slow = append(slow, rid)
		}
	}
	if err := rows.Err(); err != nil || len(slow) == 0 {
		return out, err
	}
	rows.Close()
	return r.readSlow(ctx, slow, out)
}

// sortBySpan orders annotations by clipping id, start, end and id.
func sortBySpan(as []model.Annotation) {
	slices.SortStableFunc(as, func(a, b model.Annotation) int {
		return cmp.Or(strings.Compare(a.ClippingID, b.ClippingID), cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
	})
}

// annSelect is the SELECT list of the annotation readers.
const annSelect = `SELECT ` + annCols + `, ` + spanReadable + ` FROM annotations`

// Annotations streams the annotations f selects, ordered by clipping id,
// start, end and id (as Store.Annotations returns them), a few thousand
// per query.
func (r *Reader) Annotations(ctx context.Context, f AnnotationFilter) iter.Seq2[model.Annotation, error] {
	return func(yield func(model.Annotation, error) bool) {
		fail := func(err error) { yield(model.Annotation{}, fmt.Errorf("list annotations: %w", classify(err))) }
		cond, args, err := annFilterSQL(f, "")
		if err != nil {
			fail(err)
			return
		}
		var clipCond string
		if len(f.ClippingIDs) > 0 {
			j, err := jsonList(f.ClippingIDs)
			if err != nil {
				fail(err)
				return
			}
			clipCond = ` AND clipping_id IN (SELECT value FROM json_each(?))`
			args = append(args, j)
		}
		var after any // the last clipping id read; nil before the first batch
		var batch []model.Annotation
		for {
			// The next clippings, as many as hold about a batch of
			// annotations (a clipping is never split).
			ids, last, err := r.nextClipBatch(ctx, cond+clipCond, args, after)
			if err != nil {
				fail(err)
				return
			}
			if last == nil {
				return
			}
			j, err := jsonList(ids)
			if err != nil {
				fail(err)
				return
			}
			// The clippings one by one through the index (IN): their rows
			// come in clipping, start, end order without a sort in SQLite,
			// and ties of start and end are put in id order here.
			rows, err := r.q.QueryContext(ctx, annSelect+` WHERE clipping_id IN (SELECT value FROM json_each(?))`+cond+
				` ORDER BY clipping_id, start, "end"`, append([]any{j}, args...)...)
			if err != nil {
				fail(err)
				return
			}
			batch, err = r.readAnnRows(rows, batch[:0])
			rows.Close()
			if err != nil {
				fail(err)
				return
			}
			sortTies(batch)
			for _, a := range batch {
				if !yield(a, nil) {
					return
				}
			}
			after = last
			if err := ctx.Err(); err != nil {
				fail(err)
				return
			}
		}
	}
}

// nextClipBatch finds the clippings after after (from the first when
// nil), in id order, whose annotations selected by cond make about one
// batch: their ids, and the last id as stored (text or not) for the next
// call; last is nil when there are none. A clipping id that is not text
// cannot be listed for json_each: its annotations are not read.
func (r *Reader) nextClipBatch(ctx context.Context, cond string, args []any, after any) (ids []string, last any, err error) {
	q := `SELECT clipping_id, count(*) FROM annotations WHERE 1` + cond
	if after != nil {
		q += ` AND clipping_id > ?`
		args = append(slices.Clone(args), after)
	}
	rows, err := r.q.QueryContext(ctx, q+` GROUP BY clipping_id ORDER BY clipping_id LIMIT ?`,
		append(args, batchClippings)...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id any
		var k int
		if err := rows.Scan(&id, &k); err != nil {
			return nil, nil, err
		}
		if last != nil && n+k > batchAnnotations {
			break
		}
		last, n = keep(id), n+k
		if s, ok := id.(string); ok {
			ids = append(ids, s)
		}
	}
	return ids, last, rows.Err()
}

// CountAnnotations counts the annotations f selects that the readers
// return (see spanReadable).
func (r *Reader) CountAnnotations(ctx context.Context, f AnnotationFilter) (int, error) {
	cond, args, err := annSelectionSQL(f, "")
	if err != nil {
		return 0, fmt.Errorf("count annotations: %w", err)
	}
	var n int
	if err := r.queryRow(ctx, `SELECT count(*) FROM annotations WHERE `+spanReadable+cond, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count annotations: %w", classify(err))
	}
	return n, nil
}

// CountByTag counts the annotations f selects per tag id (see
// CountAnnotations); tags without any are absent.
func (r *Reader) CountByTag(ctx context.Context, f AnnotationFilter) (map[string]int, error) {
	cond, args, err := annSelectionSQL(f, "")
	if err != nil {
		return nil, fmt.Errorf("count annotations: %w", err)
	}
	rows, err := r.q.QueryContext(ctx, `SELECT tag_id, count(*) FROM annotations WHERE `+spanReadable+cond+` GROUP BY tag_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("count annotations: %w", classify(err))
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id sql.NullString
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count annotations: %w", classify(err))
		}
		out[id.String] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count annotations: %w", classify(err))
	}
	return out, nil
}

// queryRow runs a one-row query on the reader's connection.
func (r *Reader) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	type rowQueryer interface {
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	}
	return r.q.(rowQueryer).QueryRowContext(ctx, q, args...)
}

// Tags lists the live tags as Store.Tags does, read by r.
func (r *Reader) Tags(ctx context.Context) ([]model.Tag, error) {
	ts, probs, err := liveTags(ctx, r.q)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", classify(err))
	}
	r.s.note(probs)
	out := make([]model.Tag, 0, len(ts))
	for _, t := range ts {
		m, probs := t.modelLoose()
		r.s.note(probs)
		out = append(out, m)
	}
	return out, nil
}

// Coders lists the coders as Store.Coders does, read by r.
func (r *Reader) Coders(ctx context.Context) ([]model.Coder, error) {
	cs, probs, err := coders(ctx, r.q)
	if err != nil {
		return nil, fmt.Errorf("list coders: %w", classify(err))
	}
	r.s.note(probs)
	return cs, nil
}

// AgreementSets finds what an agreement between coders compares among the
// annotations f selects: the clippings on which two or more coders have an
// annotation whose span lies inside the text (with everyClipping: every
// clipping), and there the ids of those coders and tags.
//
// For live annotations it asks, per coder and per tag found in the partial
// indexes of schema 3, whether one of its annotations qualifies: usually
// the first one read does, so the sets come from a few rows per coder and
// tag instead of a pass over every annotation with its clipping's text.
func (r *Reader) AgreementSets(ctx context.Context, f AnnotationFilter, everyClipping bool) (coders, tags map[string]bool, err error) {
	if !f.IncludeDeleted {
		coders, tags, err = r.agreementSetsByIndex(ctx, f, everyClipping)
		if err == nil || !errors.Is(err, errCandidate) && !strings.Contains(err.Error(), "no such index") {
			return coders, tags, err
		}
		// A project without the indexes (a damaged one) or with an id
		// that is not text (a hand edit) is read the plain way.
	}
	return r.agreementSetsScan(ctx, f, everyClipping)
}

// agreementSetsByIndex is AgreementSets for live annotations: the
// candidate coders and tags are the distinct values of annotations_coder
// and annotations_tag (one index seek each), and each candidate is kept
// when one of its annotations lies inside its text and, unless
// everyClipping, another coder has such an annotation on the same
// clipping — looked up per other coder, one seek in annotations_coder for
// each annotation, so the cost stays linear when coders share no clipping.
// The text's length is computed only for annotations that pass the rest.
// It returns errCandidate when a candidate id is not text (a hand edit),
// for the caller to read the plain way.
func (r *Reader) agreementSetsByIndex(ctx context.Context, f AnnotationFilter, everyClipping bool) (coders, tags map[string]bool, err error) {
	condA, argsA, err := annSelectionSQL(f, "a.")
	if err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", err)
	}
	// b is on a's clipping, so f.ClippingIDs holds for it already.
	condB, argsB, err := annFilterSQL(f, "b.")
	if err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", err)
	}
	valid := func(x string) string {
		return aliased(spanReadable, x+".") + ` AND ` + x + `.start >= 0 AND ` + x + `.start < ` + x + `."end"`
	}
	candidates := func(col, index string) ([]string, error) {
		// Distinct values by skip-scan: each step is one seek in index.
		rows, err := r.q.QueryContext(ctx, `WITH RECURSIVE v(id) AS (
				SELECT (SELECT min(`+col+`) FROM annotations INDEXED BY `+index+` WHERE deleted_at IS NULL)
				UNION ALL SELECT (SELECT min(`+col+`) FROM annotations INDEXED BY `+index+`
					WHERE deleted_at IS NULL AND `+col+` > v.id) FROM v WHERE v.id IS NOT NULL)
			SELECT id FROM v WHERE id IS NOT NULL`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id any
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			s, ok := id.(string)
			if !ok {
				return nil, errCandidate
			}
			out = append(out, s)
		}
		return out, rows.Err()
	}
	keep := func(col, index string, cands, others []string) (map[string]bool, error) {
		q := `SELECT EXISTS (SELECT 1 FROM annotations a INDEXED BY ` + index + `
			WHERE a.` + col + ` = ?` + condA + ` AND ` + valid("a")
		const length = `(SELECT length(body) FROM clippings WHERE id = a.clipping_id)`
		var other []any
		if everyClipping {
			q += ` AND a."end" <= ` + length + `)`
		} else {
			j, err := jsonList(others)
			if err != nil {
				return nil, err
			}
			q += ` AND EXISTS (SELECT 1 FROM json_each(?) y JOIN annotations b INDEXED BY annotations_coder
					ON b.coder_id = y.value AND b.clipping_id = a.clipping_id
				WHERE y.value <> a.coder_id` + condB + ` AND ` + valid("b") + `
					AND max(a."end", b."end") <= ` + length + `))`
			other = append([]any{j}, argsB...)
		}
		out := map[string]bool{}
		for _, id := range cands {
			yes, err := r.exists(ctx, q, append(append([]any{id}, argsA...), other...)...)
			if err != nil {
				return nil, err
			}
			if yes {
				out[id] = true
			}
		}
		return out, nil
	}
	coderIDs, err := candidates("coder_id", "annotations_coder")
	if err == nil {
		coders, err = keep("coder_id", "annotations_coder", coderIDs, coderIDs)
	}
	var tagIDs []string
	if err == nil {
		tagIDs, err = candidates("tag_id", "annotations_tag")
	}
	if err != nil {
		if errors.Is(err, errCandidate) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("agreement: %w", classify(err))
	}
	if !everyClipping && len(coders) < 2 {
		// No clipping has two coders: nothing is compared.
		return map[string]bool{}, map[string]bool{}, nil
	}
	// Both coders of a compared clipping are kept coders: the other
	// coder a tag's annotation needs is one of them.
	if tags, err = keep("tag_id", "annotations_tag", tagIDs, slices.Sorted(maps.Keys(coders))); err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", classify(err))
	}
	return coders, tags, nil
}

// errCandidate says a coder or tag id in the indexes is not text.
var errCandidate = errors.New("an annotation's coder or tag id is not text")

// exists runs q, a SELECT EXISTS (…), and returns its answer.
func (r *Reader) exists(ctx context.Context, q string, args ...any) (bool, error) {
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var yes bool
	if rows.Next() {
		if err := rows.Scan(&yes); err != nil {
			return false, err
		}
	}
	return yes, rows.Err()
}

// agreementSetsScan is AgreementSets by one pass over the annotations f
// selects, each with its clipping's text length.
func (r *Reader) agreementSetsScan(ctx context.Context, f AnnotationFilter, everyClipping bool) (coders, tags map[string]bool, err error) {
	cond, args, err := annSelectionSQL(f, "a.")
	if err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", err)
	}
	// length() counts the characters (code points) of a text.
	q := `WITH v AS (SELECT a.clipping_id AS clip, a.coder_id AS coder, a.tag_id AS tag FROM annotations a
			JOIN clippings c ON c.id = a.clipping_id
			WHERE ` + aliased(spanReadable, "a.") + cond + ` AND a.start >= 0 AND a.start < a."end" AND a."end" <= length(c.body)),
		multi AS (SELECT clip FROM v GROUP BY clip HAVING count(DISTINCT coder) >= 2)
		SELECT DISTINCT coder, tag FROM v`
	if !everyClipping {
		q += ` WHERE clip IN (SELECT clip FROM multi)`
	}
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", classify(err))
	}
	defer rows.Close()
	coders, tags = map[string]bool{}, map[string]bool{}
	for rows.Next() {
		var c, t sql.NullString
		if err := rows.Scan(&c, &t); err != nil {
			return nil, nil, fmt.Errorf("agreement: %w", classify(err))
		}
		coders[c.String], tags[t.String] = true, true
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("agreement: %w", classify(err))
	}
	return coders, tags, nil
}

// MultiCoderClippings lists, in id order, the clippings on which two or
// more coders have an annotation f selects (whatever its span).
func (r *Reader) MultiCoderClippings(ctx context.Context, f AnnotationFilter) ([]string, error) {
	cond, args, err := annSelectionSQL(f, "")
	if err != nil {
		return nil, fmt.Errorf("clippings of two coders: %w", err)
	}
	rows, err := r.q.QueryContext(ctx, `SELECT clipping_id FROM annotations WHERE `+spanReadable+cond+`
		GROUP BY clipping_id HAVING count(DISTINCT coder_id) >= 2 ORDER BY clipping_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("clippings of two coders: %w", classify(err))
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id any
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("clippings of two coders: %w", classify(err))
		}
		ids = append(ids, textOf(id))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clippings of two coders: %w", classify(err))
	}
	return ids, nil
}
