package store

import (
	"context"
	"fmt"
	"iter"

	"clipper/model"
)

// GroupOptions tune AddAnnotationGroup.
type GroupOptions struct {
	// SkipExisting leaves out an annotation whose clipping, tag and span
	// the coder already has a live annotation of (or one earlier in the
	// same group), as accepting suggestions does; Skipped counts them.
	SkipExisting bool
	// Total is how many annotations the group has, for Progress (0:
	// unknown).
	Total int
	// Progress, when set, is told now and then how many annotations were
	// taken (added or skipped) of Total, and once at the end. It runs on
	// the calling goroutine and must return quickly.
	Progress func(done, total int)
}

// GroupResult says what AddAnnotationGroup did.
type GroupResult struct {
	Added, Skipped int
	// Group is the op-log group of the annotations added: Undo by the
	// coder removes them all at once. "" when none was added.
	Group string
}

// AddAnnotationGroup saves the annotations as yields, all by coderID, in
// one transaction that is one undo step however many there are — accepting
// the suggestions of a whole project, say. Each is checked and anchored as
// AddAnnotation does (the first failure stops the group and nothing is
// saved) and gets its ID and stored fields; CoderID is set to coderID.
// The annotations are taken one at a time: as may produce them as it goes
// (suggesting clipping after clipping), and memory does not grow with
// their number. Cancelling ctx stops it and saves nothing. While it runs
// it holds the project's write lock: other programs' writes wait.
func (s *Store) AddAnnotationGroup(ctx context.Context, coderID string, as iter.Seq[*model.Annotation], opt GroupOptions) (GroupResult, error) {
	return s.AddAnnotationGroupFrom(ctx, coderID, func(GroupReader) iter.Seq[*model.Annotation] { return as }, opt)
}

// GroupReader reads the project inside the transaction of
// AddAnnotationGroupFrom, as that transaction sees it. A source that reads
// as it goes must read through it: once the transaction's changes outgrow
// the page cache they spill to the file under the lock that keeps every
// other connection from reading until the commit, so a read on another
// connection would wait for the group, and the group for the read.
type GroupReader struct {
	tx *wtx
	s  *Store
}

// Clipping is Store.Clipping inside the transaction.
func (r GroupReader) Clipping(ctx context.Context, id string) (model.Clipping, error) {
	return r.s.clippingFrom(ctx, r.tx, id)
}

// Rejections is Store.Rejections inside the transaction.
func (r GroupReader) Rejections(ctx context.Context, clippingID string) ([]Rejection, error) {
	return rejectionsFrom(ctx, r.tx, clippingID)
}

// AddAnnotationGroupFrom is AddAnnotationGroup for a source that reads the
// project as it produces the annotations (computing suggestions clipping
// after clipping, say): src is called once, inside the transaction, with
// a GroupReader for those reads.
func (s *Store) AddAnnotationGroupFrom(ctx context.Context, coderID string, src func(GroupReader) iter.Seq[*model.Annotation], opt GroupOptions) (GroupResult, error) {
	var res GroupResult
	err := s.write(ctx, "add a group of annotations", func(tx *wtx) error {
		res = GroupResult{}
		as := src(GroupReader{tx: tx, s: s})
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		var g *opGroup
		var text clippingText
		textOf := "" // the clipping text holds
		tags := map[string]bool{}
		var have map[spanKey]bool // the coder's live spans on clipping haveOf
		haveOf := ""
		now := fmtTime(nowUTC())
		done := 0
		report := func() {
			if opt.Progress != nil {
				opt.Progress(done, opt.Total)
			}
		}
		for a := range as {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("cancelled after %d annotations: %w", done, err)
				}
				if done > 0 && done%4096 == 0 {
					report()
				}
			}
			done++
			if a == nil {
				return fmt.Errorf("%w: annotation %d is nil", ErrInvalid, done)
			}
			if err := checkAttributes(a.Attributes); err != nil {
				return fmt.Errorf("annotation %d: %w", done, err)
			}
			if a.ClippingID != textOf {
				var err error
				if text, err = loadText(ctx, tx, a.ClippingID); err != nil {
					return err
				}
				textOf = a.ClippingID
			}
			if !tags[a.TagID] {
				if _, err := loadLiveTag(tx, a.TagID); err != nil {
					return err
				}
				tags[a.TagID] = true
			}
			if opt.SkipExisting {
				if a.ClippingID != haveOf {
					var err error
					if have, err = liveSpans(ctx, tx, a.ClippingID, coderID); err != nil {
						return err
					}
					haveOf = a.ClippingID
				}
				k := spanKey{a.TagID, a.Start, a.End}
				if have[k] {
					res.Skipped++
					continue
				}
				have[k] = true
			}
			st := annState{ClippingID: a.ClippingID, TagID: a.TagID, CoderID: coderID, Start: a.Start, End: a.End,
				BodyHash: text.hash, Origin: a.Origin, CreatedAt: now, UpdatedAt: now}
			var err error
			if st.Exact, st.Prefix, st.Suffix, err = anchor(text.body, a.Start, a.End, a.Exact); err != nil {
				return fmt.Errorf("annotation %d: %w", done, err)
			}
			st.setAttributes(a.Attributes)
			if st.ID, err = newID(); err != nil {
				return err
			}
			if g == nil {
				if g, err = startGroup(tx, coderID, kindDo, ""); err != nil {
					return err
				}
				res.Group = g.id
			}
			if err := insertAnn(tx, &st); err != nil {
				return err
			}
			if err := g.add(entityAnnotation, st.ID, actionCreate, nil, st); err != nil {
				return err
			}
			m, err := st.model()
			if err != nil {
				return err
			}
			*a = m
			res.Added++
		}
		// A source that stops early because its work failed or was
		// cancelled ends the sequence; the group must not be committed.
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("cancelled after %d annotations: %w", done, err)
		}
		report()
		return nil
	})
	if err != nil {
		return GroupResult{}, err
	}
	return res, nil
}

// spanKey is an annotation's tag and span.
type spanKey struct {
	tag        string
	start, end int
}

// liveSpans returns the tag and span of every live annotation of coder on
// clipping.
func liveSpans(ctx context.Context, tx *wtx, clipping, coder string) (map[spanKey]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT tag_id, start, "end" FROM annotations
		WHERE clipping_id = ? AND coder_id = ? AND deleted_at IS NULL AND `+spanReadable, clipping, coder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[spanKey]bool{}
	for rows.Next() {
		var k spanKey
		if err := rows.Scan(&k.tag, &k.start, &k.end); err != nil {
			return nil, err
		}
		have[k] = true
	}
	return have, rows.Err()
}
