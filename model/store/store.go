package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"
)

// Store is an open Clipper project file. Its methods are safe for
// concurrent use. Writes are serialised through one pinned connection;
// reads use a pool.
type Store struct {
	path      string
	db        *sql.DB
	readOnly  bool
	roReason  string
	recovered string // see Recovered
	version   int
	verified  atomic.Bool // the whole file passed quick_check (on open or Check)
	problems  problemLog  // unusable values reads met (see Problems)

	wait  *waiter      // lock waits of this store's connections (busy.go)
	stamp versionStamp // which Clipper writes the file this session (version.go)

	wmu     writeLock            // guards w and stmts: every write transaction and DataVersion
	save    *saveCache           // what the last annotation saves read; nil when none (guarded by wmu)
	w       *sql.Conn            // pinned connection for writes and PRAGMA data_version
	stmts   map[string]*sql.Stmt // write statements, prepared once and reused on w
	pending []string             // queries a transaction prepared for itself, to cache (cachePending)
	closed  bool                 // Close has run; closing again does nothing

	lib libCache // the library list's index (libcache.go)
}

// options are what tests may change about how a file is opened.
type options struct {
	driver     string        // database/sql driver name
	migrations []migration   // schema history; len = newest version
	checkLimit int64         // largest file Open runs a full quick_check on
	stall      time.Duration // give up waiting for a lock after this long without progress
	onWait     func(bool)    // see OpenOptions.OnWait
	version    string        // see OpenOptions.Version
	// dirWritable reports whether files can be created in a folder (the
	// journal, beside the project).
	dirWritable func(dir string) bool
}

// fullCheckLimit is the largest file Open verifies page by page with
// PRAGMA quick_check. quick_check reads every page (≈100 MB/s here: a
// 294 MB project of 10,000 clippings took 3 s), which is fine for a
// typical project but not for a big one on every open. Bigger files get
// the cheap checks only (header, size against the header's page count —
// the usual damage of a bad copy is truncation —, application id,
// schema), and the app runs Check in the background; corruption met while
// reading surfaces as ErrCorrupt either way.
const fullCheckLimit = 16 << 20

func defaultOptions() options {
	return options{driver: driverName, migrations: defaultMigrations(), checkLimit: fullCheckLimit, stall: stallLimit,
		dirWritable: dirWritable}
}

// OpenOptions tune OpenWith.
type OpenOptions struct {
	// Create makes a new project when the file is missing or empty, as
	// OpenOrCreate does. Without it a missing file gives ErrNoProject.
	Create bool
	// OnWait, when set, is told when the store starts waiting for another
	// program that holds the project's lock (true, about a second into the
	// wait) and when no operation waits any more (false). It is called on
	// the waiting goroutine and must return quickly without using the store.
	OnWait func(waiting bool)
	// Version names the running Clipper (e.g. "0.1.0 (a1b2c3d)"). When
	// set, a project created now records it as its creator, and every
	// write records it as the file's last writer (see Versions); reading
	// records nothing.
	Version string
}

// OpenWith opens (or with Create, creates) the project at path. Like every
// operation of the store it waits while another Clipper holds the file's
// lock, for as long as that program makes progress; cancelling ctx stops
// the wait with an error wrapping ErrBusy and ctx.Err().
func OpenWith(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	o := defaultOptions()
	o.onWait = opt.OnWait
	o.version = opt.Version
	if opt.Create {
		return openOrCreate(ctx, path, o)
	}
	return open(ctx, path, o)
}

// SetOnWait replaces the OnWait notifier given at open (nil: none).
func (s *Store) SetOnWait(fn func(waiting bool)) {
	if s.wait != nil {
		s.wait.setNotify(fn)
	}
}

// Create makes a new project at path. A missing or empty (0-byte) file
// becomes a new project; any other existing file gives ErrExists.
func Create(path string) (*Store, error) {
	return create(context.Background(), path, defaultOptions())
}

// Open opens an existing project after checking that it is a Clipper
// project (ErrNotProject), undamaged (ErrCorrupt) and has only the schema
// Clipper made (ErrUnsafeSchema). An older schema is backed up next to the
// file (path + ".bak-v<N>") and upgraded; a newer one, or a file that is
// read-only on disk, opens read-only (see ReadOnly).
func Open(path string) (*Store, error) {
	return open(context.Background(), path, defaultOptions())
}

// OpenOrCreate creates the project when path is missing or empty and
// opens it otherwise.
func OpenOrCreate(path string) (*Store, error) {
	return openOrCreate(context.Background(), path, defaultOptions())
}

func openOrCreate(ctx context.Context, path string, o options) (*Store, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode().IsRegular() && fi.Size() == 0) {
		return create(ctx, path, o)
	}
	return open(ctx, path, o)
}

