package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"clipper/model"
)

// AnnotationFilter selects annotations; empty lists mean "any".
type AnnotationFilter struct {
	ClippingIDs, TagIDs, CoderIDs []string
	IncludeDeleted                bool // include tombstoned annotations
	WithNote                      bool // only annotations with a note
}

// checkAttributes validates what a researcher recorded about a span:
// known status and comparator, finite numbers, and a "range" comparator
// with both Low and High (Low ≤ High), which only "range" may carry.
func checkAttributes(a model.Attributes) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	for name, v := range map[string]*float64{"value": a.Value, "low": a.Low, "high": a.High} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return fmt.Errorf("%w: %s %v is not a finite number", ErrInvalid, name, *v)
		}
	}
	if a.Comparator == "range" {
		if a.Low == nil || a.High == nil {
			return fmt.Errorf("%w: comparator \"range\" needs both low and high", ErrInvalid)
		}
		if *a.Low > *a.High {
			return fmt.Errorf("%w: range low %v is above high %v", ErrInvalid, *a.Low, *a.High)
		}
	} else if a.Low != nil || a.High != nil {
		return fmt.Errorf("%w: low and high are only for comparator \"range\" (comparator is %q)", ErrInvalid, a.Comparator)
	}
	return nil
}

// anchor checks the span [start, end) of body (code points) and returns
// the text there with its context. exact, when not empty, must equal the
// text at the span.
func anchor(body string, start, end int, exact string) (x, prefix, suffix string, err error) {
	x, prefix, suffix, err = model.Anchor(body, start, end)
	if err != nil {
		return "", "", "", fmt.Errorf("%w: %w", ErrBadSpan, err)
	}
	if exact != "" && exact != x {
		return "", "", "", fmt.Errorf("%w: span %d–%d reads %q, not %q", ErrSpanMismatch, start, end, x, exact)
	}
	return x, prefix, suffix, nil
}

// AddAnnotation saves a new annotation of a.CoderID and sets its ID,
// Exact, Prefix, Suffix, BodyHash and timestamps: one transaction, one
// undo step. The clipping, tag (live) and coder must exist (ErrNotFound);
// the span [Start, End) counts code points and must lie inside the body
// and not be empty (ErrBadSpan); a non-empty Exact must equal the text at
// the span (ErrSpanMismatch); attributes must be valid (ErrInvalid).
func (s *Store) AddAnnotation(ctx context.Context, a *model.Annotation) error {
	return s.addAnnotations(ctx, "add annotation", []*model.Annotation{a})
}

// AddAnnotations saves several annotations, all by the same coder, in one
// transaction that is undone as one step; see AddAnnotation.
func (s *Store) AddAnnotations(ctx context.Context, as []*model.Annotation) error {
	return s.addAnnotations(ctx, fmt.Sprintf("add %d annotations", len(as)), as)
}

func (s *Store) addAnnotations(ctx context.Context, what string, as []*model.Annotation) error {
	if len(as) == 0 {
		return nil
	}
	for i, a := range as {
		if a == nil {
			return fmt.Errorf("%s: %w: annotation %d is nil", what, ErrInvalid, i)
		}
		if a.CoderID != as[0].CoderID {
			return fmt.Errorf("%s: %w: annotations of one batch must have one coder (%q, %q)", what, ErrInvalid, as[0].CoderID, a.CoderID)
		}
		if err := checkAttributes(a.Attributes); err != nil {
			return fmt.Errorf("%s: annotation %d: %w", what, i, err)
		}
	}
	coder := as[0].CoderID
	states := make([]annState, len(as))
	err := s.writeSave(ctx, what, func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coder); err != nil {
			return err
		}
		g, err := startGroup(tx, coder, kindDo, "")
		if err != nil {
			return err
		}
		texts := map[string]clippingText{} // the save cache keeps only one
		now := fmtTime(nowUTC())
		for i, a := range as {
			t, ok := texts[a.ClippingID]
			if !ok {
				if t, err = loadText(ctx, tx, a.ClippingID); err != nil {
					return err
				}
				texts[a.ClippingID] = t
			}
			if err := requireLiveTag(tx, a.TagID); err != nil { // once per tag: the save cache keeps it
				return err
			}
			st := annState{ClippingID: a.ClippingID, TagID: a.TagID, CoderID: coder, Start: a.Start, End: a.End,
				BodyHash: t.hash, Origin: a.Origin, CreatedAt: now, UpdatedAt: now}
			if st.Exact, st.Prefix, st.Suffix, err = anchor(t.body, a.Start, a.End, a.Exact); err != nil {
				return fmt.Errorf("annotation %d: %w", i, err)
			}
			st.setAttributes(a.Attributes)
			if st.ID, err = newID(); err != nil {
				return err
			}
			if err := insertAnn(tx, &st); err != nil {
				return err
			}
			if err := g.add(entityAnnotation, st.ID, actionCreate, nil, st); err != nil {
				return err
			}
			states[i] = st
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, a := range as {
		m, err := states[i].model()
		if err != nil {
			return err
		}
		*a = m
	}
	return nil
}

// UpdateAnnotation changes annotation a.ID's tag, span and attributes on
// behalf of coderID; the annotation keeps its clipping, author (CoderID)
// and origin. A changed span is re-validated and re-anchored; a.Exact is
// checked against the new span unless it is the stored Exact (the caller
// just moved the span). An update that changes nothing is not logged.
func (s *Store) UpdateAnnotation(ctx context.Context, coderID string, a model.Annotation) error {
	if err := checkAttributes(a.Attributes); err != nil {
		return fmt.Errorf("update annotation %s: %w", a.ID, err)
	}
	return s.write(ctx, fmt.Sprintf("update annotation %s", a.ID), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		cur, err := loadAnn(tx, a.ID)
		if err != nil {
			return err
		}
		if cur.DeletedAt != nil {
			return fmt.Errorf("annotation %q is deleted: %w", a.ID, ErrNotFound)
		}
		if a.ClippingID != "" && a.ClippingID != cur.ClippingID {
			return fmt.Errorf("%w: annotation %s belongs to clipping %s and cannot move to %s", ErrInvalid, a.ID, cur.ClippingID, a.ClippingID)
		}
		next := cur
		next.TagID = a.TagID
		next.setAttributes(a.Attributes)
		if next.TagID != cur.TagID {
			if _, err := loadLiveTag(tx, next.TagID); err != nil {
				return err
			}
		}
		if a.Start != cur.Start || a.End != cur.End || (a.Exact != "" && a.Exact != cur.Exact) {
			t, err := loadText(ctx, tx, cur.ClippingID)
			if err != nil {
				return err
			}
			exact := a.Exact
			if exact == cur.Exact {
				exact = ""
			}
			if next.Exact, next.Prefix, next.Suffix, err = anchor(t.body, a.Start, a.End, exact); err != nil {
				return err
			}
			next.Start, next.End, next.BodyHash = a.Start, a.End, t.hash
			// The researcher placed the span: a merge's re-anchoring no
			// longer needs review.
			next.AnchorStatus, next.AnchorQuote = "", ""
		}
		if sameContent(cur, next) {
			return nil
		}
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		next.UpdatedAt = fmtTime(nowUTC())
		if err := updateAnn(tx, cur, next); err != nil {
			return err
		}
		return g.add(entityAnnotation, cur.ID, actionUpdate, cur, next)
	})
}

