package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// ensurePeer adds the incoming file's replica as a peer of this project
// (once), before anything refers to it.
func (m *merger) ensurePeer() error {
	if m.peer != 0 {
		return nil
	}
	var err error
	m.peer, err = ensurePeer(m.ctx, m.tx.Tx, m.replica, m.now)
	return err
}

func (m *merger) applyCoders() error {
	for _, c := range m.coders {
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.coders (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			c.ID, c.Name, c.CreatedAt, c.UpdatedAt); err != nil {
			return fmt.Errorf("add coder %s: %w", c.ID, err)
		}
	}
	return nil
}

func (m *merger) applyTags() error {
	for _, t := range m.newTags {
		if _, err := m.tx.exec(`INSERT INTO main.tags (`+tagCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.ID, t.Name, t.Kind, t.Color, t.Description, t.Shortcut, t.Builtin, t.CreatedAt, t.UpdatedAt, t.DeletedAt); err != nil {
			return fmt.Errorf("add tag %q: %w", t.Name, err)
		}
	}
	return nil
}

// applyRevivals brings back the deleted tags planRevivals chose.
func (m *merger) applyRevivals() error {
	for _, t := range m.revive {
		if err := updateTag(m.tx, t); err != nil {
			return fmt.Errorf("revive tag %q: %w", t.Name, err)
		}
	}
	return nil
}

// applyClippings adds the new clippings with their original bytes, copied
// inside SQLite (by rowid: the checked rows, never through the file's
// indexes), and indexes them for search.
func (m *merger) applyClippings() error {
	for _, row := range m.newClips {
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.clippings (id, body_hash, publication, headline, deck, authors,
			credit, dateline, date, url, captions, section, language, page, words, source_id, details,
			source_name, imported_at, created_at, updated_at, body, original)
			SELECT id, body_hash, publication, headline, deck, authors, credit, dateline, date, url, captions,
			section, language, page, words, source_id, details,
			source_name, imported_at, created_at, updated_at, body, original FROM theirs.clippings WHERE rowid = ?`, row)
		if err != nil {
			return fmt.Errorf("add clipping (row %d of the file): %w", row, err)
		}
		rid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := m.x.exec(`INSERT INTO main.clip_fts (docid, headline, body)
			SELECT rid, headline, body FROM main.clippings WHERE rid = ?`, rid); err != nil {
			return fmt.Errorf("index clipping (row %d of the file): %w", row, err)
		}
	}
	return nil
}

// applyBatch inserts and updates a batch's annotations (keeping the note
// index in step), records the sync points and the conflicts.
func (m *merger) applyBatch(b *batch) error {
	if len(b.inserts)+len(b.updates)+len(b.bases)+len(b.conf) == 0 {
		return nil
	}
	if err := m.ensurePeer(); err != nil {
		return err
	}
	// In row order: runs of plain rows are copied inside SQLite, the
	// others inserted value by value.
	for i := 0; i < len(b.inserts); {
		if !b.inserts[i].plain {
			a := &b.inserts[i]
			if err := insertAnn(m.x, &a.st); err != nil {
				return fmt.Errorf("annotation %s: %w", a.st.ID, err)
			}
			i++
			continue
		}
		k := i + 1
		for k < len(b.inserts) && b.inserts[k].plain {
			k++
		}
		if err := m.insertCopies(b.inserts[i:k]); err != nil {
			return err
		}
		i = k
	}
	for i := range b.inserts {
		a := &b.inserts[i]
		ours := a.theirs // a plain row is the incoming state exactly
		if !a.plain {
			ours = stateHash(a.st)
		}
		b.bases = append(b.bases, baseRow{rid: a.st.rid, ours: ours, theirs: a.theirs})
	}
	for _, u := range b.updates {
		if err := updateAnn(m.x, u.prev, u.next); err != nil {
			return err
		}
	}
	if err := m.recordBases(b.bases); err != nil {
		return err
	}
	m.changed += len(b.bases)
	if len(b.conf) == 0 {
		return nil
	}
	// The conflicts of this batch are the last ones listed in the report.
	listed := m.rep.Annotations.Conflicts[len(m.rep.Annotations.Conflicts)-len(b.conf):]
	for i, c := range b.conf {
		id, err := newID()
		if err != nil {
			return err
		}
		ours, err := json.Marshal(c.ours)
		if err != nil {
			return fmt.Errorf("encode conflict: %w", err)
		}
		theirs, err := json.Marshal(c.theirs)
		if err != nil {
			return fmt.Errorf("encode conflict: %w", err)
		}
		// merge_id refers to the audit record written at the end (the
		// foreign keys are checked at commit).
		if _, err := m.x.exec(`INSERT INTO main.conflicts (id, merge_id, annotation_id, ours, theirs,
			theirs_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, m.mergeID, c.ours.ID, string(ours), string(theirs), c.theirsHash, m.now, m.now); err != nil {
			return fmt.Errorf("record conflict on annotation %s: %w", c.ours.ID, err)
		}
		listed[i].ConflictID = id
	}
	return nil
}

