package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"clipper/model"
	reanchor "clipper/model/anchor"
)

// merger plans a merge inside the merge transaction — reading both files,
// matching and deciding — and then applies the plan. The plan is what a
// dry run reports.
type merger struct {
	ctx context.Context
	tx  *wtx
	x   *txStmts // the hot statements, prepared once on tx
	opt MergeOptions
	rep *MergeReport
	now string

	replica string // the incoming file's replica id
	peer    int64  // its local number; 0 when never merged with

	coders []string // incoming coder ids to add

	tagMap  map[string]string   // incoming tag id → tag id here
	ourTags map[string]tagState // this project's tags by id
	newTags []tagState          // incoming tags to add (names settled)
	revive  []tagState          // deleted tags here to bring back

	clipMap  map[string]string        // incoming clipping id → clipping id here
	newClips []string                 // incoming clipping ids to add
	textLen  map[string]int           // incoming clipping id → its text's length in code points
	differs  map[string]*textMismatch // incoming clipping id → the two texts, when they differ

	inserts   []annInsert
	updates   []annUpdate
	bases     []baseRow // sync records of annotations that exist here already
	conflicts []conflictRow

	rejections []rejectionRow
}

// textMismatch is a clipping whose text differs between the two files.
type textMismatch struct {
	theirs, ours, ourHash string
	mapper                *reanchor.Mapper // built on first use
}

// annInsert is an incoming annotation new to this project.
type annInsert struct {
	st     annState
	theirs int64 // stateHash of the incoming state
}

// annUpdate takes the incoming version of an annotation.
type annUpdate struct{ prev, next annState }

// baseRow records that an annotation (by rid) is in sync.
type baseRow struct {
	rid          int64
	ours, theirs int64
}

// conflictRow is a conflict to record.
type conflictRow struct {
	id           string
	ours, theirs annState
	theirsHash   int64
}

// rejectionRow is a rejected suggestion to take over.
type rejectionRow struct {
	id, clipping, coder, kind, text, created, updated string
	start, end                                        int
}

func newMerger(tx *wtx, opt MergeOptions, rep *MergeReport) (*merger, error) {
	m := &merger{ctx: tx.ctx, tx: tx, opt: opt, rep: rep, now: fmtTime(nowUTC()),
		x:      &txStmts{ctx: tx.ctx, tx: tx.Tx, stmts: map[string]*sql.Stmt{}},
		tagMap: map[string]string{}, ourTags: map[string]tagState{},
		clipMap: map[string]string{}, textLen: map[string]int{}, differs: map[string]*textMismatch{}}
	if opt.CoderID != "" {
		if err := requireCoder(m.ctx, tx, opt.CoderID); err != nil {
			return nil, fmt.Errorf("merging coder: %w", err)
		}
	}
	var err error
	if m.replica, err = replicaID(m.ctx, tx, "theirs"); err != nil {
		return nil, fmt.Errorf("refused: %w", err)
	}
	if m.peer, err = findPeer(m.ctx, tx.Tx, m.replica); err != nil {
		return nil, err
	}
	rep.Peer = m.replica
	if rep.PeerVersions, err = readVersions(m.ctx, tx, "theirs"); err != nil {
		return nil, err
	}
	return m, nil
}

