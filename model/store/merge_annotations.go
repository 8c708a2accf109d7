package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"unicode/utf8"

	"clipper/model"
	reanchor "clipper/model/anchor"
)

// mergeBatch is how many incoming annotations are read, decided and
// written at a time.
const mergeBatch = 4096

// batch is one batch of incoming annotations being merged.
type batch struct {
	good    []annState           // checked incoming annotations, in the file's row order
	hashes  []int64              // stateHash of each of good
	odd     map[int64]bool       // rows of the file with a value not of its column's type
	refused []refusal            // annotations refused, in row order
	moved   map[string]*selfText // annotation id → its clipping's text, when exact differs from the text at its span
	inserts []annInsert
	updates []annUpdate
	bases   []baseRow
	conf    []conflictRow
}

// mergeAnnotations reads the file's annotations in batches (ranges of
// rows, in row order, never through the file's indexes), checks each (see
// incomingReader), decides for each whether it is added, taken over, kept
// as ours, the same, or a conflict (see Merge), and writes each batch's
// outcome before deciding the next (not in a dry run). The batches are
// read and checked ahead on readers goroutines, each with a read-only
// connection of its own to the private copy of the file, while earlier
// batches are decided and written; what a batch refuses is reported when
// it is decided, so the report and OnItem keep the file's row order.
func (m *merger) mergeAnnotations() error {
	dups, err := m.duplicateIDs()
	if err != nil {
		return err
	}
	pending, err := m.openConflicts()
	if err != nil {
		return err
	}
	// The batches: every mergeBatch-th row of the file ends one (the last
	// ends with the last row), whatever gaps its row numbers have.
	bounds, err := m.batchBounds()
	if err != nil {
		return err
	}
	batches := len(bounds) - 1
	if batches < 1 {
		return nil // no annotations
	}
	db, err := sql.Open(driverName, roDSN(m.inPath))
	if err != nil {
		return fmt.Errorf("read incoming annotations: %w", err)
	}
	ctx, cancel := context.WithCancel(m.ctx)
	type read struct {
		b   *batch
		err error
	}
	outs := make([]chan read, readers)
	for i := range outs {
		outs[i] = make(chan read, 1)
		go func(out chan read) {
			defer close(out)
			conn, err := db.Conn(ctx)
			if err != nil {
				out <- read{err: fmt.Errorf("read incoming annotations: %w", classify(err))}
				return
			}
			defer conn.Close()
			in := incomingReader{m: m, q: conn, ctx: ctx}
			defer func() {
				if in.body != nil {
					in.body.Close()
				}
			}()
			for k := i; k < batches; k += readers {
				b := &batch{moved: map[string]*selfText{}}
				err := in.read(b, bounds[k], bounds[k+1], dups)
				select {
				case out <- read{b, err}:
				case <-ctx.Done():
					return
				}
				if err != nil {
					return
				}
			}
		}(outs[i])
	}
	defer func() {
		cancel()
		for _, out := range outs {
			for range out { // the readers stop
			}
		}
		db.Close()
	}()
	dupDone := map[string]bool{}
	for k := range batches {
		r, ok := <-outs[k%readers]
		if !ok {
			if err := m.ctx.Err(); err != nil {
				return err
			}
			return fmt.Errorf("read incoming annotations: a reader stopped early")
		}
		if r.err != nil {
			return r.err
		}
		b := r.b
		for _, f := range b.refused {
			if f.dup {
				if dupDone[f.id] {
					continue // refused once, with all its copies
				}
				dupDone[f.id] = true
			}
			m.refuse("annotations", f.id, f.why)
		}
		if err := m.decide(b, pending); err != nil {
			return err
		}
		if !m.opt.DryRun {
			if err := m.applyBatch(b); err != nil {
				return err
			}
		}
		if err := m.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// batchBounds returns the row numbers that bound the batches of the
// file's annotations: batch k is the rows after bounds[k] up to
// bounds[k+1]. No annotations, no batch.
func (m *merger) batchBounds() ([]int64, error) {
	fail := func(err error) ([]int64, error) {
		return nil, fmt.Errorf("read incoming annotations: %w", classify(err))
	}
	var lo, hi sql.NullInt64
	if err := m.tx.QueryRowContext(m.ctx, `SELECT min(rowid), max(rowid) FROM theirs.annotations`).Scan(&lo, &hi); err != nil {
		return fail(err)
	}
	if !lo.Valid {
		return nil, nil
	}
	bounds := []int64{lo.Int64 - 1}
	// Without gaps in the row numbers (as SQLite numbers rows that were
	// only ever added), the bounds follow from the count, which SQLite
	// takes from the table's pages without reading their rows.
	var n int64
	if err := m.tx.QueryRowContext(m.ctx, `SELECT count(*) FROM theirs.annotations NOT INDEXED`).Scan(&n); err != nil {
		return fail(err)
	}
	if hi.Int64-lo.Int64+1 == n {
		for r := lo.Int64 - 1 + mergeBatch; r < hi.Int64; r += mergeBatch {
			bounds = append(bounds, r)
		}
		return append(bounds, hi.Int64), nil
	}
	rows, err := m.tx.QueryContext(m.ctx, `SELECT rowid FROM (SELECT rowid, row_number() OVER (ORDER BY rowid) AS n
		FROM theirs.annotations NOT INDEXED) WHERE n % ? = 0 ORDER BY rowid`, mergeBatch)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			return fail(err)
		}
		bounds = append(bounds, r)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	if bounds[len(bounds)-1] != hi.Int64 {
		bounds = append(bounds, hi.Int64)
	}
	return bounds, nil
}

// readers is how many goroutines read and check incoming annotations
// ahead of the decisions.
const readers = 2

// duplicateIDs counts the ids that more than one annotation row of the
// file has: all those rows are refused, since which one is meant cannot be
// told. Only ids that name a row (text, valid UTF-8, at most 64 bytes;
// see scanCells) count.
func (m *merger) duplicateIDs() (map[string]int, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, count(*) FROM theirs.annotations NOT INDEXED
		WHERE typeof(id) = 'text' GROUP BY id HAVING count(*) > 1`)
	if err != nil {
		return nil, fmt.Errorf("read incoming annotations: %w", classify(err))
	}
	defer rows.Close()
	dups := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("read incoming annotations: %w", classify(err))
		}
		if id != "" && utf8.ValidString(id) && len(id) <= 64 {
			dups[id] = n
		}
	}
	return dups, rows.Err()
}

// incomingReader reads the file's annotations for mergeAnnotations on a
// connection of its own to the private copy of the file (its "main"),
// using of the merger only what the plan fixed before the annotations.
type incomingReader struct {
	m     *merger
	q     *sql.Conn
	ctx   context.Context
	texts textCache
	body  *sql.Stmt // reads a clipping's text by rowid, prepared on first use
}

// read reads the file's annotations in rows (from, to] into b.good:
// those that pass the row checks (see checkAnnRow, checkSpan) and whose
// clipping, tag and coder arrive; the others go to b.refused (every copy
// of a duplicated id, marked so). An annotation whose exact text is not at
// its span is kept, to be re-anchored (see mapAnn).
func (in *incomingReader) read(b *batch, from, to int64, dups map[string]int) error {
	m := in.m
	rows, err := in.q.QueryContext(in.ctx, `SELECT `+annCols+` FROM main.annotations NOT INDEXED
		WHERE rowid > ? AND rowid <= ? ORDER BY rowid`, from, to)
	if err != nil {
		return fmt.Errorf("read incoming annotations: %w", classify(err))
	}
	defer rows.Close()
	b.odd = map[int64]bool{}
	n := int(min(max(to-from, 0), mergeBatch)) // the batch's rows, at most
	b.good, b.hashes = make([]annState, 0, n), make([]int64, 0, n)
	var vals [annColCount]any
	var ptrs [annColCount]any
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs[:]...); err != nil {
			return fmt.Errorf("read incoming annotations: %w", classify(err))
		}
		c := &cells{table: "annotations"}
		a, plain := plainAnnRow(&vals)
		if !plain || !checkTyped(a, c) {
			// A value not of its column's type, or one the checks
			// refuse: the row is read again, the careful way.
			rid, _ := vals[0].(int64)
			if a, c, err = in.readOdd(rid); err != nil {
				return err
			}
			b.odd[c.rowid] = true
		}
		if k, dup := dups[c.id]; dup {
			b.refused = append(b.refused, refusal{id: c.id, why: fmt.Sprintf("the file has %d rows with this id", k), dup: true})
			continue
		}
		if len(c.probs) > 0 {
			b.refuse(c.id, reason(c.probs))
			continue
		}
		if why := m.parentProblem(a.ClippingID, a.TagID, a.CoderID); why != "" {
			b.refuse(a.ID, why)
			continue
		}
		if a.DeletedAt == nil && m.deletedTag(a.TagID) {
			b.refuse(a.ID, fmt.Sprintf("its tag %s is deleted in the file", a.TagID))
			continue
		}
		text, err := in.texts.get(in, a.ClippingID)
		if err != nil {
			return err
		}
		if !checkSpan(c, a, text.runes) {
			b.moved[a.ID] = text
		}
		if len(c.probs) > 0 {
			b.refuse(a.ID, reason(c.probs))
			continue
		}
		b.good = append(b.good, a)
		b.hashes = append(b.hashes, stateHash(a))
	}
	return rows.Err()
}

// annColCount is the number of columns in annCols.
const annColCount = 26

// plainAnnRow decodes an annotation row of the file (annCols, as the
// driver returns them) whose every value is of the type its column
// declares (text, integer, real or null): such a row, once checked, can
// be copied as it is. plain is false for any other row.
func plainAnnRow(v *[annColCount]any) (a annState, plain bool) {
	var ok [annColCount]bool
	str := func(i int) string {
		s, o := v[i].(string)
		ok[i] = o
		return s
	}
	integer := func(i int) int64 {
		n, o := v[i].(int64)
		ok[i] = o && int64(int(n)) == n // as database/sql converts it to int
		return n
	}
	real := func(i int) *float64 {
		switch x := v[i].(type) {
		case nil:
			ok[i] = true
			return nil
		case float64:
			ok[i] = true
			return &x
		}
		return nil
	}
	a = annState{rid: integer(0), ID: str(1), ClippingID: str(2), TagID: str(3), CoderID: str(4),
		Start: int(integer(5)), End: int(integer(6)), Exact: str(7), Prefix: str(8), Suffix: str(9),
		BodyHash: str(10), Speaker: str(11), Claimant: str(12), Status: str(13), Value: real(14),
		Low: real(15), High: real(16), Unit: str(17), Comparator: str(18), Note: str(19), Origin: str(20),
		AnchorStatus: str(21), AnchorQuote: str(22), CreatedAt: str(23), UpdatedAt: str(24)}
	switch x := v[25].(type) {
	case nil:
		ok[25] = true
	case string:
		ok[25] = true
		a.DeletedAt = &x
	}
	for _, o := range ok {
		if !o {
			return a, false
		}
	}
	return a, true
}

// readOdd reads the file's annotation row rid again, for a row whose
// values plainAnnRow could not take as they are or that the checks
// refuse: with Go types where the values convert (checked as typedAnn
// checks), else value by value (decodeAnn, checkAnnRow). Such a row is
// never copied as it is.
func (in *incomingReader) readOdd(rid int64) (annState, *cells, error) {
	fail := func(err error) (annState, *cells, error) {
		return annState{}, nil, fmt.Errorf("read incoming annotations: %w", classify(err))
	}
	rows, err := in.q.QueryContext(in.ctx, `SELECT `+annCols+` FROM main.annotations NOT INDEXED WHERE rowid = ?`, rid)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	cols, err := columnIndex(rows)
	if err != nil {
		return fail(err)
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return fail(err)
		}
		return fail(fmt.Errorf("row %d is gone", rid))
	}
	c := &cells{table: "annotations"}
	a, ok := typedAnn(rows, c)
	if !ok {
		if c, err = scanCells(rows, "annotations", cols); err != nil {
			return fail(err)
		}
		a = decodeAnn(c)
		checkAnnRow(c, a)
		c.vals = nil
	}
	return a, c, rows.Close()
}

// decide decides every annotation of b, as Merge describes, from this
// project's version of it and the sync records of this file's replica.
func (m *merger) decide(b *batch, pending map[conflictKey]bool) error {
	if len(b.good) == 0 {
		return nil
	}
	ids := make([]string, len(b.good))
	for i, a := range b.good {
		ids[i] = a.ID
	}
	j, err := jsonList(ids)
	if err != nil {
		return err
	}
	// Which of them this project has: first only their row id and
	// clipping, with the sync records; the whole row only for those whose
	// decision needs it — not those they did not change since the last
	// sync (merging the same file again reads no whole row).
	keys, err := m.ourKeys(j, len(ids))
	if err != nil {
		return err
	}
	type mapped struct {
		mt        annState
		ra        *reanchor.Result
		ht        int64
		unchanged bool // they did not change it since the last sync
	}
	ms := make([]mapped, len(b.good))
	var full []string
	for i, t := range b.good {
		mt, ra, err := m.mapAnn(b, t)
		if err != nil {
			return err
		}
		ms[i] = mapped{mt: mt, ra: ra, ht: b.hashes[i]}
		k := keys[i]
		if !k.found {
			continue
		}
		if k.clip == mt.ClippingID && k.synced && ms[i].ht == k.base.theirs {
			ms[i].unchanged = true
			continue
		}
		full = append(full, t.ID)
	}
	ours := make(map[string]annState, len(full))
	if len(full) > 0 {
		fj, err := jsonList(full)
		if err != nil {
			return err
		}
		overlap, err := m.readAnns(`SELECT `+annCols+` FROM main.annotations WHERE id IN (SELECT value FROM json_each(?))`, fj)
		if err != nil {
			return err
		}
		for _, a := range overlap {
			ours[a.ID] = a
		}
	}
	r := &m.rep.Annotations
	for i, t := range b.good {
		mt, ra, ht := ms[i].mt, ms[i].ra, ms[i].ht
		if ms[i].unchanged {
			r.Unchanged++ // they did not change it; ours may have
			continue
		}
		k := keys[i]
		if !k.found {
			plain := ra == nil && mt.ClippingID == t.ClippingID && mt.TagID == t.TagID && !b.odd[t.rid]
			b.inserts = append(b.inserts, annInsert{st: mt, theirs: ht, row: t.rid, plain: plain})
			if mt.DeletedAt != nil {
				r.Tombstones++
				m.item(MergeItem{What: "deletion_recorded", Table: "annotations", ID: t.ID, ClippingID: mt.ClippingID})
				continue
			}
			m.need[mt.TagID] = true
			r.Added++
			if !m.opt.CountsOnly {
				r.AddedIDs = append(r.AddedIDs, t.ID)
			}
			m.item(MergeItem{What: "added", Table: "annotations", ID: t.ID, ClippingID: mt.ClippingID})
			m.reportAnchor(mt, ra)
			continue
		}
		cur, ok := ours[t.ID]
		if !ok {
			return fmt.Errorf("annotation %s (row %d here) could not be read again", t.ID, k.rid)
		}
		ho := stateHash(cur)
		bs, synced := k.base, k.synced
		switch {
		case cur.ClippingID != mt.ClippingID:
			// Annotations never change clipping: only a tampered file
			// gets here. Recorded for the researcher, not applied.
			m.conflict(b, cur, mt, ht, pending)
		case synced && ht == bs.theirs:
			r.Unchanged++ // they did not change it; ours may have
		case synced && ho == bs.ours:
			next := adopt(cur, mt)
			hn := stateHash(next)
			if hn == ho {
				r.Unchanged++
			} else {
				b.updates = append(b.updates, annUpdate{prev: cur, next: next})
				if next.DeletedAt == nil {
					m.need[next.TagID] = true
				}
				if next.DeletedAt != nil && cur.DeletedAt == nil {
					r.Deleted++
					if !m.opt.CountsOnly {
						r.DeletedIDs = append(r.DeletedIDs, t.ID)
					}
					m.item(MergeItem{What: "deleted", Table: "annotations", ID: t.ID, ClippingID: cur.ClippingID})
				} else {
					r.Updated++
					if !m.opt.CountsOnly {
						r.UpdatedIDs = append(r.UpdatedIDs, t.ID)
					}
					m.item(MergeItem{What: "updated", Table: "annotations", ID: t.ID, ClippingID: cur.ClippingID})
					m.reportAnchor(next, ra)
				}
			}
			m.base(b, cur.rid, hn, ht, bs, synced)
		case stateHash(mt) == ho:
			r.Unchanged++ // the same change on both sides, or equal and never synced
			m.base(b, cur.rid, ho, ht, bs, synced)
		default:
			m.conflict(b, cur, mt, ht, pending)
		}
	}
	return nil
}

// ourKey is what decide reads first of this project's version of an
// incoming annotation: whether it is here, its row id and clipping (""
// unless text), and the sync record with the file's replica.
type ourKey struct {
	found  bool
	rid    int64
	clip   string
	base   syncBase
	synced bool // base is recorded
}

// ourKeys reads, for each of the n ids of the JSON array j, the row id
// and clipping of this project's annotation of that id and its sync
// record with the file's replica, in one query; keys[i] is for j[i].
func (m *merger) ourKeys(j string, n int) ([]ourKey, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT j.key, a.rid, CASE WHEN typeof(a.clipping_id) = 'text' THEN a.clipping_id ELSE '' END,
		b.ours, b.theirs FROM json_each(?) j CROSS JOIN main.annotations a ON a.id = j.value
		LEFT JOIN main.merge_base b ON b.peer = ? AND b.annotation = a.rid`, j, m.peer)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	defer rows.Close()
	keys := make([]ourKey, n)
	for rows.Next() {
		var i int
		var k ourKey
		var ours, theirs sql.NullInt64
		if err := rows.Scan(&i, &k.rid, &k.clip, &ours, &theirs); err != nil {
			return nil, fmt.Errorf("read annotations: %w", err)
		}
		if i < 0 || i >= n {
			return nil, fmt.Errorf("read annotations: key %d of %d", i, n)
		}
		k.found = true
		if m.peer != 0 && ours.Valid && theirs.Valid {
			k.base, k.synced = syncBase{ours.Int64, theirs.Int64}, true
		}
		keys[i] = k
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	return keys, nil
}

// base plans a sync record unless the stored one already says so.
func (m *merger) base(b *batch, rid, ours, theirs int64, old syncBase, exists bool) {
	if exists && old == (syncBase{ours, theirs}) {
		return
	}
	b.bases = append(b.bases, baseRow{rid: rid, ours: ours, theirs: theirs})
}

// conflict plans a conflict between our state and the incoming one,
// unless an earlier merge of the same file recorded it and it is open.
func (m *merger) conflict(b *batch, ours, theirs annState, theirsHash int64, pending map[conflictKey]bool) {
	r := &m.rep.Annotations
	if pending[conflictKey{ours.ID, theirsHash}] {
		r.AlreadyInConflict++
		return
	}
	b.conf = append(b.conf, conflictRow{ours: ours, theirs: theirs, theirsHash: theirsHash})
	r.Conflicts = append(r.Conflicts, MergeConflict{AnnotationID: ours.ID, ClippingID: ours.ClippingID, Exact: ours.Exact})
	m.item(MergeItem{What: "conflict", Table: "annotations", ID: ours.ID, ClippingID: ours.ClippingID})
}

// conflictKey identifies an open conflict: the annotation and the
// incoming state it was recorded for.
type conflictKey struct {
	annotation string
	theirs     int64
}

// openConflicts reads the open conflicts recorded from this peer.
func (m *merger) openConflicts() (map[conflictKey]bool, error) {
	pending := map[conflictKey]bool{}
	if m.peer == 0 {
		return pending, nil
	}
	rows, err := m.tx.QueryContext(m.ctx, `SELECT c.annotation_id, c.theirs_hash FROM main.conflicts c
		JOIN main.merges g ON g.id = c.merge_id WHERE g.peer = ? AND c.resolution = ''`, m.peer)
	if err != nil {
		return nil, fmt.Errorf("read conflicts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k conflictKey
		if err := rows.Scan(&k.annotation, &k.theirs); err != nil {
			return nil, fmt.Errorf("read conflicts: %w", err)
		}
		pending[k] = true
	}
	return pending, rows.Err()
}

// typedAnn reads an annotation row with Go types, the fast way, and
// checks it as decodeAnn and checkAnnRow would; ok is false when a value
// has the wrong type (the row is then read value by value).
func typedAnn(rows scanner, c *cells) (annState, bool) {
	a, err := scanAnn(rows)
	if err != nil {
		return a, false
	}
	return a, checkTyped(a, c)
}

// checkTyped checks an annotation read with Go types as decodeAnn and
// checkAnnRow would, noting its problems in c; false says that a value
// must be read value by value to be described (not valid UTF-8, not a
// timestamp, not a finite number).
func checkTyped(a annState, c *cells) bool {
	c.rowid, c.id = a.rid, a.ID
	if a.ID == "" || !utf8.ValidString(a.ID) || len(a.ID) > 64 {
		c.id = fmt.Sprintf("row %d", a.rid)
	}
	for _, f := range []struct{ col, v string }{{"id", a.ID}, {"clipping_id", a.ClippingID}, {"tag_id", a.TagID},
		{"coder_id", a.CoderID}, {"exact", a.Exact}, {"prefix", a.Prefix}, {"suffix", a.Suffix},
		{"body_hash", a.BodyHash}, {"speaker", a.Speaker}, {"claimant", a.Claimant}, {"status", a.Status},
		{"unit", a.Unit}, {"comparator", a.Comparator}, {"note", a.Note}, {"origin", a.Origin},
		{"anchor_status", a.AnchorStatus}, {"anchor_quote", a.AnchorQuote}} {
		if !utf8.ValidString(f.v) {
			return false // read value by value, which says so
		}
	}
	stamps := []struct {
		col string
		v   *string
	}{{"created_at", &a.CreatedAt}, {"updated_at", &a.UpdatedAt}, {"deleted_at", a.DeletedAt}}
	for _, f := range stamps {
		if f.v != nil && checkTime(*f.v) != nil {
			return false
		}
	}
	for _, v := range []*float64{a.Value, a.Low, a.High} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return false
		}
	}
	checkAnnRow(c, a)
	return true
}

