package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// A colleague's file is untrusted row by row: every row of the tables a
// merge reads (coders, tags, clippings, annotations, rejections) is
// checked with the rules for local input before anything is written (see
// rowrules.go). A row that fails is refused — not merged, and listed in
// MergeReport.Refused with the reason — and so are the rows that depend
// on it (the annotations of a refused clipping, tag or coder); the rest of
// the merge goes ahead. The file's own indexes are never used to read it
// (NOT INDEXED, rows copied by rowid): integrity_check may have found
// them inconsistent, and a duplicated id is refused instead of breaking
// the merge with "UNIQUE constraint failed".

// RefusedRow is a row of the merged file that was not merged, with why.
type RefusedRow struct {
	Table  string `json:"table"`
	ID     string `json:"id"` // the row's id in the file, or "row N" when it has no readable id
	Reason string `json:"reason"`
}

// refuse records that the row id of table is not merged. The ids of
// refused annotations are not kept (nothing refers to an annotation): the
// caller refuses an annotation once.
func (m *merger) refuse(table, id, why string) {
	if table != "annotations" {
		if m.refused[table] == nil {
			m.refused[table] = map[string]string{}
		}
		if _, done := m.refused[table][id]; done {
			return
		}
		m.refused[table][id] = why
	}
	m.refusedN[table]++
	m.rep.Refused = append(m.rep.Refused, RefusedRow{Table: table, ID: id, Reason: why})
	m.item(MergeItem{What: "refused", Table: table, ID: id, Reason: why})
}

// refusedAs returns why the row id of table was refused.
func (m *merger) refusedAs(table, id string) (string, bool) {
	why, ok := m.refused[table][id]
	return why, ok
}

// readTheirs reads every row of the incoming table through q (which must
// read it NOT INDEXED), checks each with check, and returns the rows that
// pass, in id order, with their cells (for more problems; their values
// are dropped once checked); the others are refused. A row whose id
// appears more than once in the file is refused with all its copies:
// which one is meant cannot be told. typed, when not nil, reads a row
// with Go types first (the fast way) and checks it; a row it cannot read
// (ok false) is read value by value with check. n is about how many rows
// there are.
func readTheirs[T any](m *merger, table, q string, n int, typed func(rows *sql.Rows, c *cells) (T, bool),
	check func(c *cells) T) ([]T, []*cells, error) {
	rows, err := m.tx.QueryContext(m.ctx, q)
	if err != nil {
		return nil, nil, fmt.Errorf("read incoming %s: %w", table, classify(err))
	}
	defer rows.Close()
	cols, err := columnIndex(rows)
	if err != nil {
		return nil, nil, fmt.Errorf("read incoming %s: %w", table, err)
	}
	type row struct {
		v T
		c *cells
	}
	all := make([]row, 0, n)
	count := make(map[string]int, n)
	for rows.Next() {
		if typed != nil {
			c := &cells{table: table}
			if v, ok := typed(rows, c); ok {
				all = append(all, row{v, c})
				count[c.id]++
				continue
			}
		}
		c, err := scanCells(rows, table, cols)
		if err != nil {
			return nil, nil, fmt.Errorf("read incoming %s: %w", table, classify(err))
		}
		all = append(all, row{check(c), c})
		c.vals = nil
		count[c.id]++
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read incoming %s: %w", table, classify(err))
	}
	slices.SortFunc(all, func(a, b row) int {
		return cmp.Or(strings.Compare(a.c.id, b.c.id), cmp.Compare(a.c.rowid, b.c.rowid))
	})
	good := make([]T, 0, len(all))
	goodCells := make([]*cells, 0, len(all))
	for _, r := range all {
		switch c := r.c; {
		case count[c.id] > 1:
			m.refuse(table, c.id, fmt.Sprintf("the file has %d rows with this id", count[c.id]))
		case len(c.probs) > 0:
			m.refuse(table, c.id, reason(c.probs))
		default:
			good = append(good, r.v)
			goodCells = append(goodCells, c)
		}
	}
	return good, goodCells, nil
}

// checkFindings makes sure that every table in which integrity_check found
// a broken CHECK or NOT NULL constraint had a row refused for it: the row
// checks are stricter than the schema's constraints, so a table with such
// a row and no refusal means a check Clipper does not know, and the file
// is refused whole.
func (m *merger) checkFindings() error {
	var unexplained []string
	for _, t := range m.findings.constraintTables() {
		if !slices.Contains(mergedFrom, t) || m.refusedN[t] > 0 {
			continue
		}
		unexplained = append(unexplained, t)
	}
	if len(unexplained) > 0 {
		return corrupt("integrity_check found rows of %s that break the schema's constraints, which Clipper could not single out",
			strings.Join(unexplained, ", "))
	}
	return nil
}

// mergedFrom are the tables of the incoming file a merge reads rows of.
var mergedFrom = []string{"coders", "tags", "clippings", "annotations", "rejections"}
