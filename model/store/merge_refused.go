package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// maxKeptRefused bounds the refused rows a merge's audit record keeps.
const maxKeptRefused = 500

// MergeRefusals are the rows the latest merge of one colleague's file
// refused, as recorded in the project (so they outlive the window).
type MergeRefusals struct {
	MergeID string
	Source  string // the merged file's name
	At      time.Time
	Rows    []RefusedRow // at most maxKeptRefused
	Total   int          // rows refused in all (≥ len(Rows))
}

// MergeRefusals returns, for each colleague's file (each peer) merged into
// this project, what its latest merge refused, newest first; a peer whose
// latest merge refused nothing, or whose refusals were forgotten
// (ForgetRefusals), is left out. A record that cannot be read is noted
// (see Problems) and left out.
func (s *Store) MergeRefusals(ctx context.Context) ([]MergeRefusals, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, source, report, created_at FROM merges
		WHERE rowid IN (SELECT max(rowid) FROM merges GROUP BY peer) ORDER BY rowid DESC`)
	if err != nil {
		return nil, fmt.Errorf("refused merge rows: %w", classify(err))
	}
	defer rows.Close()
	var out []MergeRefusals
	var probs []Problem
	for n := 1; rows.Next(); n++ {
		var r MergeRefusals
		var report, at string
		if err := rows.Scan(&r.MergeID, &r.Source, &report, &at); err != nil {
			probs = append(probs, Problem{Table: "merges", ID: fmt.Sprintf("record %d", n),
				Problem: fmt.Sprintf("the merge record cannot be read (%v)", err)})
			continue
		}
		var rep struct {
			Refused []RefusedRow `json:"refused"`
			Total   int          `json:"refused_total"`
		}
		if err := json.Unmarshal([]byte(report), &rep); err != nil {
			probs = append(probs, Problem{Table: "merges", ID: r.MergeID, Column: "report",
				Problem: fmt.Sprintf("the merge report cannot be read (%v); its refused rows are not shown", err)})
			continue
		}
		if len(rep.Refused) == 0 {
			continue
		}
		r.Rows, r.Total = rep.Refused, max(rep.Total, len(rep.Refused))
		if r.At, err = parseTime(at); err != nil {
			probs = append(probs, Problem{Table: "merges", ID: r.MergeID, Column: "created_at", Problem: "created_at " + checkTime(at).Error()})
		}
		out = append(out, r)
	}
	s.note(probs)
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("refused merge rows: %w", classify(err))
	}
	return out, nil
}

// ForgetRefusals clears the refused rows recorded for merge mergeID (the
// rest of its record stays): the researcher has dealt with them.
// ErrNotFound when there is no such merge.
func (s *Store) ForgetRefusals(ctx context.Context, mergeID string) error {
	return s.write(ctx, "forget refused merge rows", func(tx *wtx) error {
		res, err := tx.exec(`UPDATE merges SET report = json_set(report, '$.refused', json('[]'), '$.refused_total', 0),
			updated_at = ? WHERE id = ?`, fmtTime(nowUTC()), mergeID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("merge %q: %w", mergeID, ErrNotFound)
		}
		return nil
	})
}