func create(ctx context.Context, path string, o options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("create project %s: %w", path, err)
	}
	if err := danglingLink(abs); err != nil {
		return nil, fmt.Errorf("create project %s: %w", abs, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("create project %s: %w: it is not a regular file", abs, ErrExists)
	case err == nil && fi.Size() > 0:
		return nil, fmt.Errorf("create project %s: %w (open it instead)", abs, ErrExists)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("create project %s: %w", abs, err)
	}
	if err := checkMigrations(o.migrations); err != nil {
		return nil, err
	}
	wait := o.waiter(abs)
	db, err := openDB(o.driver, rwDSN(abs), wait, true)
	if err != nil {
		return nil, fmt.Errorf("create project %s: %w", abs, err)
	}
	conn, err := db.Conn(ctx)
	if err == nil {
		err = migrate(ctx, conn, 0, o.migrations)
	}
	if err == nil {
		err = stampCreated(ctx, conn, o.version)
	}
	if err == nil {
		err = syncDir(filepath.Dir(abs))
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		db.Close()
		return nil, fmt.Errorf("create project %s: %w", abs, classify(err))
	}
	s := &Store{path: abs, db: db, w: conn, version: len(o.migrations), wait: wait, wmu: newWriteLock()}
	s.stamp.version, s.stamp.created = o.version, true
	s.verified.Store(true)
	return s, nil
}

func open(ctx context.Context, path string, o options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open project %s: %w", path, err)
	}
	s, err := openAbs(ctx, abs, o)
	if err != nil {
		return nil, fmt.Errorf("open project %s: %w", abs, err)
	}
	return s, nil
}

func openAbs(ctx context.Context, abs string, o options) (*Store, error) {
	if err := checkMigrations(o.migrations); err != nil {
		return nil, err
	}
	latest := len(o.migrations)
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		if lerr := danglingLink(abs); lerr != nil {
			return nil, fmt.Errorf("%w: %w", ErrNoProject, lerr)
		}
		return nil, fmt.Errorf("%w: %w", ErrNoProject, fs.ErrNotExist)
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: it is not a regular file", ErrNotProject)
	}
	h, err := readHeader(abs, fi.Size())
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, version: h.userVersion, wait: o.waiter(abs), wmu: newWriteLock()}
	s.stamp.version = o.version
	roDisk := ""
	switch {
	case !writable(abs):
		roDisk = "the file is read-only on disk"
	case !o.dirWritable(filepath.Dir(abs)):
		// SQLite writes its journal beside the file: no change can be saved.
		roDisk = "the folder it is in is read-only, so no change could be saved"
	}
	switch {
	case h.userVersion > latest:
		s.readOnly = true
		s.roReason = fmt.Sprintf("made by a newer Clipper (schema %d, this one knows %d); opened read-only", h.userVersion, latest)
	case roDisk != "":
		if h.userVersion < latest {
			return nil, fmt.Errorf("%w: schema %d needs an upgrade to %d, but %s", ErrReadOnly, h.userVersion, latest, roDisk)
		}
		s.readOnly = true
		s.roReason = roDisk + "; opened read-only"
	}
	if s.recovered, err = openSidecars(abs, !s.readOnly); err != nil {
		return nil, err
	}
	recovered := s.recovered
	dsn := rwDSN(abs)
	if s.readOnly {
		dsn = roDSN(abs)
	}
	if s.db, err = openDB(o.driver, dsn, s.wait, !s.readOnly); err != nil {
		return nil, err
	}
	if s.w, err = s.db.Conn(ctx); err == nil {
		size := fi.Size()
		if recovered != "" {
			size = 0 // check every page of a recovered file, whatever its size
		}
		err = s.prepare(ctx, o, latest, size)
	}
	if err != nil {
		if s.w != nil {
			s.w.Close()
		}
		s.db.Close()
		return nil, classify(err)
	}
	return s, nil
}

// prepare checks the opened file and upgrades an older schema.
func (s *Store) prepare(ctx context.Context, o options, latest int, size int64) error {
	// The header was read before SQLite rolled back any hot journal; the
	// pragmas are the truth from here on.
	var id, v int
	if err := s.w.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return classify(err)
	}
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return classify(err)
	}
	if id != appID || v < 1 || (v > latest && !s.readOnly) {
		return fmt.Errorf("%w: application_id %#x, schema %d after opening", ErrCorrupt, id, v)
	}
	s.version = v
	want, err := expectedSchema(ctx, o.migrations, min(v, latest))
	if err != nil {
		return err
	}
	if err := checkSchema(ctx, s.w, want, v <= latest); err != nil {
		return err
	}
	if size <= o.checkLimit {
		if err := quickCheck(ctx, s.w); err != nil {
			return err
		}
		s.verified.Store(true)
	}
	if v >= latest || s.readOnly {
		return nil
	}
	if _, err := s.backup(ctx, v); err != nil {
		return err
	}
	if err := migrate(ctx, s.w, v, o.migrations); err != nil {
		return err
	}
	if want, err = expectedSchema(ctx, o.migrations, latest); err != nil {
		return err
	}
	if err := checkSchema(ctx, s.w, want, true); err != nil {
		return fmt.Errorf("after upgrade: %w", err)
	}
	s.version = latest
	return nil
}

