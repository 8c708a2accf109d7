package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrSchemaVersion: a file to merge has a schema version this Clipper
// cannot merge (made by a newer Clipper, or an older one that must be
// upgraded first).
var ErrSchemaVersion = errors.New("schema version cannot be merged")

// ErrNotClosed: a file to merge has a -journal or -wal file beside it: it
// was copied while a program had it open, so its last changes may be only
// in that file, or half in the main file.
var ErrNotClosed = errors.New("the file was not closed cleanly")

// incoming is a private copy of a file to merge, in a temporary directory
// of its own, whose header and schema are checked; its integrity_check
// may still be running (see wait).
type incoming struct {
	dir, path string
	check     *pendingCheck // the copy's integrity_check
}

// remove stops the integrity check if it still runs, then deletes the
// copy and its directory.
func (in *incoming) remove() {
	if in.check != nil {
		in.check.stop()
	}
	os.RemoveAll(in.dir)
}

// wait returns integrity_check's findings for the row checks, or its
// error (ErrCorrupt for damage), waiting for it to finish.
func (in *incoming) wait() (integrityFindings, error) { return in.check.wait() }

// pendingCheck is a PRAGMA integrity_check running on a connection of its
// own, so that a merge reads and decides while it runs; nothing is
// committed before its result is known.
type pendingCheck struct {
	cancel context.CancelFunc
	done   chan struct{}
	f      integrityFindings
	err    error
}

// startCheck runs check on a goroutine, cancelled with ctx or stop.
func startCheck(ctx context.Context, check func(context.Context) (integrityFindings, error)) *pendingCheck {
	ctx, cancel := context.WithCancel(ctx)
	p := &pendingCheck{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.f, p.err = check(ctx)
	}()
	return p
}

// finished returns a check that is already done.
func finished(f integrityFindings, err error) *pendingCheck {
	p := &pendingCheck{cancel: func() {}, done: make(chan struct{}), f: f, err: err}
	close(p.done)
	return p
}

// wait waits for the check and returns its result.
func (p *pendingCheck) wait() (integrityFindings, error) {
	<-p.done
	return p.f, p.err
}

// stop cancels the check and waits for it to end.
func (p *pendingCheck) stop() {
	p.cancel()
	<-p.done
}

// prepareIncoming refuses a file with a sidecar (see sidecar), copies src
// into a new temporary directory and validates the copy as untrusted
// input (see checkIncoming). The integrity check of a copy in the current
// schema may still be running when it returns: the caller must wait for
// it (incoming.wait) before committing anything, and must remove the copy.
func prepareIncoming(ctx context.Context, src string) (*incoming, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: it is not a regular file", ErrNotProject)
	}
	if err := sidecar(src); err != nil {
		return nil, err
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
	if in.check, err = checkIncoming(ctx, in.path); err != nil {
		in.remove()
		return nil, err
	}
	return in, nil
}

// sidecar returns ErrNotClosed, saying how to fix it, when a non-empty
// -journal or -wal file lies beside the file at path. Such a file holds
// changes that are not (or not wholly) in the file itself: merging the
// file alone could merge half a change, and using the sidecar would mean
// trusting a second file from the same copy. The program that had it open
// finishes or rolls back those changes when it opens the file again.
func sidecar(path string) error {
	for _, ext := range []string{"-journal", "-wal"} {
		fi, err := os.Stat(path + ext)
		if err != nil || fi.Size() == 0 {
			continue
		}
		return fmt.Errorf("%w: %s lies beside it, so it was copied while Clipper (or another program) "+
			"still had it open, and its last changes may be missing. Open it in Clipper on the computer it came from "+
			"and close Clipper again (or ask your colleague to close Clipper and send the file again), then merge it",
			ErrNotClosed, filepath.Base(path+ext))
	}
	return nil
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
// newer Clipper's file; an older one's copy is upgraded), the schema
// against the allow-list of its version (ErrUnsafeSchema) and
// PRAGMA integrity_check over every page, index and constraint whatever
// the size (ErrCorrupt for damage; what it finds about rows is returned
// for the row checks of the merge). The file is opened read-only, with
// trusted_schema off like every connection of the store.
//
// The integrity check of a file in the current schema runs on, on a
// connection of its own, after checkIncoming returns (see pendingCheck);
// that of an older file finishes before its copy is upgraded.
func checkIncoming(ctx context.Context, path string) (*pendingCheck, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	h, err := readHeader(path, fi.Size())
	if err != nil {
		return nil, err
	}
	steps := defaultMigrations()
	latest := len(steps)
	if h.userVersion > latest {
		return nil, fmt.Errorf("%w: it was made by a newer Clipper (schema %d, this one knows %d); update Clipper to merge it",
			ErrSchemaVersion, h.userVersion, latest)
	}
	if err := rollbackMode(path); err != nil {
		return nil, err
	}
	// A file from an older Clipper is checked against its own version's
	// schema and then upgraded: the copy is private, so it is opened
	// writable for that, never the colleague's file itself.
	dsn := roDSN(path)
	if h.userVersion < latest {
		dsn = rwDSN(path)
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, classify(err)
	}
	defer conn.Close()
	var id, v int
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return nil, classify(err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return nil, classify(err)
	}
	if id != appID || v != h.userVersion {
		return nil, fmt.Errorf("%w: application_id %#x, schema %d after opening", ErrCorrupt, id, v)
	}
	want, err := expectedSchema(ctx, steps, v)
	if err != nil {
		return nil, err
	}
	if err := checkSchema(ctx, conn, want, true); err != nil {
		return nil, err
	}
	if v == latest {
		// The schema is the allow-listed one: the check runs on while
		// the merge reads the file, on a connection of its own.
		return startCheck(ctx, func(ctx context.Context) (integrityFindings, error) {
			db, err := sql.Open(driverName, roDSN(path))
			if err != nil {
				return integrityFindings{}, err
			}
			defer db.Close()
			return integrityCheck(ctx, db, "main")
		}), nil
	}
	f, err := integrityCheck(ctx, conn, "main")
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, conn, v, steps); err != nil {
		return nil, classify(err)
	}
	if want, err = expectedSchema(ctx, steps, latest); err != nil {
		return nil, err
	}
	if err := checkSchema(ctx, conn, want, true); err != nil {
		return nil, fmt.Errorf("after upgrade: %w", err)
	}
	return finished(f, nil), nil
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

// checkIncomingNow is checkIncoming, waiting for the integrity check.
func checkIncomingNow(ctx context.Context, path string) (integrityFindings, error) {
	p, err := checkIncoming(ctx, path)
	if err != nil {
		return integrityFindings{}, err
	}
	return p.wait()
}
