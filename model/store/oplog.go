package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Op is one row of the operation log: one entity changed by one coder as
// part of a group (one user action, undone and redone as one step).
type Op struct {
	ID       string
	Group    string
	CoderID  string
	At       time.Time
	Entity   string // "annotation" | "tag"
	EntityID string
	Action   string // "create" | "update" | "delete"
	// Before and After are the entity's state as JSON; Before is null for
	// a create.
	Before, After json.RawMessage
	// Undone is true while the group is undone (or was undone and then
	// discarded from the redo stack by a new action).
	Undone bool
	// Kind is "do" for a user action, "undo" or "redo" for the audit record
	// of an undo or redo, which repeats the reverted op's Entity, EntityID
	// and Action, with Before/After the state around the undo or redo.
	Kind string
	// Reverts is the group an "undo" or "redo" record undid or redid.
	Reverts string
}

// Entities and actions recorded in the operation log.
const (
	entityAnnotation = "annotation"
	entityTag        = "tag"
	actionCreate     = "create"
	actionUpdate     = "update"
	actionDelete     = "delete"
	kindDo           = "do"
	kindUndo         = "undo"
	kindRedo         = "redo"
)

// opGroup appends the ops of one group inside a write transaction.
type opGroup struct {
	tx                      *wtx
	id, coder, kind, revert string
	at                      string
}

// startGroup begins a group of ops by coder. A "do" group (a new user
// action) first discards the coder's redo stack.
func startGroup(tx *wtx, coder, kind, reverts string) (*opGroup, error) {
	now := fmtTime(nowUTC())
	if kind == kindDo && (tx.save == nil || !tx.save.noRedo[coder]) {
		if _, err := tx.exec(`UPDATE ops INDEXED BY ops_undone SET state = 'discarded', updated_at = ?
			WHERE coder_id = ? AND state = 'undone' AND kind = 'do'`, now, coder); err != nil {
			return nil, fmt.Errorf("clear redo stack: %w", err)
		}
		tx.noRedo = coder
	}
	id, err := newID()
	if err != nil {
		return nil, err
	}
	return &opGroup{tx: tx, id: id, coder: coder, kind: kind, revert: reverts, at: now}, nil
}

// add records that entityID changed from before to after (nil for none).
func (g *opGroup) add(entity, entityID, action string, before, after any) error {
	b, err := jsonOrNull(before)
	if err != nil {
		return err
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return err
	}
	id, err := newID()
	if err != nil {
		return err
	}
	_, err = g.tx.exec(`INSERT INTO ops (id, grp, kind, reverts, coder_id, entity, entity_id, action, before, after,
		state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'done', ?, ?)`,
		id, g.id, g.kind, g.revert, g.coder, entity, entityID, action, b, a, g.at, g.at)
	if err != nil {
		return fmt.Errorf("log %s %s: %w", action, entity, err)
	}
	return nil
}

func jsonOrNull(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode op state: %w", err)
	}
	return string(b), nil
}

// opCols are the columns scanOp reads, in order.
const opCols = `id, grp, coder_id, created_at, entity, entity_id, action, before, after, state, kind, reverts`

// scanOp reads an op row (opCols). An unusable created_at is read as the
// zero time and returned as a problem; an error means the row could not
// be read at all.
func scanOp(sc scanner) (Op, *Problem, error) {
	var o Op
	var at, state string
	var before, after sql.NullString
	if err := sc.Scan(&o.ID, &o.Group, &o.CoderID, &at, &o.Entity, &o.EntityID, &o.Action, &before, &after,
		&state, &o.Kind, &o.Reverts); err != nil {
		return o, nil, err
	}
	if before.Valid {
		o.Before = json.RawMessage(before.String)
	}
	if after.Valid {
		o.After = json.RawMessage(after.String)
	}
	o.Undone = state != "done"
	t, err := parseTime(at)
	if err != nil {
		return o, &Problem{Table: "ops", ID: o.ID, Column: "created_at", Problem: "created_at " + checkTime(at).Error()}, nil
	}
	o.At = t
	return o, nil, nil
}

// History returns the operation log newest first, at most limit ops
// (all when limit <= 0): the audit trail of who changed what and when,
// undo and redo records included. A row with an unusable time is
// returned with the zero time, one that cannot be read is left out; both
// are noted (see Problems).
func (s *Store) History(ctx context.Context, limit int) ([]Op, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, `+opCols+` FROM ops ORDER BY seq DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("history: %w", classify(err))
	}
	defer rows.Close()
	var ops []Op
	var probs []Problem
	for rows.Next() {
		var seq int64
		o, p, err := scanOp(prefixScanner{rows, &seq})
		switch {
		case err != nil:
			probs = append(probs, Problem{Table: "ops", ID: fmt.Sprintf("row %d", seq),
				Problem: fmt.Sprintf("the operation cannot be read (%v); it is left out of the history", err)})
			continue
		case p != nil:
			probs = append(probs, *p)
		}
		ops = append(ops, o)
	}
	s.note(probs)
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history: %w", classify(err))
	}
	return ops, nil
}