// backup copies the file at schema version v to path + ".bak-v<v>" (or
// ".bak-v<v>-2", … when that exists) before an upgrade.
func (s *Store) backup(ctx context.Context, v int) (string, error) {
	for i := 1; ; i++ {
		dst := fmt.Sprintf("%s.bak-v%d", s.path, v)
		if i > 1 {
			dst = fmt.Sprintf("%s-%d", dst, i)
		}
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			if err := vacuumInto(ctx, s.w, dst); err != nil {
				return "", fmt.Errorf("back up before upgrade: %w", err)
			}
			return dst, nil
		}
	}
}

// waiter returns the lock waiter for the project at abs.
func (o options) waiter(abs string) *waiter {
	w := newWaiter(abs, o.stall)
	w.notify = o.onWait
	return w
}

// danglingLink returns an error when path is a symbolic link whose target
// does not exist: opening it would create the target somewhere else.
func danglingLink(path string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		target, _ := os.Readlink(path)
		return fmt.Errorf("it is a symbolic link to %s, which does not exist: %w", target, fs.ErrNotExist)
	}
	return nil
}

// writable reports whether the file can be opened for writing.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// Check runs PRAGMA quick_check over the whole file and returns
// ErrCorrupt, with SQLite's findings, when it is damaged. Open does this
// itself for files up to 16 MiB; for bigger ones (see Verified) run it in
// the background after opening. It can be cancelled through ctx.
func (s *Store) Check(ctx context.Context) error {
	if err := quickCheck(ctx, s.db); err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	s.verified.Store(true)
	return nil
}

// Verified reports whether the whole file passed quick_check, on open or
// through Check.
func (s *Store) Verified() bool { return s.verified.Load() }

// Close closes the project; closing it again does nothing. Everything
// acknowledged is already on disk.
func (s *Store) Close() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.lib.close()
	werr := s.w.Close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	if werr != nil && !errors.Is(werr, sql.ErrConnDone) {
		return fmt.Errorf("close %s: %w", s.path, werr)
	}
	return nil
}

// Path is the absolute path of the project file.
func (s *Store) Path() string { return s.path }

// Recovered returns what was done because the project was not closed
// cleanly (an interrupted save undone, the file as found kept), or "".
func (s *Store) Recovered() string { return s.recovered }

// ReadOnly reports whether the project is open read-only and why (e.g.
// "made by a newer Clipper (schema 3, this one knows 2); opened
// read-only"). Every write then returns ErrReadOnly.
func (s *Store) ReadOnly() (bool, string) { return s.readOnly, s.roReason }

// SchemaVersion is the file's schema version (user_version).
func (s *Store) SchemaVersion() int { return s.version }

// ErrWriteBusy: DataVersion found this store in the middle of a write;
// ask again later.
var ErrWriteBusy = errors.New("the project is busy writing; try again later")

// DataVersion returns PRAGMA data_version of the store's pinned
// connection. It changes when another connection — another Clipper
// instance on the same file — commits; this store's own writes do not
// change it. Poll it to notice a colleague's or another window's changes.
// It never waits for a write of this store to finish: while one runs it
// returns ErrWriteBusy.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if !s.wmu.TryLock() {
		return 0, fmt.Errorf("data version: %w", ErrWriteBusy)
	}
	defer s.wmu.Unlock()
	if s.closed {
		return 0, fmt.Errorf("data version: %s is closed", s.path)
	}
	var v int64
	if err := s.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", classify(err))
	}
	return v, nil
}

// write runs fn in one immediate transaction on the pinned connection and
// commits it. what names the action in errors.
func (s *Store) write(ctx context.Context, what string, fn func(tx *wtx) error) error {
	return s.writeTx(ctx, what, false, fn)
}

// writeSave is write for saving annotations: fn's look-ups may use what
// the store's previous saves read (see saveCache).
func (s *Store) writeSave(ctx context.Context, what string, fn func(tx *wtx) error) error {
	return s.writeTx(ctx, what, true, fn)
}

