package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// ErrSchemaVersion: a file to merge has a schema version this Clipper
// cannot merge (made by a newer Clipper, or an older one that must be
// upgraded first).
var ErrSchemaVersion = errors.New("schema version cannot be merged")

// incoming is a validated private copy of a file to merge, in a temporary
// directory of its own.
type incoming struct {
	dir, path string
}

// remove deletes the copy and its directory.
func (in *incoming) remove() { os.RemoveAll(in.dir) }

// prepareIncoming copies src into a new temporary directory — only the
// main file, so a stray -journal or -wal next to src is never picked up —
// and validates the copy as untrusted input (see checkIncoming).
func prepareIncoming(ctx context.Context, src string) (*incoming, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: it is not a regular file", ErrNotProject)
	}
	dir, err := os.MkdirTemp("", "clipper-merge-*")
	if err != nil {
		return nil, fmt.Errorf("make a temporary directory: %w", err)
	}
	in := &incoming{dir: dir, path: filepath.Join(dir, "incoming.clip")}
	if err := copyRegular(src, in.path); err != nil {
		in.remove()
		return nil, err
	}
	if err := checkIncoming(ctx, in.path); err != nil {
		in.remove()
		return nil, err
	}
	return in, nil
}

// copyRegular copies the file src to the new file dst.
func copyRegular(src, dst string) error {
	r, err := os.Open(src)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	_, err = io.Copy(w, r)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return nil
}

// checkIncoming validates the private copy at path the way Open validates
// a project, and more strictly: the header and application id
// (ErrNotProject, ErrCorrupt), the schema version (ErrSchemaVersion for a
// newer Clipper's file; an older one's copy is upgraded), the schema against the
// allow-list (ErrUnsafeSchema) and PRAGMA quick_check over every page
// whatever the size (ErrCorrupt). The file is opened read-only, with
// trusted_schema off like every connection of the store.
func checkIncoming(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	h, err := readHeader(path, fi.Size())
	if err != nil {
		return err
	}
	latest := len(defaultMigrations())
	if h.userVersion > latest {
		return fmt.Errorf("%w: it was made by a newer Clipper (schema %d, this one knows %d); update Clipper to merge it",
			ErrSchemaVersion, h.userVersion, latest)
	}
	if err := rollbackMode(path); err != nil {
		return err
	}
	// A file from an older Clipper is checked against its own version's
	// schema and then upgraded: the copy is private, so it is opened
	// writable for that, never the colleague's file itself.
	upgrade := h.userVersion < latest
	s := &Store{path: path, version: h.userVersion, readOnly: !upgrade, roReason: "a file being merged"}
	dsn := roDSN(path)
	if upgrade {
		dsn = rwDSN(path)
	}
	if s.db, err = sql.Open(driverName, dsn); err != nil {
		return err
	}
	defer s.db.Close()
	if s.w, err = s.db.Conn(ctx); err != nil {
		return classify(err)
	}
	defer s.w.Close()
	o := defaultOptions()
	o.checkLimit = math.MaxInt64 // a colleague's file is always checked page by page
	return classify(s.prepare(ctx, o, latest, fi.Size()))
}

// rollbackMode marks a copy that was in WAL mode as a rollback-journal
// file, which is what a main file copied without its -wal is: read-only
// opening of a WAL file would need the -shm it does not have.
func rollbackMode(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	var b [2]byte
	if _, err := f.ReadAt(b[:], 18); err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	if b[0] != 2 || b[1] != 2 {
		return nil // rollback mode already, or versions SQLite itself will judge
	}
	if _, err := f.WriteAt([]byte{1, 1}, 18); err != nil {
		return fmt.Errorf("mark the copy as rollback-journal mode: %w", err)
	}
	return f.Close()
}
