package store

import (
	"context"
	"slices"
	"testing"
)

// TestReadPacked: packed columns read the same values as row by row —
// also when a value holds the separator or is NULL (the row-by-row path
// then), is empty or a BLOB, and when there are no rows.
func TestReadPacked(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		values []any
		want   []string
	}{
		{"none", nil, nil},
		{"plain", []any{"a", "", "Économie 9"}, []string{"a", "", "Économie 9"}},
		{"one empty", []any{""}, []string{""}},
		{"separator", []any{"a\x1fb", "c"}, []string{"a\x1fb", "c"}},
		{"null", []any{"a", nil, "c"}, []string{"a", "", "c"}},
		{"blob", []any{[]byte("bytes"), "x"}, []string{"bytes", "x"}},
		{"number", []any{12, "x"}, []string{"12", "x"}}, // TEXT affinity: stored as text
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.db.ExecContext(ctx, `DELETE FROM t`); err != nil {
				t.Fatal(err)
			}
			for i, v := range tc.values {
				if _, err := s.db.ExecContext(ctx, `INSERT INTO t (k, v) VALUES (?, ?)`, i+1, v); err != nil {
					t.Fatal(err)
				}
			}
			got, err := readPacked(ctx, s.db, `(SELECT * FROM t ORDER BY k)`, nil, `k`, `v`)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || !slices.Equal(got[1], tc.want) {
				t.Fatalf("values %q, want %q", got, tc.want)
			}
			byRow, err := readPackedByRow(ctx, s.db, `(SELECT * FROM t ORDER BY k)`, nil, `k`, `v`)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got[0], byRow[0]) || !slices.Equal(got[1], byRow[1]) {
				t.Errorf("packed %q, by row %q", got, byRow)
			}
		})
	}
}
