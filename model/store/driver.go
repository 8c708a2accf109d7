package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// driverName is the database/sql driver the store opens files with: the
// mattn SQLite driver with connectHook run on every new connection.
const driverName = "clipper-sqlite3"

// Registering a database/sql driver is process-wide by nature; it happens
// exactly once, here.
func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: connectHook})
}

// connectHook hardens every connection against hostile files: schema
// objects (views, triggers, CHECKs, indexes) may not call functions that
// are not innocuous, cell sizes are checked while reading b-tree pages, and
// at most two databases may be attached (for merges); the natural
// collation orders the library list (natural.go).
func connectHook(c *sqlite3.SQLiteConn) error {
	for _, p := range []string{"PRAGMA trusted_schema = OFF", "PRAGMA cell_size_check = ON"} {
		if _, err := c.Exec(p, nil); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	c.SetLimit(sqlite3.SQLITE_LIMIT_ATTACHED, 2)
	if err := c.RegisterCollation(collNatural, naturalCompare); err != nil {
		return fmt.Errorf("collation %s: %w", collNatural, err)
	}
	return nil
}

// rwParams are the durability settings for the user's own file: foreign
// keys on, rollback journal (a copied file never misses a -wal sidecar),
// fsync on every commit and immediate write transactions. Every DSN opens
// its connection without SQLite's per-connection mutex (_mutex=no, the
// "multi-thread" mode): database/sql hands a connection to one goroutine
// at a time, and the lock/unlock pair around every call into SQLite was
// ≈ 4 % of an export's CPU. The busy timeout
// is one short step: the store's connections wait for another Clipper in
// Go, where the wait can be reported and cancelled (busy.go).
const rwParams = "_mutex=no&_fk=1&_journal_mode=DELETE&_sync=FULL&_busy_timeout=" + busyStep + "&_txlock=immediate"

// roParams open a file read-only (mode=ro is read by SQLite itself).
const roParams = "mode=ro&_mutex=no&_fk=1&_busy_timeout=" + busyStep

// openDB returns a database handle on dsn whose connections come from the
// driver registered as name, wrapped to wait for locks through w (see
// connector). rw marks the user's project opened for writing.
func openDB(name, dsn string, w *waiter, rw bool) (*sql.DB, error) {
	// sql.Open connects nothing; it is the way to find a driver by name.
	probe, err := sql.Open(name, dsn)
	if err != nil {
		return nil, err
	}
	drv := probe.Driver()
	probe.Close()
	return sql.OpenDB(&connector{drv: drv, dsn: dsn, w: w, rw: rw}), nil
}

// rwDSN is the read-write DSN for the absolute path abs. A plain path is
// used, as measured in the notes; a path containing '?' would be cut at
// that '?' by the driver, so such paths go through a file: URI instead.
func rwDSN(abs string) string {
	if strings.Contains(abs, "?") {
		return fileURI(abs, rwParams)
	}
	return abs + "?" + rwParams
}

// roDSN is the read-only DSN for the absolute path abs.
func roDSN(abs string) string {
	return fileURI(abs, roParams)
}

// fileURI builds a file: URI with url.URL so that '#', '?' and '%' in the
// path are escaped (a hand-built "file:"+path opened a different file when
// the name contained '#').
func fileURI(abs, query string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → /C:/x
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String()
}
