package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Undo reverts coderID's newest action that is not undone (one group of
// ops, in reverse order), records the undo in the log and returns the ops
// it reverted (now Undone). ErrNothingToUndo when there is none;
// ErrUndoConflict, changing nothing, when another coder changed one of
// the entities since.
func (s *Store) Undo(ctx context.Context, coderID string) ([]Op, error) {
	return s.revert(ctx, coderID, true)
}

// Redo re-applies coderID's most recently undone action, records the redo
// in the log and returns its ops. ErrNothingToRedo when there is none —
// a new action after an undo clears the redo stack.
func (s *Store) Redo(ctx context.Context, coderID string) ([]Op, error) {
	return s.revert(ctx, coderID, false)
}

func (s *Store) revert(ctx context.Context, coderID string, undo bool) ([]Op, error) {
	what, kind, none, newState := "redo", kindRedo, ErrNothingToRedo, "done"
	// The oldest undone group is the top of the redo stack: undo always
	// takes the newest done group, and a new action discards all undone.
	pick := `SELECT seq FROM ops INDEXED BY ops_undone WHERE coder_id = ? AND state = 'undone' AND kind = 'do'
		ORDER BY seq LIMIT 1`
	if undo {
		what, kind, none, newState = "undo", kindUndo, ErrNothingToUndo, "undone"
		// No index: the newest ops are scanned backwards by rowid, and the
		// coder's last action is normally among them.
		pick = `SELECT seq FROM ops NOT INDEXED WHERE coder_id = ? AND state = 'done' AND kind = 'do'
			ORDER BY seq DESC LIMIT 1`
	}
	var ops []Op
	err := s.write(ctx, what, func(tx *wtx) error {
		var seq int64
		err := tx.queryRow(pick, coderID).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return none
		}
		if err != nil {
			return err
		}
		// For an undo seq is the group's last row, for a redo its first.
		lo, hi := seq, seq
		if ops, err = readGroup(ctx, tx, seq, undo, &lo, &hi); err != nil {
			return err
		}
		g, err := startGroup(tx, coderID, kind, ops[0].Group)
		if err != nil {
			return err
		}
		order := slices.Clone(ops)
		if undo {
			slices.Reverse(order)
		}
		for _, o := range order {
			if err := revertOp(ctx, tx, g, o, undo); err != nil {
				return err
			}
		}
		if _, err := tx.exec(`UPDATE ops SET state = ?, updated_at = ? WHERE seq BETWEEN ? AND ?`, newState, g.at, lo, hi); err != nil {
			return err
		}
		for i := range ops {
			ops[i].Undone = undo
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ops, nil
}

// readGroup reads the group that ends (backward) or starts at seq: the
// rows of a group are written in one transaction, so they are a
// contiguous run of seq. It returns the ops in seq order and sets lo, hi.
func readGroup(ctx context.Context, tx *wtx, seq int64, backward bool, lo, hi *int64) ([]Op, error) {
	q := `SELECT seq, ` + opCols + ` FROM ops WHERE seq >= ? ORDER BY seq`
	if backward {
		q = `SELECT seq, ` + opCols + ` FROM ops WHERE seq <= ? ORDER BY seq DESC`
	}
	rows, err := tx.QueryContext(ctx, q, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ops []Op
	for rows.Next() {
		var n int64
		o, _, err := scanOp(prefixScanner{rows, &n}) // its time does not matter here
		if err != nil {
			return nil, err
		}
		if len(ops) > 0 && o.Group != ops[0].Group {
			break
		}
		ops = append(ops, o)
		*lo, *hi = min(*lo, n), max(*hi, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if backward {
		slices.Reverse(ops)
	}
	return ops, nil
}

// prefixScanner scans one leading column into first, the rest into dest.
type prefixScanner struct {
	sc    scanner
	first any
}

func (p prefixScanner) Scan(dest ...any) error {
	return p.sc.Scan(append([]any{p.first}, dest...)...)
}

// revertOp undoes (or redoes) one op: the entity must still be in the
// state the op left it in (the state before it, for a redo), apart from
// timestamps; it is then set to the state before (after) the op.
func revertOp(ctx context.Context, tx *wtx, g *opGroup, o Op, undo bool) error {
	switch o.Entity {
	case entityAnnotation:
		expect, target, err := revertStates[annState](o, undo)
		if err != nil {
			return err
		}
		cur, err := loadAnn(tx, o.EntityID)
		if err != nil {
			return err
		}
		if !sameContent(cur, expect) {
			return fmt.Errorf("%w: annotation %s (%q) was changed after this step", ErrUndoConflict, cur.ID, cur.Exact)
		}
		next := settle(cur, target, g.at)
		if next.DeletedAt == nil {
			if _, err := loadLiveTag(tx, next.TagID); err != nil {
				return fmt.Errorf("%w: annotation %s needs %w", ErrUndoConflict, cur.ID, err)
			}
		}
		if err := updateAnn(tx, cur, next); err != nil {
			return err
		}
		return g.add(o.Entity, o.EntityID, o.Action, cur, next)
	case entityTag:
		expect, target, err := revertStates[tagState](o, undo)
		if err != nil {
			return err
		}
		cur, err := loadTag(tx, o.EntityID)
		if err != nil {
			return err
		}
		if !sameContent(cur, expect) {
			return fmt.Errorf("%w: tag %s (%q) was changed after this step", ErrUndoConflict, cur.ID, cur.Name)
		}
		next := settle(cur, target, g.at)
		if next.DeletedAt == nil {
			if err := checkTagClash(ctx, tx, next); err != nil {
				return fmt.Errorf("%w: %w", ErrUndoConflict, err)
			}
		}
		if err := updateTag(tx, next); err != nil {
			return err
		}
		return g.add(o.Entity, o.EntityID, o.Action, cur, next)
	}
	return fmt.Errorf("op %s: unknown entity %q", o.ID, o.Entity)
}

// revertStates decodes an op's before and after states and returns the
// state the entity must be in now and the one to put it in. A create has
// no before state: its "before" is the created entity, deleted.
func revertStates[T annState | tagState](o Op, undo bool) (expect, target T, err error) {
	var before, after T
	if err := json.Unmarshal(o.After, &after); err != nil {
		return expect, target, fmt.Errorf("op %s: bad after state: %w", o.ID, err)
	}
	if o.Action == actionCreate {
		before = after
		deleted := "deleted"
		switch b := any(&before).(type) {
		case *annState:
			b.DeletedAt = &deleted
		case *tagState:
			b.DeletedAt = &deleted
		}
	} else if err := json.Unmarshal(o.Before, &before); err != nil {
		return expect, target, fmt.Errorf("op %s: bad before state: %w", o.ID, err)
	}
	if undo {
		return after, before, nil
	}
	return before, after, nil
}

// settle makes target the next stored state of the entity cur: fresh
// updated_at, a fresh tombstone time when it becomes deleted, and the
// local row id kept.
func settle[T annState | tagState](cur, target T, now string) T {
	next := target
	switch n := any(&next).(type) {
	case *annState:
		c := any(cur).(annState)
		n.rid, n.UpdatedAt = c.rid, now
		n.DeletedAt = tombstone(c.DeletedAt, n.DeletedAt != nil, now)
	case *tagState:
		c := any(cur).(tagState)
		n.UpdatedAt = now
		n.DeletedAt = tombstone(c.DeletedAt, n.DeletedAt != nil, now)
	}
	return next
}

func tombstone(cur *string, deleted bool, now string) *string {
	switch {
	case !deleted:
		return nil
	case cur != nil:
		return cur
	default:
		return &now
	}
}