// DeleteAnnotation tombstones annotation id on behalf of coderID (one undo
// step); ErrNotFound if it does not exist or is already deleted.
func (s *Store) DeleteAnnotation(ctx context.Context, coderID, id string) error {
	return s.write(ctx, fmt.Sprintf("delete annotation %s", id), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		cur, err := loadAnn(tx, id)
		if err != nil {
			return err
		}
		if cur.DeletedAt != nil {
			return fmt.Errorf("annotation %q is already deleted: %w", id, ErrNotFound)
		}
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		now := fmtTime(nowUTC())
		next := cur
		next.UpdatedAt, next.DeletedAt = now, &now
		if err := updateAnn(tx, cur, next); err != nil {
			return err
		}
		return g.add(entityAnnotation, id, actionDelete, cur, next)
	})
}

// Annotation returns annotation id, tombstoned ones included (DeletedAt
// set); ErrNotFound if there is none. An unusable stored value is returned
// emptied and noted (see Problems); an annotation whose span cannot be
// read is ErrNotFound.
func (s *Store) Annotation(ctx context.Context, id string) (model.Annotation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+annCols+` FROM annotations WHERE id = ?`, id)
	if err != nil {
		return model.Annotation{}, fmt.Errorf("annotation %q: %w", id, classify(err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.Annotation{}, fmt.Errorf("annotation %q: %w", id, classify(err))
		}
		return model.Annotation{}, fmt.Errorf("annotation %q: %w", id, ErrNotFound)
	}
	r, err := readAnnotation(rows, &lazyCols{})
	if err != nil {
		return model.Annotation{}, fmt.Errorf("annotation %q: %w", id, classify(err))
	}
	s.note(r.probs)
	if !r.ok {
		return model.Annotation{}, fmt.Errorf("annotation %q: %s: %w", id, reason(r.probs), ErrNotFound)
	}
	return r.m, nil
}

// Annotations returns the annotations matching f, ordered by clipping id,
// start, end, id. Tombstoned ones are left out unless f.IncludeDeleted.
// Unusable stored values are returned emptied and noted (see Problems);
// an annotation whose span cannot be read is left out and noted. A big
// selection is better streamed (Reader.Annotations).
func (s *Store) Annotations(ctx context.Context, f AnnotationFilter) ([]model.Annotation, error) {
	var out []model.Annotation
	for a, err := range s.Reader().Annotations(ctx, f) {
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// where is the WHERE clause (with its leading space, or "") and arguments
// that select the annotations f names.
func (f AnnotationFilter) where() (string, []any, error) {
	var where []string
	var args []any
	for _, c := range []struct {
		col string
		ids []string
	}{{"clipping_id", f.ClippingIDs}, {"tag_id", f.TagIDs}, {"coder_id", f.CoderIDs}} {
		if len(c.ids) == 0 {
			continue
		}
		j, err := json.Marshal(c.ids)
		if err != nil {
			return "", nil, err
		}
		where = append(where, c.col+` IN (SELECT value FROM json_each(?))`)
		args = append(args, string(j))
	}
	if !f.IncludeDeleted {
		where = append(where, `deleted_at IS NULL`)
	}
	if f.WithNote {
		where = append(where, `note <> ''`)
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return ` WHERE ` + strings.Join(where, ` AND `), args, nil
}

// AnnotatedClippings returns the ids of the clippings that hold at least
// one annotation f selects, without reading the annotations.
func (s *Store) AnnotatedClippings(ctx context.Context, f AnnotationFilter) ([]string, error) {
	where, args, err := f.where()
	if err != nil {
		return nil, fmt.Errorf("annotated clippings: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT clipping_id FROM annotations`+where+` ORDER BY clipping_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("annotated clippings: %w", classify(err))
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("annotated clippings: %w", classify(err))
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("annotated clippings: %w", classify(err))
	}
	return ids, nil
}
