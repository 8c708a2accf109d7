package store

import (
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"clipper/model"
	reanchor "clipper/model/anchor"
)

// planAnnotations decides, for every incoming annotation, whether it is
// added, taken over, kept as ours, the same, or a conflict (see Merge).
func (m *merger) planAnnotations() error {
	theirs, err := m.incomingAnns()
	if err != nil {
		return err
	}
	overlap, err := m.readAnns(len(theirs), `SELECT `+annCols+` FROM main.annotations
		WHERE id IN (SELECT id FROM theirs.annotations NOT INDEXED)`)
	if err != nil {
		return err
	}
	ours := make(map[string]annState, len(overlap))
	for _, a := range overlap {
		ours[a.ID] = a
	}
	bases, err := loadBases(m.ctx, m.tx.Tx, m.peer)
	if err != nil {
		return err
	}
	pending, err := m.openConflicts()
	if err != nil {
		return err
	}
	r := &m.rep.Annotations
	for _, t := range theirs {
		mt, ra, err := m.mapAnn(t)
		if err != nil {
			return err
		}
		ht := stateHash(t)
		cur, ok := ours[t.ID]
		if !ok {
			m.inserts = append(m.inserts, annInsert{st: mt, theirs: ht})
			if mt.DeletedAt != nil {
				r.Tombstones++
				continue
			}
			r.Added++
			r.AddedIDs = append(r.AddedIDs, t.ID)
			m.reportAnchor(mt, ra)
			continue
		}
		ho := stateHash(cur)
		b, synced := bases[cur.rid]
		switch {
		case cur.ClippingID != mt.ClippingID:
			// Annotations never change clipping: only a tampered file
			// gets here. Recorded for the researcher, not applied.
			m.conflict(cur, mt, ht, pending)
		case synced && ht == b.theirs:
			r.Unchanged++ // they did not change it; ours may have
		case synced && ho == b.ours:
			next := adopt(cur, mt)
			hn := stateHash(next)
			if hn == ho {
				r.Unchanged++
			} else {
				m.updates = append(m.updates, annUpdate{prev: cur, next: next})
				if next.DeletedAt != nil && cur.DeletedAt == nil {
					r.Deleted++
					r.DeletedIDs = append(r.DeletedIDs, t.ID)
				} else {
					r.Updated++
					r.UpdatedIDs = append(r.UpdatedIDs, t.ID)
					m.reportAnchor(next, ra)
				}
			}
			m.base(cur.rid, hn, ht, b, synced)
		case stateHash(mt) == ho:
			r.Unchanged++ // the same change on both sides, or equal and never synced
			m.base(cur.rid, ho, ht, b, synced)
		default:
			m.conflict(cur, mt, ht, pending)
		}
	}
	return nil
}

// base plans a sync record unless the stored one already says so.
func (m *merger) base(rid, ours, theirs int64, old syncBase, exists bool) {
	if exists && old == (syncBase{ours, theirs}) {
		return
	}
	m.bases = append(m.bases, baseRow{rid: rid, ours: ours, theirs: theirs})
}

// conflict plans a conflict between our state and the incoming one,
// unless an earlier merge of the same file recorded it and it is open.
func (m *merger) conflict(ours, theirs annState, theirsHash int64, pending map[conflictKey]bool) {
	r := &m.rep.Annotations
	if pending[conflictKey{ours.ID, theirsHash}] {
		r.AlreadyInConflict++
		return
	}
	m.conflicts = append(m.conflicts, conflictRow{ours: ours, theirs: theirs, theirsHash: theirsHash})
	r.Conflicts = append(r.Conflicts, MergeConflict{AnnotationID: ours.ID, ClippingID: ours.ClippingID, Exact: ours.Exact})
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

// incomingAnns reads the annotations of the file and returns those that
// pass the row checks (see checkAnnRow, checkSpan) and whose clipping, tag
// and coder arrive, by id; the others are refused. An annotation whose
// exact text is not at its span is kept, to be re-anchored (see mapAnn).
// The rows are read by clipping, so that one text at a time is in memory.
func (m *merger) incomingAnns() ([]annState, error) {
	var n int
	if err := m.tx.QueryRowContext(m.ctx, `SELECT count(*) FROM theirs.annotations NOT INDEXED`).Scan(&n); err != nil {
		return nil, fmt.Errorf("count incoming annotations: %w", classify(err))
	}
	theirs, cs, err := readTheirs(m, "annotations", `SELECT `+annCols+` FROM theirs.annotations NOT INDEXED`, n,
		typedAnn, func(c *cells) annState {
			a := decodeAnn(c)
			checkAnnRow(c, a)
			return a
		})
	if err != nil {
		return nil, err
	}
	order := make([]int, len(theirs)) // by clipping, then id
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(theirs[i].ClippingID, theirs[j].ClippingID) })
	good := make([]annState, 0, len(theirs))
	var clip string // the clipping whose text is loaded
	var text *selfText
	for _, i := range order {
		a := theirs[i]
		if why := m.parentProblem(a.ClippingID, a.TagID, a.CoderID); why != "" {
			m.refuse("annotations", a.ID, why)
			continue
		}
		if a.DeletedAt == nil && m.deletedTag(a.TagID) {
			m.refuse("annotations", a.ID, fmt.Sprintf("its tag %s is deleted in the file", a.TagID))
			continue
		}
		if a.ClippingID != clip {
			if text, err = m.theirText(a.ClippingID); err != nil {
				return nil, err
			}
			clip = a.ClippingID
		}
		c := cs[i]
		if !checkSpan(c, a, text.runes) {
			m.moved[a.ID] = text
		}
		if len(c.probs) > 0 {
			m.refuse("annotations", a.ID, reason(c.probs))
			continue
		}
		good = append(good, a)
	}
	slices.SortFunc(good, func(a, b annState) int { return strings.Compare(a.ID, b.ID) })
	return good, nil
}

