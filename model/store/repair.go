package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"clipper/model"
	reanchor "clipper/model/anchor"
)

// repairer repairs rows inside Repair's transaction. A nil repairer only
// says what it would do (Diagnose).
type repairer struct {
	tx      *wtx
	coderID string
	now     string
	group   *opGroup // the op log group of the repair, started on first need
}

// log records a change of an annotation or a tag in the op log.
func (r *repairer) log(entity, id string, before, after any) error {
	if r.group == nil {
		g, err := startGroup(r.tx, r.coderID, kindDo, "")
		if err != nil {
			return err
		}
		r.group = g
	}
	return r.group.add(entity, id, actionUpdate, before, after)
}

// looseLayouts are timestamp formats a repair recognises and rewrites in
// the store's own.
var looseLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04", time.DateOnly}

// parseLoose reads a timestamp written another way: a common layout, or
// Unix seconds or milliseconds.
func parseLoose(v any) (time.Time, bool) {
	switch x := v.(type) {
	case string:
		s := strings.TrimSpace(x)
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			return parseLoose(n)
		}
		for _, l := range looseLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.UTC().Truncate(time.Millisecond), true
			}
		}
	case int64:
		if x > 1e11 {
			return time.UnixMilli(x).UTC(), true
		}
		return time.Unix(x, 0).UTC(), true
	case float64:
		return time.UnixMilli(int64(x * 1000)).UTC(), true
	}
	return time.Time{}, false
}

// stamps repairs the timestamp columns of a row that have a problem and
// returns every column's value: re-formatted when it can be read, else
// the first usable of its fallbacks, else the time of the repair.
// Columns without a problem keep their value; a NULL deleted_at stays
// NULL.
func (r *repairer) stamps(c *cells, fixed map[string]string, cols []string, fallbacks map[string][]string) map[string]*string {
	val := map[string]*string{}
	for _, col := range cols {
		if c.raw(col) == nil {
			val[col] = nil
			continue
		}
		s, _ := c.raw(col).(string)
		val[col] = &s
	}
	var lost []string // columns that cannot be read at all
	for _, col := range cols {
		if !hasProblem(c, col) {
			continue
		}
		if t, ok := parseLoose(c.raw(col)); ok {
			s := fmtTime(t)
			val[col], fixed[col] = &s, "re-formatted as "+s
			continue
		}
		lost = append(lost, col)
	}
	for _, col := range lost {
		fixed[col] = "set to the time of the repair"
		now := r.nowOr()
		val[col] = &now
		for _, f := range fallbacks[col] {
			if v := val[f]; v != nil && !slices.Contains(lost, f) && checkTime(*v) == nil {
				s := *v
				val[col], fixed[col] = &s, fmt.Sprintf("set to the row's %s (%s)", f, s)
				break
			}
		}
	}
	return val
}

// nowOr is the time of the repair ("" for a nil repairer, which writes
// nothing).
func (r *repairer) nowOr() string {
	if r == nil {
		return ""
	}
	return r.now
}

// repairName makes a bad name acceptable: without control, bidi and
// invisible characters, trimmed, at most maxNameLen code points, and with
// " (2)", " (3)", … when that is the name of another in others.
func repairName(name, what, self string, others map[string]string) string {
	n := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || bidiControl(r) || invisible(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	n = strings.TrimSpace(n)
	if rs := []rune(n); len(rs) > maxNameLen {
		n = strings.TrimSpace(string(rs[:maxNameLen]))
	}
	if n == "" {
		n = "unnamed " + what
	}
	taken := func(x string) bool {
		for id, o := range others {
			if id != self && (sameName(o, x) || confusable(x, o)) {
				return true
			}
		}
		return false
	}
	base := n
	for i := 2; taken(n); i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		rs := []rune(base)
		n = string(rs[:min(len(rs), maxNameLen-utf8.RuneCountInString(suffix))]) + suffix
	}
	return n
}

// unrepairable reports whether a row has a problem no repair fixes: an id
// or a reference (those identify the row or its parents), or a text.
func unrepairable(c *cells, cols ...string) bool {
	return hasProblem(c, append(cols, "id")...)
}

