package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/mattn/go-sqlite3"
)

// MergeOptions tune Merge.
type MergeOptions struct {
	// DryRun computes the report and changes nothing.
	DryRun bool
	// KeepBothTags keeps an incoming tag apart from this project's tag of
	// the same name, as "name (2)", instead of merging the two. Built-in
	// tags are always merged.
	KeepBothTags bool
	// CoderID is who merges, for the audit trail; may be empty.
	CoderID string
	// CountsOnly keeps the report's per-annotation lists empty (AddedIDs,
	// UpdatedIDs, DeletedIDs, ReAnchored): merging a million annotations
	// then holds counts, not a million ids. Conflicts and refused rows are
	// listed either way. OnItem still receives every item.
	CountsOnly bool
	// OnItem, when set, receives each annotation the merge adds, updates,
	// deletes, re-anchors or puts in conflict, and each row it refuses, as
	// it is decided (a dry run's too), on the merging goroutine.
	OnItem func(MergeItem)
}

// MergeItem is one row a merge decided about, for MergeOptions.OnItem.
type MergeItem struct {
	// What happened: "added", "deletion_recorded", "updated", "deleted",
	// "re_anchored", "conflict" or "refused".
	What       string `json:"what"`
	Table      string `json:"table"` // "annotations", or the refused row's table
	ID         string `json:"id"`    // the annotation's id (the row's, for a refused row)
	ClippingID string `json:"clipping_id,omitempty"`
	Reason     string `json:"reason,omitempty"` // why a row was refused
	// ReAnchored says how a re-anchored annotation was placed.
	ReAnchored *ReAnchored `json:"re_anchored,omitempty"`
}

// Merge merges a colleague's project file src into this project and
// reports what it did.
//
// src is untrusted. A file with a -journal or -wal beside it was not
// closed cleanly and is refused (ErrNotClosed). Otherwise it is copied to
// a temporary directory and checked like Open checks a project, plus
// PRAGMA integrity_check and the exact schema of its version; a file that
// fails is refused with the reason (ErrNotProject, ErrCorrupt,
// ErrUnsafeSchema, ErrSchemaVersion) and nothing here changes (the
// integrity check runs while the file is read; nothing is committed
// before it has passed). Then every
// row is checked with the rules for local input: a row that fails is not
// merged, nor are the rows that depend on it, and the report lists them
// (MergeReport.Refused); the rest is merged.
//
// Clippings match by id, then by text (body hash); tags by id, then by
// name (merged, or kept apart with opt.KeepBothTags); coders and
// annotations by id. Incoming ids are kept; only references to clippings
// and tags matched by text or name are redirected. Where a clipping's
// text differs here (a correction on one side), this project's text is
// kept and the incoming annotations are re-anchored onto it: remapped,
// fuzzy or orphaned (see AnchorReview); none is dropped.
//
// An annotation present on both sides is compared with the state both had
// when this project last synced with that file's replica (a merge, or the
// Share that made it): changed only there → theirs is taken; only here →
// ours is kept; the same change on both → nothing; different changes →
// a conflict is recorded (see Conflicts) and ours is kept. A deletion
// merges like any edit. Without a sync record, differing annotations are
// conflicts.
//
// Everything is applied in one transaction, which a crash or kill rolls
// back; merging the same file again changes nothing. The merge is
// recorded in the audit trail (the merges table) unless it changed
// nothing or opt.DryRun is set.
//
// Memory stays bounded whatever the size of the two files: the incoming
// annotations are read, decided and written in batches of a few thousand
// (in the file's row order), keeping per clipping, tag and coder only what
// a decision needs; texts and re-anchoring indexes are kept for a few
// clippings at a time. With opt.CountsOnly the report holds counts
// instead of per-annotation lists.
func (s *Store) Merge(ctx context.Context, src string, opt MergeOptions) (MergeReport, error) {
	rep := MergeReport{Source: filepath.Base(src), DryRun: opt.DryRun}
	fail := func(err error) (MergeReport, error) {
		return MergeReport{Source: rep.Source, DryRun: opt.DryRun}, fmt.Errorf("merge %s: %w", src, err)
	}
	if s.readOnly {
		return fail(fmt.Errorf("%w: %s", ErrReadOnly, s.roReason))
	}
	in, err := prepareIncoming(ctx, src)
	if err != nil {
		return fail(fmt.Errorf("refused: %w", err))
	}
	defer in.remove()
	err = s.attached(ctx, in.path, func(tx *wtx) (bool, error) {
		m, err := newMerger(tx, opt, &rep, in.wait)
		if err != nil {
			return false, err
		}
		m.inPath = in.path
		if err := m.run(); err != nil {
			return false, err
		}
		return !opt.DryRun && m.writes(), nil
	})
	if err != nil {
		// The file's integrity check runs while it is read (the commit
		// waits for it): damage it finds refuses the file, as it did
		// before the reading, and is the reason a read of it failed.
		if _, cerr := in.wait(); cerr != nil && ctx.Err() == nil {
			err = fmt.Errorf("refused: %w", cerr)
		}
		return fail(err)
	}
	rep.lists()
	return rep, nil
}