// typedAnn reads an annotation row with Go types, the fast way, and
// checks it as decodeAnn and checkAnnRow would; ok is false when a value
// has the wrong type (the row is then read value by value).
func typedAnn(rows *sql.Rows, c *cells) (annState, bool) {
	a, err := scanAnn(rows)
	if err != nil {
		return a, false
	}
	c.rowid, c.id = a.rid, fmt.Sprintf("row %d", a.rid)
	if a.ID != "" && utf8.ValidString(a.ID) && len(a.ID) <= 64 {
		c.id = a.ID
	}
	for _, f := range []struct{ col, v string }{{"id", a.ID}, {"clipping_id", a.ClippingID}, {"tag_id", a.TagID},
		{"coder_id", a.CoderID}, {"exact", a.Exact}, {"prefix", a.Prefix}, {"suffix", a.Suffix},
		{"body_hash", a.BodyHash}, {"speaker", a.Speaker}, {"claimant", a.Claimant}, {"status", a.Status},
		{"unit", a.Unit}, {"comparator", a.Comparator}, {"note", a.Note}, {"origin", a.Origin},
		{"anchor_status", a.AnchorStatus}, {"anchor_quote", a.AnchorQuote}} {
		if !utf8.ValidString(f.v) {
			return a, false // read value by value, which says so
		}
	}
	stamps := []struct {
		col string
		v   *string
	}{{"created_at", &a.CreatedAt}, {"updated_at", &a.UpdatedAt}, {"deleted_at", a.DeletedAt}}
	for _, f := range stamps {
		if f.v != nil && checkTime(*f.v) != nil {
			return a, false
		}
	}
	for _, v := range []*float64{a.Value, a.Low, a.High} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return a, false
		}
	}
	checkAnnRow(c, a)
	return a, true
}

// deletedTag reports whether the incoming tag id is added as a tombstone.
func (m *merger) deletedTag(id string) bool {
	for _, t := range m.newTags {
		if t.ID == id {
			return t.DeletedAt != nil
		}
	}
	return false
}

// theirText reads the text of the incoming clipping id, by rowid.
func (m *merger) theirText(id string) (*selfText, error) {
	t := &selfText{}
	if err := m.tx.QueryRowContext(m.ctx, `SELECT body, body_hash FROM theirs.clippings WHERE rowid = ?`,
		m.clipRow[id]).Scan(&t.body, &t.hash); err != nil {
		return nil, fmt.Errorf("read incoming clipping %s: %w", id, classify(err))
	}
	t.runes = []rune(t.body)
	return t, nil
}

// readAnns reads the annotations of this project q selects, about n of
// them.
func (m *merger) readAnns(n int, q string) ([]annState, error) {
	rows, err := m.tx.QueryContext(m.ctx, q)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	defer rows.Close()
	as := make([]annState, 0, n)
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
	r.ReAnchored = append(r.ReAnchored, ReAnchored{AnnotationID: a.ID, ClippingID: a.ClippingID, Status: string(ra.Status),
		Score: ra.Score, Start: a.Start, End: a.End, Quote: a.AnchorQuote})
}

// mapAnn expresses a checked incoming annotation in this project's terms:
// clipping and tag redirected where they matched by text or name, and
// re-anchored onto this project's text where the clipping's text differs,
// or onto the same text where its exact text is not at its span (the
// returned result is nil when it was not re-anchored).
func (m *merger) mapAnn(t annState) (annState, *reanchor.Result, error) {
	mt := t
	mt.rid = 0
	mt.ClippingID, mt.TagID = m.clipMap[t.ClippingID], m.tagMap[t.TagID]
	d, err := m.ourText(t.ClippingID)
	if err != nil {
		return mt, nil, err
	}
	var mapper *reanchor.Mapper
	var body, hash string
	switch self := m.moved[t.ID]; {
	case d != nil:
		mapper, body, hash = d.mapper, d.ours, d.ourHash
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
