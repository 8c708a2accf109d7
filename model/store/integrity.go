package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// integrityFindings is what PRAGMA integrity_check found in a file that
// is not damage to the file's pages: rows that break a NOT NULL (or CHECK)
// constraint, and indexes that disagree with their table (a duplicated
// UNIQUE value, a missing or extra entry, a search index that does not
// match the text).
type integrityFindings struct {
	constraints map[string][]string // table → what integrity_check said of it
	indexes     []string            // index findings, as integrity_check said them
	fts         []string            // FTS tables whose index disagrees with the text (a merge re-indexes what it takes)
}

// constraintTables lists, in order, the tables with a broken CHECK or NOT
// NULL constraint.
func (f integrityFindings) constraintTables() []string {
	ts := make([]string, 0, len(f.constraints))
	for t := range f.constraints {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}

var (
	constraintRE = regexp.MustCompile(`^(?:CHECK constraint failed in (\w+)|NULL value in (\w+)\.\w+)$`)
	indexRE      = regexp.MustCompile(`^(?:non-unique entry in index|row \d+ missing from index|wrong # of entries in index) (\w+)$`)
	ftsRE        = regexp.MustCompile(`^malformed inverted index for FTS[34] table \w+\.(\w+)$`)
)

// integrityCheck runs PRAGMA integrity_check on the database schema db
// ("main" or an attached one): every page, every index against its table
// (the search indexes against the text too), and every row against the
// schema's UNIQUE and NOT NULL constraints. Damage to the file's structure is ErrCorrupt with SQLite's
// findings; constraint and index findings are returned, for the row checks
// to name the rows. It is cancelled through ctx.
func integrityCheck(ctx context.Context, q queryer, db string) (integrityFindings, error) {
	return runCheck(ctx, q, db, "integrity_check")
}

// runCheck runs PRAGMA integrity_check or quick_check (pragma) and sorts
// what it finds (see integrityCheck). CHECK constraints are not evaluated
// (ignore_check_constraints, for the duration of the check): SQLite stops
// the whole check at the first CHECK whose function fails on a bad value
// (json_type of text that is not JSON: "malformed JSON"), and the row
// checks of Diagnose and Merge test every CHECK's rule more strictly, row
// by row.
func runCheck(ctx context.Context, q queryer, db, pragma string) (integrityFindings, error) {
	f := integrityFindings{constraints: map[string][]string{}}
	if pool, ok := q.(*sql.DB); ok {
		conn, err := pool.Conn(ctx)
		if err != nil {
			return f, fmt.Errorf("%s: %w", pragma, classify(err))
		}
		defer conn.Close()
		q = conn
	}
	x, ok := q.(interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	})
	if !ok {
		return f, fmt.Errorf("%s: cannot set pragmas through %T", pragma, q)
	}
	if _, err := x.ExecContext(ctx, `PRAGMA ignore_check_constraints = ON`); err != nil {
		return f, fmt.Errorf("%s: %w", pragma, classify(err))
	}
	defer x.ExecContext(context.WithoutCancel(ctx), `PRAGMA ignore_check_constraints = OFF`)
	rows, err := q.QueryContext(ctx, `PRAGMA `+db+`.`+pragma)
	if err != nil {
		return f, fmt.Errorf("%s: %w", pragma, classify(err))
	}
	defer rows.Close()
	var damage []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return f, fmt.Errorf("%s: %w", pragma, classify(err))
		}
		m = strings.TrimSpace(strings.TrimPrefix(m, "*** in database "+db+" ***"))
		switch g := constraintRE.FindStringSubmatch(m); {
		case m == "ok" || m == "":
		case g != nil:
			t := g[1] + g[2]
			f.constraints[t] = append(f.constraints[t], m)
		case indexRE.MatchString(m):
			f.indexes = append(f.indexes, m)
		case ftsRE.MatchString(m):
			f.fts = append(f.fts, ftsRE.FindStringSubmatch(m)[1])
		default:
			damage = append(damage, m)
		}
	}
	if err := rows.Err(); err != nil {
		return f, fmt.Errorf("%s: %w", pragma, classify(err))
	}
	if len(damage) > 0 {
		if len(damage) > 5 {
			damage = append(damage[:5], fmt.Sprintf("and %d more", len(damage)-5))
		}
		return f, fmt.Errorf("%w: %s found: %s", ErrCorrupt, pragma, strings.Join(damage, "; "))
	}
	return f, nil
}
