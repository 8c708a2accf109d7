package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migration is one step of the schema history: up brings a file from
// version-1 to version inside one transaction.
type migration struct {
	version int
	name    string
	up      func(ctx context.Context, tx *sql.Tx) error
}

// checkMigrations verifies that steps are numbered 1, 2, 3, … in order.
func checkMigrations(steps []migration) error {
	for i, m := range steps {
		if m.version != i+1 || m.up == nil {
			return fmt.Errorf("migration %d (%q) is out of order or empty", i, m.name)
		}
	}
	return nil
}

// migrate brings the database on conn from version from to the last of
// steps. Each step runs in its own transaction on this one connection and
// sets user_version (and application_id) in that transaction, so a failed
// step leaves the file at the previous version. Foreign keys are switched
// off around the steps (that pragma is a no-op inside a transaction) so a
// step may rebuild tables; each step must leave PRAGMA foreign_key_check
// clean.
func migrate(ctx context.Context, conn *sql.Conn, from int, steps []migration) (err error) {
	if err := checkMigrations(steps); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer func() {
		if _, ferr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); ferr != nil && err == nil {
			err = fmt.Errorf("migrate: %w", ferr)
		}
	}()
	for _, m := range steps[from:] {
		if err := migrateStep(ctx, conn, m); err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// migrateStep runs one migration step in one transaction.
func migrateStep(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := m.up(ctx, tx); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	bad := rows.Next()
	if err := rows.Close(); err != nil {
		return err
	}
	if bad {
		return fmt.Errorf("foreign key check failed after the step")
	}
	// Pragmas take no bound parameters; both values are integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", appID)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