// placeholder makes the tag or coder (col "tag_id" or "coder_id") that an
// annotation refers to but that does not exist, under its id, and notes
// it in d so that later rows find it.
func (r *repairer) placeholder(d *diagnosis, col, id, short string) error {
	if col == "tag_id" {
		name := repairName("Missing tag "+short, "tag", id, d.tags)
		if _, err := r.tx.ExecContext(d.ctx, `INSERT INTO tags (id, name, kind, color, description, shortcut, builtin, created_at, updated_at)
			VALUES (?, ?, 'custom', '', ?, '', 0, ?, ?)`, id, name,
			"Made by clipper check: annotations referred to a tag that was missing. Rename it, or move its annotations to another tag.",
			r.now, r.now); err != nil {
			return fmt.Errorf("make placeholder tag %s: %w", id, err)
		}
		d.tags[id] = name
		return nil
	}
	name := repairName("Unknown coder "+short, "coder", id, d.coders)
	if _, err := r.tx.ExecContext(d.ctx, `INSERT INTO coders (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
		id, name, r.now, r.now); err != nil {
		return fmt.Errorf("make placeholder coder %s: %w", id, err)
	}
	d.coders[id] = name
	return nil
}

func (r *repairer) coder(d *diagnosis, c *cells, row *coderRow) (map[string]string, error) {
	fixed := map[string]string{}
	if unrepairable(c) {
		return fixed, nil
	}
	if hasProblem(c, "name") {
		row.Name = repairName(row.Name, "coder", row.ID, d.coders)
		fixed["name"] = fmt.Sprintf("renamed to %q", row.Name)
	}
	st := r.stamps(c, fixed, []string{"created_at", "updated_at"},
		map[string][]string{"created_at": {"updated_at"}, "updated_at": {"created_at"}})
	if r == nil {
		return fixed, nil
	}
	_, err := r.tx.ExecContext(d.ctx, `UPDATE coders SET name = ?, created_at = ?, updated_at = ? WHERE rowid = ?`,
		row.Name, st["created_at"], st["updated_at"], c.rowid)
	if err != nil {
		return nil, fmt.Errorf("repair coder %s: %w", row.ID, err)
	}
	return fixed, nil
}

func (r *repairer) tag(d *diagnosis, c *cells, t *tagState) (map[string]string, error) {
	fixed := map[string]string{}
	if unrepairable(c) {
		return fixed, nil
	}
	before := *t
	if hasProblem(c, "name") {
		live := d.tags
		if t.DeletedAt != nil {
			live = nil
		}
		t.Name = repairName(t.Name, "tag", t.ID, live)
		fixed["name"] = fmt.Sprintf("renamed to %q", t.Name)
	}
	if hasProblem(c, "kind") {
		t.Kind, fixed["kind"] = string(model.KindCustom), "set to custom"
	}
	if hasProblem(c, "color") {
		t.Color, fixed["color"] = "", "cleared"
	}
	if hasProblem(c, "shortcut") {
		t.Shortcut, fixed["shortcut"] = "", "cleared"
	}
	if hasProblem(c, "description") {
		t.Description = truncate(strings.ToValidUTF8(t.Description, "\uFFFD"), maxDescription)
		fixed["description"] = fmt.Sprintf("cut to %d characters", maxDescription)
	}
	if hasProblem(c, "builtin") {
		t.Builtin, fixed["builtin"] = false, "set to 0"
	}
	st := r.stamps(c, fixed, []string{"created_at", "updated_at", "deleted_at"},
		map[string][]string{"created_at": {"updated_at"}, "updated_at": {"created_at"}, "deleted_at": {"updated_at"}})
	if r == nil {
		return fixed, nil
	}
	t.CreatedAt, t.UpdatedAt, t.DeletedAt = *st["created_at"], *st["updated_at"], st["deleted_at"]
	if _, err := r.tx.ExecContext(d.ctx, `UPDATE tags SET name = ?, kind = ?, color = ?, description = ?, shortcut = ?,
		builtin = ?, created_at = ?, updated_at = ?, deleted_at = ? WHERE rowid = ?`,
		t.Name, t.Kind, t.Color, t.Description, t.Shortcut, t.Builtin, t.CreatedAt, t.UpdatedAt, t.DeletedAt, c.rowid); err != nil {
		return nil, fmt.Errorf("repair tag %s: %w", t.ID, err)
	}
	return fixed, r.log(entityTag, t.ID, before, *t)
}

// truncate cuts s to at most n code points.
func truncate(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n])
	}
	return s
}

// keptKey labels a detail that keeps a value a repair replaced.
func keptKey(col string) string { return col + " (as stored before clipper check)" }

func (r *repairer) clipping(d *diagnosis, c *cells, k *model.Clipping) (map[string]string, error) {
	fixed := map[string]string{}
	if unrepairable(c, "body", "body_hash") {
		return fixed, nil
	}
	oldHeadline, _ := c.raw("headline").(string)
	var kept []model.Field
	keep := func(col string) {
		v := c.raw(col)
		s, ok := v.(string)
		if !ok {
			s = describe(v)
		}
		kept = append(kept, model.Field{Key: keptKey(col), Value: strings.ToValidUTF8(s, "\uFFFD")})
	}
	m := &k.Metadata
	for _, col := range []string{"details", "authors", "captions"} {
		if hasProblem(c, col) {
			keep(col)
			switch col {
			case "details":
				m.Details = nil
			case "authors":
				m.Authors = nil
			case "captions":
				m.Captions = nil
			}
			fixed[col] = "set to [] (the old text is kept as a detail)"
		}
	}
	for _, f := range []struct {
		col   string
		clear func()
	}{{"date", func() { m.Date = "" }}, {"language", func() { m.Language = "" }}, {"words", func() { m.Words = 0 }}} {
		if hasProblem(c, f.col) {
			keep(f.col)
			f.clear()
			fixed[f.col] = "cleared (the old value is kept as a detail)"
		}
	}
	for _, p := range c.probs {
		if _, done := fixed[p.Column]; !done && !strings.HasSuffix(p.Column, "_at") {
			fixed[p.Column] = "replaced the bytes that are not text"
		}
	}
	m.Details = append(m.Details, kept...)
	enc, err := checkMetadata(*m)
	if err != nil {
		for col := range fixed {
			fixed[col] = "" // still invalid: leave the row as it is
		}
		return fixed, nil
	}
	st := r.stamps(c, fixed, []string{"imported_at", "created_at", "updated_at"},
		map[string][]string{"imported_at": {"created_at"}, "created_at": {"imported_at", "updated_at"}, "updated_at": {"created_at"}})
	if r == nil {
		return fixed, nil
	}
	reindex := oldHeadline != m.Headline
	if reindex {
		if _, err := r.tx.ExecContext(d.ctx, `DELETE FROM clip_fts WHERE docid = ?`, c.rowid); err != nil {
			return nil, fmt.Errorf("unindex clipping %s: %w", k.ID, err)
		}
	}
	if _, err := r.tx.ExecContext(d.ctx, `UPDATE clippings SET publication = ?, headline = ?, deck = ?, authors = ?,
		credit = ?, dateline = ?, date = ?, url = ?, captions = ?, section = ?, language = ?, page = ?, words = ?,
		source_id = ?, details = ?, source_name = ?, imported_at = ?, created_at = ?, updated_at = ? WHERE rowid = ?`,
		m.Publication, m.Headline, m.Deck, enc.authors, m.Credit, m.Dateline, m.Date, m.URL, enc.captions, m.Section,
		m.Language, m.Page, m.Words, m.SourceID, enc.details, k.SourceName, st["imported_at"], st["created_at"],
		st["updated_at"], c.rowid); err != nil {
		return nil, fmt.Errorf("repair clipping %s: %w", k.ID, err)
	}
	if reindex {
		if _, err := r.tx.ExecContext(d.ctx, `INSERT INTO clip_fts (docid, headline, body)
			SELECT rid, headline, body FROM clippings WHERE rid = ?`, c.rowid); err != nil {
			return nil, fmt.Errorf("index clipping %s: %w", k.ID, err)
		}
	}
	return fixed, nil
}

func (r *repairer) annotation(d *diagnosis, c *cells, a annState, text *selfText) (map[string]string, error) {
	fixed := map[string]string{}
	if unrepairable(c, "clipping_id", "tag_id", "coder_id") || text == nil || a.Exact == "" {
		return fixed, nil
	}
	prev, next := a, a
	addNote := func(col string, v any) {
		next.Note = strings.TrimSpace(next.Note + fmt.Sprintf(" [clipper check: %s was %s]", col, describe(v)))
	}
	for _, col := range []string{"value", "low", "high"} {
		if hasProblem(c, col) {
			addNote(col, c.raw(col))
			fixed[col] = "cleared (the old value is kept in the note)"
		}
	}
	if hasProblem(c, "status") {
		addNote("status", a.Status)
		next.Status, fixed["status"] = "", "cleared (the old value is kept in the note)"
	}
	if hasProblem(c, "comparator", "attributes") {
		switch {
		case next.Comparator == "range" && (next.Low == nil || next.High == nil):
			next.Comparator = ""
		case next.Low != nil && next.High != nil && *next.Low <= *next.High:
			next.Comparator = "range"
		default:
			if next.Low != nil || next.High != nil {
				addNote("range", fmt.Sprintf("%v–%v", fmtOpt(next.Low), fmtOpt(next.High)))
			}
			next.Low, next.High = nil, nil
			if !model.ValidComparator(next.Comparator) {
				addNote("comparator", next.Comparator)
				next.Comparator = ""
			}
		}
		fixed["comparator"], fixed["attributes"] = "made consistent (old values kept in the note)", "made consistent (old values kept in the note)"
	}
	if hasProblem(c, "anchor_status") {
		next.AnchorStatus, fixed["anchor_status"] = "", "cleared"
	}
	if hasProblem(c, "body_hash") {
		next.BodyHash, fixed["body_hash"] = text.hash, "set to its clipping's"
	}
	for _, p := range c.probs {
		if _, done := fixed[p.Column]; !done && !strings.HasSuffix(p.Column, "_at") && p.Column != "start" &&
			p.Column != "end" && p.Column != "exact" {
			fixed[p.Column] = "replaced the bytes that are not text"
		}
	}
	if hasProblem(c, "start", "end", "exact") {
		span := reanchor.Span{Start: a.Start, End: a.End, Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix}
		res := reanchor.NewMapper(text.body, text.body).Map(span)
		var err error
		if next, err = placeOn(next, a, &res, text.body, text.hash); err != nil {
			return nil, err
		}
		how := fmt.Sprintf("re-anchored at %d–%d (%s)", next.Start, next.End, res.Status)
		if res.Status == reanchor.StatusOrphan {
			how = fmt.Sprintf("orphaned at %d–%d: its text was not found, select it again", next.Start, next.End)
		}
		for _, col := range []string{"start", "end", "exact"} {
			fixed[col] = how
		}
	}
	if checkAttributes(model.Attributes{Status: model.Status(next.Status), Value: next.Value, Low: next.Low,
		High: next.High, Comparator: next.Comparator}) != nil {
		return map[string]string{}, nil
	}
	st := r.stamps(c, fixed, []string{"created_at", "updated_at", "deleted_at"},
		map[string][]string{"created_at": {"updated_at"}, "updated_at": {"created_at"}, "deleted_at": {"updated_at"}})
	if r == nil {
		return fixed, nil
	}
	next.CreatedAt, next.UpdatedAt, next.DeletedAt = *st["created_at"], *st["updated_at"], st["deleted_at"]
	if err := updateAnn(r.tx, prev, next); err != nil {
		return nil, err
	}
	if next.CreatedAt != prev.CreatedAt {
		if _, err := r.tx.ExecContext(d.ctx, `UPDATE annotations SET created_at = ? WHERE rid = ?`, next.CreatedAt, prev.rid); err != nil {
			return nil, fmt.Errorf("repair annotation %s: %w", a.ID, err)
		}
	}
	return fixed, r.log(entityAnnotation, a.ID, prev, next)
}

// fmtOpt shows an optional number.
func fmtOpt(f *float64) string {
	if f == nil {
		return "none"
	}
	b, _ := json.Marshal(*f)
	return string(b)
}

func (r *repairer) rejection(d *diagnosis, c *cells) (map[string]string, error) {
	fixed := map[string]string{}
	for _, p := range c.probs {
		fixed[p.Column] = "deleted the rejected suggestion (it may be suggested again)"
	}
	if r == nil {
		return fixed, nil
	}
	if _, err := r.tx.ExecContext(d.ctx, `DELETE FROM rejections WHERE rowid = ?`, c.rowid); err != nil {
		return nil, fmt.Errorf("delete rejection %s: %w", c.id, err)
	}
	return fixed, nil
}
