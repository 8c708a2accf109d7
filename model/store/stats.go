package store

import (
	"context"
	"fmt"
)

// Stats counts live annotations per tag name, per coder name (coders who
// share a name are added together) and per clipping id; every live tag,
// coder and clipping appears, with 0 when it has none.
type Stats struct {
	ByTag, ByCoder         map[string]int // name → count
	ByClipping             map[string]int // clipping id → count
	Clippings, Annotations int
}

// Stats computes the project's counts.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{ByTag: map[string]int{}, ByCoder: map[string]int{}, ByClipping: map[string]int{}}
	// Count by id with one scan of the annotations, then name the ids:
	// coder names may repeat (merged files) and are added together.
	for _, q := range []struct {
		sql string
		m   map[string]int
	}{
		{`SELECT t.name, coalesce(n.k, 0) FROM tags t LEFT JOIN
			(SELECT tag_id, count(*) AS k FROM annotations WHERE deleted_at IS NULL GROUP BY tag_id) n ON n.tag_id = t.id
			WHERE t.deleted_at IS NULL`, st.ByTag},
		{`SELECT c.name, coalesce(n.k, 0) FROM coders c LEFT JOIN
			(SELECT coder_id, count(*) AS k FROM annotations WHERE deleted_at IS NULL GROUP BY coder_id) n ON n.coder_id = c.id`, st.ByCoder},
		{`SELECT c.id, (SELECT count(*) FROM annotations a WHERE a.clipping_id = c.id AND a.deleted_at IS NULL)
			FROM clippings c`, st.ByClipping},
	} {
		rows, err := s.db.QueryContext(ctx, q.sql)
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", classify(err))
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return Stats{}, fmt.Errorf("stats: %w", classify(err))
			}
			q.m[k] += n
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", classify(err))
		}
	}
	st.Clippings = len(st.ByClipping)
	for _, n := range st.ByClipping {
		st.Annotations += n
	}
	return st, nil
}
