package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"clipper/model"
)

// Conflict is an annotation both sides of a merge changed differently
// since they last agreed. This project keeps Ours until the researcher
// resolves it (ResolveConflict).
type Conflict struct {
	ID     string
	Source string // file name of the merge that found it
	// Ours is the annotation here when the conflict was found; Theirs the
	// incoming version in this project's terms (tag and clipping matched,
	// re-anchored onto this project's text). Either may be deleted
	// (DeletedAt set).
	Ours, Theirs model.Annotation
	// TheirAnchor is how Theirs was placed onto this project's text:
	// "" (as made), "remapped", "fuzzy" or "orphan".
	TheirAnchor string
	CreatedAt   time.Time
}

// Conflicts lists the open conflicts, oldest first. An unusable time is
// read as the zero time; a conflict whose versions cannot be read is left
// out; both are noted (see Problems).
func (s *Store) Conflicts(ctx context.Context) ([]Conflict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, g.source, c.ours, c.theirs, c.created_at
		FROM conflicts c JOIN merges g ON g.id = c.merge_id
		WHERE c.resolution = '' ORDER BY c.created_at, c.id`)
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", classify(err))
	}
	defer rows.Close()
	var out []Conflict
	var probs []Problem
	bad := func(id, col, format string, a ...any) {
		probs = append(probs, Problem{Table: "conflicts", ID: id, Column: col, Problem: fmt.Sprintf(format, a...)})
	}
	for n := 1; rows.Next(); n++ {
		var c Conflict
		var ours, theirs, created string
		if err := rows.Scan(&c.ID, &c.Source, &ours, &theirs, &created); err != nil {
			bad(fmt.Sprintf("open conflict %d", n), "", "the conflict cannot be read (%v); it is left out", err)
			continue
		}
		o, t, err := decodeConflict(ours, theirs)
		if err != nil {
			bad(c.ID, "", "its versions cannot be read (%v); it is left out", err)
			continue
		}
		var ps []Problem
		c.Ours, ps = conflictSide(o, c.ID, "ours")
		probs = append(probs, ps...)
		c.Theirs, ps = conflictSide(t, c.ID, "theirs")
		probs = append(probs, ps...)
		c.TheirAnchor = t.AnchorStatus
		if c.CreatedAt, err = parseTime(created); err != nil {
			bad(c.ID, "created_at", "created_at %s", checkTime(created))
		}
		out = append(out, c)
	}
	s.note(probs)
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list conflicts: %w", classify(err))
	}
	return out, nil
}

// conflictSide is one side's annotation of conflict id, its unusable
// timestamps read as the zero time and returned as problems.
func conflictSide(a annState, id, side string) (model.Annotation, []Problem) {
	m, err := a.model()
	if err == nil {
		return m, nil
	}
	var probs []Problem
	stamps := []struct{ col, v string }{{"created_at", a.CreatedAt}, {"updated_at", a.UpdatedAt}}
	if a.DeletedAt != nil {
		stamps = append(stamps, struct{ col, v string }{"deleted_at", *a.DeletedAt})
	}
	for _, f := range stamps {
		if _, err := parseTime(f.v); err != nil {
			probs = append(probs, Problem{Table: "conflicts", ID: id, Column: side,
				Problem: fmt.Sprintf("%s version's %s %s", side, f.col, checkTime(f.v))})
		}
	}
	if len(probs) == 0 {
		probs = append(probs, Problem{Table: "conflicts", ID: id, Column: side, Problem: fmt.Sprintf("%s version: %v", side, err)})
	}
	return a.modelLoose(), probs
}

func decodeConflict(ours, theirs string) (o, t annState, err error) {
	if err := json.Unmarshal([]byte(ours), &o); err != nil {
		return o, t, fmt.Errorf("bad state: %w", err)
	}
	if err := json.Unmarshal([]byte(theirs), &t); err != nil {
		return o, t, fmt.Errorf("bad state: %w", err)
	}
	return o, t, nil
}

// ResolveConflict settles conflict id on behalf of coderID: "ours" keeps
// the annotation as it is now, "theirs" takes the incoming version (one
// undo step). Either way the annotation counts as in sync with that file,
// so merging it again does not bring the conflict back. ErrNotFound when
// there is no such open conflict; ErrInvalid for another choice.
func (s *Store) ResolveConflict(ctx context.Context, coderID, id, choice string) error {
	if choice != "ours" && choice != "theirs" {
		return fmt.Errorf("resolve conflict %s: %w: choice %q (want ours or theirs)", id, ErrInvalid, choice)
	}
	return s.write(ctx, fmt.Sprintf("resolve conflict %s", id), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		var ours, theirs string
		var theirsHash, peer int64
		err := tx.QueryRowContext(ctx, `SELECT c.ours, c.theirs, c.theirs_hash, g.peer FROM conflicts c
			JOIN merges g ON g.id = c.merge_id WHERE c.id = ? AND c.resolution = ''`, id).Scan(&ours, &theirs, &theirsHash, &peer)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("open conflict %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		o, t, err := decodeConflict(ours, theirs)
		if err != nil {
			return err
		}
		cur, err := loadAnn(tx, o.ID)
		if err != nil {
			return err
		}
		now := fmtTime(nowUTC())
		final := cur
		if choice == "theirs" {
			if t.ClippingID != cur.ClippingID {
				return fmt.Errorf("%w: the incoming version of annotation %s belongs to another clipping", ErrInvalid, cur.ID)
			}
			next := adopt(cur, t)
			next.UpdatedAt = now
			if next.DeletedAt != nil && cur.DeletedAt == nil {
				next.DeletedAt = &now
			}
			if next.DeletedAt == nil {
				if _, err := loadLiveTag(tx, next.TagID); err != nil {
					return err
				}
			}
			if !sameContent(cur, next) {
				g, err := startGroup(tx, coderID, kindDo, "")
				if err != nil {
					return err
				}
				if err := updateAnn(tx, cur, next); err != nil {
					return err
				}
				action := actionUpdate
				if next.DeletedAt != nil && cur.DeletedAt == nil {
					action = actionDelete
				}
				if err := g.add(entityAnnotation, cur.ID, action, cur, next); err != nil {
					return err
				}
			}
			final = next
		}
		if _, err := tx.exec(baseUpsert, peer, cur.rid, stateHash(final), theirsHash); err != nil {
			return fmt.Errorf("record merge base: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE conflicts SET resolution = ?, resolved_by = ?, updated_at = ? WHERE id = ?`,
			choice, coderID, now, id)
		return err
	})
}

