package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	reanchor "clipper/model/anchor"
)

// merger plans a merge inside the merge transaction — reading both files,
// matching and deciding — and applies it as it goes: the coders, tags and
// clippings first, then the annotations batch by batch, then what those
// decided (revived tags), the rejections and the audit record. A dry run
// decides the same and writes nothing; what is planned is what it
// reports.
type merger struct {
	ctx    context.Context
	tx     *wtx
	inPath string   // the private copy of the file, for mergeAnnotations' reader
	x      *txStmts // the hot statements, prepared once on tx
	opt    MergeOptions
	rep    *MergeReport
	now    string

	replica string // the incoming file's replica id
	peer    int64  // its local number; 0 when never merged with (and not yet added)
	mergeID string // the audit record's id, which conflicts refer to

	integrity func() (integrityFindings, error) // waits for the file's integrity_check
	findings  integrityFindings                 // what integrity_check found in the file, once known
	refused   map[string]map[string]string      // table → incoming id → why it was refused (not annotations)
	refusedN  map[string]int                    // rows refused per table

	coders      []coderRow      // incoming coders to add
	coderExists map[string]bool // coder ids annotations may refer to: this project's and the accepted incoming ones

	tagMap  map[string]string   // incoming tag id → tag id here
	ourTags map[string]tagState // this project's tags by id
	newTags []tagState          // incoming tags to add (names settled)
	revive  []tagState          // deleted tags here to bring back
	need    map[string]bool     // tags here that annotations added or taken over (live) use

	clipMap  map[string]string        // incoming clipping id → clipping id here
	clipRow  map[string]int64         // incoming clipping id → its rowid in the file
	newClips []int64                  // rowids of the incoming clippings to add
	textLen  map[string]int           // incoming clipping id → its text's length in code points
	differs  map[string]*textMismatch // incoming clipping id → the two texts, when they differ
	mappers  []*textMismatch          // the differing texts whose mapper is loaded, oldest first

	changed int // sync records written (changes beyond the report's)

	rejections []rejectionRow
}

// textMismatch is a clipping whose text differs between the two files.
type textMismatch struct {
	theirID    string           // its id in the file
	ours, hash string           // this project's text and hash, while mapper is loaded
	mapper     *reanchor.Mapper // built on use, dropped when other texts need the room
}

// selfText is the text of a clipping that is the same in both files, for
// re-anchoring incoming annotations whose exact text is not at their span.
type selfText struct {
	body, hash string
	runes      []rune // body as code points
	mapper     *reanchor.Mapper
}

