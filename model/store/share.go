package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ShareOptions tune Share.
type ShareOptions struct {
	// WithoutOriginals leaves out the bytes of the imported files
	// (Clipping.Original) to make the copy smaller; texts, metadata and
	// annotations are all kept.
	WithoutOriginals bool
}

// Share writes a copy of the project to dst (which must not exist:
// ErrExists) for a colleague: compact, in rollback-journal mode with no
// sidecar files, and without deleted remnants — the op log (undo history
// and audit trail) and open merge conflicts stay here, deleted annotations
// travel as bare tombstones (so the deletion still merges) and freed pages
// are dropped. The copy is a new merge replica that starts in sync with
// this project, so merging it back later tells who changed what. It is
// written to a temporary file next to dst, fsync'd and renamed, so dst is
// either complete or absent. A read-only project is shared all the same;
// only the record of the share here is not written.
func (s *Store) Share(ctx context.Context, dst string, opt ShareOptions) (err error) {
	abs, err := filepath.Abs(dst)
	if err != nil {
		return fmt.Errorf("share to %s: %w", dst, err)
	}
	fail := func(err error) error { return fmt.Errorf("share to %s: %w", abs, err) }
	if s.version > len(defaultMigrations()) {
		return fail(fmt.Errorf("%w: %s", ErrReadOnly, s.roReason))
	}
	if err := s.refuseOverwrite(dst, abs, "the shared copy"); err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	f, err := os.CreateTemp(dir, filepath.Base(abs)+".tmp-*")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	f.Close() // VACUUM INTO accepts an existing empty file
	defer func() {
		if err != nil {
			os.Remove(tmp)
			os.Remove(tmp + "-journal")
		}
	}()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fail(fmt.Errorf("vacuum into: %w", classify(err)))
	}
	replica, bases, err := cleanCopy(ctx, tmp, opt)
	if err != nil {
		return fail(err)
	}
	// The bookkeeping (the copy as a peer, in sync) is written only when
	// the project can be written; without it a later merge of the copy
	// back here treats every difference as the colleague's or a conflict,
	// which loses nothing.
	if !s.readOnly {
		if err := s.recordShare(ctx, replica, bases); err != nil && !errors.Is(err, ErrReadOnly) {
			return fail(err)
		}
	}
	if err := syncFile(tmp); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fail(err)
	}
	if err := syncDir(dir); err != nil {
		return fail(err)
	}
	return nil
}

// cleanCopy turns the fresh VACUUM INTO copy at path into a shared copy:
// a new replica id, in sync with this project (whose replica it records
// as a peer); no op log, open conflicts, tombstone content or (optionally)
// original bytes; the note index rebuilt without the removed notes; then
// vacuumed in place so nothing removed remains in free pages. It returns
// the copy's replica id and the sync records this project should keep.
func cleanCopy(ctx context.Context, path string, opt ShareOptions) (string, []baseRow, error) {
	db, err := sql.Open(driverName, rwDSN(path))
	if err != nil {
		return "", nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", nil, classify(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return "", nil, classify(err)
	}
	defer tx.Rollback()
	now := fmtTime(nowUTC())
	source, err := replicaID(ctx, tx, "main")
	if err != nil {
		return "", nil, err
	}
	replica, err := newID()
	if err != nil {
		return "", nil, err
	}
	stmts := []string{
		`UPDATE replica SET id = ?, created_at = ? WHERE one = 1`,
		`DELETE FROM conflicts`,
		`DELETE FROM ops`,
		// Tombstones keep what merging and the foreign keys need; the
		// note index is rebuilt below, after the notes are gone.
		`UPDATE annotations SET speaker = '', claimant = '', status = '', value = NULL, low = NULL, high = NULL,
			unit = '', comparator = '', note = '', prefix = '', suffix = '', anchor_quote = '' WHERE deleted_at IS NOT NULL`,
		`UPDATE tags SET description = '' WHERE deleted_at IS NOT NULL`,
		`INSERT INTO note_fts (note_fts) VALUES ('rebuild')`,
	}
	args := [][]any{{replica, now}}
	if opt.WithoutOriginals {
		stmts = append(stmts, `UPDATE clippings SET original = NULL WHERE original IS NOT NULL`)
	}
	for i, q := range stmts {
		var a []any
		if i < len(args) {
			a = args[i]
		}
		if _, err := tx.ExecContext(ctx, q, a...); err != nil {
			return "", nil, fmt.Errorf("clean the copy: %w", classify(err))
		}
	}
	peer, err := ensurePeer(ctx, tx, source, now)
	if err != nil {
		return "", nil, err
	}
	bases, err := syncAll(ctx, tx, peer)
	if err != nil {
		return "", nil, err
	}
	if err := tx.Commit(); err != nil {
		return "", nil, fmt.Errorf("clean the copy: %w", classify(err))
	}
	if _, err := conn.ExecContext(ctx, "VACUUM"); err != nil {
		return "", nil, fmt.Errorf("compact the copy: %w", classify(err))
	}
	return replica, bases, nil
}