// refusal is an incoming annotation refused while reading, and why.
type refusal struct {
	id, why string
	dup     bool // a copy of a duplicated id: refused once, with all its copies
}

// refuse records that the incoming annotation id is refused.
func (b *batch) refuse(id, why string) { b.refused = append(b.refused, refusal{id: id, why: why}) }

// deletedTag reports whether the incoming tag id is added as a tombstone.
func (m *merger) deletedTag(id string) bool {
	for _, t := range m.newTags {
		if t.ID == id {
			return t.DeletedAt != nil
		}
	}
	return false
}

// textCache keeps the texts of the last few incoming clippings read
// (annotations come mostly clipping by clipping).
type textCache struct {
	byID  map[string]*selfText
	order []string // oldest first
}

// textCacheSize is how many incoming texts textCache keeps.
const textCacheSize = 32

// get returns the text of the incoming clipping id, read by rowid.
func (tc *textCache) get(in *incomingReader, id string) (*selfText, error) {
	if t := tc.byID[id]; t != nil {
		return t, nil
	}
	if in.body == nil {
		st, err := in.q.PrepareContext(in.ctx, `SELECT body, body_hash FROM main.clippings WHERE rowid = ?`)
		if err != nil {
			return nil, fmt.Errorf("read incoming clipping %s: %w", id, classify(err))
		}
		in.body = st
	}
	t := &selfText{}
	if err := in.body.QueryRowContext(in.ctx, in.m.clipRow[id]).Scan(&t.body, &t.hash); err != nil {
		return nil, fmt.Errorf("read incoming clipping %s: %w", id, classify(err))
	}
	t.runes = []rune(t.body)
	if tc.byID == nil {
		tc.byID = map[string]*selfText{}
	}
	if len(tc.order) == textCacheSize {
		delete(tc.byID, tc.order[0])
		tc.order = tc.order[1:]
	}
	tc.byID[id] = t
	tc.order = append(tc.order, id)
	return t, nil
}

