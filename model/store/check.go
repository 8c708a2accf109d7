package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"clipper/model"
)

// Diagnose checks the whole project and changes nothing: PRAGMA
// integrity_check (every page, index and constraint), then every row of
// clippings, tags, coders, annotations and rejections with the rules a
// merge applies to a colleague's file (see rowrules.go): timestamps in the
// store's format, JSON lists of the right shape, valid UTF-8, names,
// attributes, spans inside their clipping's text with the exact text
// there, references to existing rows. Each problem says what Repair would
// do about it (Problem.Repair, "" when it cannot be repaired). Damage
// integrity_check finds to the file's pages is one problem without a
// table; the rows are then not checked.
func (s *Store) Diagnose(ctx context.Context) ([]Problem, error) {
	d := &diagnosis{ctx: ctx, q: s.db}
	if err := d.run(); err != nil {
		return nil, fmt.Errorf("check %s: %w", s.path, err)
	}
	return d.probs, nil
}

// Repair repairs, in one transaction, what Diagnose finds that can be
// repaired, and returns what it found with what it did (Problem.Repair
// empty for what it could not repair). Timestamps in another format are
// re-formatted, unreadable ones replaced by another timestamp of the row
// (or the time of the repair); an unreadable JSON list becomes [] and its
// old text is kept as a detail of the clipping; an annotation whose exact
// text is not at its span is re-anchored like a merge re-anchors (or
// orphaned, for the researcher to re-select); an annotation whose tag or
// coder row is missing gets a placeholder tag or coder under that id; a
// bad name is cleaned; an
// index that disagrees with its table is rebuilt; a bad rejected
// suggestion is deleted. Changes to annotations and tags are recorded in
// the operation log as coderID's action (coderID must exist).
func (s *Store) Repair(ctx context.Context, coderID string) ([]Problem, error) {
	var probs []Problem
	err := s.write(ctx, "repair", func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		d := &diagnosis{ctx: ctx, q: tx, fix: &repairer{tx: tx, coderID: coderID, now: fmtTime(nowUTC())}}
		if err := d.run(); err != nil {
			return err
		}
		probs = d.probs
		return nil
	})
	if err != nil {
		return nil, err
	}
	return probs, nil
}

