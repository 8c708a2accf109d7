package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// Reading 50,000 rows one by one through the driver costs more than the
// query: a cgo call and a few allocations per row and column. The library
// index instead asks SQLite for one string per column — group_concat with
// a separator — and cuts it in Go. A value holding the separator, or a
// NULL (group_concat skips it), makes a column's piece count differ from
// the row count; then the rows are read one by one instead, so the result
// is exact whatever the file holds. (The columns read have TEXT affinity:
// a value is TEXT, BLOB — concatenated as its bytes, as textOf reads it —
// or NULL.)

// colSep separates values in a packed column.
const colSep = "\x1f"

// readPacked returns the values of the SQL expressions cols over the
// rows of from (a FROM clause, with WHERE and args as needed), one slice
// per expression, rows in the same order in each.
func readPacked(ctx context.Context, db *sql.DB, from string, args []any, cols ...string) ([][]string, error) {
	q := `SELECT count(*)`
	for _, c := range cols {
		q += `, group_concat(` + c + `, char(31))`
	}
	var n int
	packed := make([]sql.NullString, len(cols))
	dest := []any{&n}
	for i := range packed {
		dest = append(dest, &packed[i])
	}
	if err := db.QueryRowContext(ctx, q+` FROM `+from, args...).Scan(dest...); err != nil {
		return nil, err
	}
	out := make([][]string, len(cols))
	if n == 0 {
		return out, nil
	}
	for i, p := range packed {
		out[i] = strings.Split(p.String, colSep)
		if !p.Valid || len(out[i]) != n {
			return readPackedByRow(ctx, db, from, args, cols...)
		}
	}
	return out, nil
}

// readPackedByRow is readPacked reading row by row.
func readPackedByRow(ctx context.Context, db *sql.DB, from string, args []any, cols ...string) ([][]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+from, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([][]string, len(cols))
	vals := make([]any, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			s := textOf(v)
			if x, ok := v.(int64); ok {
				s = strconv.FormatInt(x, 10)
			}
			out[i] = append(out[i], s)
		}
	}
	return out, rows.Err()
}