// plan matches and decides everything; it writes nothing.
func (m *merger) plan() error {
	for _, step := range []func() error{m.planCoders, m.planTags, m.planClippings, m.planAnnotations,
		m.planRevivals, m.planRejections} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writes reports whether applying the plan changes anything.
func (m *merger) writes() bool {
	return m.rep.Changes() > 0 || len(m.bases) > 0
}

// corrupt reports incoming data that the file's own constraints should
// have excluded: the file was altered outside Clipper.
func corrupt(format string, args ...any) error {
	return fmt.Errorf("refused: %w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

// planCoders adds incoming coders this project lacks (matched by id).
func (m *merger) planCoders() error {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT t.id, t.name FROM theirs.coders t
		WHERE NOT EXISTS (SELECT 1 FROM main.coders o WHERE o.id = t.id) ORDER BY t.id`)
	if err != nil {
		return fmt.Errorf("read coders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c MergedCoder
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return fmt.Errorf("read coders: %w", err)
		}
		m.coders = append(m.coders, c.ID)
		m.rep.Coders.Added = append(m.rep.Coders.Added, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read coders: %w", err)
	}
	var n int
	if err := m.tx.QueryRowContext(m.ctx, `SELECT count(*) FROM theirs.coders`).Scan(&n); err != nil {
		return fmt.Errorf("count coders: %w", err)
	}
	m.rep.Coders.Unchanged = n - len(m.coders)
	return nil
}

// readTags reads every tag of db ("main" or "theirs"), deleted ones too.
func (m *merger) readTags(db string) ([]tagState, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT `+tagCols+` FROM `+db+`.tags ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()
	var ts []tagState
	for rows.Next() {
		t, err := scanTag(rows)
		if err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}

// planTags maps every incoming tag to a tag here: by id; then a live tag
// by name (case-insensitive) — merged, or kept apart as "name (2)" with
// KeepBothTags — or, for a built-in tag, this project's built-in tag of
// the same kind; else it is added. Shortcuts that clash are dropped from
// the added tag.
func (m *merger) planTags() error {
	ours, err := m.readTags("main")
	if err != nil {
		return err
	}
	theirs, err := m.readTags("theirs")
	if err != nil {
		return err
	}
	var live []tagState // live tags here, added ones included
	for _, t := range ours {
		m.ourTags[t.ID] = t
		if t.DeletedAt == nil {
			live = append(live, t)
		}
	}
	for _, t := range theirs {
		if _, ok := m.ourTags[t.ID]; ok {
			m.tagMap[t.ID] = t.ID
			m.rep.Tags.Unchanged++
			continue
		}
		if t.DeletedAt != nil {
			// Kept as the tombstone it is, for the deleted annotations
			// that refer to it.
			t.Builtin = false
			m.addTag(t)
			continue
		}
		same := findTag(live, func(o tagState) bool { return strings.EqualFold(o.Name, t.Name) })
		if t.Builtin {
			if b := findTag(live, func(o tagState) bool { return o.Builtin && o.Kind == t.Kind }); b != nil {
				same = b
			}
		}
		if same != nil && (!m.opt.KeepBothTags || same.Builtin && t.Builtin) {
			m.tagMap[t.ID] = same.ID
			m.rep.Tags.Merged = append(m.rep.Tags.Merged, MergedTag{ID: same.ID, Name: same.Name, TheirID: t.ID, TheirName: t.Name})
			continue
		}
		add := t
		add.Builtin = false
		settleTag(&add, live)
		m.addTag(add)
		live = append(live, add)
		m.rep.Tags.Added = append(m.rep.Tags.Added, MergedTag{ID: add.ID, Name: add.Name, TheirID: t.ID, TheirName: t.Name})
	}
	return nil
}

func (m *merger) addTag(t tagState) {
	m.tagMap[t.ID] = t.ID
	m.newTags = append(m.newTags, t)
}

func findTag(ts []tagState, match func(tagState) bool) *tagState {
	for i := range ts {
		if match(ts[i]) {
			return &ts[i]
		}
	}
	return nil
}

// settleTag renames t to "name (2)", "name (3)", … when another live tag
// has its name, and drops its shortcut when another live tag has it.
func settleTag(t *tagState, live []tagState) {
	taken := func(name string) bool {
		return findTag(live, func(o tagState) bool { return o.ID != t.ID && strings.EqualFold(o.Name, name) }) != nil
	}
	base := t.Name
	for i := 2; taken(t.Name); i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		r := []rune(base)
		t.Name = string(r[:min(len(r), maxNameLen-utf8.RuneCountInString(suffix))]) + suffix
	}
	if t.Shortcut != "" && findTag(live, func(o tagState) bool {
		return o.ID != t.ID && strings.EqualFold(o.Shortcut, t.Shortcut)
	}) != nil {
		t.Shortcut = ""
	}
}

// planClippings maps every incoming clipping: by id (same text, or a text
// that differs), then by text hash; else it is added. Every incoming text
// must match its hash.
func (m *merger) planClippings() error {
	type ours struct{ id, hash string }
	byID, byHash := map[string]ours{}, map[string]ours{}
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, body_hash FROM main.clippings`)
	if err != nil {
		return fmt.Errorf("read clippings: %w", err)
	}
	for rows.Next() {
		var o ours
		if err := rows.Scan(&o.id, &o.hash); err != nil {
			rows.Close()
			return fmt.Errorf("read clippings: %w", err)
		}
		byID[o.id], byHash[o.hash] = o, o
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read clippings: %w", err)
	}
	rows, err = m.tx.QueryContext(m.ctx, `SELECT id, body_hash, headline, body FROM theirs.clippings ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read incoming clippings: %w", err)
	}
	defer rows.Close()
	c := &m.rep.Clippings
	for rows.Next() {
		var id, hash, headline, body string
		if err := rows.Scan(&id, &hash, &headline, &body); err != nil {
			return fmt.Errorf("read incoming clippings: %w", err)
		}
		if !utf8.ValidString(body) || model.HashBody(body) != hash {
			return corrupt("the text of clipping %s (%q) does not match its hash", id, headline)
		}
		m.textLen[id] = utf8.RuneCountInString(body)
		item := MergedClipping{ID: id, TheirID: id, Headline: headline}
		if o, ok := byID[id]; ok {
			m.clipMap[id] = id
			if o.hash == hash {
				c.Unchanged++
				continue
			}
			m.differs[id] = &textMismatch{theirs: body}
			c.TextDiffers = append(c.TextDiffers, item)
			continue
		}
		if o, ok := byHash[hash]; ok {
			m.clipMap[id], item.ID = o.id, o.id
			c.MatchedByHash = append(c.MatchedByHash, item)
			continue
		}
		m.clipMap[id] = id
		m.newClips = append(m.newClips, id)
		c.Added = append(c.Added, item)
	}
	return rows.Err()
}

// ourText loads this project's text of a clipping whose text differs.
func (m *merger) ourText(theirID string) (*textMismatch, error) {
	d := m.differs[theirID]
	if d == nil || d.mapper != nil {
		return d, nil
	}
	if err := m.tx.QueryRowContext(m.ctx, `SELECT body, body_hash FROM main.clippings WHERE id = ?`,
		m.clipMap[theirID]).Scan(&d.ours, &d.ourHash); err != nil {
		return nil, fmt.Errorf("read clipping %s: %w", theirID, err)
	}
	d.mapper = reanchor.NewMapper(d.theirs, d.ours)
	d.theirs = "" // the mapper holds what it needs
	return d, nil
}

// planRevivals brings back deleted tags here that annotations being added
// or taken over (live) use, renamed or without shortcut if need be.
func (m *merger) planRevivals() error {
	need := map[string]bool{}
	for _, a := range m.inserts {
		if a.st.DeletedAt == nil {
			need[a.st.TagID] = true
		}
	}
	for _, u := range m.updates {
		if u.next.DeletedAt == nil {
			need[u.next.TagID] = true
		}
	}
	var live []tagState
	for _, t := range m.ourTags {
		if t.DeletedAt == nil {
			live = append(live, t)
		}
	}
	for _, t := range m.newTags {
		if t.DeletedAt == nil {
			live = append(live, t)
		}
	}
	for _, t := range m.newTags {
		if t.DeletedAt != nil && need[t.ID] {
			return corrupt("live annotations use tag %s (%q), which the file has deleted", t.ID, t.Name)
		}
	}
	ids := sortedIDs(need)
	for _, id := range ids {
		t, ok := m.ourTags[id]
		if !ok || t.DeletedAt == nil {
			continue
		}
		next := t
		next.DeletedAt, next.UpdatedAt = nil, m.now
		settleTag(&next, live)
		live = append(live, next)
		m.revive = append(m.revive, next)
		m.rep.Tags.Revived = append(m.rep.Tags.Revived, MergedTag{ID: t.ID, Name: next.Name, TheirID: t.ID, TheirName: t.Name})
	}
	return nil
}

// planRejections takes over rejected suggestions this project lacks.
func (m *merger) planRejections() error {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, clipping_id, coder_id, kind, start, "end", text, created_at, updated_at
		FROM theirs.rejections ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read rejections: %w", err)
	}
	var rs []rejectionRow
	for rows.Next() {
		var r rejectionRow
		if err := rows.Scan(&r.id, &r.clipping, &r.coder, &r.kind, &r.start, &r.end, &r.text, &r.created, &r.updated); err != nil {
			rows.Close()
			return fmt.Errorf("read rejections: %w", err)
		}
		rs = append(rs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read rejections: %w", err)
	}
	seen := map[string]bool{} // (clipping, kind, start, text) of rows already planned
	for _, r := range rs {
		c, ok := m.clipMap[r.clipping]
		if !ok {
			return corrupt("rejection %s refers to a missing clipping", r.id)
		}
		r.clipping = c
		key := fmt.Sprintf("%s\x00%s\x00%d\x00%s", r.clipping, r.kind, r.start, r.text)
		if seen[key] {
			continue
		}
		var one int
		err := m.tx.QueryRowContext(m.ctx, `SELECT 1 FROM main.rejections WHERE id = ?
			UNION ALL SELECT 1 FROM main.rejections WHERE clipping_id = ? AND kind = ? AND start = ? AND text = ?`,
			r.id, r.clipping, r.kind, r.start, r.text).Scan(&one)
		if err == nil {
			continue // this project has it
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read rejections: %w", err)
		}
		seen[key] = true
		m.rejections = append(m.rejections, r)
	}
	m.rep.Rejections = len(m.rejections)
	return nil
}
