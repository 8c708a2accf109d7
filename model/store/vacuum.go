package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// execer runs statements: *sql.DB, *sql.Conn or *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// VacuumInto writes a compact copy of the project to dst, which must not
// exist (ErrExists): a rollback-journal file without deleted remnants,
// fsync'd and then renamed into place, so dst is either complete or absent.
// It works on read-only projects too.
func (s *Store) VacuumInto(ctx context.Context, dst string) error {
	abs, err := filepath.Abs(dst)
	if err != nil {
		return fmt.Errorf("copy project to %s: %w", dst, err)
	}
	if err := s.refuseOverwrite(dst, abs, "the copy"); err != nil {
		return err
	}
	if err := vacuumInto(ctx, s.db, abs); err != nil {
		return fmt.Errorf("copy project to %s: %w", abs, err)
	}
	return nil
}

// vacuumInto runs VACUUM INTO a temporary file next to dst, fsyncs it
// (VACUUM INTO does not) and renames it to dst.
func vacuumInto(ctx context.Context, db execer, dst string) (err error) {
	dir := filepath.Dir(dst)
	f, err := os.CreateTemp(dir, filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	f.Close() // VACUUM INTO accepts an existing empty file
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("vacuum into: %w", classify(err))
	}
	if f, err = os.OpenFile(tmp, os.O_RDWR, 0); err != nil {
		return err
	}
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return fmt.Errorf("sync copy: %w", err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	return syncDir(dir)
}