// rowQueryer is what a diagnosis reads through: *sql.DB or a *wtx.
type rowQueryer interface {
	queryer
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// diagnosis checks a project's rows, repairing them when fix is set.
type diagnosis struct {
	ctx   context.Context
	q     rowQueryer
	fix   *repairer // nil: only diagnose
	probs []Problem

	coders, tags map[string]string // id → name (live tags only)
	clippings    map[string]int64  // id → rowid
}

func (d *diagnosis) run() error {
	f, err := integrityCheck(d.ctx, d.q, "main")
	if errors.Is(err, ErrCorrupt) {
		d.probs = append(d.probs, Problem{Problem: err.Error()})
		return nil
	}
	if err != nil {
		return err
	}
	if err := d.indexes(f); err != nil {
		return err
	}
	for _, step := range []func() error{d.checkCoders, d.checkTags, d.checkClippings, d.checkAnnotations, d.checkRejections,
		func() error { return d.searchIndexes(f) }} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

var indexNameRE = regexp.MustCompile(`index (\w+)$`)

// indexes reports the indexes integrity_check found out of step with their
// table: rebuilt by Repair, unless a UNIQUE value is duplicated.
func (d *diagnosis) indexes(f integrityFindings) error {
	seen := map[string]bool{}
	for _, m := range f.indexes {
		name := indexNameRE.FindStringSubmatch(m)[1]
		if seen[name] {
			continue
		}
		seen[name] = true
		p := Problem{Table: indexTable(name), Problem: m}
		dup := slices.ContainsFunc(f.indexes, func(x string) bool { return x == "non-unique entry in index "+name })
		switch {
		case dup:
			p.Problem += ": two rows share a value that must be unique; delete or change one by hand"
		case d.fix != nil:
			if _, err := d.fix.tx.ExecContext(d.ctx, `REINDEX "`+name+`"`); err != nil {
				return fmt.Errorf("rebuild index %s: %w", name, err)
			}
			p.Repair = "rebuilt the index"
		default:
			p.Repair = "rebuild the index"
		}
		d.probs = append(d.probs, p)
	}
	return nil
}

// searchIndexes reports the search indexes integrity_check found out of
// step with the text: rebuilt by Repair.
func (d *diagnosis) searchIndexes(f integrityFindings) error {
	for _, t := range f.fts {
		p := Problem{Table: t, Problem: "the search index does not match the text", Repair: "rebuild the search index"}
		if d.fix != nil {
			if _, err := d.fix.tx.ExecContext(d.ctx, `INSERT INTO "`+t+`" ("`+t+`") VALUES ('rebuild')`); err != nil {
				return fmt.Errorf("rebuild %s: %w", t, err)
			}
			p.Repair = "rebuilt the search index"
		}
		d.probs = append(d.probs, p)
	}
	return nil
}

// indexTable guesses the table of an index from its name.
func indexTable(index string) string {
	for _, t := range []string{"clippings", "annotations", "tags", "coders", "rejections", "ops", "settings", "peers",
		"merges", "conflicts", "merge_base", "replica"} {
		if strings.HasPrefix(index, "sqlite_autoindex_"+t+"_") || strings.HasPrefix(index, t+"_") {
			return t
		}
	}
	return ""
}

// rows runs q and calls fn with each row's cells, checked by fn.
func (d *diagnosis) rows(table, q string, fn func(c *cells) error) error {
	rows, err := d.q.QueryContext(d.ctx, q)
	if err != nil {
		return fmt.Errorf("read %s: %w", table, classify(err))
	}
	defer rows.Close()
	cols, err := columnIndex(rows)
	if err != nil {
		return err
	}
	var all []*cells
	for rows.Next() {
		c, err := scanCells(rows, table, cols)
		if err != nil {
			return fmt.Errorf("read %s: %w", table, classify(err))
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s: %w", table, classify(err))
	}
	rows.Close() // a repair writes the table
	for _, c := range all {
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// report adds the problems of a row with what was (or would be) done.
func (d *diagnosis) report(c *cells, repairs map[string]string) {
	for _, p := range c.probs {
		p.Repair = repairs[p.Column]
		d.probs = append(d.probs, p)
	}
}

func (d *diagnosis) checkCoders() error {
	d.coders = map[string]string{}
	return d.rows("coders", `SELECT `+coderCols+` FROM coders ORDER BY rowid`, func(c *cells) error {
		r := decodeCoder(c)
		checkCoder(c, r)
		if _, why := lookAlikeOf("coder", r.Name, d.coders); why != "" {
			c.bad("name", "%s", why)
		}
		var fixed map[string]string
		if len(c.probs) > 0 {
			var err error
			if fixed, err = d.fix.coder(d, c, &r); err != nil {
				return err
			}
		}
		d.coders[r.ID] = r.Name
		d.report(c, fixed)
		return nil
	})
}

func (d *diagnosis) checkTags() error {
	d.tags = map[string]string{}
	all := map[string]bool{}
	err := d.rows("tags", `SELECT rowid, `+tagCols+` FROM tags ORDER BY rowid`, func(c *cells) error {
		t := decodeTag(c)
		checkTagRow(c, t)
		if _, why := lookAlikeOf("tag", t.Name, d.tags); why != "" && t.DeletedAt == nil {
			c.bad("name", "%s", why)
		}
		var fixed map[string]string
		if len(c.probs) > 0 {
			var err error
			if fixed, err = d.fix.tag(d, c, &t); err != nil {
				return err
			}
		}
		all[t.ID] = true
		if t.DeletedAt == nil {
			d.tags[t.ID] = t.Name
		}
		d.report(c, fixed)
		return nil
	})
	for id := range all {
		if _, live := d.tags[id]; !live {
			d.tags[id] = "" // deleted tags exist for the annotations that refer to them
		}
	}
	return err
}

// checkClippings checks every clipping: first each text against its hash
// (one text in memory at a time), then the rest of the rows.
func (d *diagnosis) checkClippings() error {
	d.clippings = map[string]int64{}
	bodies := map[int64][]Problem{}
	rows, err := d.q.QueryContext(d.ctx, `SELECT rowid, id, body_hash, body FROM clippings`)
	if err != nil {
		return fmt.Errorf("read clippings: %w", classify(err))
	}
	defer rows.Close()
	cols, err := columnIndex(rows)
	if err != nil {
		return err
	}
	for rows.Next() {
		c, err := scanCells(rows, "clippings", cols)
		if err != nil {
			return fmt.Errorf("read clippings: %w", classify(err))
		}
		hash, body := c.text("body_hash"), c.text("body")
		switch {
		case hasProblem(c, "body"):
		case body == "":
			c.bad("body", "is empty")
		case model.HashBody(body) != hash:
			c.bad("body", "does not match its hash %s: the text was altered outside Clipper", describe(hash))
		}
		for _, p := range c.probs {
			if p.Column == "body" {
				bodies[c.rowid] = append(bodies[c.rowid], p)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read clippings: %w", classify(err))
	}
	rows.Close()
	return d.rows("clippings", `SELECT rowid, `+strings.TrimSuffix(clipCols, ", body")+` FROM clippings ORDER BY rowid`, func(c *cells) error {
		k := decodeClipping(c, false)
		checkClippingRow(c, k, false)
		c.probs = append(c.probs, bodies[c.rowid]...)
		var fixed map[string]string
		if len(c.probs) > 0 {
			var err error
			if fixed, err = d.fix.clipping(d, c, &k); err != nil {
				return err
			}
		}
		d.clippings[k.ID] = c.rowid
		d.report(c, fixed)
		return nil
	})
}

// checkAnnotations checks every annotation, with its clipping's text (one
// clipping's text in memory at a time).
func (d *diagnosis) checkAnnotations() error {
	var clip string
	var text *selfText
	return d.rows("annotations", `SELECT `+annCols+` FROM annotations ORDER BY clipping_id, id`, func(c *cells) error {
		a := decodeAnn(c)
		checkAnnRow(c, a)
		d.refs(c, map[string]string{"clipping_id": a.ClippingID, "tag_id": a.TagID, "coder_id": a.CoderID})
		// A missing tag or coder gets a placeholder, so the annotation
		// keeps its place and everything that reads it works again.
		made, err := d.placeholders(c, a.TagID, a.CoderID)
		if err != nil {
			return err
		}
		if a.ClippingID != clip {
			clip, text = a.ClippingID, nil
			if row, ok := d.clippings[clip]; ok {
				text = &selfText{}
				if err := d.q.QueryRowContext(d.ctx, `SELECT body, body_hash FROM clippings WHERE rowid = ?`, row).
					Scan(&text.body, &text.hash); err != nil {
					return fmt.Errorf("read clipping %s: %w", clip, classify(err))
				}
				text.runes = []rune(text.body)
			}
		}
		if text != nil && !hasProblem(c, "start", "end") && !checkSpan(c, a, text.runes) {
			c.bad("exact", "%s is not the text at its span %d–%d (%s)", describe(a.Exact), a.Start, a.End,
				describe(string(text.runes[a.Start:a.End])))
		}
		var fixed map[string]string
		if len(c.probs) > 0 {
			var err error
			if fixed, err = d.fix.annotation(d, c, a, text); err != nil {
				return err
			}
		}
		for _, p := range made {
			c.probs = append(c.probs, p)
			if fixed == nil {
				fixed = map[string]string{}
			}
			fixed[p.Column] = p.Repair
		}
		d.report(c, fixed)
		return nil
	})
}

// placeholders takes an annotation's references to a tag or coder that
// does not exist out of its problems and returns them with their repair:
// a placeholder tag ("Missing tag 0192ab34", custom) or coder ("Unknown
// coder 0192ab34") under the missing id, made now when repairing. The
// annotation keeps its tag and coder ids; the researcher can rename or
// merge the placeholder.
func (d *diagnosis) placeholders(c *cells, tagID, coderID string) ([]Problem, error) {
	var made []Problem
	for _, ref := range []struct{ col, id string }{{"tag_id", tagID}, {"coder_id", coderID}} {
		i := slices.IndexFunc(c.probs, func(p Problem) bool {
			return p.Column == ref.col && strings.HasSuffix(p.Problem, "which does not exist")
		})
		if i < 0 {
			continue
		}
		p := c.probs[i]
		c.probs = slices.Delete(c.probs, i, i+1)
		short := ref.id[:min(8, len(ref.id))]
		if ref.col == "tag_id" {
			p.Repair = fmt.Sprintf("made a placeholder tag %q under the missing id", "Missing tag "+short)
		} else {
			p.Repair = fmt.Sprintf("made a placeholder coder %q under the missing id", "Unknown coder "+short)
		}
		if d.fix != nil {
			if err := d.fix.placeholder(d, ref.col, ref.id, short); err != nil {
				return nil, err
			}
		}
		made = append(made, p)
	}
	return made, nil
}

func (d *diagnosis) checkRejections() error {
	return d.rows("rejections", `SELECT `+rejectionCols+` FROM rejections ORDER BY rowid`, func(c *cells) error {
		r := decodeRejection(c)
		d.refs(c, map[string]string{"clipping_id": r.clipping, "coder_id": r.coder})
		var fixed map[string]string
		if len(c.probs) > 0 {
			var err error
			if fixed, err = d.fix.rejection(d, c); err != nil {
				return err
			}
		}
		d.report(c, fixed)
		return nil
	})
}

// refs notes references of a row to rows that do not exist.
func (d *diagnosis) refs(c *cells, ids map[string]string) {
	for _, col := range []string{"clipping_id", "tag_id", "coder_id"} {
		id, ok := ids[col]
		if !ok || checkID(id) != nil {
			continue
		}
		var exists bool
		switch col {
		case "clipping_id":
			_, exists = d.clippings[id]
		case "tag_id":
			_, exists = d.tags[id]
		case "coder_id":
			_, exists = d.coders[id]
		}
		if !exists {
			c.bad(col, "refers to %s, which does not exist", id)
		}
	}
}

// hasProblem reports whether a row has a problem in one of cols.
func hasProblem(c *cells, cols ...string) bool {
	return slices.ContainsFunc(c.probs, func(p Problem) bool { return slices.Contains(cols, p.Column) })
}