// syncAll records every annotation as in sync with peer (both sides in
// the state they have now) and returns the records.
func syncAll(ctx context.Context, tx *sql.Tx, peer int64) ([]baseRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+annCols+` FROM annotations`)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", classify(err))
	}
	var bases []baseRow
	var cols lazyCols
	for rows.Next() {
		a, _, err := readAnnState(rows, &cols) // a value of the wrong type does not stop a share
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read annotations: %w", classify(err))
		}
		h := stateHash(a)
		bases = append(bases, baseRow{rid: a.rid, ours: h, theirs: h})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotations: %w", classify(err))
	}
	st, err := tx.PrepareContext(ctx, baseUpsert)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	for _, b := range bases {
		if _, err := st.ExecContext(ctx, peer, b.rid, b.ours, b.theirs); err != nil {
			return nil, fmt.Errorf("record merge base: %w", err)
		}
	}
	return bases, nil
}

// recordShare records in this project that it is in sync with the shared
// copy (replica) as of the copy: the records were computed from the copy,
// so an edit made here meanwhile counts as made after the share. The
// annotations' row ids are the same in the copy (VACUUM keeps them).
func (s *Store) recordShare(ctx context.Context, replica string, bases []baseRow) error {
	return s.write(ctx, "record the share", func(tx *wtx) error {
		peer, err := ensurePeer(ctx, tx.Tx, replica, fmtTime(nowUTC()))
		if err != nil {
			return err
		}
		for _, b := range bases {
			if _, err := tx.exec(`INSERT INTO main.merge_base (peer, annotation, ours, theirs)
				SELECT ?, rid, ?, ? FROM annotations WHERE rid = ?`, peer, b.ours, b.theirs, b.rid); err != nil {
				return fmt.Errorf("record merge base: %w", err)
			}
		}
		return nil
	})
}

// refuseOverwrite returns an error when dst (abs: its absolute path)
// exists: the open project itself, found with os.SameFile so that another
// spelling, a symbolic or a hard link count, gets its own message; what
// names the thing being written in it.
func (s *Store) refuseOverwrite(dst, abs, what string) error {
	fi, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s to %s: %w", what, abs, err)
	}
	if target, terr := os.Stat(abs); terr == nil {
		fi = target
	}
	if own, err := os.Stat(s.path); err == nil && os.SameFile(fi, own) {
		return existsError{fmt.Sprintf("refusing to write %s over the open project %s; choose another file name", what, dst)}
	}
	return existsError{fmt.Sprintf("refusing to write %s to %s: the file already exists; choose another file name", what, dst)}
}

// existsError is an ErrExists whose message is the whole story.
type existsError struct{ msg string }

func (e existsError) Error() string { return e.msg }
func (e existsError) Unwrap() error { return ErrExists }

// syncFile fsyncs the file at path.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return nil
}