// attached runs fn in one immediate transaction on the store's write
// connection with the file at path attached read-only as "theirs" (ATTACH
// is per connection, so it must be this one), foreign keys deferred to the
// end. fn says whether to commit; a commit that would leave a reference
// dangling fails with ErrCorrupt and changes nothing.
func (s *Store) attached(ctx context.Context, path string, fn func(tx *wtx) (bool, error)) error {
	if err := s.wmu.lockContext(ctx); err != nil {
		return err
	}
	defer s.wmu.Unlock()
	s.save = nil // a merge changes tags, clippings and the op log
	if s.closed {
		return fmt.Errorf("the project is closed")
	}
	attach := func() error {
		_, err := s.w.ExecContext(ctx, `ATTACH DATABASE ? AS theirs`, fileURI(path, "mode=ro"))
		return err
	}
	err := attach()
	if errors.Is(err, sql.ErrConnDone) {
		if s.w, err = s.db.Conn(ctx); err == nil {
			err = attach()
		}
	}
	if err != nil {
		return fmt.Errorf("attach the file: %w", classify(err))
	}
	defer s.detach()
	// A big merge dirties tens of megabytes of pages: a larger page cache
	// keeps them from spilling (each spill syncs the journal) before the
	// commit.
	var cache int64
	if err := s.w.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return fmt.Errorf("read cache size: %w", classify(err))
	}
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, mergeCacheKiB)); err != nil {
		return fmt.Errorf("set cache size: %w", classify(err))
	}
	defer s.w.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, cache))
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	commit, err := func() (bool, error) {
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return false, err
		}
		w := &wtx{Tx: tx, ctx: ctx, s: s}
		commit, err := fn(w)
		if err == nil && commit {
			err = s.stampWrite(w)
		}
		return commit, err
	}()
	if err != nil || !commit {
		tx.Rollback()
		return classify(err)
	}
	// Foreign keys are deferred: the commit refuses a transaction that
	// leaves a reference dangling (and rolls it back), without reading the
	// whole project as PRAGMA foreign_key_check would.
	if err := tx.Commit(); err != nil {
		if isForeignKey(err) {
			return fmt.Errorf("%w: the merged file has dangling references: %w", ErrCorrupt, err)
		}
		return fmt.Errorf("commit: %w", classify(err))
	}
	return nil
}

// isForeignKey reports whether err is a foreign key constraint violation.
func isForeignKey(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey
}

// detach detaches "theirs" from the write connection. If that fails the
// connection is discarded — it must not go back to the pool with a
// colleague's file attached — and replaced. The caller holds s.wmu.
func (s *Store) detach() {
	ctx := context.Background()
	if _, err := s.w.ExecContext(ctx, `DETACH DATABASE theirs`); err == nil {
		return
	}
	s.w.Raw(func(any) error { return driver.ErrBadConn }) // closes the driver connection
	s.w.Close()
	if c, err := s.db.Conn(ctx); err == nil {
		s.w = c
	}
}

// mergeCacheKiB is the page cache of the write connection during a merge
// (negative: in KiB), 64 MiB.
const mergeCacheKiB = -64 << 10