func (s *Store) writeTx(ctx context.Context, what string, cached bool, fn func(tx *wtx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %w: %s", what, ErrReadOnly, s.roReason)
	}
	if err := s.wmu.lockContext(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer s.wmu.Unlock()
	defer s.cachePending(ctx) // after the transaction ended (deferred calls run last first)
	tx, err := s.w.BeginTx(ctx, nil)
	if errors.Is(err, sql.ErrConnDone) {
		// The pinned connection was lost (e.g. a driver error): take a
		// fresh one from the pool.
		if s.w, err = s.db.Conn(ctx); err == nil {
			tx, err = s.w.BeginTx(ctx, nil)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: begin: %w", what, classify(err))
	}
	w := &wtx{Tx: tx, ctx: ctx, s: s}
	if !cached {
		s.save = nil // this write may change what the cache holds
	} else if err = s.validSave(w); err != nil {
		tx.Rollback()
		return fmt.Errorf("%s: %w", what, classify(err))
	}
	if err = fn(w); err == nil {
		err = s.stampWrite(w)
	}
	if err != nil {
		tx.Rollback()
		s.save = nil
		return fmt.Errorf("%s: %w", what, classify(err))
	}
	if err := tx.Commit(); err != nil {
		s.save = nil
		return fmt.Errorf("%s: commit: %w", what, classify(err))
	}
	if w.save != nil {
		w.save.committed(w)
	}
	return nil
}

// wtx is a write transaction whose exec and queryRow use statements the
// store prepared once: SQLite keeps them compiled on the pinned
// connection, so a user action or a batch row is not re-parsed each time.
type wtx struct {
	*sql.Tx
	ctx context.Context
	s   *Store
	// save is the store's saveCache in a writeSave, else nil; noRedo and
	// stamped are what this transaction adds to it once it commits.
	save    *saveCache
	noRedo  string
	stamped bool
	// local holds this transaction's handle of each statement it ran:
	// one per query, however many rows a batch writes (database/sql keeps
	// every handle Tx.StmtContext returns until the transaction ends).
	local map[string]*sql.Stmt
}

// stmt returns q prepared for this transaction. The caller holds s.wmu.
// A query the store has not cached yet is prepared on the transaction's
// own connection, and cached for later transactions once this one ended
// (cachePending): preparing it through the pool could need a new
// connection, and opening one reads the file, which waits for this
// transaction once its changes spilled under the exclusive lock.
func (w *wtx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.local[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if cached, ok := w.s.stmts[q]; ok {
		st = w.StmtContext(w.ctx, cached)
	} else {
		var err error
		if st, err = w.Tx.PrepareContext(w.ctx, q); err != nil {
			return nil, err
		}
		w.s.pending = append(w.s.pending, q)
	}
	if w.local == nil {
		w.local = map[string]*sql.Stmt{}
	}
	w.local[q] = st
	return st, nil
}

// cachePending prepares, for later transactions, the queries the last one
// ran uncached; one that cannot be prepared now stays pending. The caller
// holds s.wmu and no transaction.
func (s *Store) cachePending(ctx context.Context) {
	if len(s.pending) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	var left []string
	for _, q := range s.pending {
		if _, ok := s.stmts[q]; ok {
			continue
		}
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			left = append(left, q)
			continue
		}
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[q] = st
	}
	s.pending = left
}

// exec runs q with a cached prepared statement.
func (w *wtx) exec(q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// queryRow runs q with a cached prepared statement; errors surface at Scan.
func (w *wtx) queryRow(q string, args ...any) *sql.Row {
	st, err := w.stmt(q)
	if err != nil {
		return w.QueryRowContext(w.ctx, q, args...) // reports the same error at Scan
	}
	return st.QueryRowContext(w.ctx, args...)
}

// syncDir fsyncs a directory so a new or renamed file's entry is durable.
// Windows cannot flush a directory handle (FlushFileBuffers answers
// "Access denied") and NTFS journals the entry itself: there it does
// nothing.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// writeLock is the store's write mutex. Unlike sync.Mutex, a writer can
// stop waiting for it when its context ends: a short action of the UI
// (under a two-second limit) must not wait minutes behind a long write of
// the same store, such as undoing an Accept all in every clipping.
type writeLock chan struct{}

func newWriteLock() writeLock { return make(writeLock, 1) }

// Lock waits for the lock.
func (l writeLock) Lock() { l <- struct{}{} }

// TryLock takes the lock if it is free and reports whether it did.
func (l writeLock) TryLock() bool {
	select {
	case l <- struct{}{}:
		return true
	default:
		return false
	}
}

// Unlock releases the lock.
func (l writeLock) Unlock() { <-l }

// lockContext waits for the lock until ctx ends; then it returns
// ErrWriteBusy with the context's error.
func (l writeLock) lockContext(ctx context.Context) error {
	select {
	case l <- struct{}{}:
		return nil
	default:
	}
	select {
	case l <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w (%w)", ErrWriteBusy, ctx.Err())
	}
}
