package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Step is what an undo or redo did: the action (group) it reverted, how
// many ops that action had, and its first ops in their original order
// (all of them up to StepOpsKept; a bigger action, such as an Accept all
// in every clipping, is reverted without being held in memory).
type Step struct {
	Group string
	Count int
	Ops   []Op
}

// StepOpsKept is how many of a reverted action's ops a Step returns.
const StepOpsKept = 100

// Undo reverts coderID's newest action that is not undone (one group of
// ops, in reverse order) and records the undo in the log.
// ErrNothingToUndo when there is none; ErrUndoConflict, changing nothing,
// when another coder changed one of the entities since. See Revert.
func (s *Store) Undo(ctx context.Context, coderID string) (Step, error) {
	return s.Revert(ctx, coderID, true, nil)
}

// Redo re-applies coderID's most recently undone action and records the
// redo in the log. ErrNothingToRedo when there is none — a new action
// after an undo clears the redo stack. See Revert.
func (s *Store) Redo(ctx context.Context, coderID string) (Step, error) {
	return s.Revert(ctx, coderID, false, nil)
}

// Revert undoes (undo true) or redoes coderID's next step, in one
// transaction, reading the action's ops a chunk at a time; progress, if
// not nil, is told how many of the action's ops are reverted so far. The
// returned ops are marked Undone after an undo.
func (s *Store) Revert(ctx context.Context, coderID string, undo bool, progress func(done, total int)) (Step, error) {
	what, kind, newState := "redo", kindRedo, "done"
	if undo {
		what, kind, newState = "undo", kindUndo, "undone"
	}
	var step Step
	err := s.write(ctx, what, func(tx *wtx) error {
		step = Step{}
		b, err := nextStep(ctx, tx, coderID, undo, 0)
		if err != nil {
			return err
		}
		step.Group, step.Count = b.group, b.n
		g, err := startGroup(tx, coderID, kind, b.group)
		if err != nil {
			return err
		}
		// An undo reverts the newest op first, a redo the oldest; the
		// chunks never reach the rows this transaction appends (after hi).
		done := 0
		for from, to := b.lo, b.hi; from <= to; {
			chunk, err := readOps(ctx, tx, from, to, undo, revertChunk)
			if err != nil {
				return err
			}
			if len(chunk) == 0 {
				return fmt.Errorf("%s: the ops of step %s end early", what, b.group)
			}
			for _, o := range chunk {
				if err := revertOp(ctx, tx, g, o.Op, undo); err != nil {
					return err
				}
				if o.seq < b.lo+StepOpsKept {
					o.Undone = undo
					step.Ops = append(step.Ops, o.Op)
				}
			}
			last := chunk[len(chunk)-1].seq
			if undo {
				to = last - 1
			} else {
				from = last + 1
			}
			done += len(chunk)
			if progress != nil {
				progress(done, b.n)
			}
		}
		if undo {
			slices.Reverse(step.Ops)
		}
		if _, err := tx.exec(`UPDATE ops SET state = ?, updated_at = ? WHERE seq BETWEEN ? AND ?`, newState, g.at, b.lo, b.hi); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return Step{}, err
	}
	return step, nil
}

// revertChunk is how many ops a revert reads at a time.
const revertChunk = 1024

// StepSize says how many ops coderID's next undo (undo true) or redo
// would revert, counting no further than limit (0: no limit); more is
// true when there are more than limit. ErrNothingToUndo or
// ErrNothingToRedo when there is nothing to revert.
// It reads outside a transaction: a guess for choosing how to run the
// step, not a promise.
func (s *Store) StepSize(ctx context.Context, coderID string, undo bool, limit int) (n int, more bool, err error) {
	b, err := nextStep(ctx, s.db, coderID, undo, limit)
	if err != nil && !errors.Is(err, ErrNothingToUndo) && !errors.Is(err, ErrNothingToRedo) {
		err = fmt.Errorf("count the next step: %w", classify(err))
	}
	return b.n, b.more, err
}

// stepBounds is an action's place in the op log: its group and the first
// and last seq of its ops (a group's rows are written in one transaction,
// so they are a contiguous run of seq), n ops in all.
type stepBounds struct {
	group  string
	lo, hi int64
	n      int
	more   bool // counting stopped at the limit
}

// nextStep finds the coder's next step to undo or redo and its bounds,
// counting at most limit ops when limit > 0 (then lo or hi is not set
// past the limit and more is true).
func nextStep(ctx context.Context, tx rowQueryer, coderID string, undo bool, limit int) (stepBounds, error) {
	// The oldest undone group is the top of the redo stack: undo always
	// takes the newest done group, and a new action discards all undone.
	none := ErrNothingToRedo
	pick := `SELECT seq, grp FROM ops INDEXED BY ops_undone WHERE coder_id = ? AND state = 'undone' AND kind = 'do'
		ORDER BY seq LIMIT 1`
	walk := `SELECT seq, grp FROM ops WHERE seq >= ? ORDER BY seq`
	if undo {
		none = ErrNothingToUndo
		// No index: the newest ops are scanned backwards by rowid, and the
		// coder's last action is normally among them.
		pick = `SELECT seq, grp FROM ops NOT INDEXED WHERE coder_id = ? AND state = 'done' AND kind = 'do'
			ORDER BY seq DESC LIMIT 1`
		walk = `SELECT seq, grp FROM ops WHERE seq <= ? ORDER BY seq DESC`
	}
	var b stepBounds
	var seq int64
	err := tx.QueryRowContext(ctx, pick, coderID).Scan(&seq, &b.group)
	if errors.Is(err, sql.ErrNoRows) {
		return b, none
	}
	if err != nil {
		return b, err
	}
	b.lo, b.hi = seq, seq
	rows, err := tx.QueryContext(ctx, walk, seq)
	if err != nil {
		return b, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		var grp string
		if err := rows.Scan(&n, &grp); err != nil {
			return b, err
		}
		if grp != b.group {
			break
		}
		if limit > 0 && b.n == limit {
			b.more = true
			break
		}
		b.n++
		b.lo, b.hi = min(b.lo, n), max(b.hi, n)
	}
	return b, rows.Err()
}

// seqOp is an op with its place in the log.
type seqOp struct {
	Op
	seq int64
}

// readOps reads up to limit ops with seq between from and to, the newest
// first when backward.
func readOps(ctx context.Context, tx *wtx, from, to int64, backward bool, limit int) ([]seqOp, error) {
	q := `SELECT seq, ` + opCols + ` FROM ops WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT ?`
	if backward {
		q = `SELECT seq, ` + opCols + ` FROM ops WHERE seq BETWEEN ? AND ? ORDER BY seq DESC LIMIT ?`
	}
	rows, err := tx.QueryContext(ctx, q, from, to, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ops []seqOp
	for rows.Next() {
		var o seqOp
		var err error
		if o.Op, _, err = scanOp(prefixScanner{rows, &o.seq}); err != nil { // its time does not matter here
			return nil, err
		}
		ops = append(ops, o)
	}
	return ops, rows.Err()
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
