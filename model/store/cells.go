package store

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
)

// Problem is one thing wrong in a project file: a stored value Clipper's
// rules refuse (Table, ID and usually Column set), or damage that
// PRAGMA integrity_check found.
type Problem struct {
	Table   string `json:"table,omitempty"`
	ID      string `json:"id,omitempty"` // the row's id, or "row N" when it has none that can be read
	Column  string `json:"column,omitempty"`
	Problem string `json:"problem"`
	// Repair says what Repair does (or did) about it; "" when it cannot be
	// repaired automatically.
	Repair string `json:"repair,omitempty"`
}

// String is the problem as one sentence naming the row.
func (p Problem) String() string {
	var b strings.Builder
	if p.Table != "" {
		b.WriteString(p.Table)
		if p.ID != "" {
			b.WriteString(" " + p.ID)
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Problem)
	return b.String()
}

// cells is one row as SQLite stored it, read column by column with the
// type each column must have. A value of the wrong type or shape is read
// as the column's zero value and noted as a problem of the row.
type cells struct {
	table, id string
	rowid     int64
	names     map[string]int
	vals      []any
	probs     []Problem
}

// scanCells reads the current row of rows, whose columns are cols (one
// map per query), as raw values. table names the row in problems.
func scanCells(rows *sql.Rows, table string, cols map[string]int) (*cells, error) {
	c := &cells{table: table, names: cols, vals: make([]any, len(cols))}
	ptrs := make([]any, len(cols))
	for i := range c.vals {
		ptrs[i] = &c.vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	if i, ok := cols["rowid"]; ok {
		c.rowid, _ = c.vals[i].(int64)
	}
	if i, ok := cols["rid"]; ok && c.rowid == 0 {
		c.rowid, _ = c.vals[i].(int64)
	}
	c.id = fmt.Sprintf("row %d", c.rowid)
	if i, ok := cols["id"]; ok {
		if s, ok := c.vals[i].(string); ok && s != "" && utf8.ValidString(s) && len(s) <= 64 {
			c.id = s
		}
	}
	return c, nil
}

// columnIndex maps the columns of rows to their positions.
func columnIndex(rows *sql.Rows) (map[string]int, error) {
	names, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m, nil
}

// bad notes that col is unusable.
func (c *cells) bad(col, format string, args ...any) {
	c.probs = append(c.probs, Problem{Table: c.table, ID: c.id, Column: col, Problem: col + " " + fmt.Sprintf(format, args...)})
}

// raw is the stored value of col.
func (c *cells) raw(col string) any {
	i, ok := c.names[col]
	if !ok {
		panic("store: column " + col + " not selected") // a programming error
	}
	return c.vals[i]
}

// describe shows a stored value in a problem, shortened.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return fmt.Sprintf("a blob of %d bytes", len(x))
	case string:
		if len(x) > 60 {
			x = x[:60] + "…"
		}
		return fmt.Sprintf("%q", strings.ToValidUTF8(x, "\uFFFD"))
	default:
		return fmt.Sprintf("%v", x)
	}
}

// text reads a TEXT column; invalid UTF-8 is read with U+FFFD in place of
// the bad bytes (and noted).
func (c *cells) text(col string) string {
	switch x := c.raw(col).(type) {
	case string:
		if !utf8.ValidString(x) {
			c.bad(col, "is not valid UTF-8")
			return strings.ToValidUTF8(x, "\uFFFD")
		}
		return x
	default:
		c.bad(col, "is %s, not text", describe(x))
		return ""
	}
}

// nullText reads a TEXT column that may be NULL.
func (c *cells) nullText(col string) *string {
	if c.raw(col) == nil {
		return nil
	}
	s := c.text(col)
	return &s
}

// integer reads an INTEGER column.
func (c *cells) integer(col string) int {
	if x, ok := c.raw(col).(int64); ok && x >= math.MinInt32 && x <= math.MaxInt32 {
		return int(x)
	}
	c.bad(col, "is %s, not a whole number", describe(c.raw(col)))
	return 0
}

// real reads a REAL column that may be NULL; it must be a finite number.
func (c *cells) real(col string) *float64 {
	var f float64
	switch x := c.raw(col).(type) {
	case nil:
		return nil
	case float64:
		f = x
	case int64:
		f = float64(x)
	default:
		c.bad(col, "is %s, not a number", describe(x))
		return nil
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		c.bad(col, "is %v, not a finite number", f)
		return nil
	}
	return &f
}

// stamp reads a timestamp column: TEXT in the store's own format. An
// unusable one reads as "".
func (c *cells) stamp(col string) string {
	s, ok := c.raw(col).(string)
	if !ok {
		c.bad(col, "is %s, not a timestamp", describe(c.raw(col)))
		return ""
	}
	if err := checkTime(s); err != nil {
		c.bad(col, "%v", err)
		return ""
	}
	return s
}

// nullStamp reads a timestamp column that may be NULL.
func (c *cells) nullStamp(col string) *string {
	if c.raw(col) == nil {
		return nil
	}
	s := c.stamp(col)
	return &s
}

// jsonList reads a JSON array column into list (a pointer to a slice),
// strictly: an array of exactly the element type, no unknown fields. An
// unusable one leaves list empty.
func (c *cells) jsonList(col string, list any) {
	s, ok := c.raw(col).(string)
	if !ok {
		c.bad(col, "is %s, not a JSON array", describe(c.raw(col)))
		return
	}
	if err := decodeList(s, list); err != nil {
		c.bad(col, "is %s, not %s: %v", describe(s), listShape(col), err)
		v := reflect.ValueOf(list).Elem()
		v.Set(reflect.Zero(v.Type())) // not the part decoded before the error
	}
}

// decodeList decodes the JSON array s into list strictly.
func decodeList(s string, list any) error {
	d := json.NewDecoder(strings.NewReader(s))
	d.DisallowUnknownFields()
	err := d.Decode(list)
	if err == nil && d.More() {
		err = fmt.Errorf("text after the array")
	}
	if err == nil && !bytes.HasPrefix(bytes.TrimSpace([]byte(s)), []byte("[")) {
		err = fmt.Errorf("not an array") // null decodes into a nil slice
	}
	return err
}

// listShape says what a JSON column of clippings must hold.
func listShape(col string) string {
	switch col {
	case "authors":
		return "a JSON array of names"
	case "captions":
		return `a JSON array of {"credit","text"} objects`
	case "details":
		return `a JSON array of {"key","value"} objects`
	}
	return "a JSON array"
}

// checkTime checks a stored timestamp: UTC with milliseconds, exactly as
// fmtTime writes it (so that text order is time order).
func checkTime(s string) error {
	if canonicalStamp(s) {
		return nil // the common case, without parsing and formatting
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil || fmtTime(t) != s {
		return fmt.Errorf("%s is not a timestamp in Clipper's format (like 2024-05-03T14:07:00.000Z)", describe(s))
	}
	return nil
}

// canonicalStamp reports whether s is certainly a timestamp in Clipper's
// format (timeLayout, a real date and time of day); false says only that
// the slow check must decide.
func canonicalStamp(s string) bool {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		s[19] != '.' || s[23] != 'Z' {
		return false
	}
	num := func(i, j int) int {
		n := 0
		for k := i; k < j; k++ {
			c := s[k]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, sec, ms := num(11, 13), num(14, 16), num(17, 19), num(20, 23)
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
		sec < 0 || sec > 59 || ms < 0 {
		return false
	}
	return day <= time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseTimeOrZero parses a timestamp that reading already checked ("" when
// it was unusable, read as the zero time).
func parseTimeOrZero(s string) time.Time {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
