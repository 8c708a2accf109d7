package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// apply writes the plan inside the merge transaction.
func (m *merger) apply() error {
	var err error
	if m.peer, err = ensurePeer(m.ctx, m.tx.Tx, m.replica, m.now); err != nil {
		return err
	}
	for _, step := range []func() error{m.applyCoders, m.applyTags, m.applyClippings, m.applyAnnotations,
		m.applyAudit, m.applyRejections} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
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

// applyAnnotations inserts and updates annotations (keeping the note
// index in step) and records the sync points.
func (m *merger) applyAnnotations() error {
	for i := range m.inserts {
		a := &m.inserts[i]
		if err := insertAnn(m.x, &a.st); err != nil {
			return fmt.Errorf("annotation %s: %w", a.st.ID, err)
		}
		m.bases = append(m.bases, baseRow{rid: a.st.rid, ours: stateHash(a.st), theirs: a.theirs})
	}
	for _, u := range m.updates {
		if err := updateAnn(m.x, u.prev, u.next); err != nil {
			return err
		}
	}
	for _, b := range m.bases {
		if _, err := m.x.exec(baseUpsert, m.peer, b.rid, b.ours, b.theirs); err != nil {
			return fmt.Errorf("record merge base: %w", err)
		}
	}
	return nil
}

// applyAudit records the merge in the merges table, with its conflicts.
func (m *merger) applyAudit() error {
	if m.rep.Changes() == 0 {
		return nil // only sync points: nothing for the researcher to see
	}
	id, err := newID()
	if err != nil {
		return err
	}
	for i := range m.conflicts {
		if m.conflicts[i].id, err = newID(); err != nil {
			return err
		}
		m.rep.Annotations.Conflicts[i].ConflictID = m.conflicts[i].id
	}
	m.rep.MergeID = id
	report, err := json.Marshal(m.rep.audit())
	if err != nil {
		return fmt.Errorf("encode merge report: %w", err)
	}
	var coder any
	if m.opt.CoderID != "" {
		coder = m.opt.CoderID
	}
	if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.merges (id, peer, coder_id, source, report, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, m.peer, coder, filepath.Base(m.rep.Source), string(report), m.now, m.now); err != nil {
		return fmt.Errorf("record the merge: %w", err)
	}
	for _, c := range m.conflicts {
		ours, err := json.Marshal(c.ours)
		if err != nil {
			return fmt.Errorf("encode conflict: %w", err)
		}
		theirs, err := json.Marshal(c.theirs)
		if err != nil {
			return fmt.Errorf("encode conflict: %w", err)
		}
		if _, err := m.tx.ExecContext(m.ctx, `INSERT INTO main.conflicts (id, merge_id, annotation_id, ours, theirs,
			theirs_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			c.id, id, c.ours.ID, string(ours), string(theirs), c.theirsHash, m.now, m.now); err != nil {
			return fmt.Errorf("record conflict on annotation %s: %w", c.ours.ID, err)
		}
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