// readAnns reads the annotations of this project q selects.
func (m *merger) readAnns(q string, args ...any) ([]annState, error) {
	rows, err := m.tx.QueryContext(m.ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	defer rows.Close()
	var as []annState
	var cols lazyCols
	for rows.Next() {
		a, _, err := readAnnState(rows, &cols)
		if err != nil {
			return nil, fmt.Errorf("read annotations: %w", err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	return as, nil
}

// reportAnchor lists an added or updated live annotation that was placed
// onto a changed text.
func (m *merger) reportAnchor(a annState, ra *reanchor.Result) {
	if ra == nil || a.DeletedAt != nil || ra.Status == reanchor.StatusExact {
		return
	}
	r := &m.rep.Annotations
	switch ra.Status {
	case reanchor.StatusRemapped:
		r.Remapped++
	case reanchor.StatusFuzzy:
		r.Fuzzy++
	case reanchor.StatusOrphan:
		r.Orphans++
	}
	item := ReAnchored{AnnotationID: a.ID, ClippingID: a.ClippingID, Status: string(ra.Status),
		Score: ra.Score, Start: a.Start, End: a.End, Quote: a.AnchorQuote}
	if !m.opt.CountsOnly {
		r.ReAnchored = append(r.ReAnchored, item)
	}
	m.item(MergeItem{What: "re_anchored", Table: "annotations", ID: a.ID, ClippingID: a.ClippingID, ReAnchored: &item})
}

// mapAnn expresses a checked incoming annotation in this project's terms:
// clipping and tag redirected where they matched by text or name, and
// re-anchored onto this project's text where the clipping's text differs,
// or onto the same text where its exact text is not at its span (the
// returned result is nil when it was not re-anchored).
func (m *merger) mapAnn(b *batch, t annState) (annState, *reanchor.Result, error) {
	mt := t
	mt.rid = 0
	mt.ClippingID, mt.TagID = m.clipMap[t.ClippingID], m.tagMap[t.TagID]
	d, err := m.ourText(t.ClippingID)
	if err != nil {
		return mt, nil, err
	}
	var mapper *reanchor.Mapper
	var body, hash string
	switch self := b.moved[t.ID]; {
	case d != nil:
		mapper, body, hash = d.mapper, d.ours, d.hash
	case self != nil:
		if self.mapper == nil {
			self.mapper = reanchor.NewMapper(self.body, self.body)
		}
		mapper, body, hash = self.mapper, self.body, self.hash
	default:
		return mt, nil, nil
	}
	r := mapper.Map(reanchor.Span{Start: t.Start, End: t.End, Exact: t.Exact, Prefix: t.Prefix, Suffix: t.Suffix})
	if mt, err = placeOn(mt, t, &r, body, hash); err != nil {
		return mt, nil, fmt.Errorf("re-anchor annotation %s: %w", t.ID, err)
	}
	return mt, &r, nil
}

// placeOn places annotation mt (made as t) where re-anchoring found it in
// body (of hash): at r with the text there, or, when it was not found, at
// the place r maps it to with the text and context it was made on, as an
// orphan for the researcher to re-select. r's status and score are
// corrected for an orphan.
func placeOn(mt, t annState, r *reanchor.Result, body, hash string) (annState, error) {
	if r.Status != reanchor.StatusOrphan && r.End > r.Start {
		x, pre, suf, err := model.Anchor(body, r.Start, r.End)
		if err != nil {
			return mt, err
		}
		mt.Start, mt.End, mt.Exact, mt.Prefix, mt.Suffix, mt.BodyHash = r.Start, r.End, x, pre, suf, hash
	} else {
		r.Status, r.Score = reanchor.StatusOrphan, 0
		mt.Start, mt.End = nonEmpty(r.Start, r.End, len([]rune(body)))
	}
	mt.AnchorStatus = combineAnchor(t.AnchorStatus, r.Status)
	mt.AnchorQuote = ""
	if mt.AnchorStatus != "" {
		mt.AnchorQuote = t.AnchorQuote
		if mt.AnchorQuote == "" {
			mt.AnchorQuote = t.Exact
		}
	}
	return mt, nil
}

// nonEmpty widens an empty span [start, end) inside a text of n code
// points (n > 0) to one code point.
func nonEmpty(start, end, n int) (int, int) {
	start = min(max(start, 0), n-1)
	end = min(max(end, start+1), n)
	return start, end
}

// anchorRank orders anchor statuses from sound to lost.
var anchorRank = map[string]int{"": 0, "remapped": 1, "fuzzy": 2, "orphan": 3}

// combineAnchor is the anchor status after re-anchoring an annotation
// that had status prev: the worse of the two — a fuzzy placement stays to
// review — except that an orphan found again takes the new status.
func combineAnchor(prev string, now reanchor.Status) string {
	n := string(now)
	if now == reanchor.StatusExact {
		n = ""
	}
	if prev == "orphan" || anchorRank[n] >= anchorRank[prev] {
		return n
	}
	return prev
}

// adopt is our row cur after taking the incoming state t: t's content
// with cur's row id — or, when t is a deletion, cur's content deleted (a
// shared file may have scrubbed the tombstone's content) — and the later
// of the two updated_at.
func adopt(cur, t annState) annState {
	next := t
	if t.DeletedAt != nil {
		next = cur
		next.DeletedAt = tombstone(cur.DeletedAt, true, *t.DeletedAt)
	}
	next.rid = cur.rid
	next.UpdatedAt = max(cur.UpdatedAt, t.UpdatedAt)
	return next
}

// sortedIDs returns the keys of a set in order.
func sortedIDs(set map[string]bool) []string {
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