// annInsert is an incoming annotation new to this project.
type annInsert struct {
	st     annState
	theirs int64 // stateHash of the incoming state
	// row is the annotation's row in the file; plain says that st is
	// that row exactly, each value of the type its column declares, so
	// that the row can be copied inside SQLite (see insertCopies).
	row   int64
	plain bool
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

func newMerger(tx *wtx, opt MergeOptions, rep *MergeReport, integrity func() (integrityFindings, error)) (*merger, error) {
	m := &merger{ctx: tx.ctx, tx: tx, opt: opt, rep: rep, now: fmtTime(nowUTC()),
		x:         &txStmts{ctx: tx.ctx, tx: tx.Tx, stmts: map[string]*sql.Stmt{}},
		integrity: integrity, refused: map[string]map[string]string{}, refusedN: map[string]int{}, coderExists: map[string]bool{},
		tagMap: map[string]string{}, ourTags: map[string]tagState{}, need: map[string]bool{},
		clipMap: map[string]string{}, clipRow: map[string]int64{}, textLen: map[string]int{},
		differs: map[string]*textMismatch{}}
	if opt.CoderID != "" {
		if err := requireCoder(m.ctx, tx, opt.CoderID); err != nil {
			return nil, fmt.Errorf("merging coder: %w", err)
		}
	}
	var err error
	if m.replica, err = replicaID(m.ctx, tx, "theirs"); err != nil {
		return nil, fmt.Errorf("refused: %w", err)
	}
	if err := checkID(m.replica); err != nil {
		return nil, corrupt("the file's replica id: %v", err)
	}
	if m.peer, err = findPeer(m.ctx, tx.Tx, m.replica); err != nil {
		return nil, err
	}
	if m.mergeID, err = newID(); err != nil {
		return nil, err
	}
	rep.Peer = m.replica
	if rep.PeerVersions, err = readVersions(m.ctx, tx, "theirs"); err != nil {
		return nil, err
	}
	return m, nil
}

// run merges: coders, tags and clippings, then the annotations in
// batches, then revived tags, rejections, the file's integrity findings
// and the audit record. A dry run writes nothing.
func (m *merger) run() error {
	for _, step := range []func() error{m.planCoders, m.planTags, m.planClippings} {
		if err := step(); err != nil {
			return err
		}
	}
	if !m.opt.DryRun {
		for _, step := range []func() error{m.applyCoders, m.applyTags, m.applyClippings} {
			if err := step(); err != nil {
				return err
			}
		}
	}
	if err := m.mergeAnnotations(); err != nil {
		return err
	}
	// Nothing is committed before the file's integrity check has
	// finished: damage it finds refuses the whole file (see Merge).
	f, err := m.integrity()
	if err != nil {
		return err
	}
	m.findings = f
	// The id lists in id order, as before the annotations came in
	// batches.
	a := &m.rep.Annotations
	for _, l := range [][]string{a.AddedIDs, a.UpdatedIDs, a.DeletedIDs} {
		slices.Sort(l)
	}
	for _, step := range []func() error{m.planRevivals, m.planRejections, m.checkFindings} {
		if err := step(); err != nil {
			return err
		}
	}
	if m.opt.DryRun {
		return nil
	}
	for _, step := range []func() error{m.applyRevivals, m.applyRejections, m.applyAudit} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writes reports whether the merge changes anything, or refused rows (its
// record keeps them for the researcher).
func (m *merger) writes() bool {
	return m.rep.Changes() > 0 || m.changed > 0 || len(m.rep.Refused) > 0
}

// item tells opt.OnItem about a row.
func (m *merger) item(it MergeItem) {
	if m.opt.OnItem != nil {
		m.opt.OnItem(it)
	}
}

// corrupt reports incoming data that the file's own constraints should
// have excluded: the file was altered outside Clipper.
func corrupt(format string, args ...any) error {
	return fmt.Errorf("refused: %w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

// planCoders adds incoming coders this project lacks (matched by id). A
// coder whose name only looks like one here (differs by invisible
// characters) is refused.
func (m *merger) planCoders() error {
	names := map[string]string{} // id → name of every coder here, added ones included
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, name FROM main.coders`)
	if err != nil {
		return fmt.Errorf("read coders: %w", err)
	}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return fmt.Errorf("read coders: %w", err)
		}
		names[id] = name
		m.coderExists[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read coders: %w", err)
	}
	theirs, _, err := readTheirs(m, "coders", `SELECT `+coderCols+` FROM theirs.coders NOT INDEXED`, 0, nil,
		func(c *cells) coderRow {
			r := decodeCoder(c)
			checkCoder(c, r)
			return r
		})
	if err != nil {
		return err
	}
	for _, c := range theirs {
		if _, ok := names[c.ID]; ok {
			m.coderExists[c.ID] = true
			m.rep.Coders.Unchanged++
			continue
		}
		if _, why := lookAlikeOf("coder", c.Name, names); why != "" {
			m.refuse("coders", c.ID, "name "+why+" here")
			continue
		}
		names[c.ID] = c.Name
		m.coderExists[c.ID] = true
		m.coders = append(m.coders, c)
		m.rep.Coders.Added = append(m.rep.Coders.Added, MergedCoder{ID: c.ID, Name: c.Name})
	}
	return nil
}

// lookAlikeOf returns the name among names that name looks like without
// being it, and why (see lookAlikeWhy), or "", "".
func lookAlikeOf(what, name string, names map[string]string) (string, string) {
	for _, id := range sortedKeys(names) {
		if why := lookAlikeWhy(what, name, names[id]); why != "" {
			return names[id], why
		}
	}
	return "", ""
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readTags reads every tag of this project, deleted ones too.
func (m *merger) readTags() ([]tagState, error) {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT `+tagCols+` FROM main.tags ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()
	var ts []tagState
	var cols lazyCols
	for rows.Next() {
		t, _, err := readTagState(rows, &cols)
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
// the added tag. A tag whose name only looks like a live one here (differs
// by invisible characters) is refused.
func (m *merger) planTags() error {
	ours, err := m.readTags()
	if err != nil {
		return err
	}
	theirs, _, err := readTheirs(m, "tags", `SELECT rowid, `+tagCols+` FROM theirs.tags NOT INDEXED`, 0, nil,
		func(c *cells) tagState {
			t := decodeTag(c)
			checkTagRow(c, t)
			return t
		})
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
		if like := findTag(live, func(o tagState) bool { return lookAlikeWhy("tag", t.Name, o.Name) != "" }); like != nil {
			m.refuse("tags", t.ID, "name "+lookAlikeWhy("tag", t.Name, like.Name)+" here")
			continue
		}
		if t.DeletedAt != nil {
			// Kept as the tombstone it is, for the deleted annotations
			// that refer to it.
			t.Builtin = false
			m.addTag(t)
			continue
		}
		same := findTag(live, func(o tagState) bool { return sameName(o.Name, t.Name) })
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
		return findTag(live, func(o tagState) bool { return o.ID != t.ID && sameName(o.Name, name) }) != nil
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
	type incomingClip struct {
		id, hash, headline string
		runes              int
		rowid              int64
	}
	theirs, _, err := readTheirs(m, "clippings", `SELECT rowid, `+clipCols+`, typeof(original) AS original_type
		FROM theirs.clippings NOT INDEXED`, 0, nil,
		func(c *cells) incomingClip {
			k := decodeClipping(c, false)
			checkClippingRow(c, k, true)
			if t := c.text("original_type"); t != "blob" && t != "null" {
				c.bad("original", "is %s, not the bytes of a file", t)
			}
			return incomingClip{id: k.ID, hash: k.BodyHash, headline: k.Headline, runes: utf8.RuneCountInString(k.Body), rowid: c.rowid}
		})
	if err != nil {
		return err
	}
	c := &m.rep.Clippings
	firstWith := map[string]string{} // body hash → the first incoming clipping with it
	for _, in := range theirs {
		if first, ok := firstWith[in.hash]; ok {
			m.refuse("clippings", in.id, fmt.Sprintf("it has the same text as clipping %s of the file", first))
			continue
		}
		firstWith[in.hash] = in.id
		m.textLen[in.id] = in.runes
		m.clipRow[in.id] = in.rowid
		item := MergedClipping{ID: in.id, TheirID: in.id, Headline: in.headline}
		if o, ok := byID[in.id]; ok {
			m.clipMap[in.id] = in.id
			if o.hash == in.hash {
				c.Unchanged++
				continue
			}
			m.differs[in.id] = &textMismatch{theirID: in.id}
			c.TextDiffers = append(c.TextDiffers, item)
			continue
		}
		if o, ok := byHash[in.hash]; ok {
			m.clipMap[in.id], item.ID = o.id, o.id
			c.MatchedByHash = append(c.MatchedByHash, item)
			continue
		}
		m.clipMap[in.id] = in.id
		m.newClips = append(m.newClips, in.rowid)
		c.Added = append(c.Added, item)
	}
	return nil
}

// maxMappers is how many differing texts keep their re-anchoring index
// loaded at a time (annotations come mostly clipping by clipping).
const maxMappers = 16

// ourText returns, for an incoming clipping whose text differs here, this
// project's text with the mapper from the file's text onto it (nil when
// the text is the same), loading both texts when they are not loaded.
func (m *merger) ourText(theirID string) (*textMismatch, error) {
	d := m.differs[theirID]
	if d == nil || d.mapper != nil {
		return d, nil
	}
	var theirs string
	if err := m.tx.QueryRowContext(m.ctx, `SELECT body FROM theirs.clippings WHERE rowid = ?`,
		m.clipRow[theirID]).Scan(&theirs); err != nil {
		return nil, fmt.Errorf("read incoming clipping %s: %w", theirID, classify(err))
	}
	if err := m.tx.QueryRowContext(m.ctx, `SELECT body, body_hash FROM main.clippings WHERE id = ?`,
		m.clipMap[theirID]).Scan(&d.ours, &d.hash); err != nil {
		return nil, fmt.Errorf("read clipping %s: %w", theirID, err)
	}
	d.mapper = reanchor.NewMapper(theirs, d.ours)
	if len(m.mappers) == maxMappers {
		old := m.mappers[0]
		old.mapper, old.ours = nil, ""
		m.mappers = m.mappers[1:]
	}
	m.mappers = append(m.mappers, d)
	return d, nil
}

// planRevivals brings back deleted tags here that annotations being added
// or taken over (live) use, renamed or without shortcut if need be.
func (m *merger) planRevivals() error {
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
	for _, id := range sortedIDs(m.need) {
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
	rs, _, err := readTheirs(m, "rejections", `SELECT `+rejectionCols+` FROM theirs.rejections NOT INDEXED`, 0, nil,
		decodeRejection)
	if err != nil {
		return err
	}
	seen := map[string]bool{} // (clipping, kind, start, text) of rows already planned
	for _, r := range rs {
		if why := m.parentProblem(r.clipping, "", r.coder); why != "" {
			m.refuse("rejections", r.id, why)
			continue
		}
		if r.end > m.textLen[r.clipping] {
			m.refuse("rejections", r.id, fmt.Sprintf("span %d–%d lies outside its clipping's text (%d characters)",
				r.start, r.end, m.textLen[r.clipping]))
			continue
		}
		r.clipping = m.clipMap[r.clipping]
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

// parentProblem says why a row referring to the incoming clipping, tag
// (when not "") and coder cannot be merged, or "" when they all arrive.
func (m *merger) parentProblem(clipping, tag, coder string) string {
	for _, ref := range []struct{ table, what, id string }{
		{"clippings", "clipping", clipping}, {"tags", "tag", tag}, {"coders", "coder", coder}} {
		if ref.id == "" && ref.table == "tags" {
			continue
		}
		if _, ok := m.refusedAs(ref.table, ref.id); ok {
			return fmt.Sprintf("its %s %s was refused", ref.what, ref.id)
		}
		var ok bool
		switch ref.table {
		case "clippings":
			_, ok = m.clipMap[ref.id]
		case "tags":
			_, ok = m.tagMap[ref.id]
		case "coders":
			ok = m.coderExists[ref.id]
		}
		if !ok {
			return fmt.Sprintf("it refers to %s %s, which is in neither file", ref.what, describe(ref.id))
		}
	}
	return ""
}
