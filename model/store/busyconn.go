package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// connector opens the connections of one Store: the registered driver's
// (mattn's, with connectHook), wrapped so that a lock held by another
// program is waited for through the store's waiter instead of failing with
// "database is locked".
type connector struct {
	drv driver.Driver
	dsn string
	w   *waiter
	rw  bool // the user's project opened for writing: raise the spill threshold
}

// spillBytes is how much a write transaction may change before SQLite
// spills dirty pages into the project file. A spill takes the EXCLUSIVE
// lock for the rest of the transaction, which shuts out every reader (the
// other window, the command line) until the commit; below this size a
// long write (a merge, a big import, accepting many suggestions) keeps
// only RESERVED, so readers go on, and EXCLUSIVE is held just for the
// commit. The memory is used only by a transaction that big; 160 MiB
// keeps the largest merge (1,000,000 annotations into 1,000,000) under
// 600 MB while an import's transaction (≤ 32 MiB of text) stays below it.
const spillBytes = 160 << 20

// Connect opens one connection, waiting while another program holds an
// exclusive lock (opening reads the file).
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	var conn driver.Conn
	err := c.w.retry(ctx, func() error {
		var err error
		conn, err = c.drv.Open(c.dsn)
		return err
	})
	if err != nil {
		return nil, err
	}
	sc, ok := conn.(*sqlite3.SQLiteConn)
	if !ok {
		return nil, fmt.Errorf("unexpected SQLite driver connection %T", conn)
	}
	if c.rw {
		// cache_spill counts pages; the default page size is 4096 and a
		// bigger page only raises the threshold in bytes.
		if _, err := sc.Exec(fmt.Sprintf("PRAGMA cache_spill = %d", spillBytes/4096), nil); err != nil {
			sc.Close()
			return nil, fmt.Errorf("set cache_spill: %w", err)
		}
	}
	return &busyConn{c: sc, w: c.w}, nil
}

// Driver returns the underlying driver.
func (c *connector) Driver() driver.Driver { return c.drv }

// busyConn is a mattn connection whose statements wait for locks: a
// statement run outside a transaction (safe to repeat: SQLITE_BUSY means it
// did nothing) and BEGIN are retried; COMMIT is retried in place (SQLite
// keeps the transaction open when COMMIT is busy). Statements inside a
// transaction are not retried — the transaction already holds its lock.
type busyConn struct {
	c *sqlite3.SQLiteConn
	w *waiter
}

var (
	_ driver.Conn               = (*busyConn)(nil)
	_ driver.ConnBeginTx        = (*busyConn)(nil)
	_ driver.ConnPrepareContext = (*busyConn)(nil)
	_ driver.ExecerContext      = (*busyConn)(nil)
	_ driver.QueryerContext     = (*busyConn)(nil)
	_ driver.Pinger             = (*busyConn)(nil)
)

func (b *busyConn) Close() error                   { return b.c.Close() }
func (b *busyConn) Ping(ctx context.Context) error { return b.c.Ping(ctx) }
func (b *busyConn) Prepare(q string) (driver.Stmt, error) {
	return b.PrepareContext(context.Background(), q)
}
func (b *busyConn) Begin() (driver.Tx, error) {
	return b.BeginTx(context.Background(), driver.TxOptions{})
}

// retry runs op through the waiter when the connection is outside a
// transaction, once otherwise.
func (b *busyConn) retry(ctx context.Context, op func() error) error {
	if !b.c.AutoCommit() {
		return op()
	}
	return b.w.retry(ctx, op)
}

func (b *busyConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	var st driver.Stmt
	err := b.retry(ctx, func() error {
		var err error
		st, err = b.c.PrepareContext(ctx, q) // reading the schema takes a lock
		return err
	})
	if err != nil {
		return nil, err
	}
	return &busyStmt{Stmt: st, conn: b}, nil
}

func (b *busyConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	var tx driver.Tx
	err := b.w.retry(ctx, func() error {
		var err error
		tx, err = b.c.BeginTx(ctx, opts)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &busyTx{Tx: tx, conn: b, ctx: ctx}, nil
}

func (b *busyConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	var res driver.Result
	err := b.retry(ctx, func() error {
		var err error
		res, err = b.c.ExecContext(ctx, q, args)
		return err
	})
	return res, err
}

func (b *busyConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	return b.query(ctx, func() (driver.Rows, error) { return b.c.QueryContext(ctx, q, args) })
}

// query runs open and, outside a transaction, retries it while the lock is
// busy. The driver takes the first step when the query opens but reports
// its result at the first Next, so the wait happens there (busyRows).
func (b *busyConn) query(ctx context.Context, open func() (driver.Rows, error)) (driver.Rows, error) {
	if !b.c.AutoCommit() {
		return open()
	}
	var rows driver.Rows
	err := b.w.retry(ctx, func() error {
		var err error
		rows, err = open()
		return err
	})
	if err != nil {
		return nil, err
	}
	return &busyRows{Rows: rows, open: open, ctx: ctx, w: b.w}, nil
}

// busyTx retries COMMIT while it is busy: the transaction stays open
// then, so nothing is lost; any other failure rolls back.
type busyTx struct {
	driver.Tx
	conn *busyConn
	ctx  context.Context // the BeginTx context: cancelling it stops the wait
}

func (t *busyTx) Commit() error {
	err := t.conn.w.retry(t.ctx, func() error {
		_, err := t.conn.c.ExecContext(context.Background(), "COMMIT", nil)
		return err
	})
	if err != nil && !t.conn.c.AutoCommit() {
		// database/sql considers the transaction over once Commit returns.
		t.Tx.Rollback()
	}
	return err
}

// busyStmt is a prepared statement whose executions outside a transaction
// wait for locks like busyConn's.
type busyStmt struct {
	driver.Stmt
	conn *busyConn
}

func (s *busyStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	ec, ok := s.Stmt.(driver.StmtExecContext)
	if !ok {
		return nil, fmt.Errorf("unexpected SQLite statement %T", s.Stmt)
	}
	var res driver.Result
	err := s.conn.retry(ctx, func() error {
		var err error
		res, err = ec.ExecContext(ctx, args)
		return err
	})
	return res, err
}

func (s *busyStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	qc, ok := s.Stmt.(driver.StmtQueryContext)
	if !ok {
		return nil, fmt.Errorf("unexpected SQLite statement %T", s.Stmt)
	}
	return s.conn.query(ctx, func() (driver.Rows, error) { return qc.QueryContext(ctx, args) })
}

// busyRows re-runs its query when the first step found the file locked:
// no row was read yet, so repeating it is invisible to the caller.
type busyRows struct {
	driver.Rows
	open    func() (driver.Rows, error)
	ctx     context.Context
	w       *waiter
	started bool
}

func (r *busyRows) Next(dest []driver.Value) error {
	if r.started {
		return r.Rows.Next(dest)
	}
	first := true
	err := r.w.retry(r.ctx, func() error {
		if !first {
			r.Rows.Close()
			rows, err := r.open()
			if err != nil {
				return err
			}
			r.Rows = rows
		}
		first = false
		return r.Rows.Next(dest)
	})
	r.started = true
	return err
}

// sqliteConn returns the mattn connection behind a driver connection as
// sql.Conn.Raw hands it over: the store's connections are busyConns, a
// plain sql.Open's are mattn's own.
func sqliteConn(dc any) (*sqlite3.SQLiteConn, bool) {
	switch c := dc.(type) {
	case *busyConn:
		return c.c, true
	case *sqlite3.SQLiteConn:
		return c, true
	}
	return nil, false
}
