package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// SourceMatch is a clipping that carries one of the archive document ids
// asked for.
type SourceMatch struct {
	ID, SourceID, Headline, Publication string
}

// ClippingsBySourceID returns the clippings whose source_id is one of ids
// (the archive's document ids: Factiva AN, ProQuest document ID…), keyed
// by that id; ids not in the project are absent. Empty ids are ignored.
// It reads through the clippings_source index.
func (s *Store) ClippingsBySourceID(ctx context.Context, ids []string) (map[string][]SourceMatch, error) {
	var want []string
	for _, id := range ids {
		if id != "" {
			want = append(want, id)
		}
	}
	out := map[string][]SourceMatch{}
	if len(want) == 0 {
		return out, nil
	}
	j, err := json.Marshal(want)
	if err != nil {
		return nil, fmt.Errorf("find clippings by document id: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, source_id, headline, publication FROM clippings
		WHERE source_id <> '' AND source_id IN (SELECT value FROM json_each(?))`, string(j))
	if err != nil {
		return nil, fmt.Errorf("find clippings by document id: %w", classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var m SourceMatch
		if err := rows.Scan(&m.ID, &m.SourceID, &m.Headline, &m.Publication); err != nil {
			return nil, fmt.Errorf("find clippings by document id: %w", classify(err))
		}
		out[m.SourceID] = append(out[m.SourceID], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find clippings by document id: %w", classify(err))
	}
	return out, nil
}
