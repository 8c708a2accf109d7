package store

import (
	"context"
	"fmt"
)

// Rejection records a suggestion the researcher turned down, so the same
// suggestion (kind, start and text on that clipping) is not offered again.
type Rejection struct {
	ClippingID string
	Kind       string
	Start, End int
	Text       string
}

// RejectSuggestion remembers r as rejected by the coder; rejecting the same
// suggestion twice is not an error.
func (s *Store) RejectSuggestion(ctx context.Context, coderID string, r Rejection) error {
	if r.ClippingID == "" || r.Kind == "" || r.Start < 0 || r.End <= r.Start {
		return fmt.Errorf("reject suggestion: %w: kind %q, span %d–%d", ErrInvalid, r.Kind, r.Start, r.End)
	}
	return s.write(ctx, "reject suggestion", func(tx *wtx) error {
		id, err := newID()
		if err != nil {
			return err
		}
		now := fmtTime(nowUTC())
		_, err = tx.ExecContext(ctx, `INSERT INTO rejections (id, clipping_id, coder_id, kind, start, "end", text, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (clipping_id, kind, start, text) DO NOTHING`,
			id, r.ClippingID, coderID, r.Kind, r.Start, r.End, r.Text, now, now)
		return err
	})
}

// Rejections lists the suggestions rejected on a clipping, by position.
func (s *Store) Rejections(ctx context.Context, clippingID string) ([]Rejection, error) {
	return rejectionsFrom(ctx, s.db, clippingID)
}

// rejectionsFrom is Rejections read through q.
func rejectionsFrom(ctx context.Context, q queryer, clippingID string) ([]Rejection, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, start, "end", text FROM rejections
		WHERE clipping_id = ? ORDER BY start, "end", kind`, clippingID)
	if err != nil {
		return nil, fmt.Errorf("rejections of %s: %w", clippingID, classify(err))
	}
	defer rows.Close()
	var out []Rejection
	for rows.Next() {
		r := Rejection{ClippingID: clippingID}
		if err := rows.Scan(&r.Kind, &r.Start, &r.End, &r.Text); err != nil {
			return nil, fmt.Errorf("rejections of %s: %w", clippingID, classify(err))
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rejections of %s: %w", clippingID, classify(err))
	}
	return out, nil
}