// applyAudit records the merge in the merges table (its conflicts are
// recorded already, referring to it).
func (m *merger) applyAudit() error {
	if m.rep.Changes() == 0 && len(m.rep.Refused) == 0 {
		return nil // only sync points: nothing for the researcher to see
	}
	if err := m.ensurePeer(); err != nil {
		return err
	}
	m.rep.MergeID = m.mergeID
	report, err := json.Marshal(m.rep.audit())
	if err != nil {
		return fmt.Errorf("encode merge report: %w", err)
	}
	var coder any
	if m.opt.CoderID != "" {
		coder = m.opt.CoderID
	}
	if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.merges (id, peer, coder_id, source, report, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, m.mergeID, m.peer, coder, filepath.Base(m.rep.Source), string(report), m.now, m.now); err != nil {
		return fmt.Errorf("record the merge: %w", err)
	}
	return nil
}

func (m *merger) applyRejections() error {
	for _, r := range m.rejections {
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.rejections (id, clipping_id, coder_id, kind, start, "end",
			text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.id, r.clipping, r.coder, r.kind, r.start, r.end, r.text, r.created, r.updated); err != nil {
			return fmt.Errorf("add rejection %s: %w", r.id, err)
		}
	}
	return nil
}

// annCopyCols are the columns of an annotation a merge copies from the
// file (all but the local row id).
const annCopyCols = `id, clipping_id, tag_id, coder_id, start, "end", exact, prefix, suffix, body_hash,
	speaker, claimant, status, value, low, high, unit, comparator, note, origin, anchor_status, anchor_quote,
	created_at, updated_at, deleted_at`

// insertCopies adds a run of plain incoming annotations (in the file's
// row order) by copying their rows inside SQLite, one statement for the
// run, sets their local row ids and indexes their notes: what insertAnn
// does for each, without a statement per row.
func (m *merger) insertCopies(run []annInsert) error {
	rows := make([]int64, len(run))
	ids := make([]string, len(run))
	for i, a := range run {
		rows[i], ids[i] = a.row, a.st.ID
	}
	rj, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	res, err := m.x.exec(`INSERT INTO main.annotations (`+annCopyCols+`) SELECT `+annCopyCols+`
		FROM theirs.annotations WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`, string(rj))
	if err != nil {
		return fmt.Errorf("add annotations %s…: %w", ids[0], err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != int64(len(run)) {
		return fmt.Errorf("add annotations %s…: copied %d rows of %d", ids[0], n, len(run))
	}
	last, err := res.LastInsertId()
	if err != nil {
		return err
	}
	ij, err := jsonList(ids)
	if err != nil {
		return err
	}
	// The rows are numbered on from the last one, in the order copied;
	// should SQLite have numbered them otherwise, each is looked up.
	first := last - int64(len(run)) + 1
	var match int
	if err := m.tx.QueryRowContext(m.ctx, `SELECT count(*) FROM json_each(?) j JOIN main.annotations a
		ON a.rid = ? + j.key WHERE a.id = j.value`, ij, first).Scan(&match); err != nil {
		return fmt.Errorf("number added annotations: %w", err)
	}
	rids := make([]int64, len(run))
	for i := range run {
		rids[i] = first + int64(i)
		if match != len(run) {
			err := m.tx.QueryRowContext(m.ctx, `SELECT rid FROM main.annotations WHERE id = ?`, ids[i]).Scan(&rids[i])
			if err != nil {
				return fmt.Errorf("number added annotation %s: %w", ids[i], err)
			}
		}
		run[i].st.rid = rids[i]
	}
	dj, err := json.Marshal(rids)
	if err != nil {
		return err
	}
	if _, err := m.x.exec(`INSERT INTO main.note_fts (docid, note) SELECT rid, note FROM main.annotations
		WHERE rid IN (SELECT value FROM json_each(?)) AND note <> ''`, string(dj)); err != nil {
		return fmt.Errorf("index notes: %w", err)
	}
	return nil
}

// recordBases records sync points, one statement for all.
func (m *merger) recordBases(bases []baseRow) error {
	if len(bases) == 0 {
		return nil
	}
	vals := make([][3]int64, len(bases))
	for i, r := range bases {
		vals[i] = [3]int64{r.rid, r.ours, r.theirs}
	}
	j, err := json.Marshal(vals)
	if err != nil {
		return err
	}
	if _, err := m.x.exec(baseUpsertJSON, m.peer, string(j)); err != nil {
		return fmt.Errorf("record merge base: %w", err)
	}
	return nil
}