// AnchorIssue is an annotation a merge placed onto a changed text that the
// researcher should review: Status "fuzzy" (found by approximate search)
// or "orphan" (not found; kept where the text change maps it, with the
// text it was made on in Annotation.Exact). Quote is the text it was made
// on.
type AnchorIssue struct {
	Annotation model.Annotation
	Status     string
	Quote      string
}

// AnchorReview lists the live annotations whose re-anchoring needs review,
// by clipping and position. Moving an annotation's span (UpdateAnnotation)
// or ConfirmAnchor takes it off the list.
func (s *Store) AnchorReview(ctx context.Context) ([]AnchorIssue, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+annCols+` FROM annotations
		WHERE anchor_status IN ('fuzzy', 'orphan') AND deleted_at IS NULL ORDER BY clipping_id, start, "end", id`)
	if err != nil {
		return nil, fmt.Errorf("anchor review: %w", classify(err))
	}
	defer rows.Close()
	var out []AnchorIssue
	var cols lazyCols
	for rows.Next() {
		r, err := readAnnotation(rows, &cols)
		if err != nil {
			return nil, fmt.Errorf("anchor review: %w", classify(err))
		}
		s.note(r.probs)
		if r.ok {
			out = append(out, AnchorIssue{Annotation: r.m, Status: r.st.AnchorStatus, Quote: r.st.AnchorQuote})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("anchor review: %w", classify(err))
	}
	return out, nil
}

// ConfirmAnchor accepts a fuzzy placement of annotation id as it is, on
// behalf of coderID (one undo step). An orphan cannot be confirmed — its
// span is a guess: move it with UpdateAnnotation or delete it (ErrInvalid).
// ErrNotFound when the annotation does not exist or needs no review.
func (s *Store) ConfirmAnchor(ctx context.Context, coderID, id string) error {
	return s.write(ctx, fmt.Sprintf("confirm anchor of %s", id), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		cur, err := loadAnn(tx, id)
		if err != nil {
			return err
		}
		switch {
		case cur.DeletedAt != nil || (cur.AnchorStatus != "fuzzy" && cur.AnchorStatus != "orphan"):
			return fmt.Errorf("annotation %s has no placement to review: %w", id, ErrNotFound)
		case cur.AnchorStatus == "orphan":
			return fmt.Errorf("%w: annotation %s is orphaned: select its text again or delete it", ErrInvalid, id)
		}
		next := cur
		next.AnchorStatus, next.AnchorQuote, next.UpdatedAt = "", "", fmtTime(nowUTC())
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		if err := updateAnn(tx, cur, next); err != nil {
			return err
		}
		return g.add(entityAnnotation, id, actionUpdate, cur, next)
	})
}
