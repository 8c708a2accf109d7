package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// queryer is what schema checks read through: *sql.DB, *sql.Conn, *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	typ, name, table, sql string
}

// column is one row of pragma_table_xinfo.
type column struct {
	name, typ string
	notNull   bool
	dflt      string
	pk        int
	hidden    int
}

// schema is a database's sqlite_schema plus the columns of its tables.
type schema struct {
	objects map[string]schemaObject
	columns map[string][]column
}

// readObjects reads sqlite_schema. Reading it parses the schema but
// executes nothing.
func readObjects(ctx context.Context, q queryer) (map[string]schemaObject, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", classify(err))
	}
	defer rows.Close()
	objs := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, fmt.Errorf("read schema: %w", classify(err))
		}
		objs[o.name] = o
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema: %w", classify(err))
	}
	return objs, nil
}

// readColumns reads the columns of table, hidden ones included.
func readColumns(ctx context.Context, q queryer, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, "notnull", coalesce(dflt_value, ''), pk, hidden
		FROM pragma_table_xinfo(?) ORDER BY cid`, table)
	if err != nil {
		return nil, fmt.Errorf("read columns of %s: %w", table, classify(err))
	}
	defer rows.Close()
	var cols []column
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.name, &c.typ, &c.notNull, &c.dflt, &c.pk, &c.hidden); err != nil {
			return nil, fmt.Errorf("read columns of %s: %w", table, classify(err))
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read columns of %s: %w", table, classify(err))
	}
	return cols, nil
}

// expectedSchema builds the schema of the given version by running the
// migrations up to it on an in-memory database: the allow-list is derived
// from the migrations themselves, FTS4 shadow tables included.
func expectedSchema(ctx context.Context, steps []migration, version int) (schema, error) {
	db, err := sql.Open(driverName, ":memory:")
	if err != nil {
		return schema{}, fmt.Errorf("expected schema: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return schema{}, fmt.Errorf("expected schema: %w", err)
	}
	defer conn.Close()
	if err := migrate(ctx, conn, 0, steps[:version]); err != nil {
		return schema{}, fmt.Errorf("expected schema: %w", err)
	}
	objs, err := readObjects(ctx, conn)
	if err != nil {
		return schema{}, fmt.Errorf("expected schema: %w", err)
	}
	sc := schema{objects: objs, columns: map[string][]column{}}
	for _, o := range objs {
		if o.typ != "table" {
			continue
		}
		if sc.columns[o.name], err = readColumns(ctx, conn, o.name); err != nil {
			return schema{}, fmt.Errorf("expected schema: %w", err)
		}
	}
	return sc, nil
}

// isStatTable reports whether o is one of the statistics tables ANALYZE
// creates; they hold no code and are allowed.
func isStatTable(o schemaObject) bool {
	return o.typ == "table" && (o.name == "sqlite_stat1" || o.name == "sqlite_stat4") &&
		strings.HasPrefix(o.sql, "CREATE TABLE "+o.name+"(")
}

// shadowOf reports whether name is an FTS shadow table of one of want's
// virtual tables (its SQL is written by the FTS module, not by Clipper).
func shadowOf(want schema, name string) bool {
	for _, o := range want.objects {
		if strings.HasPrefix(o.sql, "CREATE VIRTUAL TABLE") && strings.HasPrefix(name, o.name+"_") {
			return true
		}
	}
	return false
}

// checkSchema compares the database's schema with want and returns
// ErrUnsafeSchema naming the first difference. With exact, every object
// must be one Clipper made (same type, name, SQL and columns) and nothing
// else may exist. Without exact (a file from a newer Clipper, opened
// read-only, whose triggers can never fire), want's tables must exist as
// real tables with at least want's columns, each defined as Clipper
// defines it (type, NOT NULL, default, key), and the FTS tables must be
// defined as want's; no table may have a generated column, a column added
// by the newer Clipper may only default to a literal, and no table or
// index may call a function Clipper's own schema does not call (reading
// and checking the file would run it). In both modes no table or index may
// declare a collation Clipper's schema does not use. Other objects (views, triggers)
// are ignored because they are never queried.
func checkSchema(ctx context.Context, q queryer, want schema, exact bool) error {
	got, err := readObjects(ctx, q)
	if err != nil {
		return err
	}
	if err := checkCollations(want, got); err != nil {
		return err
	}
	if !exact {
		if err := checkExpressions(ctx, q, want, got); err != nil {
			return err
		}
	}
	if exact {
		var extra []string
		for name, o := range got {
			if _, ok := want.objects[name]; !ok && !isStatTable(o) {
				extra = append(extra, fmt.Sprintf("%s %q", o.typ, name))
			}
		}
		if len(extra) > 0 {
			slices.Sort(extra)
			return fmt.Errorf("%w: it contains %s, which Clipper did not create", ErrUnsafeSchema, strings.Join(extra, ", "))
		}
	}
	names := make([]string, 0, len(want.objects))
	for name := range want.objects {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w := want.objects[name]
		g, ok := got[name]
		if !ok {
			return fmt.Errorf("%w: %s %q is missing", ErrUnsafeSchema, w.typ, name)
		}
		if g.typ != w.typ {
			return fmt.Errorf("%w: %q is a %s where Clipper expects a %s", ErrUnsafeSchema, name, g.typ, w.typ)
		}
		if g.table != w.table {
			return fmt.Errorf("%w: %s %q belongs to %q, not %q", ErrUnsafeSchema, w.typ, name, g.table, w.table)
		}
		virtual := strings.HasPrefix(w.sql, "CREATE VIRTUAL TABLE")
		if (exact && !shadowOf(want, name) || virtual) && g.sql != w.sql {
			return fmt.Errorf("%w: the definition of %s %q differs from Clipper's", ErrUnsafeSchema, w.typ, name)
		}
		if w.typ != "table" || (!exact && shadowOf(want, name)) {
			continue
		}
		cols, err := readColumns(ctx, q, name)
		if err != nil {
			return err
		}
		if err := compareColumns(name, cols, want.columns[name], exact); err != nil {
			return err
		}
	}
	return nil
}

// compareColumns checks a table's columns: equal with exact, else a
// superset of want's, each of want's defined the same way (name, type,
// NOT NULL, default, key, and an ordinary column: not generated), and the
// others defaulting to a literal at most.
func compareColumns(table string, got, want []column, exact bool) error {
	if exact && !slices.Equal(got, want) {
		return fmt.Errorf("%w: the columns of table %q differ from Clipper's", ErrUnsafeSchema, table)
	}
	for _, w := range want {
		i := slices.IndexFunc(got, func(g column) bool { return g.name == w.name })
		switch {
		case i < 0:
			return fmt.Errorf("%w: table %q lacks column %q", ErrUnsafeSchema, table, w.name)
		case got[i].hidden == 2 || got[i].hidden == 3:
			return fmt.Errorf("%w: column %q of table %q is a generated column", ErrUnsafeSchema, w.name, table)
		case got[i] != w:
			return fmt.Errorf("%w: column %q of table %q is not defined as Clipper defines it", ErrUnsafeSchema, w.name, table)
		}
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w column) bool { return w.name == g.name }) && g.dflt != "" && !literal(g.dflt) {
			return fmt.Errorf("%w: column %q of table %q defaults to an expression, %s", ErrUnsafeSchema, g.name, table, g.dflt)
		}
	}
	return nil
}

// quickCheck runs PRAGMA quick_check and returns ErrCorrupt with SQLite's
// first findings when the file's structure is damaged. Rows that break a
// CHECK or NOT NULL constraint (an older Clipper's or a hand edit) are not
// damage: reading carries on past them and Diagnose names them.
func quickCheck(ctx context.Context, q queryer) error {
	_, err := runCheck(ctx, q, "main", "quick_check")
	return err
}
